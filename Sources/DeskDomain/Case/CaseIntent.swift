/// What someone means to do to a case, without the text they will type: enough to tell whether the case allows it now
/// (the console greys out what it does not), and what the role matrix needs to know.
public enum CaseIntent: Hashable, Sendable {
    case recordIntake, recordFacts, recordStatement, linkCounterparty, handOver, startReview, assess
    case classify(Classification)
    case overrideLane(Lane)
    case escalate, report, close, rejectAsThreat, logEnquiry, addNote
    /// More from the applicant, who quoted the case's receipt.
    case addFromApplicant
    case assign(Actor)
    case placeHold, liftHold
    case takeLadderStep(LadderStep)
    /// What the clerk ticked on the decision screen (110 among them is the ladder's last step).
    case recordCounterActions
    case draftReport, approveReport, recordDecision
    case giveFeedback(Channel)
    case completeTask(TaskKind)
    case openTask(TaskKind)

    /// What it is called in a refusal ("cannot start review: …").
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
        case .addFromApplicant: "add what the applicant sent"
        case .assign: "assign"
        case .placeHold: "place a legal hold"
        case .liftHold: "lift the legal hold"
        case .takeLadderStep: "take a police-ladder step"
        case .recordCounterActions: "record what the counter did"
        case .draftReport: "draft the report"
        case .approveReport: "approve the report"
        case .recordDecision: "record the organization's decision"
        case .giveFeedback: "give feedback to the applicant"
        case .completeTask: "complete a task"
        case .openTask: "open a task"
        }
    }
}

extension CaseCommand {
    /// The command without its text.
    public var intent: CaseIntent {
        switch self {
        case .recordIntake: .recordIntake
        case .recordFacts: .recordFacts
        case .recordStatement: .recordStatement
        case .linkCounterparty: .linkCounterparty
        case .handOver: .handOver
        case .startReview: .startReview
        case .assess: .assess
        case .classify(let c): .classify(c.classification)
        case .overrideLane(let lane, _): .overrideLane(lane)
        case .escalate: .escalate
        case .report: .report
        case .close: .close
        case .rejectAsThreat: .rejectAsThreat
        case .logEnquiry: .logEnquiry
        case .addNote: .addNote
        case .addFromApplicant: .addFromApplicant
        case .assign(let who): .assign(who)
        case .placeHold: .placeHold
        case .liftHold: .liftHold
        case .takeLadderStep(let step): .takeLadderStep(step)
        case .recordCounterActions: .recordCounterActions
        case .draftReport: .draftReport
        case .approveReport: .approveReport
        case .recordDecision: .recordDecision
        case .giveFeedback(let f): .giveFeedback(f.channel)
        case .completeTask(let t): .completeTask(t.kind)
        case .openTask(let kind): .openTask(kind)
        }
    }

    public var name: String { intent.name }
}
