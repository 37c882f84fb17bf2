import DeskDomain
import Foundation

extension Desk {
    // MARK: Who the desk holds data about

    /// The people whose data the desk holds, of one case or all, as the acting user may know of them: employees exist
    /// only for counsellors (that someone consulted is itself private), handover notes only for the desk's shifts; names
    /// only for roles that read contact details.
    public func subjects(of caseID: CaseID? = nil) throws -> [SubjectRow] {
        let me = try require(.listSubjects)
        let rows = try reads.subjects(of: caseID).filter { visible($0.kind, to: me.role) }
        guard RoleMatrix.allows(me.role, .readContactDetails) else { return rows }
        return try rows.map { r in
            SubjectRow(id: r.id, kind: r.kind, cases: r.cases, erasedAt: r.erasedAt, name: try name(of: r.id, in: r.cases))
        }
    }

    /// One subject, without their name: what kind of person, and whether they were erased (nil: none the user may know of).
    public func subject(_ id: SubjectID) throws -> (kind: SubjectKind, erasedAt: String?)? {
        let me = try require(.listSubjects)
        guard let s = try reads.subject(id), visible(s.kind, to: me.role) else { return nil }
        return s
    }

    func visible(_ kind: SubjectKind, to role: Role) -> Bool {
        switch kind {
        case .applicant, .counterparty, .staffMember: true
        case .employee: RoleMatrix.allows(role, .readConsultation)
        case .shiftNote: RoleMatrix.allows(role, .readHandovers)
        }
    }

    /// The name a subject's first case records for them, opened.
    func name(of subject: SubjectID, in cases: [CaseID]) throws -> Personal? {
        for c in cases {
            for e in try log.load(c.streamID) {
                if case .intakeRecorded(let p) = e.event {
                    if p.applicant.subject == subject { return p.applicant.name }
                    if let s = p.staff.first(where: { $0.subject == subject }) { return s.name }
                }
                if case .counterpartyLinked(let p) = e.event, p.counterparty == subject { return p.label }
            }
        }
        return nil
    }

    // MARK: Erasure

    /// The role matrix's row for erasing or disclosing this subject: an employee's data is the counsellors'.
    public static func subjectAction(_ kind: SubjectKind, erase: Bool) -> DeskAction {
        switch kind {
        case .employee: erase ? .eraseEmployee : .exportEmployee
        case .applicant, .counterparty, .staffMember, .shiftNote: erase ? .eraseSubject : .exportSubject
        }
    }

    /// Checks that the acting user may erase (or disclose) this subject. An attempt on an employee's data is recorded
    /// like an attempt to open their consultation: every refusal, and an allowed one when `recordAllowed` (once per use
    /// case: the erasure, not the preview before it).
    @discardableResult
    func checkSubjectAccess(_ subject: SubjectID, erase: Bool, recordAllowed: Bool) throws -> (kind: SubjectKind, erasedAt: String?) {
        guard let s = try reads.subject(subject) else {
            try me()
            throw DeskError.noSuchSubject(subject.rawValue)
        }
        let action = Self.subjectAction(s.kind, erase: erase)
        if s.kind == .employee {
            try requireRecorded(action, record: subject.rawValue, recordAllowed: recordAllowed)
        } else {
            try require(action)
        }
        return s
    }

    /// What erasing a subject makes unreadable: per record (case, consultation, handover), the fields holding their data.
    public func erasureImpact(_ subject: SubjectID) throws -> [ErasureImpact] {
        let kind = try checkSubjectAccess(subject, erase: true, recordAllowed: false).kind
        func fields(_ stream: StreamID) throws -> [String] {
            try log.load(stream, after: 0, visibility: .none).flatMap { e in
                e.event.personalFields.filter { $0.value.subject == subject }.map { "\(e.event.type).\($0.path)" }
            }
        }
        var out = try reads.cases(of: subject).map { ErasureImpact(caseID: $0, fields: try fields($0.streamID)) }
        // An employee's consultations, and a handover's note: records outside every case.
        for k in try reads.consultations(of: subject) { out.append(ErasureImpact(record: k.description, fields: try fields(k.streamID))) }
        if kind == .shiftNote {
            for u in try reads.handoverWriters() {
                let f = try fields(StreamID.staff(u))
                if !f.isEmpty { out.append(ErasureImpact(handoverBy: u, fields: f)) }
            }
        }
        return out
    }

    /// Erases a person's data for good: destroys their key and records `subjectErased` with the reason (kept in clear).
    public func erase(_ subject: SubjectID, reason: String) throws -> EraseOutcome {
        guard (try? ClearReason.check(reason)) != nil else { throw DeskError.notClear(field: "the reason") }
        let s = try checkSubjectAccess(subject, erase: true, recordAllowed: true)
        if s.erasedAt != nil { throw DeskError.alreadyErased(subject.rawValue) }
        return try log.erase(subject, reason: reason, actor: actor, at: clock())
    }

    // MARK: Disclosure

    /// Everything the desk holds about a subject, opened, for a disclosure request. Call `recordDisclosure` once it has
    /// been handed over.
    public func disclose(_ subject: SubjectID, reason: String) throws -> SubjectDisclosure {
        guard (try? ClearReason.check(reason)) != nil else { throw DeskError.notClear(field: "the reason") }
        let s = try checkSubjectAccess(subject, erase: false, recordAllowed: true)
        if s.erasedAt != nil { throw DeskError.alreadyErased(subject.rawValue) }
        if let problem = log.keyProblem { throw DeskError.keyRequired(what: "a disclosure", problem: problem) }
        var fields: [SubjectDisclosure.Field] = []
        var originals: [(hash: String, bytes: Data)] = []
        let caseIDs = try reads.cases(of: subject)
        for c in caseIDs {
            for e in try log.load(c.streamID) {
                for f in e.event.personalFields where f.value.subject == subject {
                    fields.append(.init(caseID: c, position: e.position, recordedAt: e.recordedAt, eventType: e.event.type,
                                        path: f.path, value: f.value))
                }
                if case .intakeRecorded(let p) = e.event, p.applicant.subject == subject {
                    for hash in [p.evidence].compactMap({ $0 }) + (p.attachments ?? []).map(\.evidence) {
                        if let bytes = try log.openEvidence(hash, subject: subject) { originals.append((hash, bytes)) }
                    }
                }
            }
        }
        // An employee's consultations are theirs to see too (they are in no case).
        for k in try reads.consultations(of: subject) {
            for e in try log.load(k.streamID) {
                for f in e.event.personalFields where f.value.subject == subject {
                    fields.append(.init(caseID: nil, position: e.position, recordedAt: e.recordedAt, eventType: e.event.type,
                                        path: "\(k).\(f.path)", value: f.value))
                }
            }
        }
        let cases = try caseIDs.compactMap { try reads.caseSummary($0) }
        return SubjectDisclosure(subject: subject, kind: s.kind, cases: cases, fields: fields, originals: originals)
    }

    /// Records a disclosure in the log (who, when, why; never what), once it has been written out. The opening was
    /// recorded by `disclose`; this event is the record of the handing over.
    public func recordDisclosure(_ subject: SubjectID, reason: String) throws {
        guard (try? ClearReason.check(reason)) != nil else { throw DeskError.notClear(field: "the reason") }
        try checkSubjectAccess(subject, erase: false, recordAllowed: false)
        try appendToOwnStream([.subjectExported(SubjectExported(subject: subject, reason: reason))], subject.streamID)
    }

    // MARK: Retention

    /// The subjects whose retention period has fully passed by `day` (default: today), that the acting user erases:
    /// supervisors the customer file's people, counsellors employees.
    public func retentionDue(by day: LocalDate? = nil) throws -> [RetentionDue] {
        let me = try require(.runRetention)
        return try reads.retentionDue(on: day ?? LocalDate(japanTime: clock())).filter {
            RoleMatrix.allows(me.role, Self.subjectAction($0.kind, erase: true))
        }
    }

    /// Erases every subject due today that the acting user erases; one refusal (a hold placed meanwhile) does not stop
    /// the rest. Returns each subject with what happened to it.
    public func runRetention() throws -> [(due: RetentionDue, outcome: Result<EraseOutcome, any Error>)] {
        try retentionDue().map { d in
            (d, Result { try erase(d.subject, reason: "retention period ended (\(d.dueOn))") })
        }
    }

    /// How long an organization keeps personal data after a case closes.
    public func setRetention(_ org: OrganizationID, years: Int) throws {
        try require(.setRetention)
        guard (1...30).contains(years) else { throw InputError.invalid("years", expected: "1 to 30") }
        guard try reads.organization(org) != nil else { throw try unknownOrganization(org) }
        try appendToOwnStream([.retentionSet(RetentionSet(years: years))], org.streamID)
    }

    // MARK: Counterparties

    /// Warns or bans a counterparty until a day, or lifts it; the reason is sealed under them.
    public func setStanding(_ subject: SubjectID, _ standing: Standing, until: LocalDate?, reason: String) throws {
        try require(.setStanding)
        guard let s = try reads.subject(subject), s.erasedAt == nil else { throw DeskError.noSuchSubject(subject.rawValue) }
        guard s.kind == .counterparty else { throw InputError.invalid("subject", expected: "a counterparty (this one is \(s.kind.rawValue))") }
        let change = StandingSet(standing: standing, until: until, reason: Personal(reason, owner: subject))
        let events: [DeskEvent]
        do {
            events = try CounterpartyDecider.decide(change, today: LocalDate(japanTime: clock()))
        } catch { throw DeskError.decided(error) }
        try appendToOwnStream(events, subject.streamID)
    }

    /// Every counterparty not erased, where they stand, their cases, and (for roles that read contact details) the label
    /// from their latest link.
    public func counterparties() throws -> [(standing: CounterpartyStanding, cases: [CaseID], label: Personal?)] {
        let me = try require(.listCounterparties)
        let labels = RoleMatrix.allows(me.role, .readContactDetails)
        return try reads.counterparties().map { c in
            var label: Personal?
            if labels, let last = c.cases.last {
                for e in try log.load(last.streamID) {
                    if case .counterpartyLinked(let p) = e.event, p.counterparty == c.standing.subject { label = p.label }
                }
            }
            return (c.standing, c.cases, label)
        }
    }

    // MARK: Helpers

    /// Appends to a stream only the acting user's command writes (an organization's, a subject's): against its version now.
    func appendToOwnStream(_ events: [DeskEvent], _ stream: StreamID) throws {
        let v = try log.version(of: stream)
        try log.append(events, to: .stream(stream), expected: v == 0 ? .noStream : .exact(StreamVersion(v)), actor: actor, at: clock(),
                       newSubjects: [], evidence: [])
    }

    /// The acting user, if they may do `action` to a restricted record (a consultation, an employee's data). The attempt
    /// is recorded first on the user's own access stream: every refusal (a user removed or unknown to the staff too) and,
    /// when `recordAllowed`, the allowed one.
    @discardableResult
    func requireRecorded(_ action: DeskAction, record: String, recordAllowed: Bool = true) throws -> StaffMember {
        let member = try reads.staffMember(user)
        // Someone not (or no longer) on the staff is recorded under the least role; their attempt is what matters.
        let role = member.flatMap { $0.active ? $0.role : nil } ?? .staff
        let allowed = member?.active == true && RoleMatrix.allows(role, action)
        if !allowed || recordAllowed {
            let event = DeskEvent.restrictedAccess(RestrictedAccess(record: record, user: user, role: role, allowed: allowed))
            let stream = StreamID.access(user)
            var attempt = 0
            while true {
                attempt += 1
                do {
                    try appendToOwnStream([event], stream)
                    break
                } catch AppendError.wrongExpectedVersion where attempt < 20 {
                    continue
                }
            }
        }
        let me = try me()
        guard allowed else { throw DeskError.notAllowed(action, role: me.role) }
        return me
    }
}
