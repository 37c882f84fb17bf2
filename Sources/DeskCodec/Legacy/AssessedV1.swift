import DeskDomain

/// `assessed` at schema 1: assessments written before the two axes were split from the classification carry
/// `meansAcceptable` instead of `means`, and no reason.
struct AssessedV1: LegacyPayload {
    var validity: DemandValidity
    var behaviours: [BehaviourType]
    var opinion: Personal?
    var means: Means?
    /// Read only when `means` is absent.
    var meansAcceptable: Bool?
    var reason: Personal?

    enum CodingKeys: String, CodingKey { case validity, means, behaviours, reason, opinion, meansAcceptable }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        validity = try c.decode(DemandValidity.self, forKey: .validity)
        behaviours = try c.decode([BehaviourType].self, forKey: .behaviours)
        opinion = try c.decodeIfPresent(Personal.self, forKey: .opinion)
        means = try c.decodeIfPresent(Means.self, forKey: .means)
        if means == nil { meansAcceptable = try c.decode(Bool.self, forKey: .meansAcceptable) }
        reason = try c.decodeIfPresent(Personal.self, forKey: .reason)
    }

    /// The means they recorded, and a reason marked as not recorded (under the opinion's subject when there is one).
    func upcast() -> Assessed {
        Assessed(validity: validity, means: means ?? (meansAcceptable == true ? .acceptable : .unacceptable),
                 behaviours: behaviours,
                 reason: reason ?? Personal(subject: opinion?.subject ?? SubjectID("s-0000000000000000"),
                                            content: .open("(no reason recorded)")),
                 opinion: opinion)
    }
}
