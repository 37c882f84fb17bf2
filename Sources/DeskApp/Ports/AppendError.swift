import DeskDomain

/// Why an append did not happen.
public enum AppendError: Error, Equatable, Sendable, CustomStringConvertible {
    case wrongExpectedVersion(stream: StreamID, expected: ExpectedVersion, actual: Int)
    case duplicateSubmission(existing: CaseID)
    /// Other processes held the write lock longer than the busy timeout.
    case busy
    case database(String)

    public var description: String {
        switch self {
        case let .wrongExpectedVersion(s, e, a):
            "\(s) changed meanwhile: expected \(e), found version \(a); reload and try again"
        case let .duplicateSubmission(c):
            "this submission was already taken in as case \(c)"
        case .busy: "the database stayed busy (other terminals writing); try again"
        case let .database(m): "database error: \(m)"
        }
    }
}
