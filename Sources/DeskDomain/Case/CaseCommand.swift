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
    case assign(Actor)
    case placeHold(LegalHoldPlaced)
    case liftHold(LegalHoldLifted)
    /// A police-ladder step taken at the counter, in order (danger skips to 110).
    case takeLadderStep(LadderStep)

    public var name: String {
        switch self {
        case .recordIntake: "record intake"
        case .recordFacts: "record facts"
        case .recordStatement: "record statement"
        case .linkCounterparty: "link counterparty"
        case .handOver: "hand over"
        case .startReview: "start review"
        case .assess: "assess"
        case .classify: "classify"
        case .overrideLane: "override the lane"
        case .escalate: "escalate"
        case .report: "report"
        case .close: "close"
        case .rejectAsThreat: "reject as threat"
        case .logEnquiry: "log enquiry"
        case .addNote: "add note"
        case .assign: "assign"
        case .placeHold: "place a legal hold"
        case .liftHold: "lift the legal hold"
        case .takeLadderStep: "take a police-ladder step"
        }
    }

    /// The least role that may issue the command.
    public var requiredRole: Role {
        switch self {
        case .recordIntake, .recordFacts, .recordStatement, .linkCounterparty, .handOver, .logEnquiry, .addNote, .takeLadderStep:
            .staff
        case .startReview, .assess, .rejectAsThreat, .assign:
            .operator
        case .escalate, .report, .close, .placeHold, .liftHold, .classify, .overrideLane:
            .supervisor
        }
    }
}

/// Who is deciding, under which policy.
public struct DecisionContext: Hashable, Sendable {
    public var actor: Actor
    public var role: Role
    public var policy: PolicyTable
    public init(actor: Actor, role: Role, policy: PolicyTable = .standard) {
        self.actor = actor
        self.role = role
        self.policy = policy
    }
}
