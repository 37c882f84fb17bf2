import Foundation
import GRDB

/// Tells when any process has committed to the database: one dedicated connection, kept for the life of
/// the process, polls `PRAGMA data_version` (its value is per connection, so a pool's rotating readers
/// would give wrong answers; GRDB's observation does not see other processes).
public final class ChangeNotifier {
    private let queue: DatabaseQueue
    private var last: Int

    public init(path: String) throws {
        var c = Configuration()
        c.readonly = true
        c.busyMode = .timeout(5)
        queue = try DatabaseQueue(path: path, configuration: c)
        last = try queue.read { try Int.fetchOne($0, sql: "PRAGMA data_version") ?? 0 }
    }

    /// True when the log changed since the last call.
    public func poll() -> Bool {
        guard let v = try? queue.read({ try Int.fetchOne($0, sql: "PRAGMA data_version") ?? 0 }) else { return false }
        defer { last = v }
        return v != last
    }
}
