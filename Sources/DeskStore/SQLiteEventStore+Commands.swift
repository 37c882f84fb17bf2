import DeskDomain
import Foundation

extension SQLiteEventStore {
    /// Loads a case, decides the command and appends the result against the version it read.
    /// Commands that only add (notes, statements, enquiries) reload and retry on a conflict by
    /// themselves; the rest report it, because the decision may no longer hold.
    @discardableResult
    public func execute(_ command: CaseCommand, on id: CaseID, context: DecisionContext, at now: Date,
                        expectedVersion: Int? = nil) throws -> [DeskEvent] {
        let onlyAdds: Bool
        switch command {
        case .addNote, .recordStatement, .logEnquiry: onlyAdds = true
        default: onlyAdds = false
        }
        var attempts = 0
        while true {
            attempts += 1
            let history = try load(id.streamID)
            guard !history.isEmpty else { throw StoreError.noSuchCase(id.description) }
            // A decision taken on the screen's version must not land on a newer one (notes may).
            if let expectedVersion, !onlyAdds, history.count != expectedVersion {
                throw AppendError.wrongExpectedVersion(stream: id.streamID, expected: .exact(StreamVersion(expectedVersion)),
                                                       actual: history.count)
            }
            let state = history.map(\.event).reduce(CaseState.initial, CaseState.evolve)
            let events = try CaseDecider.decide(command, state, context)
            if events.isEmpty { return [] }
            do {
                try append(events, to: id.streamID, expected: .exact(StreamVersion(history.count)), actor: context.actor, at: now)
                return events
            } catch AppendError.wrongExpectedVersion(let s, let e, let a) where onlyAdds && attempts < 20 {
                _ = (s, e, a)
                continue
            }
        }
    }
}

extension SQLiteEventStore {
    /// Warns or bans a counterparty until a day, or lifts it (supervisors); on the subject's own stream.
    public func setStanding(_ change: StandingSet, of subject: SubjectID, context: DecisionContext, at now: Date) throws {
        let kind = try pool.read { db in
            try String.fetchOne(db, sql: "SELECT kind FROM subjects WHERE id = ? AND erased_at IS NULL", arguments: [subject.rawValue])
        }
        guard let kind else { throw StoreError.noSuchSubject(subject.rawValue) }
        guard kind == SubjectKind.counterparty.rawValue else {
            throw InputError.invalid("subject", expected: "a counterparty (this one is \(kind))")
        }
        let events = try CounterpartyDecider.decide(change, today: LocalDate(japanTime: now), ctx: context)
        let v = try version(of: subject.streamID)
        try append(events, to: subject.streamID, expected: v == 0 ? .noStream : .exact(StreamVersion(v)), actor: context.actor, at: now)
    }

    /// Records a counter report as a new case and hands it over, in one transaction; returns the case and
    /// the policy's decision. The organization, branch and store must be registered (they are kept in clear).
    public func handOver(_ report: CounterReport, context: DecisionContext, at now: Date) throws
        -> (id: CaseID, decision: HandedOver, policy: PolicyTable) {
        try report.check()
        // The organization's own policy decides, not whatever the caller had in hand.
        var context = context
        context.policy = try policy(for: report.organization)
        try checkPlace(report.organization, branch: report.branch, store: report.store)
        let applicant = keyring.newSubject(.applicant)
        let staff = report.staff.map { _ in keyring.newSubject(.staffMember) }
        do {
            let events = try CaseDecider.decideAll(report.commands(applicant: applicant, staffSubjects: staff), .initial, context)
            guard case .handedOver(let decision)? = events.last else { throw StoreError.noSuchCase("(hand-over)") }
            let id = try appendNewCase(events, actor: context.actor, at: now)
            return (id, decision, context.policy)
        } catch {
            // A refused hand-over leaves no key rows behind for people it never recorded.
            keyring.discardPending([applicant] + staff)
            throw error
        }
    }
}
