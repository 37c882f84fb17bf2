import DeskDomain
import Foundation
import GRDB


extension SQLiteEventStore {
    /// A console older than this without a word is gone (crashed, connection dropped).
    public static let presenceLifetime: TimeInterval = 90

    /// Says which case this console (`user`, `pid`) shows now; nil: none, or it is closing.
    public func announce(user: String, pid: Int32, showing id: CaseID?, at now: Date) throws {
        try refuseIfReadOnly()
        try pool.write { db in
            if let id {
                try db.execute(sql: "INSERT OR REPLACE INTO presence(user, pid, case_id, seen_at) VALUES (?, ?, ?, ?)",
                               arguments: [user, Int64(pid), id.description, Timestamp.string(now)])
            } else {
                try db.execute(sql: "DELETE FROM presence WHERE user = ? AND pid = ?", arguments: [user, Int64(pid)])
            }
        }
    }

    /// Who has a case open now (every console heard from within the lifetime), leaving out the console asking
    /// (`user`, `pid`): another terminal of the same person counts, it may be on another desk.
    public func viewers(excluding user: String? = nil, pid: Int32 = 0, at now: Date) throws -> [Viewer] {
        let fresh = Timestamp.string(now.addingTimeInterval(-Self.presenceLifetime))
        return try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT user, case_id, MIN(seen_at) FROM presence
                WHERE case_id IS NOT NULL AND seen_at >= ? AND NOT (user IS ? AND pid = ?) GROUP BY user, case_id ORDER BY case_id, user
                """, arguments: [fresh, user, Int64(pid)]).compactMap { r in
                guard let id = CaseID(r[1] as String) else { return nil }
                return Viewer(user: r[0], caseID: id, since: r[2])
            }
        }
    }
}
