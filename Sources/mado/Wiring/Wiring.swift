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
        return desk(noteReadOnly(try SQLiteEventStore.open(path: place.db, keyFile: place.keyFile, requireKey: requireKey)))
    }

    /// Says on standard error when a database could only be opened read-only, and why.
    static func noteReadOnly(_ store: SQLiteEventStore) -> SQLiteEventStore {
        if let why = store.readOnlyReason {
            warn(say("opened \(store.path) read-only (\(why)): it can be verified and read; nothing can be recorded in it",
                     "\(store.path) を読み取り専用で開きました (\(why))。検証と閲覧はできますが、記録はできません"))
        }
        return store
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

    /// The desk on a copy (a backup, a file to restore), opened read-only whatever its mode: checking it changes nothing
    /// in it. A file that is missing is `LogError.noInput`; one that is no desk database, or that SQLite cannot read,
    /// does not verify.
    static func copyDesk(_ path: String, keyFile: String? = nil) throws -> Desk {
        do {
            return desk(try SQLiteEventStore.open(path: path, keyFile: keyFile, readOnly: true))
        } catch StoreError.noDatabase {
            throw LogError.noInput(path: path)
        } catch let e as StoreError {
            throw LogError.doesNotVerify(what: path, reason: e.description)
        }
    }

    /// Verifies a copy as `mado verify` does (`Desk.verify`), after SQLite's own check of its pages; throws
    /// `LogError.doesNotVerify` naming `name` (what the copy will be called) when it does not.
    static func verifyCopy(_ path: String, naming name: String) throws {
        let copy: Desk
        do { copy = try copyDesk(path) } catch LogError.doesNotVerify(_, let reason) { throw LogError.doesNotVerify(what: name, reason: reason) }
        defer { copy.close() }
        try copy.verifyWhole(name)
    }

    /// The desk key file these options name (`--key-file`, `$MADO_KEY_FILE`, else beside the database).
    static func keyFile(_ options: StoreOptions) -> String {
        options.keyFilePath ?? SQLiteEventStore.defaultKeyFile(for: options.databasePath)
    }
}
