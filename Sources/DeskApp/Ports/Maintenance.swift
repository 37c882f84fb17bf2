/// Work on the whole log that other terminals may notice (a rebuild, a restore): what it is, who runs it, where and
/// since when. The store records it while the work runs, so that a refused append and a second rebuild can say so.
public struct Maintenance: Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case rebuild, restore
    }

    public let kind: Kind
    public let user: String
    public let pid: Int32
    public let host: String
    /// When it began (`YYYY-MM-DDTHH:MM:SS.mmmZ`, UTC).
    public let since: String

    public init(kind: Kind, user: String, pid: Int32, host: String, since: String) {
        self.kind = kind
        self.user = user
        self.pid = pid
        self.host = host
        self.since = since
    }

    /// "a rebuild by tanaka (pid 4242 on desk1, since 2026-11-25T01:02:03.000Z)"
    public var description: String { "a \(kind.rawValue) by \(user) (pid \(pid) on \(host), since \(since))" }
}
