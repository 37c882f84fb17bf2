import DeskApp
import DeskDomain
import Foundation
import GRDB


extension SQLiteEventStore {
    /// Tasks, the open ones first (oldest first), then those done; `openOnly` leaves the done ones out.
    public func tasks(openOnly: Bool) throws -> [TaskRow] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT t.case_id, c.organization, t.kind, t.opened_at, t.done_at, t.done_by, t.reference
                FROM tasks t JOIN cases c ON c.id = t.case_id
                \(openOnly ? "WHERE t.done_at IS NULL" : "")
                ORDER BY t.done_at IS NOT NULL, t.opened_at, t.case_id, t.kind
                """).compactMap { r in
                guard let id = CaseID(r[0] as String), let kind = TaskKind(rawValue: r[2]) else { return nil }
                return TaskRow(caseID: id, organization: r[1], kind: kind, openedAt: r[3], doneAt: r[4], doneBy: r[5], reference: r[6])
            }
        }
    }

    /// The UTC bounds of a month in Japan time, as stored timestamps compare.
    static func bounds(_ m: Month) -> (String, String) {
        func start(_ d: LocalDate) -> String {
            Timestamp.string(Date(timeIntervalSince1970: Double(d.dayNumber) * 86400 - 9 * 3600))
        }
        return (start(m.first), start(m.next.first))
    }

    /// The month's totals from the projections (the console's monthly view): one indexed range of the cases table.
    public func monthlyTotals(organization: OrganizationID, month: Month, asOf: LocalDate) throws -> MonthlyTotals {
        let (from, to) = Self.bounds(month)
        return try pool.read { db in
            var t = MonthlyTotals(organization: organization.rawValue, month: month, asOf: asOf)
            let rows = try Row.fetchCursor(db, sql: """
                SELECT channel, lane, state, behaviours, classification, report_due_on, reported_at FROM cases
                WHERE organization = ? AND opened_at >= ? AND opened_at < ? ORDER BY seq
                """, arguments: [organization.rawValue, from, to])
            while let r = try rows.next() {
                guard let channel = Channel(rawValue: r[0]), let status = CaseStatus(rawValue: r[2]),
                      let due = LocalDate(iso: r[5]) else { continue }
                let behaviours = ((r[3] as String?) ?? "").split(separator: ",").compactMap { BehaviourType(rawValue: String($0)) }
                t.add(MonthlyCase(channel: channel, lane: (r[1] as String?).flatMap(Lane.init(rawValue:)), status: status,
                                  behaviours: behaviours, classification: (r[4] as String?).flatMap(Classification.init(rawValue:)),
                                  dueOn: due, reportedOn: (r[6] as String?).flatMap(Timestamp.date).map { LocalDate(japanTime: $0) }))
            }
            return t
        }
    }
}
