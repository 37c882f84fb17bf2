import DeskApp
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
    /// Ticked by the clerk; recorded when they confirm (Enter).
    public var done: Set<RequiredAction> = []
    /// Esc was pressed once with ticks not yet recorded: the next Esc leaves without recording them.
    public var warnedUnrecorded = false
    public var organizationID: OrganizationID? = nil
    /// What the leaflet prints for people to reach the desk.
    public var contact = ContactDetails()
    /// The customer's receipt, printed on the leaflet (the desk keeps only its keyed hash: it is known only now).
    public var receipt: Receipt? = nil

    /// Ticked, in the screen's order: what Enter records.
    public var unrecorded: [RequiredAction] { decision.actions.filter(done.contains) }

    /// The leaflet as printed: the policy's text, the organization's name, its (or the desk's) contact details.
    public var leafletText: String {
        let body = policy.leafletText(decision.leaflet, organization: organization, receipt: receipt, language: scriptLanguage)
        return body + contact.leafletLines(scriptLanguage).map { $0 + "\n" }.joined()
    }
}
