/// Decides which events a command produces on a case, or why it is refused. Pure.
///
/// Two steps: `refusal` asks whether the case allows the intent now (its state and what must come first), which the
/// console asks to grey out an action before anyone types; `decide` then checks what was typed and returns the events.
/// Who may do what is the role matrix's question (`DeskApp`), asked before either.
public enum CaseDecider {
    /// Why the case does not allow `intent` now, or nil. Needs no text: nothing here depends on what will be typed.
    public static func refusal(_ intent: CaseIntent, _ s: CaseState, actor: Actor) -> DecideError? {
        if case .recordIntake = intent { return s.exists ? .alreadyExists : nil }
        guard let status = s.status else { return .noSuchCase }
        func allowedIn(_ allowed: Set<CaseStatus>) -> DecideError? {
            allowed.contains(status) ? nil : .wrongState(command: intent.name, status: status)
        }
        func missing(_ what: String) -> DecideError { .missing(command: intent.name, what: what) }
        let open: Set<CaseStatus> = [.intake, .handedOver, .underReview, .reported, .escalated]
        switch intent {
        case .recordIntake:
            return nil
        case .recordFacts:
            return allowedIn([.intake, .handedOver, .underReview])
        case .recordStatement, .linkCounterparty, .assign:
            return allowedIn(open)
        case .handOver:
            if let e = allowedIn([.intake]) { return e }
            return s.facts == nil ? missing("record the facts") : nil
        case .startReview:
            return allowedIn([.intake, .handedOver])
        case .assess:
            return allowedIn([.underReview, .escalated])
        case .classify(let c):
            if let e = allowedIn([.underReview, .escalated, .reported]) { return e }
            guard let means = s.assessedMeans else { return missing("assess the case") }
            // Two axes (MHLW): harassment is a demand pressed by socially unacceptable means.
            if c == .harassment && means == .acceptable {
                return .invalid(field: "classification", reason: "harassment means the means were not acceptable; the assessment says they were")
            }
            if s.classification == c {
                return .invalid(field: "classification", reason: "the case is already classified as \(c.rawValue)")
            }
            return nil
        case .overrideLane(let lane):
            if let e = allowedIn(open.subtracting([.intake])) { return e }
            guard let current = s.lane else { return missing("hand the case over") }
            return lane == current ? .invalid(field: "lane", reason: "the case is already in the \(lane.rawValue) lane") : nil
        case .escalate:
            return allowedIn([.handedOver, .underReview, .reported, .escalated, .rejectedThreat])
        case .report:
            if let e = allowedIn([.underReview, .escalated]) { return e }
            guard let draft = s.draftVersion else { return missing("draft the report") }
            return s.approvedDraft == draft ? nil : missing("a supervisor's approval of the latest draft")
        case .draftReport:
            if let e = allowedIn([.underReview, .escalated]) { return e }
            return s.assessed ? nil : missing("assess the case")
        case .approveReport:
            if let e = allowedIn([.underReview, .escalated]) { return e }
            guard let draft = s.draftVersion else { return missing("draft the report") }
            guard s.classification != nil else { return missing("classify the case") }
            guard s.approvedDraft != draft else { return .invalid(field: "report", reason: "the latest draft is already approved") }
            // Four eyes: the approval is worth something only from someone who did not write the draft.
            if let author = s.draftedBy, author == actor.user {
                return .invalid(field: "report", reason: "you drafted it; another supervisor approves it")
            }
            return nil
        case .recordDecision:
            guard s.reported else { return missing("report the case to the organization") }
            return allowedIn([.reported])
        case .giveFeedback(let channel):
            // Seed 003: the applicant hears back only when the organization deems it necessary.
            guard s.decided else { return missing("the organization's decision") }
            guard s.feedbackAllowed else {
                return .invalid(field: "feedback", reason: "the organization decided the applicant is not to be contacted")
            }
            if let e = allowedIn([.reported, .closed]) { return e }
            guard s.feedbackWanted else { return .invalid(field: "feedback", reason: "the applicant did not ask for feedback") }
            switch channel {
            case .phone: return s.applicantPhone ? nil : .invalid(field: "channel", reason: "the applicant left no phone number")
            case .email: return s.applicantEmail ? nil : .invalid(field: "channel", reason: "the applicant left no e-mail address")
            case .counter, .answeringMachine, .webForm: return .invalid(field: "channel", reason: "feedback goes by phone or e-mail")
            }
        case .openTask(let kind):
            if let e = allowedIn([.rejectedThreat]) { return e }
            return s.openTasks.contains(kind) ? .invalid(field: "task", reason: "the case already has an open \(kind.rawValue) task") : nil
        case .completeTask(let kind):
            return s.openTasks.contains(kind) ? nil : .invalid(field: "task", reason: "the case has no open \(kind.rawValue) task")
        case .close:
            return allowedIn([.reported, .escalated, .rejectedThreat])
        case .rejectAsThreat:
            return allowedIn([.intake, .handedOver, .underReview])
        case .logEnquiry:
            return allowedIn(open.union([.rejectedThreat]))
        case .addNote, .addFromApplicant:
            return nil
        case .placeHold:
            return s.hold.map { .invalid(field: "hold", reason: "the case is already on hold (\($0.rawValue))") }
        case .liftHold:
            return s.hold == nil ? missing("place a hold") : nil
        case .recordCounterActions:
            return allowedIn(open.union([.rejectedThreat]))
        case .takeLadderStep(let step):
            if let e = allowedIn(open.union([.rejectedThreat])) { return e }
            return s.ladder.refusal(step, danger: s.inDanger).map { .invalid(field: "ladder", reason: $0) }
        }
    }

    public static func decide(_ command: CaseCommand, _ s: CaseState,
                              _ ctx: DecisionContext) throws(DecideError) -> [DeskEvent] {
        if let refused = refusal(command.intent, s, actor: ctx.actor) { throw refused }
        func missing(_ what: String) -> DecideError { .missing(command: command.name, what: what) }
        func written(_ p: Personal) -> Bool { !(p.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        func clear(_ text: String, _ field: String, _ reason: String) throws(DecideError) {
            if (try? ClearReason.check(text)) == nil { throw .invalid(field: field, reason: reason) }
        }
        let clearLine = "1-\(ClearReason.limit) printable characters on one line, no personal data"
        switch command {
        case .recordIntake(let p):
            guard p.complaint.text.map({ !$0.isEmpty }) ?? false else { throw missing("the complaint") }
            guard !p.applicant.anonymous || p.applicant.name == nil else {
                throw .invalid(field: "applicant.name", reason: "an anonymous applicant has no name")
            }
            return [.intakeRecorded(p)]
        case .recordFacts(let f):
            guard f.minutesSpent >= 0, f.minutesSpent <= 24 * 60 else { throw .invalid(field: "minutesSpent", reason: "0 to 1440") }
            guard f.earlierContacts >= 0, f.earlierContacts <= 10_000 else {
                throw .invalid(field: "earlierContacts", reason: "0 to 10000")
            }
            return s.facts == f ? [] : [.factsRecorded(f)]
        case .recordStatement(let p):
            guard !(p.text.text ?? "").isEmpty else { throw missing("the words") }
            return [.statementRecorded(p)]
        case .linkCounterparty(let p):
            return s.counterparties.contains(p.counterparty) ? [] : [.counterpartyLinked(p)]
        case .handOver:
            guard let facts = s.facts else { throw missing("record the facts") }
            return [.handedOver(ctx.policy.decide(facts))]
        case .startReview:
            return [.reviewStarted]
        case .assess(let a):
            guard written(a.reason) else { throw missing("the reason") }
            // A case classified as harassment cannot be re-assessed into acceptable means behind the classification.
            if s.classification == .harassment && a.means == .acceptable {
                throw .invalid(field: "means", reason: "the case is classified as harassment; a supervisor must classify it again first")
            }
            return [.assessed(a)]
        case .classify(let c):
            guard written(c.reason) else { throw missing("the reason") }
            return [.classified(c)]
        case .overrideLane(let lane, let reason):
            guard written(reason) else { throw missing("the reason") }
            return [.laneOverridden(LaneOverridden(from: s.lane, to: lane, reason: reason))]
        case .escalate(let e):
            return [.escalated(e)]
        case .report(let r):
            guard !r.sentTo.trimmingCharacters(in: .whitespaces).isEmpty else { throw missing("the recipient") }
            // Kept in clear: a department or a role, one printable line.
            try clear(r.sentTo, "sentTo", clearLine)
            return [.reported(r)]
        case .draftReport(let d):
            guard written(d.opinion) else { throw missing("the desk's opinion and advice") }
            if d.includeName && !s.applicantNamed {
                throw .invalid(field: "includeName", reason: "the applicant is anonymous or gave no name")
            }
            if d.includeContact && !s.applicantContactable {
                throw .invalid(field: "includeContact", reason: "the applicant left no phone or e-mail")
            }
            var drafted = d
            drafted.draftedBy = ctx.actor.user
            return [.reportDrafted(drafted)]
        case .approveReport:
            guard let draft = s.draftVersion else { throw missing("draft the report") }
            return [.reportApproved(ReportApproved(draft: draft))]
        case .recordDecision(let d):
            guard written(d.decision) else { throw missing("the decision") }
            return [.organizationDecided(d)]
        case .giveFeedback(let f):
            guard written(f.text) else { throw missing("what was said") }
            return [.feedbackGiven(f)]
        case .openTask(let kind):
            return [.taskOpened(TaskOpened(kind: kind))]
        case .completeTask(let t):
            guard !t.reference.trimmingCharacters(in: .whitespaces).isEmpty else { throw missing("the reference") }
            // Kept in clear like a hold's reason: one printable line, no personal data.
            try clear(t.reference, "reference", "1-\(ClearReason.limit) printable characters on one line")
            return [.taskDone(t)]
        case .close(let c):
            guard !c.outcome.trimmingCharacters(in: .whitespaces).isEmpty else { throw missing("the outcome") }
            // Kept in clear for the monthly totals: a short reference, never personal data.
            try clear(c.outcome, "outcome", clearLine)
            return [.closed(c)]
        case .rejectAsThreat(let t):
            guard !(t.text.text ?? "").isEmpty else { throw missing("the reason") }
            // Seed 003: not accepted, kept as evidence, reported to the police; the organization is told.
            return [.rejectedAsThreat(t), .taskOpened(TaskOpened(kind: .policeReport)), .taskOpened(TaskOpened(kind: .notifyOrganization))]
        case .logEnquiry(let ch):
            return [.enquiryLogged(EnquiryLogged(channel: ch))]
        case .addNote(let t):
            guard !(t.text.text ?? "").isEmpty else { throw missing("the note") }
            return [.noteAdded(t)]
        case .addFromApplicant(let a):
            guard !(a.text?.text ?? "").isEmpty || !(a.attachments ?? []).isEmpty else { throw missing("the text or a file") }
            return [.applicantAdded(a)]
        case .placeHold(let h):
            guard !h.reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw missing("the reason") }
            return [.legalHoldPlaced(h)]
        case .liftHold(let t):
            guard !t.reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw missing("the reason") }
            return [.legalHoldLifted(t)]
        case .takeLadderStep(let step):
            return [.ladderStepTaken(LadderStepTaken(step: step))]
        case .recordCounterActions(let actions):
            // The clerk did it: a 110 call is recorded whatever step the ladder was on. What is already recorded is not
            // recorded twice, so confirming again is a no-op.
            var seen = s.counterActions
            return actions.compactMap { a in
                if a == .call110 { return s.ladder.times(.call110) > 0 || !seen.insert(a).inserted ? nil : .ladderStepTaken(LadderStepTaken(step: .call110)) }
                return seen.insert(a).inserted ? .counterActionTaken(CounterActionTaken(action: a)) : nil
            }
        case .assign(let who):
            return s.assignee == who ? [] : [.caseAssigned(CaseAssigned(assignee: who))]
        }
    }
}
