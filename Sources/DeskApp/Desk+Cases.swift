import DeskDomain
import Foundation

extension Desk {
    // MARK: Acting on a case

    /// Runs an action on a case against the version on screen (`expected`; nil: the latest), as the acting user.
    /// Returns the events recorded (none: nothing changed).
    @discardableResult
    public func act(_ action: CaseAction, on id: CaseID, expected: StreamVersion? = nil) throws -> [DeskEvent] {
        // Not `requireVisible`: a clerk logs an enquiry or a ladder step on the reference number a customer gives them,
        // for a case someone else recorded; what they may do is the matrix's and the case's question, what they read not.
        try require(action.intent.action(by: actor))
        var attempt = 0
        while true {
            attempt += 1
            // The texts of the history are not needed to decide, except the assessment's opinion for a draft without one.
            let opens: Bool = if case .draftReport(nil, _, _) = action { true } else { false }
            let history = try log.load(id.streamID, after: 0, visibility: opens ? .all : .none)
            guard !history.isEmpty else { throw DeskError.noSuchCase(id.description) }
            // A decision taken on the screen's version must not land on a newer one (notes may).
            if let expected, !action.onlyAdds, history.count != expected.value {
                throw AppendError.wrongExpectedVersion(stream: id.streamID, expected: .exact(expected), actual: history.count)
            }
            let state = history.map(\.event).reduce(CaseState.initial, CaseState.evolve)
            var newSubjects: [SubjectID] = []
            defer { log.discardSubjects(newSubjects) }
            let command = try self.command(action, state: state, history: history, newSubjects: &newSubjects)
            var context = DecisionContext(actor: actor)
            if case .handOver = action, let org = state.organization {
                // The organization's own policy decides, not whatever the caller had in hand.
                context.policy = try reads.organization(org)?.summary.policy ?? .standard
            }
            let events: [DeskEvent]
            do { events = try CaseDecider.decide(command, state, context) } catch { throw DeskError.decided(error) }
            if events.isEmpty { return [] }
            do {
                try log.append(events, to: .stream(id.streamID), expected: .exact(StreamVersion(history.count)), actor: actor,
                               at: clock(), newSubjects: newSubjects, evidence: [])
                return events
            } catch AppendError.wrongExpectedVersion where action.onlyAdds && attempt < 20 {
                continue
            }
        }
    }

    /// The domain command for an action: texts sealed under the case's applicant, a new counterparty's subject made.
    func command(_ action: CaseAction, state: CaseState, history: [EventEnvelope],
                 newSubjects: inout [SubjectID]) throws -> CaseCommand {
        guard let applicant = state.applicant else { throw DeskError.noSuchCase(history.first?.stream.rawValue ?? "-") }
        func sealed(_ text: String) -> Personal { Personal(text, owner: applicant) }
        switch action {
        case .recordFacts(let f): return .recordFacts(f)
        case let .recordStatement(speaker, text, verbatim):
            return .recordStatement(StatementRecorded(speaker: speaker, text: sealed(text), verbatim: verbatim))
        case let .linkCounterparty(label, existing):
            let party: SubjectID
            if let existing {
                guard let s = try reads.subject(existing), s.kind == .counterparty, s.erasedAt == nil else {
                    throw DeskError.noSuchSubject(existing.rawValue)
                }
                party = existing
            } else {
                party = log.newSubject(.counterparty)
                newSubjects.append(party)
            }
            // The label describes the counterparty: it is theirs, erased with them.
            return .linkCounterparty(CounterpartyLinked(counterparty: party, label: Personal(label, owner: party)))
        case .handOver: return .handOver
        case .startReview: return .startReview
        case let .assess(validity, means, behaviours, reason, opinion):
            return .assess(Assessed(validity: validity, means: means, behaviours: behaviours, reason: sealed(reason),
                                    opinion: opinion.map(sealed)))
        case let .classify(c, reason): return .classify(Classified(classification: c, reason: sealed(reason)))
        case let .overrideLane(lane, reason): return .overrideLane(lane, reason: sealed(reason))
        case let .escalate(target, reason): return .escalate(Escalated(target: target, reason: sealed(reason)))
        case .report(let to):
            let recipient = try to ?? state.organization.flatMap { try reads.organization($0)?.reportTo } ?? ""
            return .report(Reported(sentTo: recipient))
        case .close(let outcome): return .close(Closed(outcome: outcome))
        case .rejectAsThreat(let reason): return .rejectAsThreat(CaseText(text: sealed(reason)))
        case .logEnquiry(let channel): return .logEnquiry(channel)
        case .addNote(let text): return .addNote(CaseText(text: sealed(text)))
        case .assign(let who): return .assign(Actor(who))
        case let .placeHold(kind, reason): return .placeHold(LegalHoldPlaced(kind: kind, reason: reason))
        case .liftHold(let reason): return .liftHold(LegalHoldLifted(reason: reason))
        case .takeLadderStep(let step): return .takeLadderStep(step)
        case .recordCounterActions(let a): return .recordCounterActions(a)
        case let .draftReport(opinion, name, contact):
            let text: Personal
            if let opinion {
                text = sealed(opinion)
            } else {
                // The case's own refusal first (its state, the assessment), then the missing opinion.
                if let refused = CaseDecider.refusal(.draftReport, state, actor: actor) { throw DeskError.decided(refused) }
                let latest = history.reversed().lazy.compactMap { e -> Assessed? in
                    if case .assessed(let a) = e.event { a } else { nil }
                }.first
                guard let o = latest?.opinion, let t = o.text, !t.isEmpty else {
                    throw InputError.missing("the desk's opinion (the assessment recorded none)")
                }
                text = sealed(t)
            }
            return .draftReport(ReportDrafted(includeName: name, includeContact: contact, opinion: text))
        case .approveReport: return .approveReport
        case let .recordDecision(text, feedback): return .recordDecision(OrganizationDecided(decision: sealed(text), feedback: feedback))
        case let .giveFeedback(channel, text): return .giveFeedback(FeedbackGiven(channel: channel, text: sealed(text)))
        case let .completeTask(kind, reference): return .completeTask(TaskDone(kind: kind, reference: reference))
        case .openTask(let kind): return .openTask(kind)
        }
    }

    // MARK: Reading cases

    /// The case as the acting user may read it: the customer file's text for the desk's line, names and contact details
    /// above the counter.
    public func caseDetail(_ id: CaseID) throws -> CaseDetail {
        let me = try require(.readQueue)
        try requireVisible(id, to: me)
        guard var d = try reads.caseDetail(id, visibility: RoleMatrix.visibility(for: me.role)) else {
            throw DeskError.noSuchCase(id.description)
        }
        if !RoleMatrix.allows(me.role, .readCaseText) { d = d.withSummary(Self.withheld) }
        return d
    }

    /// What the queue shows instead of the complaint's first line to a role that may not read it.
    static let withheld = Personal(subject: SubjectID("s-0000000000000000"), content: .withheld).display

    /// The case's state, folded from its events (what the decider and the menus ask).
    public func caseState(_ id: CaseID) throws -> CaseState {
        try require(.readQueue)
        let events = try log.load(id.streamID, after: 0, visibility: .none)
        guard !events.isEmpty else { throw DeskError.noSuchCase(id.description) }
        return events.map(\.event).reduce(CaseState.initial, CaseState.evolve)
    }

    public func caseSummary(_ id: CaseID) throws -> CaseSummary? {
        let me = try require(.readQueue)
        guard let r = try reads.caseSummary(id), RoleMatrix.sees(r, me) else { return nil }
        return hidingText(r, me.role)
    }

    /// The top of the queue and its counts.
    public func queueHead(limit: Int) throws -> QueueHead {
        let me = try require(.readQueue)
        let today = LocalDate(japanTime: clock())
        if RoleMatrix.seesOwnCasesOnly(me.role) {
            // A clerk's own cases are few: counted from the rows they see, not the desk's.
            let rows = try reads.queueSnapshot().rows.filter { RoleMatrix.sees($0, me) }.map { hidingText($0, me.role) }
            return QueueHead(rows: Array(rows.prefix(limit)), total: rows.count, danger: rows.filter(\.isOpenDanger).count,
                             overdue: rows.filter { $0.isOverdue(on: today) }.count)
        }
        let h = try reads.queueHead(limit: limit, today: today)
        return RoleMatrix.allows(me.role, .readCaseText) ? h
            : QueueHead(rows: h.rows.map { hidingText($0, me.role) }, total: h.total, danger: h.danger, overdue: h.overdue)
    }

    /// Every case in queue order, and the log position the rows reflect.
    public func queue() throws -> (rows: [CaseSummary], through: Int64) {
        let me = try require(.readQueue)
        var q = try reads.queueSnapshot()
        q.rows = q.rows.filter { RoleMatrix.sees($0, me) }
        return RoleMatrix.allows(me.role, .readCaseText) ? q : (q.rows.map { hidingText($0, me.role) }, q.through)
    }

    /// The cases changed after a log position.
    public func casesChanged(after position: Int64) throws -> (rows: [CaseSummary], through: Int64) {
        let me = try require(.readQueue)
        var c = try reads.casesChanged(after: position)
        c.rows = c.rows.filter { RoleMatrix.sees($0, me) }
        return RoleMatrix.allows(me.role, .readCaseText) ? c : (c.rows.map { hidingText($0, me.role) }, c.through)
    }

    /// Every case in queue order, row by row.
    public func forEachCase(_ body: (CaseSummary) throws -> Void) throws {
        let me = try require(.readQueue)
        let text = RoleMatrix.allows(me.role, .readCaseText)
        try reads.forEachCase { r in
            guard RoleMatrix.sees(r, me) else { return }
            try body(text ? r : hidingText(r, me.role))
        }
    }

    /// The cases whose text holds `query`; nothing for a role that may not read the text.
    public func search(_ query: String) throws -> Set<CaseID> {
        let me = try require(.readQueue)
        guard RoleMatrix.allows(me.role, .readCaseText) else { return [] }
        let hits = try reads.search(query)
        guard RoleMatrix.seesOwnCasesOnly(me.role) else { return hits }
        return Set(try queue().rows.map(\.id)).intersection(hits)
    }

    public func caseCount() throws -> Int {
        let me = try require(.readQueue)
        return RoleMatrix.seesOwnCasesOnly(me.role) ? try queue().rows.count : try reads.caseCount()
    }

    /// A case the acting user may not see is, to them, no case at all (its number says nothing of what it holds).
    func requireVisible(_ id: CaseID, to me: StaffMember) throws {
        guard RoleMatrix.seesOwnCasesOnly(me.role) else { return }
        guard let r = try reads.caseSummary(id), RoleMatrix.sees(r, me) else { throw DeskError.noSuchCase(id.description) }
    }

    /// Whether the acting user may read what cases say (the queue shows the complaint's first line).
    public func readsCaseText() throws -> Bool { RoleMatrix.allows(try me().role, .readCaseText) }

    func hidingText(_ r: CaseSummary, _ role: Role) -> CaseSummary {
        RoleMatrix.allows(role, .readCaseText) ? r : r.withSummary(Self.withheld)
    }
}

extension CaseSummary {
    func withSummary(_ text: String) -> CaseSummary {
        CaseSummary(id: id, organization: organization, branch: branch, store: store, channel: channel, language: language, lane: lane,
                    status: status, openedAt: openedAt, reportDueOn: reportDueOn, lastActivity: lastActivity, summary: text,
                    assignee: assignee, version: version, hold: hold, closedAt: closedAt, openedBy: openedBy)
    }
}

extension CaseDetail {
    func withSummary(_ text: String) -> CaseDetail {
        CaseDetail(summary: summary.withSummary(text), events: events, ledger: ledger, reportTo: reportTo, standings: standings,
                   policy: policy)
    }
}
