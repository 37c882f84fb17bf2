import DeskApp
import DeskDomain
import Foundation
import GRDB


extension SQLiteEventStore {
    /// Subjects, of one case or all, with their cases (names are not opened here).
    public func subjects(of caseID: CaseID?) throws -> [SubjectRow] {
        try pool.read { db in
            let rows: [Row]
            if let caseID {
                rows = try Row.fetchAll(db, sql: """
                    SELECT s.id, s.kind, s.erased_at FROM subjects s JOIN case_subjects cs ON cs.subject_id = s.id
                    WHERE cs.case_id = ? ORDER BY s.kind, s.id
                    """, arguments: [caseID.description])
            } else {
                rows = try Row.fetchAll(db, sql: "SELECT id, kind, erased_at FROM subjects ORDER BY kind, id")
            }
            return try rows.map { row in
                let id = SubjectID(row[0] as String)
                let cases = try String.fetchAll(db, sql: "SELECT case_id FROM case_subjects WHERE subject_id = ? ORDER BY case_id",
                                                arguments: [id.rawValue]).compactMap(CaseID.init)
                return SubjectRow(id: id, kind: SubjectKind(rawValue: row[1]) ?? .applicant, cases: cases, erasedAt: row[2], name: nil)
            }
        }
    }

    /// What kind of person a subject is and whether they were erased (nil: no such subject).
    public func subject(_ id: SubjectID) throws -> (kind: SubjectKind, erasedAt: String?)? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT kind, erased_at FROM subjects WHERE id = ?", arguments: [id.rawValue]).flatMap { r in
                SubjectKind(rawValue: r[0]).map { ($0, r[1]) }
            }
        }
    }

    /// The cases a subject appears in.
    public func cases(of subject: SubjectID) throws -> [CaseID] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT case_id FROM case_subjects WHERE subject_id = ? ORDER BY case_id",
                                arguments: [subject.rawValue]).compactMap(CaseID.init)
        }
    }

    public func caseForReceipt(tag: String) throws -> (case: CaseID, applicant: SubjectID)? {
        try pool.read { db -> (case: CaseID, applicant: SubjectID)? in
            guard let row = try Row.fetchOne(db, sql: "SELECT case_id, subject_id FROM receipts WHERE tag = ?", arguments: [tag]),
                  let id = CaseID(row["case_id"] as String) else { return nil }
            return (id, SubjectID(row["subject_id"] as String))
        }
    }

    /// An employee's consultations.
    public func consultations(of employee: SubjectID) throws -> [ConsultationID] {
        try pool.read { db in
            try String.fetchAll(db, sql: "SELECT id FROM consultations WHERE employee = ? ORDER BY seq", arguments: [employee.rawValue])
                .compactMap(ConsultationID.init)
        }
    }

    /// Users who left a shift handover.
    public func handoverWriters() throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT user FROM handovers ORDER BY user") }
    }

    /// Destroys a subject's key and records the erasure, with the projections, in one transaction;
    /// then truncates the WAL so that no old page keeps the text.
    public func erase(_ subject: SubjectID, reason: String, actor: Actor, at now: Date) throws -> EraseOutcome {
        let event = try encode([DeskEvent.subjectErased(SubjectErased(subject: subject, reason: reason))])
        var attempt = 0
        while true {
            attempt += 1
            let version = try self.version(of: subject.streamID)
            do {
                try write(event, stream: { _ in subject.streamID },
                          expected: version == 0 ? .noStream : .exact(StreamVersion(version)), actor: actor, at: now,
                          newSubjects: [], evidence: [], alsoInTransaction: { db in
                    // Checked inside the transaction, so an erasure or a hold that landed meanwhile still wins.
                    guard let state = try Row.fetchOne(db, sql: "SELECT erased_at FROM subjects WHERE id = ?", arguments: [subject.rawValue])
                    else { throw StoreError.noSuchSubject(subject.rawValue) }
                    guard (state[0] as String?) == nil else { throw StoreError.alreadyErased(subject.rawValue) }
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
                break
            } catch AppendError.wrongExpectedVersion where attempt < 20 {
                // Another event on the subject's stream (a standing, a disclosure, or the erasure itself): look again.
                continue
            }
        }
        keyring.forget(subject)
        return (try? retryPendingTruncate()) == true ? .complete : .walRetained
    }

    /// Truncates the WAL if an erasure asked for it; true when nothing is pending any more.
    @discardableResult
    public func retryPendingTruncate() throws -> Bool {
        guard readOnlyReason == nil else { return true }
        return try pool.writeWithoutTransaction { db in
            guard try String.fetchOne(db, sql: "SELECT value FROM desk_meta WHERE key = 'wal_truncate_pending'") != nil else {
                return true
            }
            // Another terminal's open read blocks truncation; wait a second, not the full busy timeout.
            let timeout = try Int.fetchOne(db, sql: "PRAGMA busy_timeout") ?? 30000
            try db.execute(sql: "PRAGMA busy_timeout = 1000")
            defer { try? db.execute(sql: "PRAGMA busy_timeout = \(timeout)") }
            do { try db.checkpoint(.truncate) } catch { return false }
            try db.execute(sql: "DELETE FROM desk_meta WHERE key = 'wal_truncate_pending'")
            try db.checkpoint(.truncate)
            return true
        }
    }
}
