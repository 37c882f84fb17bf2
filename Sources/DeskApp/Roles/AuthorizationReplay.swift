import DeskDomain

/// Replays who held which role when, and names the first event its actor was not allowed to record. The hash chain
/// proves that the log was not changed after the fact; this proves that what is in it went through the role matrix:
/// an event written beside `mado` (with a valid hash, by someone with the database file) shows up here.
struct AuthorizationReplay {
    private var staff: [String: (role: Role, active: Bool)] = [:]
    private var employees: Set<SubjectID> = []

    /// Why `e` could not have been recorded by its actor at that point of the log; nil when it could.
    mutating func refusal(_ e: EventEnvelope) -> String? {
        defer { fold(e) }
        let actor = e.actor.user
        switch e.event {
        case .staffAdded(let p) where staff.isEmpty:
            // `mado init` records the desk's first supervisor, by themselves: the one event no staff record allows.
            return p.user == actor && p.role == .supervisor && e.stream == .staff(actor) ? nil
                : "the desk's first staff record must be a supervisor recording themselves"
        case .restrictedAccess(let p):
            // Anyone who tried is recorded, on the stream of their own attempts, staff or not.
            return p.user == actor && e.stream == .access(actor) ? nil : "an access record written for someone else"
        case .shiftStarted, .shiftEnded where e.stream != .staff(actor):
            return "a shift recorded on someone else's stream"
        default:
            break
        }
        guard let member = staff[actor] else { return "\(actor) was not on the desk's staff" }
        guard member.active else { return "\(actor) had been removed from the desk's staff" }
        let actions = Self.actions(recording: e.event, by: e.actor, employees: employees)
        if actions.contains(where: { RoleMatrix.allows(member.role, $0) }) { return nil }
        let needed = actions.reduce(into: Set<Role>()) { $0.formUnion(RoleMatrix.roles(for: $1)) }
        return "\(actor), \(RoleMatrix.article(member.role)), could not \(actions.first?.label ?? e.event.type); "
            + "it needs \(RoleMatrix.describe(needed))"
    }

    private mutating func fold(_ e: EventEnvelope) {
        switch e.event {
        case .staffAdded(let p): staff[p.user] = (p.role, true)
        case .staffRemoved(let p): staff[p.user]?.active = false
        case .consultationOpened(let p): employees.insert(p.employee)
        default: break
        }
    }

    /// The rows of the role matrix that record `event`: one of them must allow the actor's role. A decision may record
    /// more than its own event (rejecting a threat opens two tasks; a hand-over records the intake, the words and the
    /// facts), so some events have more than one.
    static func actions(recording event: DeskEvent, by actor: Actor, employees: Set<SubjectID>) -> [DeskAction] {
        switch event {
        case .intakeRecorded: [.recordIntake, .handOver]
        case .factsRecorded: [.recordFacts, .handOver]
        case .statementRecorded: [.recordStatement, .handOver]
        case .counterpartyLinked: [.linkCounterparty]
        case .handedOver: [.handOver]
        case .reviewStarted: [.startReview]
        case .assessed: [.assess]
        case .classified: [.classify]
        case .laneOverridden: [.overrideLane]
        case .escalated: [.escalate]
        case .reported: [.report]
        case .closed: [.close]
        case .rejectedAsThreat: [.rejectAsThreat]
        case .enquiryLogged: [.logEnquiry]
        case .noteAdded: [.addNote]
        case .applicantAdded: [.recordIntake]
        case .caseAssigned(let p): [p.assignee == actor ? .takeCase : .assignCase]
        case .legalHoldPlaced: [.placeHold]
        case .legalHoldLifted: [.liftHold]
        case .ladderStepTaken: [.takeLadderStep]
        case .counterActionTaken: [.recordCounterAction]
        case .contactSet: [.registerOrganization]
        case .reportDrafted: [.draftReport]
        case .reportApproved: [.approveReport]
        case .organizationDecided: [.recordDecision]
        case .feedbackGiven: [.giveFeedback]
        case .taskOpened: [.openTask, .rejectAsThreat]
        case .taskDone: [.completeTask]
        case .organizationRegistered: [.registerOrganization]
        case .retentionSet: [.setRetention]
        case .policyAdopted: [.adoptPolicy]
        case .staffAdded, .staffRemoved: [.manageStaff]
        case .shiftStarted, .shiftEnded: [.workShift]
        case .consultationOpened: [.openConsultation]
        case .careTaskOpened: [.openConsultation, .handleConsultation]
        case .careTaskDone, .consultationLinked, .consultationNoted, .consultationClosed: [.handleConsultation]
        case .restrictedAccess: [.readConsultation]
        case .subjectErased(let p): [employees.contains(p.subject) ? .eraseEmployee : .eraseSubject]
        case .subjectExported(let p): [employees.contains(p.subject) ? .exportEmployee : .exportSubject]
        case .standingSet: [.setStanding]
        case .checkpointSigned: [.anchorLog]
        }
    }
}
