/// Why a command was refused. Says what a person needs to know; never echoes free text.
public enum DecideError: Error, Hashable, Sendable, CustomStringConvertible {
    case noSuchCase
    case alreadyExists
    case wrongState(command: String, status: CaseStatus)
    case missing(command: String, what: String)
    case invalid(field: String, reason: String)

    public var description: String {
        switch self {
        case .noSuchCase: "there is no such case"
        case .alreadyExists: "the case already exists"
        case let .wrongState(c, s): "cannot \(c): the case is \(s.label.en)"
        case let .missing(c, w): "cannot \(c): \(w) first"
        case let .invalid(f, r): "\(f): \(r)"
        }
    }
}
