import DeskApp
import DeskDomain
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

extension SQLiteEventStore {
    /// What the chain cannot prove: the file is sound, the append-only guards are in place, the read models rebuilt
    /// from the log (in a copy, set aside) equal the live ones, and every subject's key is there exactly until the log
    /// records their erasure. Returns the problems in words; empty when all holds. Needs the key file (the rebuild
    /// opens every field).
    public func deepCheck() throws -> [String] {
        guard keyring.deskKey != nil else { throw StoreError.keyRequired(what: "a deep verification") }
        var problems: [String] = []
        if let damage = try storageDamage() { problems.append(damage) }
        for t in try missingGuards() { problems.append("the guard \(t) is missing: events can be changed or deleted in place") }
        let copy = try asideCopy()
        defer { for suffix in ["", "-wal", "-shm"] { unlink(copy.path + suffix) }; copy.cleanup() }
        let aside = try SQLiteEventStore.open(path: copy.path, keyFile: keyFilePath, requireKey: true)
        defer { aside.close() }
        let live = try aside.projectionSnapshot()
        _ = try aside.rebuild()
        let rebuilt = try aside.projectionSnapshot()
        for table in rebuilt.keys.sorted() where live[table] != rebuilt[table] {
            let was = Set(live[table] ?? []), should = Set(rebuilt[table] ?? [])
            problems.append("the \(table) table is not what the log gives: \(was.subtracting(should).count) row(s) the log does not "
                            + "account for, \(should.subtracting(was).count) row(s) missing (mado rebuild restores it)")
        }
        try aside.pool.read { db in
            let lost = try String.fetchAll(db, sql: """
                SELECT id FROM subjects WHERE erased_at IS NULL AND id NOT IN (SELECT subject_id FROM subject_keys) ORDER BY id
                """)
            for id in lost { problems.append("subject \(id)'s key is gone, but the log records no erasure of them") }
            let kept = try String.fetchAll(db, sql: """
                SELECT id FROM subjects WHERE erased_at IS NOT NULL AND id IN (SELECT subject_id FROM subject_keys) ORDER BY id
                """)
            for id in kept { problems.append("subject \(id) was erased, but their key is still stored") }
        }
        return problems
    }

    public func missingGuards() throws -> [String] {
        let triggers = try pool.read { db in Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'")) }
        return Migrations.logGuards.filter { !triggers.contains($0) }
    }

    /// A consistent copy of the database, made with SQLite's backup while others may write. It goes beside the
    /// database (the copy holds what the original holds, so it gets the same directory's protection), or in a private
    /// temporary directory when that one is not writable here (a read-only copy, which its reader can read anyway).
    private func asideCopy() throws -> (path: String, cleanup: () -> Void) {
        let dir = (path as NSString).deletingLastPathComponent
        let name = "." + (path as NSString).lastPathComponent + ".verify-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let target: String, cleanup: () -> Void
        if faccessat(AT_FDCWD, dir.isEmpty ? "." : dir, W_OK | X_OK, AT_EACCESS) == 0 {
            target = (dir.isEmpty ? "." : dir) + "/" + name
            cleanup = {}
        } else {
            let temp = NSTemporaryDirectory() + name
            guard mkdir(temp, 0o700) == 0 else { throw StoreError.io("cannot make a directory for the deep check in \(NSTemporaryDirectory())") }
            target = temp + "/desk.sqlite"
            cleanup = { rmdir(temp) }
        }
        let oldMask = umask(0o007)
        defer { umask(oldMask) }
        let queue = try DatabaseQueue(path: target)
        try pool.backup(to: queue)
        try queue.close()
        return (target, cleanup)
    }
}
