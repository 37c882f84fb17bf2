/// Why a command was refused. Says what a person needs to know; never echoes free text.
public enum DecideError: Error, Hashable, Sendable, CustomStringConvertible {
    case noSuchCase
    case alreadyExists
    case wrongState(command: String, status: CaseStatus)
    case missing(command: String, what: String)
    case roleNotAllowed(command: String, role: Role, needs: Role)
    case invalid(field: String, reason: String)

    public var description: String {
        switch self {
        case .noSuchCase: "there is no such case"
        case .alreadyExists: "the case already exists"
        case let .wrongState(c, s): "cannot \(c): the case is \(s.rawValue)"
        case let .missing(c, w): "cannot \(c): \(w) first"
        case let .roleNotAllowed(c, r, n): "\(Self.article(r)) may not \(c); it needs \(Self.article(n))"
        case let .invalid(f, r): "\(f): \(r)"
        }
    }

    /// "staff", "an operator", "a supervisor": the role as a person, for messages.
    static func article(_ r: Role) -> String {
        switch r {
        case .staff: "staff"
        case .operator, .auditor: "an \(r.rawValue)"
        default: "a \(r.rawValue)"
        }
    }
}
