import DeskApp
import DeskDomain
import Foundation
import GRDB

extension SQLiteEventStore {
    /// Handovers after a log position, oldest first (the latest `limit`), leaving out `excluding`'s own: the
    /// counsellors' among counsellors, the desk line's among the desk's line (each may name people the other may not see).
    public func handovers(after position: Int64 = 0, excluding: String? = nil, counsellors: Bool, limit: Int = 5) throws -> [HandoverRecord] {
        let rows = try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT h.position, h.user, h.at FROM handovers h LEFT JOIN staff s ON s.user = h.user
                WHERE h.position > ? AND h.user IS NOT ? AND (COALESCE(s.role, '') = 'counsellor') = ?
                ORDER BY h.position DESC LIMIT ?
                """, arguments: [position, excluding, counsellors, limit])
        }
        return try rows.reversed().compactMap { r -> HandoverRecord? in
            let pos: Int64 = r[0], user: String = r[1]
            guard case .shiftEnded(let h)? = try event(at: Position(pos), visibility: .all)?.event else { return nil }
            return HandoverRecord(position: pos, user: user, at: r[2], handover: h)
        }
    }

    /// Whether `user` is on shift now.
    public func isOnShift(_ user: String) throws -> Bool {
        try pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT on_shift FROM shifts WHERE user = ?", arguments: [user]) ?? false
        }
    }

    /// Shift state and the open cases each member holds; on shift first.
    public func shiftBoard(of members: [StaffMember]) throws -> [ShiftBoardRow] {
        try pool.read { db in
            try members.map { m in
                let s = try Row.fetchOne(db, sql: "SELECT on_shift, started_at, ended_at FROM shifts WHERE user = ?", arguments: [m.user])
                let held = try String.fetchAll(db, sql: """
                    SELECT id FROM cases WHERE assignee = ? AND \(QueueSQL.isOpen) ORDER BY seq
                    """, arguments: [m.user]).compactMap(CaseID.init)
                return ShiftBoardRow(member: m, onShift: (s?[0] as Bool?) ?? false, startedAt: s?[1], endedAt: s?[2], held: held)
            }.sorted { ($0.onShift ? 0 : 1, $0.member.user) < ($1.onShift ? 0 : 1, $1.member.user) }
        }
    }
}
