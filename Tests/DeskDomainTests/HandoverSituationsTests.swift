import DeskDomain
import Testing

/// Counter and phone situations from the seeds and the national guidance, through the standard policy:
/// the clerk answers facts; the table, not the clerk, decides.
@Suite("hand-over situations")
struct HandoverSituationsTests {
    struct Situation: CustomTestStringConvertible, Sendable {
        let name: String
        let facts: [FactName: Int]
        let lane: Lane
        let rule: String
        let behaviours: Set<BehaviourType>
        let scripts: [String]
        let actions: Set<RequiredAction>
        var testDescription: String { name }
    }

    static let handover = "handover-to-desk"

    static let situations: [Situation] = [
        Situation(name: "a calm refund request for a faulty product", facts: [.minutesSpent: 10], lane: .complaint,
                  rule: "ordinary-complaint", behaviours: [], scripts: ["complaint-remedy"], actions: []),
        Situation(name: "a second visit about a late delivery, polite", facts: [.minutesSpent: 15, .earlierContacts: 1],
                  lane: .complaint, rule: "ordinary-complaint", behaviours: [], scripts: ["complaint-remedy"], actions: []),
        Situation(name: "a valid demand shouted with abuse for 30 minutes", facts: [.minutesSpent: 30, .shoutingOrAbuse: 1],
                  lane: .handover, rule: "too-long", behaviours: [.timeRestraint, .verbalAbuse], scripts: ["end-of-call", handover],
                  actions: [.secondStaff, .endOfCallScript]),
        Situation(name: "a demand for a kneeling apology", facts: [.apologyDemand: 1, .minutesSpent: 10], lane: .handover,
                  rule: "kneeling-apology", behaviours: [.authority], scripts: ["refuse-kneeling-apology", handover],
                  actions: [.secondStaff, .preserveEvidence]),
        Situation(name: "a three-hour sit-in for a written apology", facts: [.refusesToLeave: 1, .minutesSpent: 180, .apologyDemand: 1],
                  lane: .handover, rule: "sit-in", behaviours: [.timeRestraint, .authority], scripts: [handover, "leave-request"],
                  actions: [.secondStaff, .policeLadder, .preserveEvidence]),
        Situation(name: "a knife on the counter and \"I'll kill you\"", facts: [.weaponOrPhysicalContact: 1, .threatToLifeOrArson: 1],
                  lane: .danger, rule: "danger", behaviours: [.violence, .intimidation], scripts: ["danger-stop"],
                  actions: [.call110, .secondStaff, .preserveEvidence, .employeeCare]),
        Situation(name: "a caller threatening to set the shop on fire", facts: [.threatToLifeOrArson: 1, .minutesSpent: 5],
                  lane: .danger, rule: "danger", behaviours: [.intimidation], scripts: ["danger-stop"],
                  actions: [.call110, .secondStaff, .preserveEvidence, .employeeCare]),
        Situation(name: "a customer who grabs a nurse's arm", facts: [.weaponOrPhysicalContact: 1], lane: .danger, rule: "danger",
                  behaviours: [.violence], scripts: ["danger-stop"], actions: [.call110, .secondStaff, .preserveEvidence, .employeeCare]),
        Situation(name: "a repeat caller on the same matter, fifth call this week", facts: [.earlierContacts: 5, .minutesSpent: 20],
                  lane: .handover, rule: "repeat-contact", behaviours: [.repeatContact], scripts: [handover], actions: [.preserveEvidence]),
        Situation(name: "sexual remarks and waiting after the shift", facts: [.sexualRemarksOrFollowing: 1], lane: .handover,
                  rule: "sexual-or-stalking", behaviours: [.sexualHarassment], scripts: [handover],
                  actions: [.secondStaff, .preserveEvidence, .employeeCare]),
        Situation(name: "filming a clerk's face and posting it", facts: [.filmingOrPosting: 1], lane: .handover, rule: "filming-or-posting",
                  behaviours: [.onlineDefamation], scripts: ["refuse-filming", handover], actions: [.secondStaff, .preserveEvidence, .employeeCare]),
        Situation(name: "a demand to fire the clerk", facts: [.demandAboutEmployee: 1, .shoutingOrAbuse: 1], lane: .handover,
                  rule: "about-an-employee", behaviours: [.demandAboutIndividual, .verbalAbuse],
                  scripts: ["refuse-personal-contact", "refuse-discipline-talk", handover], actions: [.secondStaff, .preserveEvidence, .employeeCare]),
        Situation(name: "asking for a clerk's home address and phone number", facts: [.demandAboutEmployee: 1], lane: .handover,
                  rule: "about-an-employee", behaviours: [.demandAboutIndividual],
                  scripts: ["refuse-personal-contact", "refuse-discipline-talk", handover], actions: [.secondStaff, .preserveEvidence, .employeeCare]),
        Situation(name: "a huge sum demanded for a small mistake", facts: [.excessiveMoneyDemand: 1], lane: .handover,
                  rule: "other-harassment", behaviours: [.authority], scripts: [handover], actions: [.secondStaff, .preserveEvidence]),
        Situation(name: "\"come to my house and apologise\"", facts: [.offSiteSummons: 1], lane: .handover, rule: "other-harassment",
                  behaviours: [.offSiteSummons], scripts: [handover], actions: [.secondStaff, .preserveEvidence]),
        Situation(name: "a threat to write a one-star review and call the TV station", facts: [.reviewOrMediaThreat: 1], lane: .handover,
                  rule: "other-harassment", behaviours: [.intimidation], scripts: [handover], actions: [.secondStaff, .preserveEvidence]),
        Situation(name: "discriminatory remarks about a foreign clerk", facts: [.discriminatoryRemarks: 1], lane: .handover,
                  rule: "other-harassment", behaviours: [.discrimination], scripts: [handover], actions: [.secondStaff, .preserveEvidence]),
        Situation(name: "a passenger who will not leave the station office", facts: [.refusesToLeave: 1, .minutesSpent: 40], lane: .handover,
                  rule: "sit-in", behaviours: [.timeRestraint], scripts: [handover, "leave-request"],
                  actions: [.secondStaff, .policeLadder, .preserveEvidence]),
        Situation(name: "a forty-minute phone call going round in circles", facts: [.minutesSpent: 40, .earlierContacts: 1], lane: .handover,
                  rule: "too-long", behaviours: [.timeRestraint], scripts: ["end-of-call", handover], actions: [.secondStaff, .endOfCallScript]),
        Situation(name: "a guest filming staff and threatening to post with abuse for an hour",
                  facts: [.filmingOrPosting: 1, .shoutingOrAbuse: 1, .minutesSpent: 60, .reviewOrMediaThreat: 1], lane: .handover,
                  rule: "filming-or-posting", behaviours: [.onlineDefamation, .verbalAbuse, .timeRestraint, .intimidation],
                  scripts: ["refuse-filming", handover], actions: [.secondStaff, .preserveEvidence, .employeeCare]),
        Situation(name: "a patient's relative shouting once, then calming down", facts: [.shoutingOrAbuse: 1, .minutesSpent: 8],
                  lane: .handover, rule: "other-harassment", behaviours: [.verbalAbuse], scripts: [handover], actions: [.secondStaff, .preserveEvidence]),
        Situation(name: "a resident at the city hall asking the same question twice", facts: [.earlierContacts: 2, .minutesSpent: 25],
                  lane: .complaint, rule: "ordinary-complaint", behaviours: [], scripts: ["complaint-remedy"], actions: []),
    ]

    @Test("the standard policy decides each situation", arguments: situations)
    func decide(_ s: Situation) {
        var f = FactSheet()
        for (k, v) in s.facts { f.set(k, v) }
        let h = PolicyTable.standard.decide(f)
        #expect(h.lane == s.lane)
        #expect(h.rule == s.rule)
        #expect(Set(h.behaviours) == s.behaviours && h.behaviours.count == s.behaviours.count)
        #expect(h.scripts == s.scripts)
        #expect(Set(h.actions) == s.actions)
        #expect(h.answers == f && h.policyVersion == "standard/2" && h.leaflet == "desk-leaflet")
        // Every script named can be shown in both languages.
        for id in h.scripts { #expect(PolicyTable.standard.script(id).map { !$0.ja.isEmpty && !$0.en.isEmpty } == true) }
    }

    @Test("at least twenty situations, covering every lane and every fact")
    func coverage() {
        #expect(Self.situations.count >= 20)
        #expect(Set(Self.situations.map(\.lane)) == Set(Lane.allCases))
        #expect(Set(Self.situations.flatMap { $0.facts.keys }) == Set(FactName.allCases))
    }
}
