import DeskApp
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// Work on the whole log (a rebuild, a restore) is recorded in `desk_meta` while it runs: a second one is refused by
/// name, and an append that found the write lock held too long says who held it. The record of a process that died is
/// ignored (the work it left is finished by the next rebuild, or on the next open).
extension SQLiteEventStore {
    private struct MaintenanceRecord: Codable {
        let kind: String, user: String, pid: Int32, host: String, since: String
    }

    /// This process's user, as the OS says (the store names who runs work on the whole log).
    static var processUser: String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return "uid-\(geteuid())"
    }

    static var hostName: String {
        var buf = [CChar](repeating: 0, count: 256)
        guard gethostname(&buf, buf.count - 1) == 0 else { return "?" }
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// This process doing `kind` now, and the record that says so.
    static func maintenanceRecord(_ kind: Maintenance.Kind) -> (maintenance: Maintenance, value: String) {
        let me = Maintenance(kind: kind, user: processUser, pid: getpid(), host: hostName, since: Timestamp.string(Date()))
        let record = MaintenanceRecord(kind: me.kind.rawValue, user: me.user, pid: me.pid, host: me.host, since: me.since)
        return (me, String(decoding: (try? JSONEncoder.sorted.encode(record)) ?? Data(), as: UTF8.self))
    }

    /// Records that `kind` runs in this process, in one transaction that refuses while another one runs.
    func claimMaintenance(_ kind: Maintenance.Kind) throws -> Maintenance {
        try refuseIfReadOnly()
        let (me, value) = Self.maintenanceRecord(kind)
        try pool.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                if let running = try Self.runningMaintenance(db) { throw LogError.inProgress(running) }
                try db.execute(sql: "INSERT OR REPLACE INTO desk_meta(key, value) VALUES ('maintenance', ?)", arguments: [value])
                return .commit
            }
        }
        return me
    }

    /// Removes this process's record (and only it).
    func releaseMaintenance(_ m: Maintenance) {
        try? pool.writeWithoutTransaction { db in
            guard let current = try Self.recordedMaintenance(db), current == m else { return }
            try db.execute(sql: "DELETE FROM desk_meta WHERE key = 'maintenance'")
        }
    }

    /// The work on the whole log running now, if any.
    public func runningMaintenance() throws -> Maintenance? { try pool.read { try Self.runningMaintenance($0) } }

    static func runningMaintenance(_ db: Database) throws -> Maintenance? {
        guard let m = try recordedMaintenance(db), isAlive(m) else { return nil }
        return m
    }

    private static func recordedMaintenance(_ db: Database) throws -> Maintenance? {
        guard let value = try String.fetchOne(db, sql: "SELECT value FROM desk_meta WHERE key = 'maintenance'"),
              let r = try? JSONDecoder().decode(MaintenanceRecord.self, from: Data(value.utf8)),
              let kind = Maintenance.Kind(rawValue: r.kind) else { return nil }
        return Maintenance(kind: kind, user: r.user, pid: r.pid, host: r.host, since: r.since)
    }

    /// Whether the process that recorded `m` still runs; one on another host is taken to run.
    private static func isAlive(_ m: Maintenance) -> Bool {
        guard m.host == hostName else { return true }
        return kill(m.pid, 0) == 0 || errno == EPERM
    }
}
