import DeskDomain
import DeskApp
import Foundation

/// The counter form: facts and the customer's words, then hand over. No field asks "is this harassment?".
public struct CounterForm: Equatable, Sendable {
    public enum Field: Equatable, Sendable {
        case organization, place, channel, complaint, words, demand, staff, fact(FactName), submit
    }

    public var organizations: [OrganizationSummary]
    public var org = 0
    /// Index into the organization's (branch, store) pairs; nil: not given.
    public var place: Int?
    public var channel: Channel = .counter
    public var complaint = TextField(limit: 20_000)
    public var words = TextField(limit: 20_000)
    public var demand = TextField(limit: 20_000)
    /// Names separated by commas (、 or ,).
    public var staff = TextField(limit: 2_000)
    public var facts = FactSheet()
    public var minutes = TextField(limit: 5)
    public var contacts = TextField(limit: 5)
    /// Once the clerk types the minutes, the timer stops filling them in.
    public var minutesTyped = false
    public var focus = 0
    public var scroll = 0
    public let openedAt: Date

    public init(organizations: [OrganizationSummary], openedAt: Date) {
        self.organizations = organizations
        self.openedAt = openedAt
    }

    public static let fields: [Field] = [.organization, .place, .channel, .complaint, .words, .demand, .staff]
        + FactName.allCases.map { .fact($0) } + [.submit]

    public var field: Field { Self.fields[focus] }

    /// The organization's (branch, store) pairs, in registration order.
    public var places: [(branch: String, store: String?)] {
        guard organizations.indices.contains(org) else { return [] }
        return organizations[org].branches.flatMap { b in
            b.stores.isEmpty ? [(b.name, nil)] : b.stores.map { (b.name, Optional($0)) }
        }
    }

    public var isDirty: Bool {
        !complaint.text.isEmpty || !words.text.isEmpty || !demand.text.isEmpty || !staff.text.isEmpty
            || facts.answered.contains { !$0.isCount } || minutesTyped || !contacts.text.isEmpty
    }

    public func elapsedMinutes(at now: Date) -> Int { max(0, Int(now.timeIntervalSince(openedAt) / 60)) }

    /// The report as the store takes it (nil while the complaint is empty).
    public func report(language: Language, now: Date) -> CounterReport? {
        guard organizations.indices.contains(org), !complaint.isBlank else { return nil }
        var f = facts
        f.minutesSpent = minutesTyped ? Int(minutes.text) ?? 0 : elapsedMinutes(at: now)
        f.earlierContacts = Int(contacts.text) ?? 0
        let p = place.flatMap { places.indices.contains($0) ? places[$0] : nil }
        let names = staff.text.split(whereSeparator: { $0 == "," || $0 == "、" || $0 == "，" }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return CounterReport(organization: organizations[org].id, branch: p?.branch, store: p?.store, channel: channel,
                             language: language, occurredAt: ISO8601DateFormatter().string(from: openedAt),
                             complaint: complaint.text, words: words.isBlank ? nil : words.text,
                             demand: demand.isBlank ? nil : demand.text, staff: names, facts: f)
    }
}

enum CounterFormView {
    static func render(_ m: Model, _ f: CounterForm, into s: inout Screen) {
        let r = Rect(x: 0, y: 1, width: s.width, height: s.height - 2)
        s.fill(r, role: .dialog)
        let ja = m.language == .ja
        let elapsed = f.elapsedMinutes(at: m.now)
        s.putPadded(" \(m.t(.counterForm))  —  \(m.t(.elapsed)) \(elapsed)\(ja ? "分" : " min")  —  \(m.t(.factsNotJudgement))",
                    x: 0, y: r.y, width: s.width, role: .title)
        var top = r.y + 1
        let policy = f.organizations.indices.contains(f.org) ? f.organizations[f.org].policy : .standard
        let threshold = policy.minutesThreshold
        if elapsed >= threshold, let end = policy.script("end-of-call") {
            s.putPadded(" ! \(threshold)\(ja ? "分を超えました。終了の定型文" : " minutes passed. End-of-call script"): \(end.text(m.language))",
                        x: 0, y: top, width: s.width, role: .warning)
            top += 1
        }
        let height = r.maxY - top
        let labelWidth = min(44, s.width / 2)
        let start = max(0, min(f.focus - height / 2, CounterForm.fields.count - height))
        for (i, field) in CounterForm.fields.enumerated().dropFirst(start).prefix(height) {
            let y = top + i - start
            let focused = i == f.focus
            let (label, value) = row(m, f, field)
            s.putPadded((focused ? "> " : "  ") + label, x: 0, y: y, width: labelWidth, role: focused ? .selected : .dialog)
            let vx = labelWidth + 1, vw = s.width - vx - 1
            switch field {
            case .complaint, .words, .demand, .staff, .fact(.minutesSpent), .fact(.earlierContacts):
                let tf: TextField = switch field {
                case .complaint: f.complaint
                case .words: f.words
                case .demand: f.demand
                case .staff: f.staff
                case .fact(.minutesSpent): f.minutesTyped ? f.minutes : TextField(text: String(elapsed), limit: 5)
                default: f.contacts
                }
                // The tail of long text, with the caret, as in the one-line inputs.
                var shown = tf.text, offset = 0
                while DisplayWidth.of(String(shown.prefix(max(0, tf.caret - offset)))) > vw - 1 { shown.removeFirst(); offset += 1 }
                s.fill(Rect(x: vx, y: y, width: vw, height: 1), role: .input)
                s.put(shown, x: vx, y: y, maxWidth: vw, role: .input)
                if focused { s.cursor = (vx + min(vw, DisplayWidth.of(String(tf.text.prefix(tf.caret).dropFirst(offset)))), y) }
            default:
                s.put(value, x: vx, y: y, maxWidth: vw, role: field == .submit ? (focused ? .selected : .key) : .dialog)
                if focused { s.cursor = (0, y) }
            }
        }
        s.putPadded(" " + m.t(.formHint), x: 0, y: s.height - 1, width: s.width, role: .hint)
    }

    static func row(_ m: Model, _ f: CounterForm, _ field: CounterForm.Field) -> (String, String) {
        let ja = m.language == .ja
        switch field {
        case .organization:
            let o = f.organizations.indices.contains(f.org) ? f.organizations[f.org] : nil
            return (ja ? "組織" : "Organization", o.map { "◀ " + Sanitizer.visible("\($0.name) (\($0.id))") + " ▶" } ?? "-")
        case .place:
            let p = f.place.flatMap { f.places.indices.contains($0) ? f.places[$0] : nil }
            return (ja ? "支店・店舗" : "Branch / store", "◀ " + (p.map { Sanitizer.visible($0.branch + ($0.store.map { " / " + $0 } ?? "")) } ?? (ja ? "指定なし" : "not given")) + " ▶")
        case .channel: return (ja ? "受付" : "Channel", "◀ " + (f.channel == .counter ? (ja ? "窓口" : "counter") : (ja ? "電話" : "phone")) + " ▶")
        case .complaint: return (ja ? "何があったか (事実)" : "What happened (facts)", "")
        case .words: return (ja ? "お客様の言葉 (そのまま)" : "The customer's words, verbatim", "")
        case .demand: return (ja ? "要求の内容" : "What they demand", "")
        case .staff: return (ja ? "対応した職員 (、で区切る)" : "Staff involved (comma separated)", "")
        case .fact(let fact):
            let q = ja ? fact.question.ja : fact.question.en
            if fact.isCount { return (q, "") }
            return (q, fact.value(in: f.facts) >= 1 ? (ja ? "[x] はい" : "[x] yes") : (ja ? "[ ] いいえ" : "[ ] no"))
        case .submit: return ("", "[ " + m.t(.handOverButton) + " ]")
        }
    }
}

/// The decision, large and plain: lane, what to read aloud, the leaflet, what to do now.
enum DecisionView {
    static func lines(_ m: Model, _ d: HandoverDecision, width: Int) -> [(String, StyleRole)] {
        let lang = d.scriptLanguage
        let ja = m.language == .ja
        var out: [(String, StyleRole)] = []
        func add(_ text: String, _ role: StyleRole = .dialog, indent: String = "") {
            for l in DisplayWidth.wrap(text, width: max(1, width - indent.count)) { out.append((indent + l, role)) }
        }
        let policy = d.policy
        if d.decision.lane == .danger { add(ja ? "!!! 今すぐ110番通報してください。営業時間を待たず、警察対応の手順は飛ばします。" : "!!! Call 110 now. Do not wait for business hours; skip the ladder.", .danger) }
        add("\(d.caseID)   \(m.t(.lane)): \(Words.lane(d.decision.lane, m.language))   (rule \(d.decision.rule), \(d.decision.policyVersion))",
            d.decision.lane == .danger ? .danger : .title)
        out.append(("", .dialog))
        add((ja ? "読み上げる文" : "Read aloud") + " (\(lang == .ja ? "日本語" : "English"); L \(ja ? "で切り替え" : "switches")):", .header)
        for (i, id) in d.decision.scripts.enumerated() {
            // Numbered, with wrapped lines under the text, not under the number.
            let lines = DisplayWidth.wrap(policy.script(id)?.text(lang) ?? id, width: max(1, width - 5))
            for (j, l) in lines.enumerated() { out.append(((j == 0 ? "  \(i + 1). " : "     ") + l, .normal)) }
            out.append(("", .dialog))
        }
        // What to do now comes before the leaflet: on a small screen the checklist must not be cut off.
        add((ja ? "今すること" : "Do now") + " (Space):", .header)
        for (i, a) in d.decision.actions.enumerated() {
            let mark = d.done.contains(a) ? "[x] " : "[ ] "
            add((i == d.selected ? "> " : "  ") + mark + (ja ? a.label.ja : a.label.en), i == d.selected ? .selected : .dialog)
        }
        if d.decision.actions.isEmpty { add(ja ? "  (なし)" : "  (nothing)") }
        out.append(("", .dialog))
        add((ja ? "お渡しするご案内: " : "Leaflet to hand over: ") + d.decision.leaflet + "  (\(Sanitizer.visible(d.organization)))"
            + (ja ? "  — w で印刷用ファイルに書き出す" : "  — w writes it for the printer"), .dialog)
        // The leaflet's text is the desk's contact for this organization: what the customer is told to use.
        for l in policy.leafletText(d.decision.leaflet, organization: d.organization, caseID: d.caseID, language: lang)
            .split(separator: "\n") {
            add(String(l), .muted, indent: "    ")
        }
        return out
    }

    static func render(_ m: Model, _ d: HandoverDecision, into s: inout Screen) {
        let r = Rect(x: 0, y: 1, width: s.width, height: s.height - 2)
        s.fill(r, role: .dialog)
        let all = lines(m, d, width: s.width - 4)
        for (i, l) in all.prefix(r.height).enumerated() {
            s.putPadded("  " + l.0, x: 0, y: r.y + i, width: s.width, role: l.1)
        }
        s.putPadded(" " + m.t(.decisionHint), x: 0, y: s.height - 1, width: s.width, role: .hint)
    }
}

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
