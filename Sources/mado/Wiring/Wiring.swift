import DeskApp
import DeskStore
import Foundation

/// The composition root: the one place that picks the concrete store and builds the desk on it. Every subcommand and
/// the console get a `Desk` from here and see nothing below it.
enum Wiring {
    /// The desk on the database `options` name, acting for the OS user. `requireKey`: refuse without a usable key file
    /// (commands that seal), instead of hiding personal fields.
    static func desk(_ options: StoreOptions, requireKey: Bool = false) throws -> Desk {
        desk(noteReadOnly(try SQLiteEventStore.open(path: options.databasePath, keyFile: options.keyFilePath, requireKey: requireKey)))
    }

    /// Says on standard error when a database could only be opened read-only, and why.
    static func noteReadOnly(_ store: SQLiteEventStore) -> SQLiteEventStore {
        if let why = store.readOnlyReason {
            warn("opened \(store.path) read-only (\(why)): it can be verified and read; nothing can be recorded in it")
        }
        return store
    }

    /// Creates a desk database and its key file; the OS user becomes its first supervisor. Returns the key file's path.
    static func initialize(path: String, keyFile: String?, displayName: String, at now: Date) throws -> (desk: Desk, keyFile: String) {
        let store = try SQLiteEventStore.initialize(path: path, keyFile: keyFile, supervisor: Identity.osUser, displayName: displayName,
                                                    at: now)
        return (desk(store), store.keyFilePath)
    }

    private static func desk(_ store: SQLiteEventStore) -> Desk { Desk(log: store, reads: store, user: Identity.osUser) }
}
