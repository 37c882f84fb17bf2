import DeskApp
import DeskDomain
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The desk's database: the hash-chained event log, its projections and the subject key store.
/// Every change goes through a named method that keeps the invariants in one transaction.
public final class SQLiteEventStore: Sendable {
    public let path: String
    public let keyFilePath: String
    let pool: DatabasePool
    /// The desk key and subject keys of this process (locked when no usable key file).
    public let keyring: SubjectKeyring
    /// Off unless a benchmark turns it on.
    public let timings = AppendTimings()
    /// Why personal data is hidden in this process, when it is.
    public let keyFailure: StoreError?
    public var keyProblem: String? { keyFailure?.description }
    /// Why this process may only read the database (`you may not write to it`, a read-only file system), nil when it may write.
    public let readOnlyReason: String?
    /// Refuses what would write, naming the file and why it is read-only.
    public var readOnly: LogError? { readOnlyReason.map { LogError.readOnly(path: path, reason: $0) } }

    /// Throws `readOnly` before anything that writes.
    func refuseIfReadOnly() throws { if let e = readOnly { throw e } }

    /// The key file that belongs to a database unless `--key-file` or `MADO_KEY_FILE` says otherwise.
    public static func defaultKeyFile(for dbPath: String) -> String { dbPath + ".key" }

    static func configuration(busyTimeout: TimeInterval = 30) -> Configuration {
        var c = Configuration()
        c.busyMode = .timeout(busyTimeout)
        c.journalMode = .wal
        c.prepareDatabase { db in
            // Erased rows are overwritten with zeros, not just unlinked.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            // Sorts and temporary tables stay in memory: a temporary file would belong to the user running mado, in a
            // directory of their choosing, even when mado runs with the desk group's rights.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        return c
    }

    private init(path: String, keyFilePath: String, pool: DatabasePool, deskKey: DeskKey?, keyProblem: StoreError?,
                 passThrough: Bool, readOnlyReason: String?) {
        self.path = path
        self.keyFilePath = keyFilePath
        self.pool = pool
        self.keyFailure = keyProblem
        self.readOnlyReason = readOnlyReason
        // Keys load on first use, possibly while a read or the write transaction is running
        // (decoding opens fields): a reentrant read uses that connection.
        self.keyring = SubjectKeyring(deskKey: deskKey, passThrough: passThrough) { [pool] id in
            try? pool.unsafeReentrantRead { db in
                try Data.fetchOne(db, sql: "SELECT wrapped FROM subject_keys WHERE subject_id = ?", arguments: [id.rawValue])
            }
        }
    }

    /// Opens an initialized database. A missing or unusable key file leaves personal data locked
    /// (`keyProblem` says why) unless `requireKey` is set, when it is an error.
    /// How commits reach the disk: `full` (the product's promise: a committed event survives a power cut)
    /// or `normal` (WAL's default: survives a crash of the process, not of the machine; benchmarks W2-W4).
    public enum Durability: String, Sendable { case full = "FULL", normal = "NORMAL" }

    /// A file this process may read but not write (a copy in an archive, on a read-only mount, or one the user may
    /// only read) is opened read-only, and `readOnlyReason` says why; `readOnly` opens it so even when it could be
    /// written (checking a backup changes nothing in it). `busyTimeout`: how long an append waits for another
    /// process's write lock before it gives up (tests shorten it).
    public static func open(path: String, keyFile: String? = nil, requireKey: Bool = false,
                            durability: Durability = .full, busyTimeout: TimeInterval = 30,
                            readOnly: Bool = false) throws -> SQLiteEventStore {
        guard FileManager.default.fileExists(atPath: path) else {
            // A directory the user may not search hides the file: a permission problem, not a missing desk.
            if let dir = FileAccess.unsearchableDirectory(on: path) {
                throw StoreError.io("cannot open \(path): \(FileAccess.denied(dir))")
            }
            throw StoreError.noDatabase(path: path)
        }
        let readOnlyReason = try checkAccess(path) ?? (readOnly ? "opened so on purpose" : nil)
        var config = configuration(busyTimeout: busyTimeout)
        config.readonly = readOnlyReason != nil
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: readOnlyReason == nil ? path : readOnlyLocation(path), configuration: config)
            try checkSchema(pool, path: path, readOnly: readOnlyReason != nil)
        } catch let e as DatabaseError where e.resultCode == .SQLITE_NOTADB || e.resultCode == .SQLITE_CORRUPT {
            // A torn or truncated copy: say that it does not verify rather than quote SQL.
            throw LogError.doesNotVerify(what: path, reason: "SQLite cannot read it (\(e.message ?? "\(e.resultCode)"))")
        }
        if readOnlyReason == nil {
            try pool.writeWithoutTransaction { db in
                // GRDB resets synchronous when it switches to WAL: promise durability after opening.
                try db.execute(sql: "PRAGMA synchronous = \(durability.rawValue)")
            }
        }
        let keyPath = keyFile ?? defaultKeyFile(for: path)
        var deskKey: DeskKey?
        var problem: StoreError?
        let sealing = try pool.read { try String.fetchOne($0, sql: "SELECT value FROM desk_meta WHERE key = 'sealing'") }
        if sealing == "pass-through" {
            return SQLiteEventStore(path: path, keyFilePath: keyPath, pool: pool, deskKey: nil, keyProblem: nil, passThrough: true,
                                    readOnlyReason: readOnlyReason)
        }
        do {
            let k = try DeskKey.load(from: keyPath)
            let stored = try pool.read { try String.fetchOne($0, sql: "SELECT value FROM desk_meta WHERE key = 'key_check'") }
            guard stored == k.checkValue else { throw StoreError.keyFileOfAnotherDesk(path: keyPath) }
            deskKey = k
        } catch let e as StoreError {
            if requireKey { throw e }
            problem = e
        }
        let store = SQLiteEventStore(path: path, keyFilePath: keyPath, pool: pool, deskKey: deskKey, keyProblem: problem,
                                     passThrough: false, readOnlyReason: readOnlyReason)
        if readOnlyReason == nil {
            try? store.retryPendingTruncate()
            try? store.cleanUpInterruptedRebuild()
        }
        return store
    }

    /// Creates a new desk database and its key file; the caller becomes the first supervisor.
    /// Files are created for the desk's group only (0660 database, 0640 key); on any failure nothing is left behind.
    /// `passThrough` stores personal fields unencrypted, with no key file: for `mado bench store` without
    /// `--sealed` only. The mode is written into the database and can never change.
    public static func initialize(path: String, keyFile: String? = nil, supervisor: String, displayName: String,
                                  at now: Date, passThrough: Bool = false) throws -> SQLiteEventStore {
        let keyPath = keyFile ?? defaultKeyFile(for: path)
        let dir = (path as NSString).deletingLastPathComponent
        let existed = FileManager.default.fileExists(atPath: path)
        if existed {
            let pool = try DatabasePool(path: path, configuration: configuration())
            let hasEvents = try pool.read { db in try db.tableExists("events") }
            try pool.close()
            if hasEvents { throw StoreError.alreadyInitialized(path: path) }
        }
        if FileManager.default.fileExists(atPath: keyPath) { throw StoreError.keyFileExists(path: keyPath) }
        let oldMask = umask(0o007)            // nothing of the desk is readable by others
        defer { umask(oldMask) }
        if !existed {
            try FileManager.default.createDirectory(atPath: dir.isEmpty ? "." : dir, withIntermediateDirectories: true)
        }
        // The key first: a database that exists is always one whose key file exists too.
        let key = passThrough ? nil : try DeskKey.create(at: keyPath, groupOf: dir.isEmpty ? "." : dir)
        func undo() {
            if key != nil { try? FileManager.default.removeItem(atPath: keyPath) }
            if !existed { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration())
            chmod(path, 0o660)
            try Migrations.migrator.migrate(pool)
            try pool.write { db in
                try db.execute(sql: "INSERT INTO desk_meta(key, value) VALUES ('key_check', ?), ('desk_id', ?), ('sealing', ?)",
                               arguments: [key?.checkValue ?? "-", UUID().uuidString.lowercased(),
                                           passThrough ? "pass-through" : "aes-gcm"])
            }
            try pool.close()
            let store = try open(path: path, keyFile: keyPath, requireKey: !passThrough)
            try store.append([.staffAdded(StaffAdded(user: supervisor, displayName: displayName, role: .supervisor))],
                             to: .stream(.staff(supervisor)), expected: .noStream, actor: Actor(supervisor), at: now,
                             newSubjects: [], evidence: [])
            return store
        } catch {
            undo()
            throw error
        }
    }

    /// A desk database is shared through its directory's group: say so instead of SQLite's "unable to open" when the
    /// file cannot be read. One that can be read but not written (an archived copy, a read-only mount, a file the user
    /// may only read) is opened read-only: returns why.
    static func checkAccess(_ path: String) throws -> String? {
        let dir = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        // The effective ids throughout: a set-group-id mado reaches the desk through its group, which the user is not in.
        if let blocked = FileAccess.unsearchableDirectory(on: path) ?? (Self.may(path, R_OK) ? nil : path) {
            throw StoreError.io("cannot open \(path): \(FileAccess.denied(blocked))")
        }
        let reason: String
        if let why = FileAccess.notWritable(path) {
            reason = why
        } else if !Self.may(dir, R_OK | X_OK) {
            reason = FileAccess.denied(dir)
        } else if let why = FileAccess.notWritable(dir, directory: true) {
            reason = why
        } else {
            return nil
        }
        // The last commits of a WAL database may be in its -wal, found through its -shm: both must be readable.
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) && !Self.may(path + suffix, R_OK) {
            throw StoreError.io("cannot open \(path) read-only: SQLite needs \(path + suffix) beside it, and you may not read that file")
        }
        return reason
    }

    /// Whether this process may open `path` so, by its effective ids (errno says why not).
    static func may(_ path: String, _ mode: Int32) -> Bool { faccessat(AT_FDCWD, path, mode, AT_EACCESS) == 0 }

    /// What SQLite opens for a read-only database. A WAL-mode file whose -wal and -shm are gone opens only as immutable
    /// where they cannot be made: done when nobody can change the file either (a read-only file system, or a file
    /// without a write bit).
    static func readOnlyLocation(_ path: String) -> String {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: path + "-wal"), !fm.fileExists(atPath: path + "-shm"),
              let header = FileHandle(forReadingAtPath: path).flatMap({ h in defer { try? h.close() }; return try? h.read(upToCount: 20) }),
              header.count == 20, header[18] == 2 else { return path }
        var fs = statvfs(), st = stat()
        let frozen = (statvfs(path, &fs) == 0 && fs.f_flag & UInt(ST_RDONLY) != 0)
            || (stat(path, &st) == 0 && st.st_mode & 0o222 == 0)
        guard frozen else { return path }
        let escaped = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
        return "file:\(escaped)?immutable=1"
    }

    private static func checkSchema(_ pool: DatabasePool, path: String, readOnly: Bool) throws {
        let migrator = Migrations.migrator
        let pending = try pool.read { db -> Bool in
            guard try db.tableExists("events") else { throw StoreError.notInitialized(path: path) }
            if try migrator.hasBeenSuperseded(db) { throw StoreError.newerSchema(path: path) }
            if try !migrator.appliedIdentifiers(db).contains(Migrations.first) { throw StoreError.olderFormat(path: path) }
            return try !migrator.hasCompletedMigrations(db)
        }
        // Later migrations only add what the projections need (indexes); they run on the next open.
        guard pending else { return }
        guard !readOnly else { throw StoreError.upgradeNeeded(path: path) }
        do {
            try migrator.migrate(pool)
        } catch {
            // Several terminals opening after an upgrade race to migrate; the loser finds it done.
            if try !pool.read({ try migrator.hasCompletedMigrations($0) }) { throw error }
        }
    }

    // MARK: Identity

    /// The staff record of an OS user, removed ones included (nil: never on the staff).
    public func staffMember(_ user: String) throws -> StaffMember? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT user, display_name, role, active FROM staff WHERE user = ?", arguments: [user]).map {
                StaffMember(user: $0["user"], displayName: $0["display_name"], role: Role(rawValue: $0["role"]) ?? .staff,
                            active: $0["active"] as Int == 1)
            }
        }
    }

    public func staffList() throws -> [StaffMember] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT user, display_name, role, active FROM staff ORDER BY user").map {
                StaffMember(user: $0["user"], displayName: $0["display_name"], role: Role(rawValue: $0["role"]) ?? .staff,
                            active: $0["active"] as Int == 1)
            }
        }
    }

    /// The version a stream is at (0 when it does not exist).
    public func version(of stream: StreamID) throws -> Int {
        try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(version), 0) FROM events WHERE stream_id = ?",
                             arguments: [stream.rawValue]) ?? 0
        }
    }

    public func eventCount() throws -> Int {
        try pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM events") ?? 0 }
    }

    /// Closes the database, first retrying a WAL truncation that an erasure left pending.
    public func close() {
        try? retryPendingTruncate()
        try? pool.close()
    }
}
