// Stored format: the raw values below are written to the log. Never rename one; add new cases.

/// How a case reached the desk.
public enum Channel: String, Codable, Sendable, CaseIterable {
    case counter, phone, answeringMachine, webForm, email
}

public enum Language: String, Codable, Sendable, CaseIterable {
    case ja, en
}

/// Where the policy routes a case.
public enum Lane: String, Codable, Sendable, CaseIterable, Comparable {
    /// Police now, 24/7, never paused by business hours.
    case danger
    /// Harassment suspected: script and leaflet, routed to the desk.
    case handover
    /// An ordinary complaint: normal remedy, still logged.
    case complaint

    public var rank: Int {
        switch self {
        case .danger: 0
        case .handover: 1
        case .complaint: 2
        }
    }
    public static func < (a: Lane, b: Lane) -> Bool { a.rank < b.rank }
}

/// Where a case is in its life.
public enum CaseStatus: String, Codable, Sendable, CaseIterable {
    case intake, handedOver, underReview, reported, closed, rejectedThreat, escalated

    /// Still in the desk's queue: not closed, not rejected.
    public var isOpen: Bool { self != .closed && self != .rejectedThreat }
}

/// The behaviour types of the MHLW manual, plus discrimination and demands about individuals.
public enum BehaviourType: String, Codable, Sendable, CaseIterable {
    case timeRestraint, repeatContact, verbalAbuse, violence, intimidation, authority, offSiteSummons,
         onlineDefamation, sexualHarassment, discrimination, demandAboutIndividual
}

/// The desk's roles; staff < operator < supervisor along the desk's line, the other two stand apart.
public enum Role: String, Codable, Sendable, CaseIterable {
    case staff, `operator`, supervisor, counsellor, auditor

    /// Whether this role may do what `needed` may (roles are cumulative along the desk's line).
    public func includes(_ needed: Role) -> Bool {
        switch (self, needed) {
        case (let a, let b) where a == b: true
        case (.supervisor, .operator), (.supervisor, .staff), (.operator, .staff): true
        default: false
        }
    }
}

public enum EscalationTarget: String, Codable, Sendable, CaseIterable {
    case police, lawyer, headquarters
}

/// How valid the demand is (first axis of the MHLW definition).
public enum DemandValidity: String, Codable, Sendable, CaseIterable {
    case valid, partlyValid, invalid, unclear
}

/// The second axis (MHLW manual): how the demand was pressed.
public enum Means: String, Codable, Sendable, CaseIterable {
    case acceptable, unacceptable, criminal
}

/// The desk's conclusion after verification.
public enum Classification: String, Codable, Sendable, CaseIterable {
    case legitimateComplaint, harassment
}
