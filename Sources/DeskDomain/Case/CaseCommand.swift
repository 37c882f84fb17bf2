/// What someone asks to do to a case.
public enum CaseCommand: Hashable, Sendable {
    case recordIntake(IntakeRecorded)
    case recordFacts(FactSheet)
    case recordStatement(StatementRecorded)
    case linkCounterparty(CounterpartyLinked)
    /// Hand over under the policy in force; the policy, not the clerk, picks the lane.
    case handOver
    case startReview
    case assess(Assessed)
    /// A supervisor's classification of an assessed case.
    case classify(Classified)
    /// A supervisor moves the case to another lane than the policy's, with a reason.
    case overrideLane(Lane, reason: Personal)
    case escalate(Escalated)
    case report(Reported)
    case close(Closed)
    case rejectAsThreat(CaseText)
    case logEnquiry(Channel)
    case addNote(CaseText)
    /// What the applicant sent later, quoting the receipt they were given (the web form's follow-up).
    case addFromApplicant(ApplicantAdded)
    case assign(Actor)
    case placeHold(LegalHoldPlaced)
    case liftHold(LegalHoldLifted)
    /// A police-ladder step taken at the counter, in order (danger skips to 110).
    case takeLadderStep(LadderStep)
    /// The decision screen's ticked items: each its own event; a ticked 110 call is the ladder's `call110` step.
    case recordCounterActions([RequiredAction])
    /// The desk drafts its report to the organization (after assessing the case).
    case draftReport(ReportDrafted)
    /// A supervisor approves the latest draft (after classifying the case).
    case approveReport
    /// The organization's decision, as it told the desk.
    case recordDecision(OrganizationDecided)
    /// Feedback to the applicant: only after the organization decided it was needed.
    case giveFeedback(FeedbackGiven)
    case completeTask(TaskDone)
    /// Opens a task a rejection did not open (cases rejected before rejections opened tasks).
    case openTask(TaskKind)
}

/// Who is deciding, under which policy. Whether their role lets them is the role matrix's question (`DeskApp`),
/// asked before the decider.
public struct DecisionContext: Hashable, Sendable {
    public var actor: Actor
    public var policy: PolicyTable
    public init(actor: Actor, policy: PolicyTable = .standard) {
        self.actor = actor
        self.policy = policy
    }
}
