/// A fact a rule can test: the counter's questions, answered yes/no or with a number.
public enum FactName: String, Codable, Sendable, CaseIterable {
    case weaponOrPhysicalContact, threatToLifeOrArson, refusesToLeave, minutesSpent, earlierContacts,
         apologyDemand, demandAboutEmployee, sexualRemarksOrFollowing, filmingOrPosting,
         discriminatoryRemarks, excessiveMoneyDemand, offSiteSummons, reviewOrMediaThreat, shoutingOrAbuse

    /// The fact's value as a number: 1 or 0 for yes/no facts.
    public func value(in f: FactSheet) -> Int {
        switch self {
        case .weaponOrPhysicalContact: f.weaponOrPhysicalContact ? 1 : 0
        case .threatToLifeOrArson: f.threatToLifeOrArson ? 1 : 0
        case .refusesToLeave: f.refusesToLeave ? 1 : 0
        case .minutesSpent: f.minutesSpent
        case .earlierContacts: f.earlierContacts
        case .apologyDemand: f.apologyDemand ? 1 : 0
        case .demandAboutEmployee: f.demandAboutEmployee ? 1 : 0
        case .sexualRemarksOrFollowing: f.sexualRemarksOrFollowing ? 1 : 0
        case .filmingOrPosting: f.filmingOrPosting ? 1 : 0
        case .discriminatoryRemarks: f.discriminatoryRemarks ? 1 : 0
        case .excessiveMoneyDemand: f.excessiveMoneyDemand ? 1 : 0
        case .offSiteSummons: f.offSiteSummons ? 1 : 0
        case .reviewOrMediaThreat: f.reviewOrMediaThreat ? 1 : 0
        case .shoutingOrAbuse: f.shoutingOrAbuse ? 1 : 0
        }
    }

    /// A number (minutes, contacts) rather than yes/no.
    public var isCount: Bool { self == .minutesSpent || self == .earlierContacts }

    /// The behaviour type a positive answer indicates (the design's nine, plus discrimination and
    /// demands about individuals).
    public var behaviour: BehaviourType {
        switch self {
        case .weaponOrPhysicalContact: .violence
        case .threatToLifeOrArson, .reviewOrMediaThreat: .intimidation
        case .refusesToLeave, .minutesSpent: .timeRestraint
        case .earlierContacts: .repeatContact
        case .apologyDemand, .excessiveMoneyDemand: .authority
        case .demandAboutEmployee: .demandAboutIndividual
        case .sexualRemarksOrFollowing: .sexualHarassment
        case .filmingOrPosting: .onlineDefamation
        case .discriminatoryRemarks: .discrimination
        case .offSiteSummons: .offSiteSummons
        case .shoutingOrAbuse: .verbalAbuse
        }
    }

    /// The question as the counter reads it, in plain words (ja, en).
    public var question: (ja: String, en: String) {
        switch self {
        case .weaponOrPhysicalContact: ("刃物などを見せた、または体に触れた・たたいた", "Showed a weapon, or touched or hit someone")
        case .threatToLifeOrArson: ("殺す・火をつける・危害を加えると言った", "Threatened to kill, to set fire, or to hurt someone")
        case .refusesToLeave: ("帰るよう求めても帰らない", "Will not leave when asked")
        case .minutesSpent: ("この対応にかかっている時間 (分)", "Minutes spent on this so far")
        case .earlierContacts: ("同じ件での以前の来店・電話の回数", "Earlier visits or calls about the same matter")
        case .apologyDemand: ("土下座や謝罪文を求めた", "Demanded a kneeling or written apology")
        case .demandAboutEmployee: ("従業員の解雇・個人の電話番号や住所を求めた", "Demanded a dismissal, or an employee's own phone number or address")
        case .sexualRemarksOrFollowing: ("性的な発言・接触・待ち伏せ・つきまとい", "Sexual remarks, touching, waiting for or following staff")
        case .filmingOrPosting: ("無断で撮影した、またはネットに載せた・載せると言った", "Filmed without consent, or posted or said they would post online")
        case .discriminatoryRemarks: ("差別的な発言をした", "Made discriminatory remarks")
        case .excessiveMoneyDemand: ("内容に見合わない高額の金銭・補償を求めた", "Demanded money or compensation far beyond the matter")
        case .offSiteSummons: ("自宅などへ来るよう求めた", "Demanded that staff come to their home or elsewhere")
        case .reviewOrMediaThreat: ("口コミへの投稿や報道に出すと言った", "Threatened to post reviews or go to the media")
        case .shoutingOrAbuse: ("大声・暴言・侮辱があった", "Shouted, swore or insulted staff")
        }
    }
}

/// A fact at or above a threshold (1 for a yes/no fact).
public struct FactCondition: Hashable, Codable, Sendable {
    public var fact: FactName
    public var atLeast: Int
    public init(_ fact: FactName, atLeast: Int = 1) {
        self.fact = fact
        self.atLeast = atLeast
    }
    public func holds(for f: FactSheet) -> Bool { fact.value(in: f) >= atLeast }

    /// Every fact sheet that satisfies `self` satisfies `other` too.
    func implies(_ other: FactCondition) -> Bool { fact == other.fact && atLeast >= other.atLeast }
}

/// Something the counter must do now, shown as a checklist on the decision screen.
public enum RequiredAction: String, Codable, Sendable, CaseIterable {
    case call110, secondStaff, preserveEvidence, policeLadder, employeeCare, endOfCallScript

    public var label: (ja: String, en: String) {
        switch self {
        case .call110: ("今すぐ110番通報する (営業時間を待たない)", "Call 110 now (do not wait for business hours)")
        case .secondStaff: ("もう一人の職員を呼び、一人で対応しない", "Call a second staff member; do not handle this alone")
        case .preserveEvidence: ("録音・映像・書面を保存する", "Keep recordings, video and papers")
        case .policeLadder: ("警察対応の手順に沿って進める (終了→中止要請→退去命令→最終警告→110番)", "Follow the police ladder (end, ask to stop, order to leave, final warning, 110)")
        case .employeeCare: ("対応した職員を休ませ、相談窓口を案内する", "Let the staff member rest and tell them about the consultation desk")
        case .endOfCallScript: ("対応を終える定型文を読む", "Read the end-of-call script")
        }
    }
}

/// Text the policy gives in both languages: a script read aloud, or a leaflet handed over.
public struct PolicyText: Hashable, Codable, Sendable {
    public var id: String
    public var ja: String
    public var en: String
    public init(id: String, ja: String, en: String) {
        self.id = id
        self.ja = ja
        self.en = en
    }
    public func text(_ l: Language) -> String { l == .ja ? ja : en }
}

/// A script read aloud at the counter (one line).
public typealias PolicyScript = PolicyText
/// The leaflet handed over at the counter: the desk's channels (several lines).
public typealias PolicyLeaflet = PolicyText

/// One rule: when any condition holds (or always, with none), route to `lane` with these scripts,
/// this leaflet and these actions.
public struct PolicyRule: Hashable, Codable, Sendable {
    public var id: String
    public var anyOf: [FactCondition]
    public var lane: Lane
    /// Behaviour types the rule names beyond those of the facts that hold.
    public var behaviours: [BehaviourType]
    public var scripts: [String]
    public var leaflet: String
    public var actions: [RequiredAction]
    public init(id: String, anyOf: [FactCondition], lane: Lane, behaviours: [BehaviourType] = [], scripts: [String],
                leaflet: String, actions: [RequiredAction] = []) {
        self.id = id
        self.anyOf = anyOf
        self.lane = lane
        self.behaviours = behaviours
        self.scripts = scripts
        self.leaflet = leaflet
        self.actions = actions
    }
}

/// Why a policy table cannot be used; names the rule (or script) at fault.
public struct PolicyProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// A versioned decision table: the first rule that matches decides. Data, not code branches.
public struct PolicyTable: Hashable, Codable, Sendable {
    public var id: String
    public var version: String
    /// The day from which the table is in force.
    public var effective: LocalDate
    /// After this many minutes with one customer the console offers the end-of-call script.
    public var minutesThreshold: Int
    public var rules: [PolicyRule]
    public var scripts: [PolicyScript]
    public var leaflets: [PolicyLeaflet]

    public init(id: String, version: String, effective: LocalDate, minutesThreshold: Int = 30, rules: [PolicyRule],
                scripts: [PolicyScript], leaflets: [PolicyLeaflet]) {
        self.id = id
        self.version = version
        self.effective = effective
        self.minutesThreshold = minutesThreshold
        self.rules = rules
        self.scripts = scripts
        self.leaflets = leaflets
    }

    /// `id/version`, as events record it.
    public var versionTag: String { "\(id)/\(version)" }

    /// Scripts the product shows on its own (seed 003 and the national guidance), whatever the rules say.
    public static let fixedScripts = ["no-progress-answers", "refuse-kneeling-apology", "refuse-personal-contact",
                                      "refuse-discipline-talk", "end-of-call"]

    public func script(_ id: String) -> PolicyScript? { scripts.first { $0.id == id } }

    /// The leaflet as printed at the counter: the organization's name filled in, the customer's receipt below (never
    /// the case id, which is the desk's own), with what it is for.
    public func leafletText(_ id: String, organization: String, receipt: Receipt?, language: Language) -> String {
        let body = (leaflet(id)?.text(language) ?? "").replacingOccurrences(of: "{organization}", with: Sanitizer.visible(organization))
        guard let receipt else { return body }
        let ja = language == .ja
        return body + (body.hasSuffix("\n") || body.isEmpty ? "" : "\n") + (ja ? "受付番号" : "Receipt number") + ": \(receipt)\n"
            + (ja ? "この件について後から Web フォームで情報を追加するときは、この番号を入力してください。\n"
                  : "To add to this matter later on the web form, enter this number.\n")
    }
    public func leaflet(_ id: String) -> PolicyLeaflet? { leaflets.first { $0.id == id } }

    /// The leaflet's first line, organization filled in (or left out): how people name it instead of its id.
    public func leafletTitle(_ id: String, organization: String?, language: Language) -> String {
        guard let l = leaflet(id) else { return language == .ja ? "窓口のご案内" : "the desk's leaflet" }
        let first = String(l.text(language).split(separator: "\n").first ?? "")
        guard let organization else {
            return first.replacingOccurrences(of: " ({organization})", with: "").replacingOccurrences(of: "{organization}", with: "")
        }
        return first.replacingOccurrences(of: "{organization}", with: Sanitizer.visible(organization))
    }

    /// Why the rule chose its lane, in words: the facts it looks for ("退去しない"), not its id.
    public func ruleReason(_ id: String, _ language: Language) -> String {
        guard let rule = rules.first(where: { $0.id == id }) else { return language == .ja ? "方針の規則に該当なし" : "no rule of the policy matched" }
        if rule.anyOf.isEmpty { return language == .ja ? "確認事項のいずれにも該当しない" : "none of the listed facts" }
        return rule.anyOf.map { c in
            c.fact.isCount ? c.fact.label(language) + (language == .ja ? " \(c.atLeast) 以上" : " at least \(c.atLeast)") : c.fact.label(language)
        }.joined(separator: language == .ja ? "、" : " or ")
    }

    /// Every reason the table cannot be used, in file order. Empty: the table is sound.
    public func problems() -> [PolicyProblem] {
        var out: [PolicyProblem] = []
        func id(_ s: String) -> Bool { !s.isEmpty && s.count <= 64 && s.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == ".") } }
        if !id(self.id) { out.append(PolicyProblem("policy id must be 1-64 letters, digits, '-', '_' or '.'")) }
        if !id(version) { out.append(PolicyProblem("policy version must be 1-64 letters, digits, '-', '_' or '.'")) }
        if !(1...24 * 60).contains(minutesThreshold) { out.append(PolicyProblem("minutes_threshold must be 1 to 1440")) }
        if rules.isEmpty { out.append(PolicyProblem("the policy has no rules")) }
        var seen: Set<String> = []
        for (i, r) in rules.enumerated() {
            let name = "rule \(r.id.isEmpty ? "#\(i + 1)" : r.id)"
            if !id(r.id) { out.append(PolicyProblem("\(name): id must be 1-64 letters, digits, '-', '_' or '.'")) }
            if !seen.insert(r.id).inserted { out.append(PolicyProblem("\(name): the id is used by an earlier rule")) }
            if r.scripts.isEmpty { out.append(PolicyProblem("\(name): names no script to read")) }
            for s in r.scripts where script(s) == nil { out.append(PolicyProblem("\(name): script \(s) is not defined")) }
            if leaflet(r.leaflet) == nil { out.append(PolicyProblem("\(name): leaflet \(r.leaflet) is not defined")) }
            for c in r.anyOf where c.atLeast < 1 || c.atLeast > 10_000 || (!c.fact.isCount && c.atLeast != 1) {
                out.append(PolicyProblem("\(name): \(c.fact.rawValue) \(c.fact.isCount ? "must be at least 1 and at most 10000" : "is yes/no; its threshold is 1")"))
            }
            if r.lane == .danger && !r.actions.contains(.call110) {
                out.append(PolicyProblem("\(name): a danger rule must require call110"))
            }
            // Unreachable: an earlier rule always matches first (a catch-all, or a weaker form of each condition).
            let earlier = rules[..<i]
            if let all = earlier.first(where: { $0.anyOf.isEmpty }) {
                out.append(PolicyProblem("\(name): unreachable, rule \(all.id) before it matches everything"))
            } else if !r.anyOf.isEmpty, let shadow = earlier.first(where: { e in r.anyOf.allSatisfy { c in e.anyOf.contains { c.implies($0) } } }) {
                out.append(PolicyProblem("\(name): unreachable, rule \(shadow.id) matches every case it would"))
            } else if !r.anyOf.isEmpty, r.anyOf.allSatisfy({ c in earlier.contains { $0.anyOf.contains { c.implies($0) } } }) {
                out.append(PolicyProblem("\(name): unreachable, earlier rules match every case it would"))
            }
        }
        if let last = rules.last, !last.anyOf.isEmpty {
            out.append(PolicyProblem("rule \(last.id): the last rule must have no conditions, so that every case gets a lane"))
        }
        var scriptIDs: Set<String> = []
        for s in scripts {
            if !id(s.id) { out.append(PolicyProblem("script \(s.id): id must be 1-64 letters, digits, '-', '_' or '.'")) }
            if !scriptIDs.insert(s.id).inserted { out.append(PolicyProblem("script \(s.id): defined twice")) }
            if s.ja.isEmpty || s.en.isEmpty { out.append(PolicyProblem("script \(s.id): needs both ja and en text")) }
            if Sanitizer.visible(s.ja) != s.ja || Sanitizer.visible(s.en) != s.en {
                out.append(PolicyProblem("script \(s.id): text must be printable, on one line"))
            }
        }
        for f in Self.fixedScripts where script(f) == nil {
            out.append(PolicyProblem("script \(f) is required (a fixed script the console offers) but not defined"))
        }
        var leafletIDs: Set<String> = []
        for l in leaflets {
            if !id(l.id) { out.append(PolicyProblem("leaflet \(Sanitizer.visible(l.id)): id must be 1-64 letters, digits, '-', '_' or '.'")) }
            if Sanitizer.visibleLines(l.ja) != l.ja || Sanitizer.visibleLines(l.en) != l.en {
                out.append(PolicyProblem("leaflet \(l.id): text must be printable (line breaks allowed)"))
            }
            if !leafletIDs.insert(l.id).inserted { out.append(PolicyProblem("leaflet \(l.id): defined twice")) }
            if l.ja.isEmpty || l.en.isEmpty { out.append(PolicyProblem("leaflet \(l.id): needs both ja and en text")) }
        }
        return out
    }

    /// The lane, rule, scripts, leaflet, actions and behaviour types for a fact sheet.
    public func decide(_ facts: FactSheet) -> HandedOver {
        // A table that passed `problems()` ends with a catch-all; a broken one still hands over to the desk.
        let rule = rules.first { $0.anyOf.isEmpty || $0.anyOf.contains { $0.holds(for: facts) } }
            ?? PolicyRule(id: "no-rule-matched", anyOf: [], lane: .handover, scripts: ["end-of-call"], leaflet: "desk-leaflet")
        var behaviours: [BehaviourType] = []
        // A yes answer always names its behaviour; a count names it once a rule of this table says it matters.
        let counted = Set(rules.flatMap(\.anyOf).filter { $0.fact.isCount && $0.holds(for: facts) }.map(\.fact))
        for f in FactName.allCases where (f.isCount ? counted.contains(f) : f.value(in: facts) >= 1) && !behaviours.contains(f.behaviour) {
            behaviours.append(f.behaviour)
        }
        for b in rule.behaviours where !behaviours.contains(b) { behaviours.append(b) }
        return HandedOver(lane: rule.lane, rule: rule.id, policyVersion: versionTag, behaviours: behaviours,
                          scripts: rule.scripts, leaflet: rule.leaflet, actions: rule.actions, answers: facts)
    }

    /// The table shipped with mado, from Policies/standard.toml (see BuiltinPolicies.swift).
    public static var standard: PolicyTable { BuiltinPolicies.standard }
}
