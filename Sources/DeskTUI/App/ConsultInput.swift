import DeskApp
import DeskDomain

/// A counsellor's step on the consultation desk in the console: what `mado consult` does (open, care, done, link, note,
/// close), one question at a time over the consultation (or the list, for a new one).
public struct ConsultInput: Equatable, Sendable {
    public enum Step: Equatable, Sendable {
        case note, close, link
        /// Linking needs the employee's consent: asked y/N, naming the case.
        case linkConsent(CaseID)
        /// Which care task to open (done: which to mark done).
        case careKind(done: Bool)
        case careDue(CareKind)
        /// A new consultation: the organization, what happened, and whether their health is at stake.
        case newOrganization
        case newHarm(OrganizationID)
        case newMentalHealth(OrganizationID, harm: String)
    }

    /// The consultation acted on; nil while a new one is being opened.
    public var id: ConsultationID?
    /// What the overlay showed, to go back to it.
    public var events: [EventEnvelope]
    public var step: Step
    public var field = TextField(limit: 20_000)
    public var selected = 0
    /// For a new consultation: the organizations to choose from.
    public var organizations: [OrganizationSummary] = []

    public init(id: ConsultationID?, events: [EventEnvelope], step: Step, field: TextField = TextField(limit: 20_000),
                organizations: [OrganizationSummary] = []) {
        self.id = id
        self.events = events
        self.step = step
        self.field = field
        self.organizations = organizations
    }

    /// The care tasks the consultation has open (what `done` offers), from its events.
    public var openCare: [CareKind] {
        let s = events.map(\.event).reduce(ConsultationState(), ConsultationState.evolve)
        return CareKind.allCases.filter { s.careTasks[$0] != nil }
    }

    /// The choices of a list step.
    public var choices: [String] {
        switch step {
        case .careKind(let done): (done ? openCare : CareKind.allCases).map(\.rawValue)
        case .newOrganization: organizations.map { $0.id.rawValue }
        default: []
        }
    }
}

/// A care task's kind as a person reads it.
func careLabel(_ k: CareKind, _ lang: Language) -> String {
    let ja = lang == .ja
    switch k {
    case .counselling: return ja ? "カウンセリング" : "counselling"
    case .leave: return ja ? "休暇" : "leave"
    case .reassignment: return ja ? "配置転換" : "reassignment"
    case .workersCompensation: return ja ? "労災申請の支援" : "workers' compensation"
    }
}
