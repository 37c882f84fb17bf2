/// Decides which events a command produces on a case, or why it is refused. Pure.
public enum CaseDecider {
    public static func decide(_ command: CaseCommand, _ s: CaseState,
                              _ ctx: DecisionContext) throws(DecideError) -> [DeskEvent] {
        guard ctx.role.includes(command.requiredRole) else {
            throw .roleNotAllowed(command: command.name, role: ctx.role, needs: command.requiredRole)
        }
        if case .recordIntake(let p) = command {
            guard !s.exists else { throw .alreadyExists }
            guard p.complaint.text.map({ !$0.isEmpty }) ?? false else {
                throw .missing(command: command.name, what: "the complaint")
            }
            guard !p.applicant.anonymous || p.applicant.name == nil else {
                throw .invalid(field: "applicant.name", reason: "an anonymous applicant has no name")
            }
            return [.intakeRecorded(p)]
        }
        guard let status = s.status else { throw .noSuchCase }
        func require(_ allowed: Set<CaseStatus>) throws(DecideError) {
            guard allowed.contains(status) else { throw .wrongState(command: command.name, status: status) }
        }
        let open: Set<CaseStatus> = [.intake, .handedOver, .underReview, .reported, .escalated]
        switch command {
        case .recordIntake:
            return []
        case .recordFacts(let f):
            try require([.intake, .handedOver, .underReview])
            guard f.minutesSpent >= 0, f.minutesSpent <= 24 * 60 else {
                throw .invalid(field: "minutesSpent", reason: "0 to 1440")
            }
            guard f.earlierContacts >= 0, f.earlierContacts <= 10_000 else {
                throw .invalid(field: "earlierContacts", reason: "0 to 10000")
            }
            return s.facts == f ? [] : [.factsRecorded(f)]
        case .recordStatement(let p):
            try require(open)
            guard !(p.text.text ?? "").isEmpty else { throw .missing(command: command.name, what: "the words") }
            return [.statementRecorded(p)]
        case .linkCounterparty(let p):
            try require(open)
            return s.counterparties.contains(p.counterparty) ? [] : [.counterpartyLinked(p)]
        case .handOver:
            try require([.intake])
            guard let facts = s.facts else { throw .missing(command: command.name, what: "record the facts") }
            return [.handedOver(ctx.policy.decide(facts))]
        case .startReview:
            try require([.intake, .handedOver])
            return [.reviewStarted]
        case .assess(let a):
            try require([.underReview, .escalated])
            guard !(a.reason.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw .missing(command: command.name, what: "the reason")
            }
            // A case classified as harassment cannot be re-assessed into acceptable means behind the classification.
            if s.classification == .harassment && a.means == .acceptable {
                throw .invalid(field: "means", reason: "the case is classified as harassment; a supervisor must classify it again first")
            }
            return [.assessed(a)]
        case .classify(let c):
            try require([.underReview, .escalated, .reported])
            guard let means = s.assessedMeans else { throw .missing(command: command.name, what: "assess the case") }
            guard !(c.reason.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw .missing(command: command.name, what: "the reason")
            }
            // Two axes (MHLW): harassment is a demand pressed by socially unacceptable means.
            if c.classification == .harassment && means == .acceptable {
                throw .invalid(field: "classification", reason: "harassment means the means were not acceptable; the assessment says they were")
            }
            if s.classification == c.classification {
                throw .invalid(field: "classification", reason: "the case is already classified as \(c.classification.rawValue)")
            }
            return [.classified(c)]
        case .overrideLane(let lane, let reason):
            try require(open.subtracting([.intake]))
            guard let current = s.lane else { throw .missing(command: command.name, what: "hand the case over") }
            guard lane != current else { throw .invalid(field: "lane", reason: "the case is already in the \(lane.rawValue) lane") }
            guard !(reason.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw .missing(command: command.name, what: "the reason")
            }
            return [.laneOverridden(LaneOverridden(from: current, to: lane, reason: reason))]
        case .escalate(let e):
            try require([.handedOver, .underReview, .reported, .escalated, .rejectedThreat])
            return [.escalated(e)]
        case .report(let r):
            try require([.underReview, .escalated])
            guard let draft = s.draftVersion else { throw .missing(command: command.name, what: "draft the report") }
            guard s.approvedDraft == draft else {
                throw .missing(command: command.name, what: "a supervisor's approval of the latest draft")
            }
            guard !r.sentTo.trimmingCharacters(in: .whitespaces).isEmpty else { throw .missing(command: command.name, what: "the recipient") }
            // Kept in clear: a department or a role, one printable line.
            if (try? ClearReason.check(r.sentTo)) == nil {
                throw .invalid(field: "sentTo", reason: "1-\(ClearReason.limit) printable characters on one line, no personal data")
            }
            return [.reported(r)]
        case .draftReport(let d):
            try require([.underReview, .escalated])
            guard s.assessed else { throw .missing(command: command.name, what: "assess the case") }
            guard !(d.opinion.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw .missing(command: command.name, what: "the desk's opinion and advice")
            }
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
            try require([.underReview, .escalated])
            guard let draft = s.draftVersion else { throw .missing(command: command.name, what: "draft the report") }
            guard s.classification != nil else { throw .missing(command: command.name, what: "classify the case") }
            guard s.approvedDraft != draft else { throw .invalid(field: "report", reason: "the latest draft is already approved") }
            // Four eyes: the approval is worth something only from someone who did not write the draft.
            if let author = s.draftedBy, author == ctx.actor.user {
                throw .invalid(field: "report", reason: "you drafted it; another supervisor approves it")
            }
            return [.reportApproved(ReportApproved(draft: draft))]
        case .recordDecision(let d):
            guard s.reported else { throw .missing(command: command.name, what: "report the case to the organization") }
            try require([.reported])
            guard !(d.decision.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw .missing(command: command.name, what: "the decision")
            }
            return [.organizationDecided(d)]
        case .giveFeedback(let f):
            // Seed 003: the applicant hears back only when the organization deems it necessary.
            guard s.decided else { throw .missing(command: command.name, what: "the organization's decision") }
            guard s.feedbackAllowed else {
                throw .invalid(field: "feedback", reason: "the organization decided the applicant is not to be contacted")
            }
            try require([.reported, .closed])
            guard s.feedbackWanted else { throw .invalid(field: "feedback", reason: "the applicant did not ask for feedback") }
            switch f.channel {
            case .phone: guard s.applicantPhone else { throw .invalid(field: "channel", reason: "the applicant left no phone number") }
            case .email: guard s.applicantEmail else { throw .invalid(field: "channel", reason: "the applicant left no e-mail address") }
            default: throw .invalid(field: "channel", reason: "feedback goes by phone or e-mail")
            }
            guard !(f.text.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw .missing(command: command.name, what: "what was said")
            }
            return [.feedbackGiven(f)]
        case .openTask(let kind):
            try require([.rejectedThreat])
            guard !s.openTasks.contains(kind) else { throw .invalid(field: "task", reason: "the case already has an open \(kind.rawValue) task") }
            return [.taskOpened(TaskOpened(kind: kind))]
        case .completeTask(let t):
            guard s.openTasks.contains(t.kind) else { throw .invalid(field: "task", reason: "the case has no open \(t.kind.rawValue) task") }
            guard !t.reference.trimmingCharacters(in: .whitespaces).isEmpty else { throw .missing(command: command.name, what: "the reference") }
            // Kept in clear like a hold's reason: one printable line, no personal data.
            if (try? ClearReason.check(t.reference)) == nil {
                throw .invalid(field: "reference", reason: "1-\(ClearReason.limit) printable characters on one line")
            }
            return [.taskDone(t)]
        case .close(let c):
            try require([.reported, .escalated, .rejectedThreat])
            guard !c.outcome.trimmingCharacters(in: .whitespaces).isEmpty else { throw .missing(command: command.name, what: "the outcome") }
            // Kept in clear for the monthly totals: a short reference, never personal data.
            if (try? ClearReason.check(c.outcome)) == nil {
                throw .invalid(field: "outcome", reason: "1-\(ClearReason.limit) printable characters on one line, no personal data")
            }
            return [.closed(c)]
        case .rejectAsThreat(let t):
            try require([.intake, .handedOver, .underReview])
            guard !(t.text.text ?? "").isEmpty else { throw .missing(command: command.name, what: "the reason") }
            // Seed 003: not accepted, kept as evidence, reported to the police; the organization is told.
            return [.rejectedAsThreat(t), .taskOpened(TaskOpened(kind: .policeReport)), .taskOpened(TaskOpened(kind: .notifyOrganization))]
        case .logEnquiry(let ch):
            try require(open.union([.rejectedThreat]))
            return [.enquiryLogged(EnquiryLogged(channel: ch))]
        case .addNote(let t):
            guard !(t.text.text ?? "").isEmpty else { throw .missing(command: command.name, what: "the note") }
            return [.noteAdded(t)]
        case .placeHold(let h):
            if let held = s.hold { throw .invalid(field: "hold", reason: "the case is already on hold (\(held.rawValue))") }
            guard !h.reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw .missing(command: command.name, what: "the reason") }
            return [.legalHoldPlaced(h)]
        case .liftHold(let t):
            guard s.hold != nil else { throw .missing(command: command.name, what: "place a hold") }
            guard !t.reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw .missing(command: command.name, what: "the reason") }
            return [.legalHoldLifted(t)]
        case .takeLadderStep(let step):
            try require(open.union([.rejectedThreat]))
            if let why = s.ladder.refusal(step, danger: s.inDanger) { throw .invalid(field: "ladder", reason: why) }
            return [.ladderStepTaken(LadderStepTaken(step: step))]
        case .assign(let who):
            // Taking a case is an operator's own call; handing it to someone else is a supervisor's.
            if who != ctx.actor, !ctx.role.includes(.supervisor) {
                throw .roleNotAllowed(command: "assign a case to someone else", role: ctx.role, needs: .supervisor)
            }
            try require(open)
            return s.assignee == who ? [] : [.caseAssigned(CaseAssigned(assignee: who))]
        }
    }
}
