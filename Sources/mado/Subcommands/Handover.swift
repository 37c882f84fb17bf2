import ArgumentParser
import DeskDomain
import DeskApp
import DeskIntake
import Foundation

extension Channel: ExpressibleByArgument {}
extension FactName: ExpressibleByArgument {}

extension Mado {
    struct Handover: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record what happened at the counter or on the phone and hand the case over; prints what to read aloud and do.",
            discussion: """
                The clerk answers facts, never "is this harassment?": the organization's policy decides the lane, \
                the scripts to read aloud, the leaflet and the actions to take now. Answers come as flags (--yes FACT, \
                --minutes, --earlier-contacts) or as JSON (--answers FILE, {"weaponOrPhysicalContact": true, \
                "minutesSpent": 40, ...}). Facts (--yes):
                """ + "\n" + FactName.allCases.filter { !$0.isCount }.map { "  \($0.rawValue): \($0.question.en) / \($0.question.ja)" }
                    .joined(separator: "\n"))

        @OptionGroup var store: StoreOptions
        @Option(help: "The organization (registered id).") var org: String
        @Option(help: "Branch (one of the organization's).") var branch: String?
        @Option(name: .customLong("store"), help: "Store (one of the branch's).") var storeName: String?
        @Option(help: "counter or phone.") var channel: Channel = .counter
        @Option(help: "What happened, in facts (not opinions).") var complaint: String
        @Option(help: "The customer's words, verbatim.") var words: String?
        @Option(help: "What the customer demands.") var demand: String?
        @Option(name: .customLong("staff"), help: "A staff member involved (repeat for each).") var staffNames: [String] = []
        @Option(name: .customLong("yes"), help: "A fact that is true (repeat; see the list above).") var yes: [FactName] = []
        @Option(help: "Minutes spent on this interaction so far.") var minutes: Int?
        @Option(help: "Earlier visits or calls about the same matter.") var earlierContacts: Int?
        @Option(help: ArgumentHelp("Answers as JSON (a file, or - for standard input).", valueName: "file")) var answers: String?
        @Option(help: "Language of the scripts and leaflet, ja or en.") var language: Language = .ja
        @Option(help: "text or json.") var format: OutputFormat = .text
        @Option(help: ArgumentHelp("Write the leaflet for the counter printer to this file.", valueName: "file")) var leaflet: String?

        func validate() throws {
            guard format == .text || format == .json else { throw formatError("text or json") }
            guard channel == .counter || channel == .phone else { throw ValidationError(say("--channel must be counter or phone", "--channel は counter か phone です")) }
            for (name, v) in [("--minutes", minutes), ("--earlier-contacts", earlierContacts)] {
                if let v, !(0...10_000).contains(v) { throw ValidationError(say("\(name) must be 0 to 10,000", "\(name) は 0 から 10,000 です")) }
            }
            for (name, v, limit) in [("--complaint", complaint, 20_000), ("--words", words ?? "", 20_000), ("--demand", demand ?? "", 20_000)] {
                if v.count > limit { throw ValidationError(say("\(name) is \(v.count) characters; the limit is \(limit)", "\(name) は \(v.count) 字です。上限は \(limit) 字です")) }
                try refuseNUL(v, name)
            }
            if complaint.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError(say("--complaint is required: what happened", "--complaint (何があったか) が必要です")) }
            guard staffNames.count <= 20 else { throw ValidationError(say("--staff may be given at most 20 times", "--staff は 20 回までです")) }
        }

        func run() throws {
            var facts = FactSheet()
            if let answers { facts = try Self.readAnswers(try readInput(answers)) }
            for f in yes { facts.set(f, 1) }
            if let minutes { facts.minutesSpent = minutes }
            if let earlierContacts { facts.earlierContacts = earlierContacts }

            let desk = try store.desk(requireKey: true)
            defer { desk.close() }
            let orgID = OrganizationID(org)
            try naming("--org") { try desk.checkPlace(orgID, branch: branch, store: storeName, field: "--") }
            let report = CounterReport(organization: orgID, branch: branch, store: storeName, channel: channel, language: language,
                                       occurredAt: ISO8601DateFormatter().string(from: Date()), complaint: complaint,
                                       words: words, demand: demand, staff: staffNames, facts: facts)
            let r = try desk.handOver(report)
            let sheet = HandoverSheet(caseID: r.id, decision: r.decision, policy: r.policy, organization: r.organizationName, language: language,
                                      contact: try desk.contact(of: orgID), receipt: r.receipt)
            if let leaflet {
                guard try Privileges.asUser({ FileManager.default.createFile(atPath: leaflet, contents: Data(sheet.leafletText.utf8)) }) else {
                    throw Refusal("cannot write the leaflet to \(Sanitizer.visible(leaflet))")
                }
            }
            print(format == .json ? sheet.json : sheet.text, terminator: "")
        }

        /// `{"factName": true | number, ...}`; unknown names and wrong types are refused by name.
        static func readAnswers(_ data: Data) throws -> FactSheet {
            enum Answer: Decodable {
                case yes(Bool), count(Int)
                init(from d: Decoder) throws {
                    let c = try d.singleValueContainer()
                    if let b = try? c.decode(Bool.self) { self = .yes(b) } else { self = .count(try c.decode(Int.self)) }
                }
            }
            guard data.count <= 64 * 1024 else { throw InputError.tooLarge(what: "--answers", limit: 64 * 1024, actual: data.count) }
            if let offset = WebFormParser.firstInvalidUTF8(data) { throw InputError.badEncoding(field: "--answers", byteOffset: offset) }
            // JSONSerialization keeps one of two equal keys without a word: which answer counted would be a guess.
            if let key = WebFormParser.duplicateKey(in: data) { throw InputError.invalid("answers.\(key)", expected: "given once (it appears twice)") }
            guard (try? JSONSerialization.jsonObject(with: data)) is [String: Any] else { throw InputError.notAnObject(what: "--answers") }
            var f = FactSheet()
            let raw = try JSONSerialization.jsonObject(with: data) as! [String: Any]
            for k in raw.keys.sorted() {
                guard let fact = FactName(rawValue: k) else { throw InputError.unknownField(k) }
                let sub = try JSONSerialization.data(withJSONObject: [k: raw[k]!])
                let v = (try? JSONDecoder().decode([String: Answer].self, from: sub))?[k]
                switch (fact.isCount, v) {
                case (true, .count(let n)?) where (0...10_000).contains(n): f.set(fact, n)
                case (true, _): throw InputError.wrongType("answers.\(k)", expected: "a whole number from 0 to 10,000")
                case (false, .yes(let b)?): f.set(fact, b ? 1 : 0)
                case (false, _): throw InputError.wrongType("answers.\(k)", expected: "true or false")
                }
            }
            return f
        }
    }
}

/// What the counter needs after a hand-over: the lane, the scripts, the leaflet, the actions; text or JSON.
struct HandoverSheet {
    let caseID: CaseID
    let decision: HandedOver
    let policy: PolicyTable
    let organization: String
    let language: Language
    /// The phone, e-mail and URL the leaflet prints.
    var contact = ContactDetails()
    /// The customer's receipt for the leaflet.
    var receipt: Receipt? = nil

    var scripts: [PolicyScript] { decision.scripts.compactMap(policy.script) }

    var leafletText: String {
        policy.leafletText(decision.leaflet, organization: organization, receipt: receipt, language: language)
            + contact.leafletLines(language).map { $0 + "\n" }.joined()
    }

    var text: String {
        let ja = language == .ja
        // The rule by the facts it looks for; its id is in --format json.
        var out = "\(caseID)  " + (ja ? "区分" : "lane") + ": \(decision.lane.label(language))"
            + "  (" + (ja ? "根拠: " : "because of ") + policy.ruleReason(decision.rule, language)
            + (ja ? "、方針 " : "; policy ") + "\(decision.policyVersion))\n"
        if decision.lane == .danger { out += ja ? "!! 今すぐ110番通報してください。警察対応の手順は飛ばします。\n" : "!! Call 110 now. Skip the ladder.\n" }
        out += (ja ? "読み上げる文:" : "Read aloud:") + "\n"
        for (i, s) in scripts.enumerated() { out += "  \(i + 1). \(s.text(language))\n" }
        out += (ja ? "お渡しするご案内: " : "Leaflet to hand over: ") + policy.leafletTitle(decision.leaflet, organization: organization, language: language) + "\n"
        // Known only now (the desk keeps its keyed hash): the clerk writes it on the leaflet if nothing printed it.
        if let receipt { out += (ja ? "お客様の受付番号: " : "The customer's receipt number: ") + "\(receipt)\n" }
        out += (ja ? "今すること:" : "Do now:") + "\n"
        for a in decision.actions { out += "  [ ] " + (ja ? a.label.ja : a.label.en) + "\n" }
        if decision.actions.isEmpty { out += ja ? "  (なし)\n" : "  (nothing)\n" }
        return out
    }

    var json: String {
        func obj(_ pairs: [(String, String)]) -> String { "{" + pairs.map { "\(jsonString($0.0)):\($0.1)" }.joined(separator: ",") + "}" }
        let scriptList = "[" + scripts.map { obj([("id", jsonString($0.id)), ("text", jsonString($0.text(language)))]) }.joined(separator: ",") + "]"
        let actions = "[" + decision.actions.map { a in
            obj([("id", jsonString(a.rawValue)), ("text", jsonString(language == .ja ? a.label.ja : a.label.en))])
        }.joined(separator: ",") + "]"
        return obj([("case", jsonString(caseID.description)), ("receipt", receipt.map { jsonString($0.description) } ?? "null"),
                    ("lane", jsonString(decision.lane.rawValue)),
                    ("rule", jsonString(decision.rule)), ("policy", jsonString(decision.policyVersion)),
                    ("behaviours", "[" + decision.behaviours.map { jsonString($0.rawValue) }.joined(separator: ",") + "]"),
                    ("scripts", scriptList), ("leaflet", obj([("id", jsonString(decision.leaflet)), ("text", jsonString(leafletText))])),
                    ("actions", actions)]) + "\n"
    }
}
