import DeskDomain

/// The assessment form: validity of the demand, the means, the behaviour types seen, the reason.
public struct AssessForm: Equatable, Sendable {
    public enum Row: Equatable, Sendable { case validity, means, behaviour(BehaviourType), reason, submit }
    public static let rows: [Row] = [.validity, .means] + BehaviourType.allCases.map { .behaviour($0) } + [.reason, .submit]
    public var validity: DemandValidity = .unclear
    public var means: Means = .acceptable
    public var behaviours: [BehaviourType] = []
    public var reason = TextField(limit: 2_000)
    public var focus = 0
    public init(behaviours: [BehaviourType] = []) { self.behaviours = behaviours }
}
