import DeskDomain
import DeskApp

/// The decision, large and plain: lane, what to read aloud, the leaflet, what to do now.
struct DecisionView: Translated {
    let decision: HandoverDecision
    let language: Language
    /// The status line's message (what became of the leaflet): the screen covers the status line, so it shows it.
    var message: StatusMessage? = nil

    func lines(width: Int) -> [PaneLine] {
        let d = decision, lang = d.scriptLanguage
        let ja = language == .ja
        var out: [PaneLine] = []
        func add(_ text: String, _ role: StyleRole = .dialog, indent: String = "") {
            for l in DisplayWidth.wrap(text, width: max(1, width - indent.count)) { out.append(PaneLine(indent + l, role)) }
        }
        let policy = d.policy
        if d.decision.lane == .danger { add(ja ? "!!! 今すぐ110番通報してください。営業時間を待たず、警察対応の手順は飛ばします。" : "!!! Call 110 now. Do not wait for business hours; skip the ladder.", .danger) }
        add("\(d.caseID)   \(t(.lane)): \(Words.lane(d.decision.lane, language))   (\(policy.ruleReason(d.decision.rule, language)))",
            d.decision.lane == .danger ? .danger : .title)
        out.append(PaneLine("", .dialog))
        add((ja ? "読み上げる文" : "Read aloud") + " (\(lang == .ja ? "日本語" : "English"); \(KeyMap.keyName(.switchScriptLanguage, in: .decision)) \(ja ? "で切り替え" : "switches")):", .header)
        for (i, id) in d.decision.scripts.enumerated() {
            // Numbered, with wrapped lines under the text, not under the number.
            let lines = DisplayWidth.wrap(policy.script(id)?.text(lang) ?? id, width: max(1, width - 5))
            for (j, l) in lines.enumerated() { out.append(PaneLine((j == 0 ? "  \(i + 1). " : "     ") + l)) }
            out.append(PaneLine("", .dialog))
        }
        // What to do now comes before the leaflet: on a small screen the checklist must not be cut off.
        add((ja ? "今すること" : "Do now") + " (\(KeyMap.keyName(.toggle, in: .decision))):", .header)
        for (i, a) in d.decision.actions.enumerated() {
            let mark = d.done.contains(a) ? "[x] " : "[ ] "
            add((i == d.selected ? "> " : "  ") + mark + (ja ? a.label.ja : a.label.en), i == d.selected ? .selected : .dialog)
        }
        if d.decision.actions.isEmpty { add(ja ? "  (なし)" : "  (nothing)") }
        out.append(PaneLine("", .dialog))
        add((ja ? "お渡しするご案内: " : "Leaflet to hand over: ") + policy.leafletTitle(d.decision.leaflet, organization: d.organization, language: language)
            + "  — \(KeyMap.keyName(.writeLeaflet, in: .decision)) " + (ja ? "で印刷" : "prints it"), .dialog)
        if d.contact.phone == nil && d.contact.email == nil && d.contact.url == nil {
            add(ja ? "  (窓口の電話・メール・URL が未設定です: mado org set / mado org set --desk)" : "  (no phone, e-mail or URL set for the desk: mado org set / mado org set --desk)", .warning)
        }
        // The leaflet's text is the desk's contact for this organization: what the customer is told to use.
        for l in d.leafletText.split(separator: "\n") {
            add(String(l), .muted, indent: "    ")
        }
        return out
    }

    func render(into s: inout Screen) {
        // A message (the hand-over recorded, the leaflet printed) takes the line above the keys, which stay in view.
        let r = Rect(x: 0, y: 1, width: s.width, height: s.height - (message == nil ? 2 : 3))
        s.fill(r, role: .dialog)
        for (i, l) in lines(width: s.width - 4).prefix(r.height).enumerated() {
            s.putPadded("  " + l.text, x: 0, y: r.y + i, width: s.width, role: l.role)
        }
        if let message {
            s.putPadded(" " + Sanitizer.visible(message.text), x: 0, y: s.height - 2, width: s.width, role: message.isError ? .error : .ok)
        }
        s.putPadded(" " + KeyMap.hint(.decision, language), x: 0, y: s.height - 1, width: s.width, role: .hint)
    }
}
