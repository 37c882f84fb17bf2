import DeskDomain

/// The decision screen's state.
public struct HandoverDecision: Equatable, Sendable {
    public let caseID: CaseID
    public let decision: HandedOver
    public let organization: String
    /// The table that decided (the organization's), for its scripts and leaflet.
    public let policy: PolicyTable
    public var scriptLanguage: Language
    public var selected = 0
    public var done: Set<RequiredAction> = []
}
