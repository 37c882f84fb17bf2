import DeskDomain
import Foundation
import TOMLKit

/// Reads a policy table from its TOML file (Policies/standard.toml shows the format) and validates it:
/// every message names the rule, script or leaflet at fault, and what the file must say instead.
public enum PolicyFile {
    public static let maxBytes = 1 << 20

    public static func parse(_ bytes: Data) throws(PolicyProblem) -> PolicyTable {
        guard bytes.count <= maxBytes else {
            throw PolicyProblem("the policy file is \(bytes.count) bytes; the limit is \(maxBytes) bytes")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw PolicyProblem("the policy file is not valid UTF-8")
        }
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw PolicyProblem("line \(e.source.begin.line): \(Sanitizer.visible(e.description))")
        } catch {
            throw PolicyProblem("the policy file is not TOML")
        }
        let table = try read(root)
        let problems = table.problems()
        if !problems.isEmpty { throw PolicyProblem(problems.map(\.description).joined(separator: "\n")) }
        return table
    }

    static let topKeys: Set<String> = ["id", "version", "effective", "minutes_threshold", "rule", "script", "leaflet"]
    static let ruleKeys: Set<String> = ["id", "when_any", "lane", "behaviours", "scripts", "leaflet", "actions"]

    private static func read(_ root: TOMLTable) throws(PolicyProblem) -> PolicyTable {
        try unknownKeys(root, allowed: topKeys, in: "the policy")
        let id = try string(root, "id", in: "the policy")
        let version = try string(root, "version", in: "the policy")
        guard let d = root["effective"]?.date else {
            throw PolicyProblem("the policy: effective must be a date such as 2026-04-01")
        }
        let minutes = try root["minutes_threshold"].map { v throws(PolicyProblem) -> Int in
            guard let n = v.int else { throw PolicyProblem("the policy: minutes_threshold must be a whole number") }
            return n
        } ?? 30
        guard let ruleArray = root["rule"]?.array else { throw PolicyProblem("the policy has no [[rule]] tables") }
        var rules: [PolicyRule] = []
        for (i, v) in ruleArray.enumerated() {
            guard let t = v.table else { throw PolicyProblem("rule #\(i + 1) must be a [[rule]] table") }
            let rid = (t["id"]?.string).map(Sanitizer.visible) ?? "#\(i + 1)"
            let name = "rule \(rid)"
            try unknownKeys(t, allowed: ruleKeys, in: name)
            let conditions = try strings(t, "when_any", in: name).map { c throws(PolicyProblem) in try condition(c, in: name) }
            guard let lane = Lane(rawValue: try string(t, "lane", in: name)) else {
                throw PolicyProblem("\(name): lane must be one of \(Lane.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let behaviours = try optionalStrings(t, "behaviours", in: name).map { b throws(PolicyProblem) in
                guard let x = BehaviourType(rawValue: b) else {
                    throw PolicyProblem("\(name): \(Sanitizer.visible(b)) is not a behaviour type (\(BehaviourType.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                return x
            }
            let actions = try optionalStrings(t, "actions", in: name).map { a throws(PolicyProblem) in
                guard let x = RequiredAction(rawValue: a) else {
                    throw PolicyProblem("\(name): \(Sanitizer.visible(a)) is not an action (\(RequiredAction.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                return x
            }
            rules.append(PolicyRule(id: try string(t, "id", in: name), anyOf: conditions, lane: lane, behaviours: behaviours,
                                    scripts: try strings(t, "scripts", in: name), leaflet: try string(t, "leaflet", in: name),
                                    actions: actions))
        }
        let scripts = try texts(root, "script").map { PolicyScript(id: $0.id, ja: $0.ja, en: $0.en) }
        let leaflets = try texts(root, "leaflet").map { PolicyLeaflet(id: $0.id, ja: $0.ja, en: $0.en) }
        return PolicyTable(id: id, version: version, effective: LocalDate(d.year, d.month, d.day), minutesThreshold: minutes,
                           rules: rules, scripts: scripts, leaflets: leaflets)
    }

    /// `fact` or `fact >= N`.
    static func condition(_ text: String, in name: String) throws(PolicyProblem) -> FactCondition {
        let parts = text.split(separator: ">=", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(parts.count), let fact = FactName(rawValue: parts[0]) else {
            throw PolicyProblem("\(name): \(Sanitizer.visible(text)) is not a condition; write a fact name (\(FactName.allCases.map(\.rawValue).joined(separator: ", "))) or \"minutesSpent >= 30\"")
        }
        guard parts.count == 2 else { return FactCondition(fact) }
        guard let n = Int(parts[1]) else { throw PolicyProblem("\(name): \(Sanitizer.visible(text)): the threshold must be a whole number") }
        return FactCondition(fact, atLeast: n)
    }

    private static func unknownKeys(_ t: TOMLTable, allowed: Set<String>, in name: String) throws(PolicyProblem) {
        if let k = t.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw PolicyProblem("\(name): \(Sanitizer.visible(k)) is not a field (fields: \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    private static func string(_ t: TOMLTable, _ key: String, in name: String) throws(PolicyProblem) -> String {
        guard let v = t[key] else { throw PolicyProblem("\(name): \(key) is missing") }
        guard let s = v.string else { throw PolicyProblem("\(name): \(key) must be a string") }
        return s
    }

    private static func strings(_ t: TOMLTable, _ key: String, in name: String) throws(PolicyProblem) -> [String] {
        guard t[key] != nil else { throw PolicyProblem("\(name): \(key) is missing") }
        return try optionalStrings(t, key, in: name)
    }

    private static func optionalStrings(_ t: TOMLTable, _ key: String, in name: String) throws(PolicyProblem) -> [String] {
        guard let v = t[key] else { return [] }
        guard let a = v.array else { throw PolicyProblem("\(name): \(key) must be a list of strings") }
        var out: [String] = []
        for x in a {
            guard let s = x.string else { throw PolicyProblem("\(name): \(key) must be a list of strings") }
            out.append(s)
        }
        return out
    }

    private static func texts(_ root: TOMLTable, _ kind: String) throws(PolicyProblem) -> [(id: String, ja: String, en: String)] {
        guard let v = root[kind] else { return [] }
        guard let t = v.table else { throw PolicyProblem("\(kind) must be tables such as [\(kind).NAME]") }
        var out: [(String, String, String)] = []
        for key in t.keys.sorted() {
            let name = "\(kind) \(Sanitizer.visible(key))"
            guard let entry = t[key]?.table else { throw PolicyProblem("\(name) must be a table with ja and en") }
            try unknownKeys(entry, allowed: ["ja", "en"], in: name)
            out.append((key, try string(entry, "ja", in: name), try string(entry, "en", in: name)))
        }
        return out
    }
}
