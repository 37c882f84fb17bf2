extension CaseStatus {
    /// The case's state after `event` (nil: the event does not move it). The one life cycle: the aggregate's fold and
    /// the queue projection both ask it. `intake → handedOver → underReview → reported → closed`, with the side
    /// states `rejectedThreat` and `escalated`; an escalation needs the state it starts from.
    public static func after(_ event: DeskEvent, from current: CaseStatus?) -> CaseStatus? {
        switch event {
        case .intakeRecorded: .intake
        case .handedOver: .handedOver
        case .reviewStarted: .underReview
        case .reported: .reported
        case .closed: .closed
        case .rejectedAsThreat: .rejectedThreat
        case .escalated: current?.escalating
        case .factsRecorded, .statementRecorded, .counterpartyLinked, .assessed, .classified, .laneOverridden, .enquiryLogged,
             .noteAdded, .applicantAdded, .caseAssigned, .legalHoldPlaced, .legalHoldLifted, .ladderStepTaken, .counterActionTaken, .contactSet, .reportDrafted, .reportApproved,
             .organizationDecided, .feedbackGiven, .taskOpened, .taskDone, .organizationRegistered, .retentionSet, .policyAdopted,
             .staffAdded, .staffRemoved, .shiftStarted, .shiftEnded, .consultationOpened, .careTaskOpened, .careTaskDone,
             .consultationLinked, .consultationNoted, .consultationClosed, .restrictedAccess, .subjectErased, .subjectExported,
             .standingSet, .checkpointSigned:
            nil
        }
    }

    /// The state after an escalation: a reported case stays reported and a rejected one stays rejected (escalation is a
    /// side track there).
    public var escalating: CaseStatus { self == .reported || self == .rejectedThreat ? self : .escalated }
}
