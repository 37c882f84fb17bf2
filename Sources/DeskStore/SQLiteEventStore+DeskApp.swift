import DeskApp
import DeskDomain

/// The embedded store is the desk's log and its read models.
extension SQLiteEventStore: EventLog, DeskReads {
    public func watch() throws -> any LogWatcher { try ChangeNotifier(path: path) }
}

extension ChangeNotifier: LogWatcher {}
