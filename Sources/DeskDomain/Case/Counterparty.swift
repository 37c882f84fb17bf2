/// Where a counterparty stands with the organizations the desk serves: warned, or banned (service
/// refused) until a day. Decided by a supervisor, with a reason; it lapses on its own after `until`.
public enum Standing: String, Codable, Sendable, CaseIterable {
    case none, warned, banned
}

public struct StandingSet: Hashable, Codable, Sendable {
    public var standing: Standing
    /// The last day it applies (Japan); nil for none.
    public var until: LocalDate?
    /// Why, sealed under the counterparty (it is about them).
    public var reason: Personal
    public init(standing: Standing, until: LocalDate?, reason: Personal) {
        self.standing = standing
        self.until = until
        self.reason = reason
    }

    /// The standing on `day`: a warning or ban past its last day has lapsed.
    public func effective(on day: LocalDate) -> Standing { standing.effective(until: until, on: day) }
}

extension Standing {
    /// This standing on `day`, if it applies until `until`: a warning or ban past its last day has lapsed.
    public func effective(until: LocalDate?, on day: LocalDate) -> Standing {
        guard self != .none, let until, until >= day else { return .none }
        return self
    }
}

/// Decides a standing change for a counterparty. Pure.
public enum CounterpartyDecider {
    /// The longest a warning or ban may be set for in one decision.
    public static let maxDays = 3 * 366

    public static func decide(_ change: StandingSet, today: LocalDate) throws(DecideError) -> [DeskEvent] {
        guard !(change.reason.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .missing(command: "set a counterparty's standing", what: "the reason")
        }
        switch change.standing {
        case .none:
            guard change.until == nil else { throw .invalid(field: "until", reason: "lifting a standing takes no end date") }
        case .warned, .banned:
            guard let until = change.until else { throw .invalid(field: "until", reason: "a warning or ban needs its last day") }
            guard until >= today else { throw .invalid(field: "until", reason: "\(until) is already past") }
            guard until.dayNumber - today.dayNumber <= maxDays else {
                throw .invalid(field: "until", reason: "at most \(maxDays) days ahead; decide again when it lapses")
            }
        }
        return [.standingSet(change)]
    }
}
