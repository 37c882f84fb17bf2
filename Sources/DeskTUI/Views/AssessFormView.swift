import DeskDomain

/// The assessment form: the demand's validity and the means (◀ ▶), the behaviour types seen, the reason, Record.
struct AssessFormView: Translated {
    let caseID: CaseID
    let form: AssessForm
    let language: Language

    func render(into s: inout Screen) {
        let f = form, ja = language == .ja
        let inner = DialogBox.draw(&s, width: 90, height: AssessForm.rows.count + 3)
        s.put("\(caseID): " + (ja ? MenuAction.assess.label.ja : MenuAction.assess.label.en), x: inner.x + 1, y: inner.y,
              maxWidth: inner.width - 2, role: .title)
        for (i, row) in AssessForm.rows.enumerated() where inner.y + 1 + i < inner.maxY {
            let y = inner.y + 1 + i, focused = i == f.focus
            let text = label(row)
            s.putPadded((focused ? "> " : "  ") + text, x: inner.x + 1, y: y, width: inner.width - 2, role: focused ? .selected : .dialog)
            if row == .reason {
                let x = inner.x + 3 + DisplayWidth.of(text)
                s.put(f.reason.text, x: x, y: y, maxWidth: (inner.x + inner.width) - x - 1, role: .input)
                if focused { s.cursor = (min((inner.x + inner.width) - 2, x + DisplayWidth.of(String(f.reason.text.prefix(f.reason.caret)))), y) }
            } else if focused {
                s.cursor = (inner.x + 1, y)
            }
        }
    }

    private func label(_ row: AssessForm.Row) -> String {
        let ja = language == .ja
        switch row {
        case .validity: return (ja ? "要求の妥当性: " : "demand: ") + "◀ \(form.validity.label(language)) ▶"
        case .means: return (ja ? "手段: " : "means: ") + "◀ \(form.means.label(language)) ▶"
        case .behaviour(let b): return (form.behaviours.contains(b) ? "[x] " : "[ ] ") + b.label(language)
        case .reason: return t(.reason) + ": "
        case .submit: return "[ " + (ja ? "記録する" : "Record") + " ]"
        }
    }
}
