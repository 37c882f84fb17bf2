import DeskApp
import DeskDomain
import Foundation
import GRDB


extension SQLiteEventStore {
    /// Subjects not erased, not on hold, all of whose cases closed more than the organization's
    /// retention period before `now`.
    public func retentionDue(at now: Date) throws -> [RetentionDue] {
        try retentionDue(on: LocalDate(japanTime: now))
    }

    /// The last day of the retention period of something closed at `closed` (in Japan): the same day `years` later,
    /// 29 February closing on 28 February in common years.
    static func retentionEnd(closed: Date, years: Int) -> LocalDate {
        let day = LocalDate(japanTime: closed), y = day.year + years
        return LocalDate(y, day.month, min(day.day, LocalDate.daysIn(month: day.month, year: y)))
    }

    /// The same on a given day: those whose period has fully passed before `today`.
    public func retentionDue(on today: LocalDate) throws -> [RetentionDue] {
        let rows = try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.id, s.kind, c.id AS case_id, c.state, c.closed_at, c.hold, o.retention_years
                FROM subjects s JOIN case_subjects cs ON cs.subject_id = s.id JOIN cases c ON c.id = cs.case_id
                JOIN organizations o ON o.id = c.organization
                WHERE s.erased_at IS NULL ORDER BY s.id, c.id
                """)
        }
        var out: [RetentionDue] = []
        var i = 0
        while i < rows.count {
            let id: String = rows[i]["id"]
            var j = i, due = true, latest = ""
            var cases: [CaseID] = []
            while j < rows.count, rows[j]["id"] as String == id {
                let r = rows[j]
                cases.append(CaseID(r["case_id"] as String) ?? CaseID(number: 0))
                if let closed = (r["closed_at"] as String?), let d = Timestamp.date(closed),
                   (r["hold"] as String?) == nil, CaseStatus(rawValue: r["state"] as String)?.isOpen == false {
                    let until = Self.retentionEnd(closed: d, years: r["retention_years"])
                    if until >= today { due = false }     // due once the period has fully passed
                    latest = max(latest, until.description)
                } else {
                    due = false
                }
                j += 1
            }
            if due {
                out.append(RetentionDue(subject: SubjectID(id), kind: SubjectKind(rawValue: rows[i]["kind"]) ?? .applicant,
                                        cases: cases, dueOn: latest))
            }
            i = j
        }
        // Employees of the consultation desk: due once every consultation of theirs closed longer ago than the period.
        let employees = try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT k.employee, MIN(k.state = 'closed') AS all_closed, MAX(k.closed_at) AS closed_at, MIN(o.retention_years) AS years
                FROM consultations k JOIN organizations o ON o.id = k.organization JOIN subjects s ON s.id = k.employee
                WHERE s.erased_at IS NULL GROUP BY k.employee ORDER BY k.employee
                """)
        }
        for r in employees {
            guard (r["all_closed"] as Bool?) == true, let closed = (r["closed_at"] as String?), let d = Timestamp.date(closed) else { continue }
            let until = Self.retentionEnd(closed: d, years: r["years"])
            if until < today { out.append(RetentionDue(subject: SubjectID(r["employee"] as String), kind: .employee, cases: [], dueOn: until.description)) }
        }
        return out
    }
}
