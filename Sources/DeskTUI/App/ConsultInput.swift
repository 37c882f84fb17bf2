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
        /// A new consultation, asking what `mado consult open` takes, in its order; the answers build `draft`.
        case newOrganization, newParty, newIdentified, newName, newContact, newHarm, newWants, newMentalHealth, newSecondary
    }

    /// The consultation acted on; nil while a new one is being opened.
    public var id: ConsultationID?
    /// What the overlay showed, to go back to it.
    public var events: [EventEnvelope]
    public var step: Step
    public var field = TextField(limit: 20_000)
    /// What the field was filled with before anything was typed (the proposed due date): not the counsellor's text.
    public var proposed = ""
    public var selected = 0
    /// For a new consultation: the organizations to choose from, and the answers so far (anonymous until a name is given).
    public var organizations: [OrganizationSummary] = []
    public var draft = ConsultationRequest(organization: "", anonymous: true, harm: "")

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

    /// Text the counsellor typed that Esc would drop: the field, changed from what it proposed, and the answers of a new
    /// consultation so far.
    public var hasTypedText: Bool {
        let typed = [draft.name, draft.contact, draft.harm, draft.wants].contains { !($0 ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
        return typed || (!field.isBlank && field.text != proposed)
    }

    /// How many choices a list step offers.
    public var choiceCount: Int {
        switch step {
        case .careKind(let done): done ? openCare.count : CareKind.allCases.count
        case .newOrganization: organizations.count
        case .newParty: ConsultingParty.allCases.count
        // None first: most consultations are not about secondary harassment.
        case .newSecondary: SecondaryBy.allCases.count + 1
        default: 0
        }
    }
}
