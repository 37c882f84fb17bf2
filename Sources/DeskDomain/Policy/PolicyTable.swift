/// A fact a rule can test.
public enum FactName: String, Codable, Sendable, CaseIterable {
    case weaponOrPhysicalContact, threatToLifeOrArson, refusesToLeave, minutesSpent, earlierContacts,
         apologyDemand, demandAboutEmployee, sexualRemarksOrFollowing, filmingOrPosting,
         discriminatoryRemarks, excessiveMoneyDemand, offSiteSummons, reviewOrMediaThreat

    /// The fact's value as a number: 1 or 0 for yes/no facts.
    public func value(in f: FactSheet) -> Int {
        switch self {
        case .weaponOrPhysicalContact: f.weaponOrPhysicalContact ? 1 : 0
        case .threatToLifeOrArson: f.threatToLifeOrArson ? 1 : 0
        case .refusesToLeave: f.refusesToLeave ? 1 : 0
        case .minutesSpent: f.minutesSpent
        case .earlierContacts: f.earlierContacts
        case .apologyDemand: f.apologyDemand ? 1 : 0
        case .demandAboutEmployee: f.demandAboutEmployee ? 1 : 0
        case .sexualRemarksOrFollowing: f.sexualRemarksOrFollowing ? 1 : 0
        case .filmingOrPosting: f.filmingOrPosting ? 1 : 0
        case .discriminatoryRemarks: f.discriminatoryRemarks ? 1 : 0
        case .excessiveMoneyDemand: f.excessiveMoneyDemand ? 1 : 0
        case .offSiteSummons: f.offSiteSummons ? 1 : 0
        case .reviewOrMediaThreat: f.reviewOrMediaThreat ? 1 : 0
        }
    }

    /// The behaviour type a positive answer indicates.
    public var behaviour: BehaviourType {
        switch self {
        case .weaponOrPhysicalContact: .violence
        case .threatToLifeOrArson, .reviewOrMediaThreat: .intimidation
        case .refusesToLeave, .minutesSpent: .timeRestraint
        case .earlierContacts: .repeatContact
        case .apologyDemand, .excessiveMoneyDemand: .authority
        case .demandAboutEmployee: .demandAboutIndividual
        case .sexualRemarksOrFollowing: .sexualHarassment
        case .filmingOrPosting: .onlineDefamation
        case .discriminatoryRemarks: .discrimination
        case .offSiteSummons: .offSiteSummons
        }
    }
}

/// A fact at or above a threshold (1 for a yes/no fact).
public struct FactCondition: Hashable, Codable, Sendable {
    public var fact: FactName
    public var atLeast: Int
    public init(_ fact: FactName, atLeast: Int = 1) {
        self.fact = fact
        self.atLeast = atLeast
    }
    public func holds(for f: FactSheet) -> Bool { fact.value(in: f) >= atLeast }
}

/// One rule: when any condition holds (or always, with none), route to `lane`.
public struct PolicyRule: Hashable, Codable, Sendable {
    public var id: String
    public var anyOf: [FactCondition]
    public var lane: Lane
    public var script: String
    public var leaflet: String
    public init(id: String, anyOf: [FactCondition], lane: Lane, script: String, leaflet: String) {
        self.id = id
        self.anyOf = anyOf
        self.lane = lane
        self.script = script
        self.leaflet = leaflet
    }
}

/// A versioned decision table: the first rule that matches decides. Data, not code branches.
public struct PolicyTable: Hashable, Codable, Sendable {
    public var id: String
    public var version: String
    public var rules: [PolicyRule]

    public init(id: String, version: String, rules: [PolicyRule]) {
        self.id = id
        self.version = version
        self.rules = rules
    }

    /// The lane, rule and behaviour types for a fact sheet.
    public func decide(_ facts: FactSheet) -> HandedOver {
        // A table with no matching rule hands over: the desk, not the clerk, then decides.
        let rule = rules.first { $0.anyOf.isEmpty || $0.anyOf.contains { $0.holds(for: facts) } }
            ?? PolicyRule(id: "no-rule-matched", anyOf: [], lane: .handover, script: "handover-to-desk", leaflet: "desk-leaflet")
        var behaviours: [BehaviourType] = []
        for r in rules { for c in r.anyOf where c.holds(for: facts) && !behaviours.contains(c.fact.behaviour) {
            behaviours.append(c.fact.behaviour)
        } }
        return HandedOver(lane: rule.lane, rule: rule.id, policyVersion: "\(id)/\(version)", behaviours: behaviours,
                          script: rule.script, leaflet: rule.leaflet)
    }

    /// The table shipped with mado until an organization loads its own.
    public static let standard = PolicyTable(id: "standard", version: "1", rules: [
        PolicyRule(id: "danger", anyOf: [FactCondition(.weaponOrPhysicalContact), FactCondition(.threatToLifeOrArson)],
                   lane: .danger, script: "call-police", leaflet: "desk-leaflet"),
        PolicyRule(id: "harassment-suspected", anyOf: [
            FactCondition(.refusesToLeave), FactCondition(.minutesSpent, atLeast: 30),
            FactCondition(.earlierContacts, atLeast: 3), FactCondition(.apologyDemand),
            FactCondition(.demandAboutEmployee), FactCondition(.sexualRemarksOrFollowing),
            FactCondition(.filmingOrPosting), FactCondition(.discriminatoryRemarks),
            FactCondition(.excessiveMoneyDemand), FactCondition(.offSiteSummons), FactCondition(.reviewOrMediaThreat),
        ], lane: .handover, script: "handover-to-desk", leaflet: "desk-leaflet"),
        PolicyRule(id: "ordinary-complaint", anyOf: [], lane: .complaint, script: "complaint-remedy", leaflet: "desk-leaflet"),
    ])
}
