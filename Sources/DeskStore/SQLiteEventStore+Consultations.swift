import DeskDomain
import Foundation
import GRDB


extension SQLiteEventStore {
    /// Roles that may see that consultations exist (never what they say).
    static let consultationListRoles: Set<Role> = [.counsellor, .supervisor, .auditor]

    /// Opens a consultation with the next free number (counsellors only).
    public func openConsultation(_ p: ConsultationOpened, actor: Actor, role: Role, at now: Date) throws -> ConsultationID {
        let events: [DeskEvent]
        do {
            events = try ConsultationDecider.decide(.open(p), ConsultationState(), role: role, today: LocalDate(japanTime: now))
        } catch {
            keyring.discardPending([p.employee])
            throw error
        }
        var id: ConsultationID?
        try write(try encode(events), stream: { db in
            let next = (try Int.fetchOne(db.cachedStatement(sql: "SELECT MAX(seq) FROM consultations")) ?? 0) + 1
            id = ConsultationID(number: next)
            return id!.streamID
        }, expected: .noStream, actor: actor, at: now, evidence: nil)
        return id!
    }

    /// Runs a command on a consultation (counsellors only), against the version it read.
    @discardableResult
    public func execute(_ c: ConsultationDecider.Command, on id: ConsultationID, actor: Actor, role: Role, at now: Date) throws -> [DeskEvent] {
        let history = try load(id.streamID)
        guard !history.isEmpty else { throw StoreError.noSuchCase(id.description) }
        let state = history.map(\.event).reduce(ConsultationState(), ConsultationState.evolve)
        let events = try ConsultationDecider.decide(c, state, role: role, today: LocalDate(japanTime: now))
        if !events.isEmpty {
            try append(events, to: id.streamID, expected: .exact(StreamVersion(history.count)), actor: actor, at: now)
        }
        return events
    }

    /// A consultation's events, for a counsellor. Every attempt, allowed or not, is recorded in the log first.
    public func consultation(_ id: ConsultationID, user: String, role: Role, at now: Date) throws -> [EventEnvelope] {
        let allowed = role == .counsellor
        try recordAccess(RestrictedAccess(record: id.description, user: user, role: role, allowed: allowed), at: now)
        guard allowed else { throw StoreError.notAllowed(action: "open an employee consultation", role: role, needs: "a counsellor") }
        let events = try load(id.streamID)
        guard !events.isEmpty else { throw StoreError.noSuchCase(id.description) }
        return events
    }

    /// The consultations without their content: for counsellors, supervisors and auditors only.
    public func consultations(role: Role) throws -> [ConsultationRow] {
        guard Self.consultationListRoles.contains(role) else {
            throw StoreError.notAllowed(action: "list employee consultations", role: role, needs: "a counsellor, supervisor or auditor")
        }
        return try pool.read { db in
            let tasks = Dictionary(grouping: try Row.fetchAll(db, sql: """
                SELECT consult_id, kind, due FROM care_tasks WHERE done_at IS NULL ORDER BY due, kind
                """), by: { $0[0] as String })
            return try Row.fetchAll(db, sql: """
                SELECT id, organization, state, opened_at, opened_by, mental_health, secondary, counsellor FROM consultations ORDER BY seq
                """).compactMap { r in
                guard let id = ConsultationID(r[0] as String) else { return nil }
                let due = (tasks[r[0] as String] ?? []).compactMap { t -> (CareKind, LocalDate)? in
                    guard let k = CareKind(rawValue: t[1]), let d = LocalDate(iso: t[2]) else { return nil }
                    return (k, d)
                }
                return ConsultationRow(id: id, organization: r[1], state: r[2], openedAt: r[3], openedBy: r[4], mentalHealth: r[5],
                                       secondary: r[6], counsellor: r[7], careDue: due.map { (kind: $0.0, due: $0.1) })
            }
        }
    }

    /// Appends an access record on the user's own access stream (a stream per user: no contention between desks).
    func recordAccess(_ a: RestrictedAccess, at now: Date) throws {
        let stream = StreamID("access-\(a.user)")
        for attempt in 1...20 {
            let v = try version(of: stream)
            do {
                try append([.restrictedAccess(a)], to: stream, expected: v == 0 ? .noStream : .exact(StreamVersion(v)),
                           actor: Actor(a.user), at: now)
                return
            } catch AppendError.wrongExpectedVersion where attempt < 20 {
                continue
            }
        }
    }
}
