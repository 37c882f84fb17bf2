import DeskDomain
import DeskApp

/// Erasing a person's data: who, the warning and what becomes unreadable; then the reason typed below, or the last
/// dialog naming the event with Cancel focused until the user moves to Erase.
struct ErasureDialog: Translated {
    enum Stage {
        case reason(TextField)
        case confirm(reason: String, eraseFocused: Bool)
    }

    let subject: SubjectRow
    let impact: [ErasureImpact]
    let stage: Stage
    let language: Language

    func render(into s: inout Screen) {
        switch stage {
        case .reason(let f):
            let inner = DialogBox.draw(&s, width: 90, height: impact.count + 6)
            header(&s, inner)
            InputLine(label: "\(t(.eraseTitle)) — \(t(.reason)): ", field: f, hint: KeyMap.hint(.textInput, after: .typeText, language)).render(into: &s)
        case .confirm(let reason, let focused):
            let inner = DialogBox.draw(&s, width: 90, height: impact.count + 8)
            let y = header(&s, inner)
            s.put("\(DeskEvent.label(type: "subjectErased").map { language == .ja ? $0.ja : $0.en } ?? "") \(subject.id) — \(t(.reason)): " + Sanitizer.visible(reason), x: inner.x + 1, y: y,
                  maxWidth: inner.width - 2, role: .dialog)
            let cancel = (focused ? "  " : "> ") + "[ \(t(.cancel)) ]", erase = (focused ? "> " : "  ") + "[ \(t(.eraseButton)) ]"
            let by = inner.maxY - 1
            let cw = s.put(cancel, x: inner.x + 1, y: by, role: focused ? .dialog : .selected)
            s.put(erase, x: inner.x + 3 + cw, y: by, role: focused ? .danger : .dialog)
            s.cursor = (focused ? inner.x + 3 + cw : inner.x + 1, by)
        }
    }

    /// The subject, the warning and what becomes unreadable; returns the next free row.
    @discardableResult
    private func header(_ s: inout Screen, _ inner: Rect) -> Int {
        let name = subject.name.map { "  " + Sanitizer.visible($0.display(language)) } ?? ""
        s.put("\(t(.eraseTitle)): \(subject.id) (\(subject.kind.label(language)))\(name)", x: inner.x + 1, y: inner.y,
              maxWidth: inner.width - 2, role: .title)
        s.put(t(.eraseWarning), x: inner.x + 1, y: inner.y + 1, maxWidth: inner.width - 2, role: .warning)
        var y = inner.y + 2
        for i in impact where y < inner.maxY - 2 {
            s.put("  \(Sanitizer.visible(i.recordLabel(language))): \(i.fields.count)  " + i.fields.map { DeskEvent.fieldLabel($0, language) }.joined(separator: language == .ja ? "、" : ", "), x: inner.x + 1, y: y,
                  maxWidth: inner.width - 2, role: .dialog)
            y += 1
        }
        return y
    }
}
