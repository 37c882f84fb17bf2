import DeskApp
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// Backups that are whole: SQLite's online backup copies every page from one read snapshot, so appends go on meanwhile
/// and nothing in the copy is torn (a `cp` of a database being written can be). The copy is written beside its name,
/// checked, and only then linked into place.
extension SQLiteEventStore {
    /// Writes a whole copy of the database to `path`, a new file, as of one moment, while others keep appending. The
    /// copy is a single file (rollback journal, no -wal), no more readable than the database (its group, or none),
    /// handed to `check` under another name, and linked to `path` only when `check` returns; nothing is left otherwise.
    public func backup(to path: String, check: (_ copy: String) throws -> Void) throws -> BackupOutcome {
        guard !FileManager.default.fileExists(atPath: path) else { throw LogError.cannotCreate(path: path, reason: "it exists") }
        var st = stat()
        guard stat(self.path, &st) == 0 else { throw LogError.io(path: self.path, reason: String(cString: strerror(errno))) }
        // Never wider than the database: its own bits, and its group only if the copy can have that group too.
        let partial = try Self.createPartial(for: path, mode: st.st_mode & 0o660, group: st.st_gid)
        do {
            let outcome = try copy(into: partial, naming: path)
            try check(partial)
            try Self.publish(partial, as: path)
            return BackupOutcome(events: outcome.events, lastPosition: outcome.lastPosition, bytes: Self.size(path))
        } catch {
            Self.removeDatabaseFiles(partial)
            throw error
        }
    }

    /// Puts this database (a copy that verified) in place of the desk database at `path`, or creates it there (for
    /// the desk's group, like `init`). In place, the target's own connection writes the copy's pages: terminals that
    /// have it open see the restored log, and wait meanwhile, told that a restore runs. A target that SQLite cannot
    /// read at all is replaced as a file. Refuses the database of another desk.
    public func restore(over path: String) throws -> BackupOutcome {
        guard FileManager.default.fileExists(atPath: path) else {
            let dir = Self.directory(of: path)
            var st = stat()
            let group = stat(dir, &st) == 0 ? st.st_gid : getegid()
            let partial = try Self.createPartial(for: path, mode: 0o660, group: group)
            do {
                let outcome = try copy(into: partial, naming: path)
                try Self.publish(partial, as: path)
                return BackupOutcome(events: outcome.events, lastPosition: outcome.lastPosition, bytes: Self.size(path))
            } catch {
                Self.removeDatabaseFiles(partial)
                throw error
            }
        }
        let mine = try pool.read { try String.fetchOne($0, sql: "SELECT value FROM desk_meta WHERE key = 'desk_id'") }
        do {
            let target = try DatabasePool(path: path, configuration: Self.configuration())
            defer { try? target.close() }
            let theirs = try target.read { try String.fetchOne($0, sql: "SELECT value FROM desk_meta WHERE key = 'desk_id'") }
            guard theirs == nil || theirs == mine else { throw LogError.anotherDesk(path: path) }
            // Who restores, for the terminals that wait: the copy's own desk_meta replaces the record with the rest.
            let record = Self.maintenanceRecord(.restore)
            try target.write { db in
                try db.execute(sql: "INSERT OR REPLACE INTO desk_meta(key, value) VALUES ('maintenance', ?)", arguments: [record.value])
            }
            do {
                try pool.backup(to: target)
            } catch {
                // The copy went in whole or not at all; when not, the record goes.
                try? target.write { try $0.execute(sql: "DELETE FROM desk_meta WHERE key = 'maintenance' AND value = ?", arguments: [record.value]) }
                throw error
            }
            _ = try? target.writeWithoutTransaction { try $0.checkpoint(.truncate) }
            let outcome = try target.read { db in
                (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0,
                 try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(position), 0) FROM events") ?? 0)
            }
            return BackupOutcome(events: outcome.0, lastPosition: outcome.1, bytes: Self.size(path))
        } catch let e as DatabaseError where e.resultCode == .SQLITE_NOTADB || e.resultCode == .SQLITE_CORRUPT {
            return try replaceDamaged(path)
        } catch let e as DatabaseError {
            throw LogError.io(path: path, reason: e.message ?? "\(e.resultCode)")
        }
    }

    /// A target SQLite cannot read is replaced as a file: the copy is written beside it and renamed over it, and its old
    /// journal files go (a terminal that still had it open would write into the old file: restore when they are closed).
    private func replaceDamaged(_ path: String) throws -> BackupOutcome {
        var st = stat()
        guard stat(path, &st) == 0 else { throw LogError.io(path: path, reason: String(cString: strerror(errno))) }
        let partial = try Self.createPartial(for: path, mode: st.st_mode & 0o660, group: st.st_gid)
        do {
            let outcome = try copy(into: partial, naming: path)
            for suffix in ["-wal", "-shm", "-journal"] { unlink(path + suffix) }
            guard rename(partial, path) == 0 else { throw LogError.io(path: path, reason: String(cString: strerror(errno))) }
            return BackupOutcome(events: outcome.events, lastPosition: outcome.lastPosition, bytes: Self.size(path))
        } catch {
            Self.removeDatabaseFiles(partial)
            throw error
        }
    }

    /// Copies every page, from one read snapshot, into the empty file `partial`; leaves it a single rollback-journal file.
    private func copy(into partial: String, naming path: String) throws -> (events: Int, lastPosition: Int64) {
        do {
            let copy = try DatabaseQueue(path: partial)
            defer { try? copy.close() }
            try pool.backup(to: copy)
            return try copy.writeWithoutTransaction { db in
                // The pages came from a WAL database: make the copy one file that opens read-only anywhere.
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
                return (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM events") ?? 0,
                        try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(position), 0) FROM events") ?? 0)
            }
        } catch let e as DatabaseError {
            throw LogError.io(path: path, reason: e.message ?? "\(e.resultCode)")
        }
    }

    /// The storage's own check of its files: SQLite's integrity_check (every page, every index against its table).
    public func storageDamage() throws -> String? {
        do {
            let found = try pool.read { try String.fetchAll($0, sql: "PRAGMA integrity_check(5)") }
            return found == ["ok"] ? nil : "SQLite finds the file damaged: " + found.joined(separator: "; ")
        } catch let e as DatabaseError where e.resultCode == .SQLITE_CORRUPT || e.resultCode == .SQLITE_NOTADB {
            return "SQLite finds the file damaged: \(e.message ?? "\(e.resultCode)")"
        }
    }

    // MARK: Files

    static func directory(of path: String) -> String {
        let d = (path as NSString).deletingLastPathComponent
        return d.isEmpty ? "." : d
    }

    static func size(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : 0
    }

    /// An empty file beside `path`, under a name no one else uses, with `mode`; in `group` when this process may give
    /// it that group, else without the group's bits.
    static func createPartial(for path: String, mode: mode_t, group: gid_t) throws -> String {
        let dir = directory(of: path)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw LogError.cannotCreate(path: path, reason: "there is no directory \(dir)")
        }
        let partial = dir + "/." + (path as NSString).lastPathComponent + ".partial-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = Glibc.open(partial, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode)
        guard fd >= 0 else { throw LogError.cannotCreate(path: path, reason: String(cString: strerror(errno))) }
        defer { Glibc.close(fd) }
        var st = stat()
        let keepsGroup = fchown(fd, uid_t.max, group) == 0 || (fstat(fd, &st) == 0 && st.st_gid == group)
        _ = fchmod(fd, keepsGroup ? mode : mode & 0o600)
        return partial
    }

    /// Gives `partial` the name `path`, never over a file that appeared meanwhile, and makes the name durable.
    static func publish(_ partial: String, as path: String) throws {
        guard link(partial, path) == 0 else {
            throw errno == EEXIST ? LogError.cannotCreate(path: path, reason: "it exists")
                : LogError.io(path: path, reason: String(cString: strerror(errno)))
        }
        unlink(partial)
        let dir = Glibc.open(directory(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 {
            _ = fsync(dir)
            Glibc.close(dir)
        }
    }

    static func removeDatabaseFiles(_ path: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
    }
}
