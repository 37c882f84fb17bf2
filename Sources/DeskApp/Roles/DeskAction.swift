import DeskDomain

/// Everything someone can do at the desk, one name each: the rows of the role matrix. The console greys out, and the
/// command line refuses, by these names.
public enum DeskAction: String, CaseIterable, Sendable {
    // Work on a case (one per `CaseIntent`; assigning splits into taking it and giving it to someone else)
    case recordIntake, recordFacts, recordStatement, linkCounterparty, handOver, startReview, assess, classify, overrideLane,
         escalate, report, close, rejectAsThreat, logEnquiry, addNote, takeCase, assignCase, placeHold, liftHold, takeLadderStep,
         recordCounterAction,
         draftReport, approveReport, recordDecision, giveFeedback, completeTask, openTask
    // Reading the customer file
    case readQueue, readCaseText, readContactDetails, readEvidence, readReport, listTasks, readMonthlyTotals, listCounterparties,
         listSubjects, seePresence, readAccessLog, listOrganizations, listStaff, verifyLog
    // People's data
    case setStanding, eraseSubject, eraseEmployee, exportSubject, exportEmployee, runRetention, setRetention
    // The desk's set-up
    case registerOrganization, adoptPolicy, manageStaff, rebuild, fillDemo, anchorLog, backUp, restore
    // The employee consultation desk
    case listConsultations, openConsultation, readConsultation, handleConsultation, seeConsultationFlags
    // Shifts
    case workShift, readHandovers, seeWholeShiftBoard

    /// What it is called in a refusal: "an operator may not <label>".
    public var label: String {
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
        case .takeCase: "assign"
        case .assignCase: "assign a case to someone else"
        case .placeHold: "place a legal hold"
        case .liftHold: "lift the legal hold"
        case .takeLadderStep: "take a police-ladder step"
        case .recordCounterAction: "record what the counter did"
        case .draftReport: "draft the report"
        case .approveReport: "approve the report"
        case .recordDecision: "record the organization's decision"
        case .giveFeedback: "give feedback to the applicant"
        case .completeTask: "complete a task"
        case .openTask: "open a task"
        case .readQueue: "read the queue"
        case .readCaseText: "read what the customer file says"
        case .readContactDetails: "read applicants' names and contact details"
        case .readEvidence: "open a case's evidence"
        case .readReport: "print a case's report"
        case .listTasks: "list tasks"
        case .readMonthlyTotals: "count the monthly totals"
        case .listCounterparties: "list counterparties"
        case .listSubjects: "list the people whose data the desk holds"
        case .seePresence: "see who has which case open"
        case .readAccessLog: "read the access log"
        case .listOrganizations: "list organizations"
        case .listStaff: "list the staff"
        case .verifyLog: "verify the log"
        case .setStanding: "warn or ban a counterparty"
        case .eraseSubject: "erase a person's data"
        case .eraseEmployee: "erase an employee's data"
        case .exportSubject: "export a person's data"
        case .exportEmployee: "export an employee's data"
        case .runRetention: "run retention"
        case .setRetention: "set a retention period"
        case .registerOrganization: "register an organization"
        case .adoptPolicy: "adopt a counter policy"
        case .manageStaff: "manage the staff"
        case .rebuild: "rebuild the projections"
        case .fillDemo: "fill the database with demo data"
        case .anchorLog: "sign the log's head"
        case .backUp: "back up the desk"
        case .restore: "restore the desk from a backup"
        case .listConsultations: "list employee consultations"
        case .openConsultation: "open an employee consultation"
        case .readConsultation: "read an employee consultation"
        case .handleConsultation: "handle an employee consultation"
        case .seeConsultationFlags: "see a consultation's health and secondary-harassment flags"
        case .workShift: "work a shift"
        case .readHandovers: "read the handovers"
        case .seeWholeShiftBoard: "see the shift board"
        }
    }
}

extension CaseIntent {
    /// The role matrix's row for this intent, done by `actor`.
    public func action(by actor: Actor) -> DeskAction {
        switch self {
        case .recordIntake: .recordIntake
        case .recordFacts: .recordFacts
        case .recordStatement: .recordStatement
        case .linkCounterparty: .linkCounterparty
        case .handOver: .handOver
        case .startReview: .startReview
        case .assess: .assess
        case .classify: .classify
        case .overrideLane: .overrideLane
        case .escalate: .escalate
        case .report: .report
        case .close: .close
        case .rejectAsThreat: .rejectAsThreat
        case .logEnquiry: .logEnquiry
        case .addNote: .addNote
        case .addFromApplicant: .recordIntake
        // Taking a case is an operator's own call; handing it to someone else is a supervisor's.
        case .assign(let who): who == actor ? .takeCase : .assignCase
        case .placeHold: .placeHold
        case .liftHold: .liftHold
        case .takeLadderStep: .takeLadderStep
        case .recordCounterActions: .recordCounterAction
        case .draftReport: .draftReport
        case .approveReport: .approveReport
        case .recordDecision: .recordDecision
        case .giveFeedback: .giveFeedback
        case .completeTask: .completeTask
        case .openTask: .openTask
        }
    }
}
