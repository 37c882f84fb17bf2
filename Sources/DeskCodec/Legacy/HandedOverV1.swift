import DeskDomain

/// `handedOver` at schema 1: written before scripts became a list (one `script`) and before the answers and the
/// required actions were recorded; its answers are a schema-1 fact sheet.
struct HandedOverV1: LegacyPayload {
    var lane: Lane
    var rule: String
    var policyVersion: String
    var behaviours: [BehaviourType]
    /// `scripts`, or the one `script` of the oldest events.
    var scripts: [String]
    var leaflet: String
    var actions: [RequiredAction]?
    var answers: FactSheetV1?

    enum CodingKeys: String, CodingKey { case lane, rule, policyVersion, behaviours, scripts, script, leaflet, actions, answers }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        lane = try c.decode(Lane.self, forKey: .lane)
        rule = try c.decode(String.self, forKey: .rule)
        policyVersion = try c.decode(String.self, forKey: .policyVersion)
        behaviours = try c.decode([BehaviourType].self, forKey: .behaviours)
        scripts = try c.decodeIfPresent([String].self, forKey: .scripts) ?? [try c.decode(String.self, forKey: .script)]
        leaflet = try c.decode(String.self, forKey: .leaflet)
        actions = try c.decodeIfPresent([RequiredAction].self, forKey: .actions)
        answers = try c.decodeIfPresent(FactSheetV1.self, forKey: .answers)
    }

    func upcast() -> HandedOver {
        HandedOver(lane: lane, rule: rule, policyVersion: policyVersion, behaviours: behaviours, scripts: scripts,
                   leaflet: leaflet, actions: actions ?? [], answers: answers?.upcast() ?? FactSheet())
    }
}
