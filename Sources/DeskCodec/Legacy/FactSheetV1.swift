import DeskDomain

/// `factsRecorded` at schema 1 (also the answers of a schema-1 `handedOver`): facts were added over time
/// (`shoutingOrAbuse` last), so any of them may be absent; an absent fact reads as not answered.
struct FactSheetV1: LegacyPayload {
    var weaponOrPhysicalContact: Bool?
    var threatToLifeOrArson: Bool?
    var refusesToLeave: Bool?
    var minutesSpent: Int?
    var earlierContacts: Int?
    var apologyDemand: Bool?
    var demandAboutEmployee: Bool?
    var sexualRemarksOrFollowing: Bool?
    var filmingOrPosting: Bool?
    var discriminatoryRemarks: Bool?
    var excessiveMoneyDemand: Bool?
    var offSiteSummons: Bool?
    var reviewOrMediaThreat: Bool?
    var shoutingOrAbuse: Bool?

    func upcast() -> FactSheet {
        var f = FactSheet()
        f.weaponOrPhysicalContact = weaponOrPhysicalContact ?? false
        f.threatToLifeOrArson = threatToLifeOrArson ?? false
        f.refusesToLeave = refusesToLeave ?? false
        f.minutesSpent = minutesSpent ?? 0
        f.earlierContacts = earlierContacts ?? 0
        f.apologyDemand = apologyDemand ?? false
        f.demandAboutEmployee = demandAboutEmployee ?? false
        f.sexualRemarksOrFollowing = sexualRemarksOrFollowing ?? false
        f.filmingOrPosting = filmingOrPosting ?? false
        f.discriminatoryRemarks = discriminatoryRemarks ?? false
        f.excessiveMoneyDemand = excessiveMoneyDemand ?? false
        f.offSiteSummons = offSiteSummons ?? false
        f.reviewOrMediaThreat = reviewOrMediaThreat ?? false
        f.shoutingOrAbuse = shoutingOrAbuse ?? false
        return f
    }
}
