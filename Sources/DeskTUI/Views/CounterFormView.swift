import DeskDomain
import DeskApp
import Foundation

/// The counter form over the panes: facts and the customer's words, the elapsed time and, past the policy's minutes,
/// the end-of-call script.
struct CounterFormView: Translated {
    let form: CounterForm
    let now: Date
    let language: Language

    func render(into s: inout Screen) {
        let f = form
        let r = Rect(x: 0, y: 1, width: s.width, height: s.height - 2)
        s.fill(r, role: .dialog)
        let ja = language == .ja
        let elapsed = f.elapsedMinutes(at: now)
        s.putPadded(" \(t(.counterForm))  —  \(t(.elapsed)) \(elapsed)\(ja ? "分" : " min")  —  \(t(.factsNotJudgement))",
                    x: 0, y: r.y, width: s.width, role: .title)
        var top = r.y + 1
        let policy = f.organizations.indices.contains(f.org) ? f.organizations[f.org].policy : .standard
        let threshold = policy.minutesThreshold
        if elapsed >= threshold, let end = policy.script("end-of-call") {
            // Whole, over as many lines as it needs: it is read out as written.
            let say = " ! \(threshold)\(ja ? "分を超えました。終了の定型文" : " minutes passed. End-of-call script"): \(end.text(language))"
            for l in ListFit.hanging(say, width: s.width - 1, indent: 3).prefix(max(1, (r.maxY - top) / 3)) {
                s.putPadded(l, x: 0, y: top, width: s.width, role: .warning)
                top += 1
            }
        }
        let labelWidth = min(44, s.width / 2)
        // The focused question in full under the form when its row cuts it: the clerk reads it out as written.
        let focusedLabel = CounterForm.fields.indices.contains(f.focus) ? "> " + row(CounterForm.fields[f.focus]).0 : ""
        let whole = DisplayWidth.of(focusedLabel) > labelWidth ? DisplayWidth.wrap(focusedLabel, width: s.width - 2) : []
        for (i, l) in whole.enumerated() {
            s.putPadded(" " + l, x: 0, y: r.maxY - whole.count + i, width: s.width, role: .selected)
        }
        let height = r.maxY - top - whole.count
        let start = max(0, min(f.focus - height / 2, CounterForm.fields.count - height))
        for (i, field) in CounterForm.fields.enumerated().dropFirst(start).prefix(height) {
            let y = top + i - start
            let focused = i == f.focus
            let (label, value) = row(field)
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
        s.putPadded(" " + KeyMap.hint(.counterForm, language), x: 0, y: s.height - 1, width: s.width, role: .hint)
    }

    /// A field's label, as the form words it.
    func label(_ field: CounterForm.Field) -> String { row(field).0 }

    /// A field's label and, for a choice or a yes/no fact, its value.
    private func row(_ field: CounterForm.Field) -> (String, String) {
        let f = form, ja = language == .ja
        switch field {
        case .organization:
            let o = f.organizations.indices.contains(f.org) ? f.organizations[f.org] : nil
            return (ja ? "組織" : "Organization", o.map { "◀ " + Sanitizer.visible($0.name) + " ▶" } ?? "-")
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
        case .submit: return ("", "[ " + t(.handOverButton) + " ]")
        }
    }
}
