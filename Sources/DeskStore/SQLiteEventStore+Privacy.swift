import DeskDomain
import Foundation
import GRDB


extension SQLiteEventStore {
    /// Subjects, optionally of one case, with names opened for roles that may see them.
    public func subjects(case caseID: CaseID? = nil, role: Role) throws -> [SubjectRow] {
        let rows = try pool.read { db -> [Row] in
            if let caseID {
                return try Row.fetchAll(db, sql: """
                    SELECT s.id, s.kind, s.erased_at FROM subjects s JOIN case_subjects cs ON cs.subject_id = s.id
                    WHERE cs.case_id = ? ORDER BY s.kind, s.id
                    """, arguments: [caseID.description])
            }
            // Employees exist only for counsellors (that someone consulted is itself private); handover notes are the desk line's.
            let hidden: [String] = role == .counsellor ? [] : role.includes(.operator) ? ["employee"] : ["employee", "shiftNote"]
            return try Row.fetchAll(db, sql: "SELECT id, kind, erased_at FROM subjects WHERE kind NOT IN (SELECT value FROM json_each(?)) ORDER BY kind, id",
                                    arguments: [String(decoding: try JSONEncoder().encode(hidden), as: UTF8.self)])
        }
        return try rows.map { row in
            let id = SubjectID(row[0] as String)
            let cases = try pool.read { db in
                try String.fetchAll(db, sql: "SELECT case_id FROM case_subjects WHERE subject_id = ? ORDER BY case_id",
                                    arguments: [id.rawValue]).compactMap(CaseID.init)
            }
            return SubjectRow(id: id, kind: SubjectKind(rawValue: row[1]) ?? .applicant, cases: cases, erasedAt: row[2],
                              name: role.seesContactDetails ? try name(of: id, in: cases) : nil)
        }
    }

    /// The name a subject's first case records for them, opened.
    private func name(of subject: SubjectID, in cases: [CaseID]) throws -> Personal? {
        for c in cases {
            for e in try load(c.streamID) {
                switch e.event {
                case .intakeRecorded(let p):
                    if p.applicant.subject == subject { return p.applicant.name }
                    if let s = p.staff.first(where: { $0.subject == subject }) { return s.name }
                case .counterpartyLinked(let p) where p.counterparty == subject:
                    return p.label
                default: continue
                }
            }
        }
        return nil
    }

    /// What erasing a subject would make unreadable: per case, the fields that hold their data.
    public func erasureImpact(_ subject: SubjectID) throws -> [ErasureImpact] {
        let cases = try pool.read { db in
            try String.fetchAll(db, sql: "SELECT case_id FROM case_subjects WHERE subject_id = ? ORDER BY case_id",
                                arguments: [subject.rawValue]).compactMap(CaseID.init)
        }
        let locked = SubjectKeyring(deskKey: nil) { _ in nil }
        func fields(_ stream: StreamID) throws -> [String] {
            try load(stream, keyring: locked).flatMap { e in
                e.event.personalFields.filter { $0.value.subject == subject }.map { "\(e.event.type).\($0.path)" }
            }
        }
        var out = try cases.map { ErasureImpact(caseID: $0, fields: try fields($0.streamID)) }
        // An employee's consultations, and a handover's note: records outside every case.
        let (consultations, handovers) = try pool.read { db in
            (try String.fetchAll(db, sql: "SELECT id FROM consultations WHERE employee = ? ORDER BY seq", arguments: [subject.rawValue]),
             try String.fetchAll(db, sql: "SELECT DISTINCT user FROM handovers ORDER BY user"))
        }
        for k in consultations.compactMap(ConsultationID.init) { out.append(ErasureImpact(record: k.description, fields: try fields(k.streamID))) }
        if try subjectKind(subject) == .shiftNote {
            for u in handovers {
                let f = try fields(Self.staffStream(u))
                if !f.isEmpty { out.append(ErasureImpact(record: "handover by \(u)", fields: f)) }
            }
        }
        return out
    }

    /// What kind of person a subject is (nil: no such subject).
    public func subjectKind(_ subject: SubjectID) throws -> SubjectKind? {
        try pool.read { db in
            try String.fetchOne(db, sql: "SELECT kind FROM subjects WHERE id = ?", arguments: [subject.rawValue]).flatMap(SubjectKind.init)
        }
    }

    /// An employee's data is the consultation desk's: only a counsellor discloses or erases it, and every attempt is
    /// recorded like an attempt to open the consultation. Other subjects need a supervisor.
    public func checkSubjectAccess(_ subject: SubjectID, user: String, role: Role, action: String, at now: Date) throws {
        guard let kind = try subjectKind(subject) else { throw StoreError.noSuchSubject(subject.rawValue) }
        if kind == .employee {
            try recordAccess(RestrictedAccess(record: subject.rawValue, user: user, role: role, allowed: role == .counsellor), at: now)
            guard role == .counsellor else { throw StoreError.notAllowed(action: action, role: role, needs: "a counsellor") }
        } else {
            guard role == .supervisor else { throw StoreError.notAllowed(action: action, role: role, needs: "a supervisor") }
        }
    }

    /// Destroys a subject's key and records the erasure, with the projections, in one transaction;
    /// then truncates the WAL so that no old page keeps the text.
    public func eraseSubject(_ subject: SubjectID, reason: String, actor: Actor, at now: Date) throws -> EraseOutcome {
        let state = try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT erased_at FROM subjects WHERE id = ?", arguments: [subject.rawValue])
        }
        guard let state else { throw StoreError.noSuchSubject(subject.rawValue) }
        guard (state[0] as String?) == nil else { throw StoreError.alreadyErased(subject.rawValue) }
        let event = DeskEvent.subjectErased(SubjectErased(subject: subject, reason: reason))
        let version = try self.version(of: subject.streamID)
        do {
            try write(try encode([event]), stream: { _ in subject.streamID },
                      expected: version == 0 ? .noStream : .exact(StreamVersion(version)), actor: actor, at: now,
                      evidence: nil, alsoInTransaction: { db in
                // Checked inside the transaction, so a hold placed meanwhile still wins.
                if let held = try Row.fetchOne(db, sql: """
                    SELECT c.id, c.hold FROM cases c JOIN case_subjects cs ON cs.case_id = c.id
                    WHERE cs.subject_id = ? AND c.hold IS NOT NULL ORDER BY c.id LIMIT 1
                    """, arguments: [subject.rawValue]) {
                    throw StoreError.onHold(subject: subject.rawValue, case: held[0], kind: held[1])
                }
                try db.execute(sql: "DELETE FROM subject_keys WHERE subject_id = ?", arguments: [subject.rawValue])
                try db.execute(sql: "DELETE FROM evidence WHERE subject_id = ?", arguments: [subject.rawValue])
                try db.execute(sql: "INSERT OR REPLACE INTO desk_meta(key, value) VALUES ('wal_truncate_pending', '1')")
            })
        } catch AppendError.wrongExpectedVersion {
            throw StoreError.alreadyErased(subject.rawValue)
        }
        keyring.forget(subject)
        return (try? retryPendingTruncate()) == true ? .complete : .walRetained
    }

    /// Truncates the WAL if an erasure asked for it; true when nothing is pending any more.
    @discardableResult
    public func retryPendingTruncate() throws -> Bool {
        try pool.writeWithoutTransaction { db in
            guard try String.fetchOne(db, sql: "SELECT value FROM desk_meta WHERE key = 'wal_truncate_pending'") != nil else {
                return true
            }
            // Another terminal's open read blocks truncation; wait a second, not the full busy timeout.
            try db.execute(sql: "PRAGMA busy_timeout = 1000")
            defer { try? db.execute(sql: "PRAGMA busy_timeout = 30000") }
            do { try db.checkpoint(.truncate) } catch { return false }
            try db.execute(sql: "DELETE FROM desk_meta WHERE key = 'wal_truncate_pending'")
            try db.checkpoint(.truncate)
            return true
        }
    }
}
