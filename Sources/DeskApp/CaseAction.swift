import DeskDomain

/// What someone does to a case, in plain text: `Desk` seals every text under the case's applicant (a note, a reason,
/// what the customer said is about their matter, and goes with them on erasure). Front ends never build a `Personal`.
public enum CaseAction: Hashable, Sendable {
    case recordFacts(FactSheet)
    case recordStatement(speaker: Speaker, text: String, verbatim: Bool)
    /// Link the person who harassed: one the desk already knows (`existing`), or a new one described by `label`.
    case linkCounterparty(label: String, existing: SubjectID?)
    case handOver
    case startReview
    case assess(validity: DemandValidity, means: Means, behaviours: [BehaviourType], reason: String, opinion: String?)
    case classify(Classification, reason: String)
    case overrideLane(Lane, reason: String)
    case escalate(EscalationTarget, reason: String)
    /// Record the approved report as sent; nil: to the organization's report recipient.
    case report(sentTo: String?)
    case close(outcome: String)
    case rejectAsThreat(reason: String)
    case logEnquiry(Channel)
    case addNote(String)
    case assign(to: String)
    case placeHold(HoldKind, reason: String)
    case liftHold(reason: String)
    case takeLadderStep(LadderStep)
    /// What the clerk ticked on the decision screen.
    case recordCounterActions([RequiredAction])
    /// Draft the report; nil opinion: the latest assessment's.
    case draftReport(opinion: String?, includeName: Bool, includeContact: Bool)
    case approveReport
    case recordDecision(String, feedback: Bool)
    case giveFeedback(Channel, text: String)
    case completeTask(TaskKind, reference: String)
    case openTask(TaskKind)

    /// The action without its text: what the role matrix and the case are asked about.
    public var intent: CaseIntent {
        switch self {
        case .recordFacts: .recordFacts
        case .recordStatement: .recordStatement
        case .linkCounterparty: .linkCounterparty
        case .handOver: .handOver
        case .startReview: .startReview
        case .assess: .assess
        case .classify(let c, _): .classify(c)
        case .overrideLane(let lane, _): .overrideLane(lane)
        case .escalate: .escalate
        case .report: .report
        case .close: .close
        case .rejectAsThreat: .rejectAsThreat
        case .logEnquiry: .logEnquiry
        case .addNote: .addNote
        case .assign(let who): .assign(Actor(who))
        case .placeHold: .placeHold
        case .liftHold: .liftHold
        case .takeLadderStep(let step): .takeLadderStep(step)
        case .recordCounterActions: .recordCounterActions
        case .draftReport: .draftReport
        case .approveReport: .approveReport
        case .recordDecision: .recordDecision
        case .giveFeedback(let ch, _): .giveFeedback(ch)
        case .completeTask(let kind, _): .completeTask(kind)
        case .openTask(let kind): .openTask(kind)
        }
    }

    /// Actions that only add to a case (notes, words, enquiries) reload and retry by themselves when another terminal
    /// appended meanwhile; the rest report the conflict, because the decision may no longer hold.
    var onlyAdds: Bool {
        switch self {
        case .addNote, .recordStatement, .logEnquiry: true
        default: false
        }
    }
}
