import DeskDomain

/// Why an append did not happen.
public enum AppendError: Error, Equatable, Sendable, CustomStringConvertible {
    case wrongExpectedVersion(stream: StreamID, expected: ExpectedVersion, actual: Int)
    case duplicateSubmission(existing: CaseID)
    /// Another process held the write lock longer than the busy timeout: mado's own work on the whole log (a rebuild, a
    /// restore) when it was recorded, else a process that is not mado's (a `sqlite3` shell, a process stopped mid-write).
    case busy(Maintenance?)
    case database(String)

    public var description: String {
        switch self {
        case let .wrongExpectedVersion(s, e, a):
            "\(s) changed meanwhile: expected \(e), found version \(a); reload and try again"
        case let .duplicateSubmission(c):
            "this submission was already taken in as case \(c)"
        case .busy(let m?): "the database stayed busy: \(m) holds it; try again when it is done"
        case .busy(nil):
            "the database stayed busy: another process held the write lock (not a mado rebuild or restore: perhaps a sqlite3 shell or a process stopped mid-write); try again"
        case let .database(m): "database error: \(m)"
        }
    }
}
