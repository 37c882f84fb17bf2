import DeskDomain

/// What a counsellor does to a consultation, in plain text: `Desk` seals it under the employee.
public enum ConsultationAction: Hashable, Sendable {
    case openCareTask(CareKind, due: LocalDate)
    case completeCareTask(CareKind)
    case link(CaseID, consent: Bool)
    case addNote(String)
    case close(reason: String)
}

/// A new consultation, in plain text.
public struct ConsultationRequest: Equatable, Sendable {
    public var organization: OrganizationID
    public var anonymous: Bool
    public var name: String?
    public var contact: String?
    public var openedBy: ConsultingParty
    public var harm: String
    public var wants: String?
    public var mentalHealth: Bool
    public var secondary: SecondaryBy?
    public init(organization: OrganizationID, anonymous: Bool, name: String? = nil, contact: String? = nil,
                openedBy: ConsultingParty = .employee, harm: String, wants: String? = nil, mentalHealth: Bool = false,
                secondary: SecondaryBy? = nil) {
        self.organization = organization
        self.anonymous = anonymous
        self.name = name
        self.contact = contact
        self.openedBy = openedBy
        self.harm = harm
        self.wants = wants
        self.mentalHealth = mentalHealth
        self.secondary = secondary
    }
}
