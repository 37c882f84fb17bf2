import DeskApp
import DeskStore
import Foundation

/// The composition root: the one place that picks the concrete store and builds the desk on it. Every subcommand and
/// the console get a `Desk` from here and see nothing below it.
enum Wiring {
    /// The desk on the database `options` name, acting for the OS user. `requireKey`: refuse without a usable key file
    /// (commands that seal), instead of hiding personal fields.
    static func desk(_ options: StoreOptions, requireKey: Bool = false) throws -> Desk {
        let place = try place(options)
        return desk(try SQLiteEventStore.open(path: place.db, keyFile: place.keyFile, requireKey: requireKey))
    }

    /// Where the desk's files are. A set-group-id mado keeps the desk group's rights for a desk `/etc/mado/desks.toml`
    /// names (with its own key file only, and the only desk when none is named); any other database it opens with the
    /// user's own rights, the group given up first.
    static func place(_ options: StoreOptions) throws -> (db: String, keyFile: String?) {
        guard Privileges.deskGroup != nil else { return (options.databasePath, options.keyFilePath) }
        let (registry, problem) = DeskRegistry.load()
        if let problem { warn(problem) }
        let named = options.db ?? ProcessInfo.processInfo.environment["MADO_DB"].flatMap { $0.isEmpty ? nil : $0 }
        let asked = named ?? (registry.desks.count == 1 ? registry.desks[0].db : StoreOptions.defaultDatabasePath)
        if let registered = registry.desk(for: asked) {
            if let k = options.keyFile, DeskRegistry.canonical(k) != DeskRegistry.canonical(registered.keyFile) {
                throw Refusal("--key-file must be the desk's own key file (\(registered.keyFile)) while mado runs set-group-id")
            }
            return (registered.db, registered.keyFile)
        }
        try Privileges.dropGroup()
        return (asked, options.keyFilePath)
    }

    /// Creates a desk database and its key file; the OS user becomes its first supervisor. Returns the key file's path.
    /// A new database is nobody's registered desk: a set-group-id mado makes it with the user's own rights.
    static func initialize(path: String, keyFile: String?, displayName: String, at now: Date) throws -> (desk: Desk, keyFile: String) {
        try Privileges.dropGroup()
        return try initializeForGroup(path: path, keyFile: keyFile, displayName: displayName, at: now)
    }

    /// The same, keeping the process's rights (root making a desk for its group: `mado init --group`).
    static func initializeForGroup(path: String, keyFile: String?, displayName: String, at now: Date) throws -> (desk: Desk, keyFile: String) {
        let store = try SQLiteEventStore.initialize(path: path, keyFile: keyFile, supervisor: Identity.osUser, displayName: displayName,
                                                    at: now)
        return (desk(store), store.keyFilePath)
    }

    private static func desk(_ store: SQLiteEventStore) -> Desk { Desk(log: store, reads: store, user: Identity.osUser) }
}
