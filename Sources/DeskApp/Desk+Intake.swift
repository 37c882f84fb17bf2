import DeskDomain
import Foundation

extension Desk {
    /// Takes in a submission as a new case, or says which case already holds the same bytes.
    public func takeIn(_ s: Submission) throws -> IntakeOutcome {
        let me = try require(.recordIntake)
        guard let org = try reads.organization(s.organization) else { throw try unknownOrganization(s.organization) }
        try Self.checkPlace(in: org, branch: s.branch, store: s.store)
        let applicant = log.newSubject(.applicant)
        var subjects = [applicant]
        defer { log.discardSubjects(subjects) }
        let staff = s.staff.map { st -> NamedStaff in
            let id = log.newSubject(.staffMember)
            subjects.append(id)
            return NamedStaff(subject: id, name: Personal(st.name, owner: id), characteristics: st.characteristics.map { Personal($0, owner: id) })
        }
        let original = try s.original.map { try log.sealEvidence($0, subject: applicant) }
        let attachments = try s.attachments.map { try log.sealEvidence($0.bytes, subject: applicant) }
        func sealed(_ text: String?) -> Personal? { text.map { Personal($0, owner: applicant) } }
        let receipt = Receipt.random()
        let intake = IntakeRecorded(
            organization: s.organization, branch: s.branch, store: s.store, channel: s.channel, occurredAt: s.occurredAt,
            language: s.language,
            applicant: Applicant(subject: applicant, anonymous: s.applicant.anonymous, name: sealed(s.applicant.name),
                                 phone: sealed(s.applicant.phone), email: sealed(s.applicant.email)),
            staff: staff, complaint: Personal(s.complaint, owner: applicant), requests: sealed(s.requests),
            feedbackWanted: s.feedbackWanted, evidence: original?.hash,
            attachments: attachments.isEmpty ? nil : zip(s.attachments, attachments).map { a, e in
                AttachmentRef(evidence: e.hash, name: sealed(a.name), mediaType: a.mediaType, bytes: a.bytes.count)
            }, receipt: try log.receiptTag(receipt))
        let events: [DeskEvent]
        do {
            events = try CaseDecider.decide(.recordIntake(intake), .initial, DecisionContext(actor: Actor(me.user)))
        } catch { throw DeskError.decided(error) }
        do {
            let (stream, _) = try log.append(events, to: .newCase, expected: .noStream, actor: Actor(me.user), at: clock(),
                                             newSubjects: subjects, evidence: (original.map { [$0] } ?? []) + attachments)
            guard let id = stream.caseID else { throw DeskError.noSuchCase(stream.rawValue) }
            return .new(id, threats: ThreatWords.find(in: s.texts.joined(separator: "\n")), receipt: receipt)
        } catch AppendError.duplicateSubmission(let existing) {
            return .duplicate(existing)
        }
    }

    /// Records what a clerk saw at the counter or on the phone as a new case and hands it over, in one append: the
    /// organization's policy decides the lane, the scripts, the leaflet and the actions.
    public func handOver(_ report: CounterReport) throws -> HandOverResult {
        let me = try require(.handOver)
        try report.check()
        guard let org = try reads.organization(report.organization) else { throw try unknownOrganization(report.organization) }
        try Self.checkPlace(in: org, branch: report.branch, store: report.store)
        let applicant = log.newSubject(.applicant)
        let staff = report.staff.map { _ in log.newSubject(.staffMember) }
        defer { log.discardSubjects([applicant] + staff) }
        let context = DecisionContext(actor: Actor(me.user), policy: org.summary.policy)
        // The customer leaves with a receipt on the leaflet: what they add later on the web joins this case.
        let receipt = Receipt.random()
        let tag = try log.receiptTag(receipt)
        let events: [DeskEvent]
        do {
            events = try CaseDecider.decideAll(report.commands(applicant: applicant, staffSubjects: staff, receipt: tag), .initial, context)
        } catch { throw DeskError.decided(error) }
        guard case .handedOver(let decision)? = events.last else { throw DeskError.noSuchCase("(hand-over)") }
        let (stream, _) = try log.append(events, to: .newCase, expected: .noStream, actor: Actor(me.user), at: clock(),
                                         newSubjects: [applicant] + staff, evidence: [])
        guard let id = stream.caseID else { throw DeskError.noSuchCase(stream.rawValue) }
        return HandOverResult(id: id, decision: decision, policy: org.summary.policy, organizationName: org.name, receipt: receipt)
    }

    /// What an applicant sends later, quoting their receipt: added to that case as theirs (text and files sealed under
    /// the applicant), whatever its state. Nil when no case of `organization` has this receipt (a mistyped number, an
    /// erased applicant, another organization's case): the caller says only that, never anything about a case.
    public func addFromApplicant(receipt: Receipt, organization: OrganizationID, text: String?,
                                 attachments: [Submission.Attachment], channel: Channel) throws -> CaseID? {
        let me = try require(.recordIntake)
        guard let (id, applicant) = try reads.caseForReceipt(tag: try log.receiptTag(receipt)),
              try reads.caseSummary(id)?.organization == organization else { return nil }
        let sealed = try attachments.map { try log.sealEvidence($0.bytes, subject: applicant) }
        let added = ApplicantAdded(
            channel: channel, text: text.map { Personal($0, owner: applicant) },
            attachments: sealed.isEmpty ? nil : zip(attachments, sealed).map { a, e in
                AttachmentRef(evidence: e.hash, name: a.name.map { Personal($0, owner: applicant) }, mediaType: a.mediaType, bytes: a.bytes.count)
            })
        let actor = Actor(me.user)
        // It only adds: another desk's append in between is no reason to refuse the applicant.
        for attempt in 1...20 {
            let history = try log.load(id.streamID, after: 0, visibility: .none)
            let state = history.map(\.event).reduce(CaseState.initial, CaseState.evolve)
            let events: [DeskEvent]
            do { events = try CaseDecider.decide(.addFromApplicant(added), state, DecisionContext(actor: actor)) } catch {
                throw DeskError.decided(error)
            }
            do {
                try log.append(events, to: .stream(id.streamID), expected: .exact(StreamVersion(history.count)), actor: actor,
                               at: clock(), newSubjects: [], evidence: sealed)
                return id
            } catch AppendError.wrongExpectedVersion where attempt < 20 {
                continue
            }
        }
        return id
    }

    /// Refuses a branch or store the organization has not registered: they are kept in clear, so they must be its names,
    /// never free text. `prefix` goes before the names in the message ("" for forms, "--" for options).
    /// Only for those who take in (the names are the organization's, not everyone's to learn).
    public func checkPlace(_ org: OrganizationID, branch: String?, store: String?, field prefix: String = "") throws {
        try require(.recordIntake)
        guard let o = try reads.organization(org) else { throw try unknownOrganization(org) }
        try Self.checkPlace(in: o, branch: branch, store: store, field: prefix)
    }

    static func checkPlace(in o: OrganizationDetails, branch: String?, store: String?, field prefix: String = "") throws {
        let branches = o.summary.branches
        if let b = branch, !branches.contains(where: { $0.name == b }) {
            throw InputError.invalid("\(prefix)branch", expected: "one of the organization's branches: \(branches.map(\.name).joined(separator: ", "))")
        }
        if let st = store {
            let stores = branches.filter { branch == nil || $0.name == branch }.flatMap(\.stores)
            guard stores.contains(st) else {
                throw InputError.invalid("\(prefix)store", expected: "one of the stores of \(branch ?? "the organization"): \(stores.joined(separator: ", "))")
            }
        }
    }

    func unknownOrganization(_ id: OrganizationID) throws -> DeskError {
        DeskError.unknownOrganization(id.rawValue, known: try reads.organizations().map(\.id.rawValue))
    }
}
