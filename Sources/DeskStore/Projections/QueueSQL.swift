import DeskDomain

/// The queue's SQL, built from the domain's definitions (`CaseStatus.isOpen`, `.awaitsReport`, `CaseSummary.queueOrder`)
/// so that SQL and Swift cannot drift apart; a test holds them equal, and this order equal to the index of migration v2.
enum QueueSQL {
    static func quoted(_ statuses: [CaseStatus]) -> String { statuses.map { "'\($0.rawValue)'" }.joined(separator: ", ") }

    /// The states that have left the queue: `'closed', 'rejectedThreat'`.
    static let notOpen = quoted(CaseStatus.allCases.filter { !$0.isOpen })
    /// The states whose report is no longer owed.
    static let noReportOwed = quoted(CaseStatus.allCases.filter { !$0.awaitsReport })

    /// Queue order as an ORDER BY list; the same expressions as the `cases_queue` index, so SQLite walks the index.
    static let order = "(state IN (\(notOpen))), (lane IS NOT 'danger'), report_due_on, seq"
    /// Open and in the danger lane.
    static let openDanger = "lane = 'danger' AND state NOT IN (\(notOpen))"
    /// Its report owed and due before the day bound to the parameter.
    static let overdue = "state NOT IN (\(noReportOwed)) AND report_due_on < ?"
    static let isOpen = "state NOT IN (\(notOpen))"
}
