import DeskDomain
import Foundation
import GRDB


extension SQLiteEventStore {
    static func staffStream(_ user: String) -> StreamID { StreamID("staff-\(user)") }

    /// Starts `user`'s shift; returns the handovers written by others since their last shift ended (newest last).
    @discardableResult
    public func startShift(_ user: String, at now: Date) throws -> [HandoverRecord] {
        let me = try staffMember(user)
        let stream = Self.staffStream(user)
        let history = try load(stream)
        let state = history.map(\.event).reduce(ShiftState(), ShiftState.evolve)
        let events = try ShiftDecider.decide(.start, state, role: me.role)
        let unseen = try unseenHandovers(user, role: me.role, history: history)
        try append(events, to: stream, expected: .exact(StreamVersion(history.count)), actor: Actor(user), at: now)
        return unseen
    }

    /// The handovers others of the same desk (the desk's line, or the counsellors) left since `user` last started a
    /// shift, so that one written while they were on is shown the next time; the latest ten.
    public func unseenHandovers(_ user: String, role: Role, history: [EventEnvelope]? = nil) throws -> [HandoverRecord] {
        let h = try history ?? load(Self.staffStream(user))
        let lastStart = h.last { if case .shiftStarted = $0.event { true } else { false } }?.position.value ?? 0
        return try handovers(after: lastStart, excluding: user, counsellors: role == .counsellor, limit: 10)
    }

    /// Ends `user`'s shift with the handover: the cases they hold, the desk's open cases due by the next business
    /// day and those in danger, and their note (sealed under a subject of its own).
    @discardableResult
    public func endShift(_ user: String, note: String?, at now: Date) throws -> ShiftEnded {
        let me = try staffMember(user)
        let stream = Self.staffStream(user)
        let history = try load(stream)
        let state = history.map(\.event).reduce(ShiftState(), ShiftState.evolve)
        let open: [ShiftCase] = try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, lane, report_due_on, assignee, state FROM cases
                WHERE \(QueueSQL.isOpen) ORDER BY seq
                """).compactMap { r in
                guard let id = CaseID(r[0] as String), let due = LocalDate(iso: r[2]) else { return nil }
                return ShiftCase(id: id, lane: (r[1] as String?).flatMap(Lane.init(rawValue:)), dueOn: due, assignee: r[3],
                                 reported: CaseStatus(rawValue: r[4] as String)?.awaitsReport == false)
            }
        }
        let today = LocalDate(japanTime: now)
        // A counsellor hands over consultations, never customer cases (and an operator never consultations).
        let counsellor = me.role == .counsellor
        let lists = counsellor ? (held: [], near: [], danger: [], omitted: 0) : ShiftHandover.lists(open: open, user: user, today: today)
        let care: [ConsultationID]? = counsellor ? try pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT DISTINCT k.id FROM consultations k JOIN care_tasks t ON t.consult_id = k.id
                WHERE k.state = 'open' AND t.done_at IS NULL AND t.due <= ? ORDER BY k.seq
                """, arguments: [ShiftHandover.horizon(today).description]).compactMap(ConsultationID.init)
        } : nil
        let text = note.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        var subject: SubjectID?, sealed: Personal?
        if let text {
            let id = keyring.newSubject(.shiftNote)
            subject = id
            sealed = Personal(text, owner: id)
        }
        let ended = ShiftEnded(held: lists.held, nearDeadline: lists.near, danger: lists.danger, omitted: lists.omitted, note: sealed,
                               consultations: care)
        do {
            let events = try ShiftDecider.decide(.end(ended), state, role: me.role)
            try append(events, to: stream, expected: .exact(StreamVersion(history.count)), actor: Actor(user), at: now)
        } catch {
            if let subject { keyring.discardPending([subject]) }
            throw error
        }
        return ended
    }

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
            guard case .shiftEnded(let h)? = try event(at: pos)?.event else { return nil }
            return HandoverRecord(position: pos, user: user, at: r[2], handover: h)
        }
    }

    /// Whether `user` is on shift now.
    public func isOnShift(_ user: String) throws -> Bool {
        try pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT on_shift FROM shifts WHERE user = ?", arguments: [user]) ?? false
        }
    }

    /// Every active member of the desk's line: on shift or not, since when, and the open cases each holds.
    public func shiftBoard() throws -> [ShiftBoardRow] {
        let staff = try staffList().filter { $0.active && $0.role != .staff && $0.role != .auditor }
        return try pool.read { db in
            try staff.map { m in
                let s = try Row.fetchOne(db, sql: "SELECT on_shift, started_at, ended_at FROM shifts WHERE user = ?", arguments: [m.user])
                let held = try String.fetchAll(db, sql: """
                    SELECT id FROM cases WHERE assignee = ? AND \(QueueSQL.isOpen) ORDER BY seq
                    """, arguments: [m.user]).compactMap(CaseID.init)
                return ShiftBoardRow(member: m, onShift: (s?[0] as Bool?) ?? false, startedAt: s?[1], endedAt: s?[2], held: held)
            }.sorted { ($0.onShift ? 0 : 1, $0.member.user) < ($1.onShift ? 0 : 1, $1.member.user) }
        }
    }
}
