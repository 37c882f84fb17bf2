/// What the decider needs to know about one case, folded from its events.
public struct CaseState: Hashable, Sendable {
    public var status: CaseStatus?
    public var organization: OrganizationID?
    public var applicant: SubjectID?
    public var lane: Lane?
    public var facts: FactSheet?
    public var assessed: Bool = false
    /// The means the desk's latest two-axis assessment found. The state keeps no text: a replay folds every case of
    /// the log at once, and the texts are in the events.
    public var assessedMeans: Means?
    /// The supervisor's classification, once decided.
    public var classification: Classification?
    /// The lane the policy chose, when a supervisor has moved the case to another.
    public var policyLane: Lane?
    public var assignee: Actor?
    public var escalations: [EscalationTarget] = []
    public var counterparties: [SubjectID] = []
    public var eventCount: Int = 0
    public var hold: HoldKind?
    public var ladder = LadderProgress()
    /// What the clerk recorded doing from the decision screen (besides 110, which is on the ladder).
    public var counterActions: Set<RequiredAction> = []
    /// Whether the applicant gave a name, and a phone or e-mail the desk could answer on.
    public var applicantNamed = false
    public var applicantContactable = false
    public var applicantPhone = false
    public var applicantEmail = false
    public var feedbackWanted = false
    /// The stream version of the latest report draft, and of the draft a supervisor approved.
    public var draftVersion: Int?
    public var draftedBy: String?
    public var approvedDraft: Int?
    public var reported = false
    /// The organization decided (and whether it wants the applicant told).
    public var decided = false
    public var feedbackAllowed = false
    public var openTasks: [TaskKind] = []

    public static let initial = CaseState()

    public var exists: Bool { status != nil }

    /// A weapon, physical contact or a threat to life, or the danger lane: the police ladder is skipped.
    public var inDanger: Bool {
        lane == .danger || (facts.map { $0.weaponOrPhysicalContact || $0.threatToLifeOrArson } ?? false)
    }

    public static func evolve(_ state: CaseState, _ event: DeskEvent) -> CaseState {
        var s = state
        s.eventCount += 1
        // What the report says changed after the approval: it needs approving again (before it is sent).
        if !s.reported, CaseReport.changesContent(event) { s.approvedDraft = nil }
        if let next = CaseStatus.after(event, from: s.status) { s.status = next }
        switch event {
        case .intakeRecorded(let p):
            s.organization = p.organization
            s.applicant = p.applicant.subject
            s.applicantNamed = !p.applicant.anonymous && p.applicant.name != nil
            s.applicantContactable = p.applicant.phone != nil || p.applicant.email != nil
            s.applicantPhone = p.applicant.phone != nil
            s.applicantEmail = p.applicant.email != nil
            s.feedbackWanted = p.feedbackWanted
        case .factsRecorded(let f):
            s.facts = f
        case .counterpartyLinked(let p):
            if !s.counterparties.contains(p.counterparty) { s.counterparties.append(p.counterparty) }
        case .handedOver(let p):
            s.lane = p.lane
        case .assessed(let a):
            s.assessed = true
            s.assessedMeans = a.means
        case .classified(let c):
            s.classification = c.classification
        case .laneOverridden(let o):
            if s.policyLane == nil { s.policyLane = o.from }
            s.lane = o.to
        case .escalated(let p):
            s.escalations.append(p.target)
        case .reported:
            s.reported = true
        case .reportDrafted(let d):
            s.draftVersion = s.eventCount
            s.draftedBy = d.draftedBy
        case .reportApproved(let p):
            s.approvedDraft = p.draft
        case .organizationDecided(let p):
            s.decided = true
            s.feedbackAllowed = p.feedback
        case .taskOpened(let p):
            if !s.openTasks.contains(p.kind) { s.openTasks.append(p.kind) }
        case .taskDone(let p):
            s.openTasks.removeAll { $0 == p.kind }
        case .caseAssigned(let p):
            s.assignee = p.assignee
        case .legalHoldPlaced(let p):
            s.hold = p.kind
        case .legalHoldLifted:
            s.hold = nil
        case .ladderStepTaken(let p):
            s.ladder.record(p.step)
            // Once the police are called the case is the danger lane's, whatever the policy chose.
            if p.step == .call110 { s.lane = .danger }
        case .counterActionTaken(let p):
            s.counterActions.insert(p.action)
        case .reviewStarted, .closed, .rejectedAsThreat, .statementRecorded, .enquiryLogged, .noteAdded, .applicantAdded, .organizationRegistered, .staffAdded, .staffRemoved,
             .subjectErased, .retentionSet, .subjectExported, .policyAdopted, .standingSet, .feedbackGiven,
             .shiftStarted, .shiftEnded, .consultationOpened, .careTaskOpened, .careTaskDone, .consultationLinked,
             .consultationNoted, .consultationClosed, .restrictedAccess, .checkpointSigned, .contactSet:
            break
        }
        return s
    }
}
