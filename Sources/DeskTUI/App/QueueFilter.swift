import DeskDomain

public struct QueueFilter: Equatable, Sendable {
    public var lane: Lane?
    public var organization: OrganizationID?
    public var state: CaseStatus?
    public var overdueOnly = false
    public var mineOnly = false
    public var text = ""
    /// Cases the full-text index found for `text` (nil until it answers).
    public var hits: Set<CaseID>?
    public init() {}
    public var isEmpty: Bool { lane == nil && organization == nil && state == nil && !overdueOnly && !mineOnly && text.isEmpty }
}
