import DeskApp
import DeskDomain
import Foundation
import GRDB


extension SQLiteEventStore {
    /// The consultations without their content.
    public func consultationRows() throws -> [ConsultationRow] {
        try pool.read { db in
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

    /// Open consultations with a care task due by `day`.
    public func consultationsWithCareDue(by day: LocalDate) throws -> [ConsultationID] {
        try pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT DISTINCT k.id FROM consultations k JOIN care_tasks t ON t.consult_id = k.id
                WHERE k.state = 'open' AND t.done_at IS NULL AND t.due <= ? ORDER BY k.seq
                """, arguments: [day.description]).compactMap(ConsultationID.init)
        }
    }
}
