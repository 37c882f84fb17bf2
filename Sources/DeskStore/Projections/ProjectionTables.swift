/// The names of the read-model tables the projector writes: the live ones, or the new ones a rebuild fills beside
/// them before it swaps them in (`Migrations.projectionTables` with a suffix).
struct ProjectionTables: Sendable {
    let suffix: String
    let cases, ledger, subjects, caseSubjects, organizations, staff, intakeFingerprints, caseSearch, searchBacklog, tasks,
        shifts, handovers, consultations, careTasks, receipts: String

    init(suffix: String) {
        self.suffix = suffix
        cases = "cases" + suffix
        ledger = "ledger" + suffix
        subjects = "subjects" + suffix
        caseSubjects = "case_subjects" + suffix
        organizations = "organizations" + suffix
        staff = "staff" + suffix
        intakeFingerprints = "intake_fingerprints" + suffix
        caseSearch = "case_search" + suffix
        searchBacklog = "search_backlog" + suffix
        tasks = "tasks" + suffix
        shifts = "shifts" + suffix
        handovers = "handovers" + suffix
        consultations = "consultations" + suffix
        careTasks = "care_tasks" + suffix
        receipts = "receipts" + suffix
    }

    /// The tables every append writes.
    static let live = ProjectionTables(suffix: "")
    /// The tables a rebuild fills while the live ones keep serving.
    static let rebuilding = ProjectionTables(suffix: "__rebuild")
    /// The live tables a rebuild swapped out, emptied and dropped after the swap.
    static let retired = ProjectionTables(suffix: "__old")

    /// Every table's name, in `Migrations.projectionTables` order.
    var all: [String] { Migrations.projectionTables.map { $0 + suffix } }
}
