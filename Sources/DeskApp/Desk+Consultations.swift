import DeskDomain
import Foundation

extension Desk {
    /// Opens an employee consultation with the next free number; the employee is a subject of their own.
    public func openConsultation(_ r: ConsultationRequest) throws -> ConsultationID {
        try require(.openConsultation)
        guard try reads.organization(r.organization) != nil else { throw try unknownOrganization(r.organization) }
        let e = log.newSubject(.employee)
        defer { log.discardSubjects([e]) }
        func sealed(_ t: String?) -> Personal? { t.map { Personal($0, owner: e) } }
        let opened = ConsultationOpened(organization: r.organization, employee: e, anonymous: r.anonymous, name: sealed(r.name),
                                        contact: sealed(r.contact), openedBy: r.openedBy, harm: Personal(r.harm, owner: e),
                                        wants: sealed(r.wants), mentalHealth: r.mentalHealth, secondary: r.secondary)
        let events: [DeskEvent]
        do {
            events = try ConsultationDecider.decide(.open(opened), ConsultationState(), today: LocalDate(japanTime: clock()))
        } catch { throw DeskError.decided(error) }
        let (stream, _) = try log.append(events, to: .newConsultation, expected: .noStream, actor: actor, at: clock(),
                                         newSubjects: [e], evidence: [])
        guard let id = stream.consultationID else { throw DeskError.noSuchConsultation(stream.rawValue) }
        return id
    }

    /// A consultation's events, for a counsellor. Every attempt, allowed or not, is recorded in the log first.
    public func consultation(_ id: ConsultationID) throws -> [EventEnvelope] {
        try requireRecorded(.readConsultation, record: id.description)
        let events = try log.load(id.streamID)
        guard !events.isEmpty else { throw DeskError.noSuchConsultation(id.description) }
        return events
    }

    /// Runs an action on a consultation (counsellors), against the version it read; the opening is recorded as access,
    /// a refused attempt too.
    @discardableResult
    public func consult(_ action: ConsultationAction, on id: ConsultationID) throws -> [DeskEvent] {
        try requireRecorded(.handleConsultation, record: id.description)
        let history = try log.load(id.streamID)
        guard !history.isEmpty else { throw DeskError.noSuchConsultation(id.description) }
        let state = history.map(\.event).reduce(ConsultationState(), ConsultationState.evolve)
        guard let employee = state.employee else { throw DeskError.noSuchConsultation(id.description) }
        let command: ConsultationDecider.Command
        switch action {
        case let .openCareTask(kind, due): command = .openCareTask(CareTaskOpened(kind: kind, due: due))
        case .completeCareTask(let kind): command = .completeCareTask(kind)
        case let .link(caseID, consent):
            guard try reads.caseSummary(caseID) != nil else { throw DeskError.noSuchCase(caseID.description) }
            command = .link(ConsultationLinked(caseID: caseID, consent: consent))
        case .addNote(let text): command = .addNote(ConsultationText(text: Personal(text, owner: employee)))
        case .close(let reason): command = .close(ConsultationText(text: Personal(reason, owner: employee)))
        }
        let events: [DeskEvent]
        do {
            events = try ConsultationDecider.decide(command, state, today: LocalDate(japanTime: clock()))
        } catch { throw DeskError.decided(error) }
        if !events.isEmpty {
            try log.append(events, to: .stream(id.streamID), expected: .exact(StreamVersion(history.count)), actor: actor, at: clock(),
                           newSubjects: [], evidence: [])
        }
        return events
    }

    /// The consultations without a word of their content; the health and secondary-harassment flags only for counsellors.
    public func consultations() throws -> [ConsultationRow] {
        let me = try require(.listConsultations)
        let rows = try reads.consultationRows()
        guard !RoleMatrix.allows(me.role, .seeConsultationFlags) else { return rows }
        return rows.map {
            ConsultationRow(id: $0.id, organization: $0.organization, state: $0.state, openedAt: $0.openedAt, openedBy: $0.openedBy,
                            mentalHealth: false, secondary: nil, counsellor: $0.counsellor, careDue: $0.careDue)
        }
    }
}
