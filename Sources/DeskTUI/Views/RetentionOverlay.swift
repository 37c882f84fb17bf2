import DeskDomain
import DeskApp

/// `R`: who falls due for erasure this month; those whose period has not yet ended are listed but marked.
struct RetentionOverlay: Translated {
    /// Nil until loaded.
    let due: [RetentionDue]?
    let selected: Int
    let today: LocalDate
    /// Why the user may not erase (they may still read the list).
    let refusal: String?
    let language: Language

    func render(into s: inout Screen) {
        let list = due ?? []
        let inner = DialogBox.draw(&s, width: 90, height: max(1, list.count) + 5)
        s.put("\(t(.retentionDue)) (\(list.count))", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, role: .title)
        if due == nil {
            s.put(t(.loading), x: inner.x + 1, y: inner.y + 1, role: .muted)
        } else if list.isEmpty {
            s.put(t(.retentionNone), x: inner.x + 1, y: inner.y + 1, maxWidth: inner.width - 2, role: .dialog)
        }
        let rows = max(1, inner.height - 2)
        let start = (selected / rows) * rows
        for (i, d) in list.dropFirst(start).prefix(rows).enumerated() {
            let isSel = start + i == selected
            let wait = d.dueOn >= today.description ? "  (\(t(.notYetDueShort)))" : ""
            let label = (isSel ? "> " : "  ") + "\(d.subject)  \(d.kind.label(language))  \(t(.due)) \(d.dueOn)  "
                + d.cases.map(\.description).joined(separator: " ") + wait
            s.putPadded(label, x: inner.x + 1, y: inner.y + 1 + i, width: inner.width - 2, role: isSel ? .selected : .dialog)
            if isSel { s.cursor = (inner.x + 1, inner.y + 1 + i) }
        }
        let hint = KeyMap.hint(.retention, language) + (refusal.map { "  (\(t(.notAllowed)): \($0))" } ?? "")
        s.put(hint, x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, role: .key)
    }
}
