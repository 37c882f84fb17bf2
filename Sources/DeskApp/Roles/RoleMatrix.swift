import DeskDomain

/// Who may do what: the one table. `Desk` asks it before every use case; the console greys out and the command line
/// refuses from it, so the two cannot disagree.
///
/// The desk's line is cumulative (staff < operator < supervisor). The counsellor works the employee consultation desk,
/// apart from the customer file; the auditor reads and verifies and changes nothing.
public enum RoleMatrix {
    static let line: Set<Role> = [.staff, .operator, .supervisor]
    static let desk: Set<Role> = [.operator, .supervisor]

    /// The roles that may do `action`.
    public static func roles(for action: DeskAction) -> Set<Role> {
        switch action {
        // The counter: facts and words, the hand-over, what the clerk does at the counter.
        case .recordIntake, .recordFacts, .recordStatement, .linkCounterparty, .handOver, .logEnquiry, .addNote, .takeLadderStep,
             .recordCounterAction, .listCounterparties:
            line
        // The organizations served: the counter hands over at one, a counsellor opens a consultation at one.
        case .listOrganizations:
            line.union([.counsellor])
        // The desk's shifts: verify, assess, draft, send.
        case .startReview, .assess, .rejectAsThreat, .takeCase, .draftReport, .report, .recordDecision, .giveFeedback, .completeTask,
             .openTask, .readContactDetails, .readEvidence, .readReport:
            desk
        // Supervisors decide.
        case .classify, .overrideLane, .escalate, .approveReport, .close, .placeHold, .liftHold, .assignCase, .setStanding,
             .eraseSubject, .exportSubject, .setRetention, .registerOrganization, .adoptPolicy, .manageStaff, .rebuild, .fillDemo,
             .seeWholeShiftBoard, .anchorLog, .backUp, .restore:
            [.supervisor]
        // The customer file's text is the desk line's; the counsellor and the auditor see that cases exist, not what they say.
        case .readCaseText:
            line
        // Who has which case open is shown beside every queue, so that two people don't take the same call.
        case .readQueue, .listSubjects, .listStaff, .verifyLog, .seePresence:
            Set(Role.allCases)
        case .listTasks:
            desk.union([.auditor])
        case .readMonthlyTotals, .readAccessLog:
            [.supervisor, .auditor]
        // An employee's data is the consultation desk's: only a counsellor discloses or erases it.
        case .eraseEmployee, .exportEmployee, .openConsultation, .readConsultation, .handleConsultation, .seeConsultationFlags:
            [.counsellor]
        // Each erases the people that are theirs: supervisors the customer file's, counsellors employees.
        case .runRetention:
            [.supervisor, .counsellor]
        case .listConsultations:
            [.counsellor, .supervisor, .auditor]
        case .workShift, .readHandovers:
            [.operator, .supervisor, .counsellor]
        }
    }

    public static func allows(_ role: Role, _ action: DeskAction) -> Bool { roles(for: action).contains(role) }

    /// Staff (the counter) see the cases they recorded themselves, and no other: a clerk at one organization's counter
    /// never reads another's complaints. The rest of the desk's line sees every case.
    public static func seesOwnCasesOnly(_ role: Role) -> Bool { role == .staff }

    /// Whether `me` sees the case in the queue, a search, a detail.
    public static func sees(_ r: CaseSummary, _ me: StaffMember) -> Bool { !seesOwnCasesOnly(me.role) || r.openedBy == me.user }

    /// A role that may record nothing at all (the auditor).
    public static func changesNothing(_ role: Role) -> Bool { !DeskAction.allCases.contains { $0.writes && allows(role, $0) } }

    /// The roles as a person reads them: "staff", "an operator", "a supervisor or an auditor".
    public static func describe(_ roles: Set<Role>) -> String {
        let along = [Role.staff, .operator, .supervisor].filter(roles.contains)
        // Along the desk's line the least role stands for those above it ("an operator" takes in supervisors).
        let cumulative = along.first.map { low in line.filter { $0.includes(low) } == Set(along) } ?? false
        let words = ((cumulative ? [along[0]] : along) + [Role.counsellor, .auditor].filter(roles.contains)).map(article)
        guard let last = words.last else { return "nobody" }
        return words.count == 1 ? last : words.dropLast().joined(separator: ", ") + " or " + last
    }

    /// "staff", "an operator", "a supervisor": the role as a person, for messages.
    public static func article(_ r: Role) -> String {
        switch r {
        case .staff: "staff"
        case .operator, .auditor: "an \(r.rawValue)"
        case .supervisor, .counsellor: "a \(r.rawValue)"
        }
    }

    /// Which personal fields a role may read opened: the customer file's text for the desk's line, names and contact
    /// details (and what identifies them: a counterparty's label, an attachment's file name) above the counter.
    public static func visibility(for role: Role) -> FieldVisibility {
        let text = allows(role, .readCaseText), contact = allows(role, .readContactDetails)
        if !text { return .none }
        if contact { return .all }
        return FieldVisibility { _, path in narrative(path) }
    }

    /// The fields that tell what happened, which the desk's line reads. Every other personal field says who someone is
    /// (names, contact details, a counterparty's label, an attachment's file name) and stays hidden from roles that do
    /// not read contact details: a field added later is hidden until it is named here.
    static func narrative(_ path: String) -> Bool {
        let parts = path.split(separator: ".")
        // The clerks at the counter, by name and as the customer described them: the desk's line works with them.
        if parts.count == 3, parts[0] == "staff", Int(parts[1]) != nil { return parts[2] == "name" || parts[2] == "characteristics" }
        return ["complaint", "requests", "text", "reason", "opinion", "decision", "note"].contains(path)
    }
}
