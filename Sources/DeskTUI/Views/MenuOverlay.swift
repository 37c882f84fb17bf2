import DeskDomain

/// `s`: the state changes for the case on screen, those the user may not make greyed with the reason; a page at a
/// time when the screen is shorter than the menu.
struct MenuOverlay: Translated {
    let caseID: CaseID
    let selected: Int
    /// `Model.refusal(_: MenuAction)` per item, in `MenuAction.allCases` order.
    let refusals: [String?]
    let language: Language

    func render(into s: inout Screen) {
        let items = MenuAction.allCases
        let inner = DialogBox.draw(&s, width: 90, height: items.count + 2)
        s.put("\(t(.changeState)) \(caseID) — \(KeyMap.hint(.menu, after: .chooseAction, language))", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1, role: .title)
        let rows = max(1, inner.height - 2), start = (selected / rows) * rows
        for (i, a) in items.enumerated().dropFirst(start).prefix(rows) {
            let why = refusals[i], y = inner.y + 1 + i - start
            let label = (i == selected ? "> " : "  ") + (language == .ja ? a.label.ja : a.label.en)
                + (why.map { "  — \(t(.notAllowed)): \($0)" } ?? "")
            s.putPadded(label, x: inner.x + 1, y: y, width: inner.width - 2, role: i == selected ? .selected : (why == nil ? .dialog : .muted))
            if i == selected { s.cursor = (inner.x + 1, y) }
        }
        // More actions above or below this page.
        if start > 0 { s.put("↑", x: inner.x + inner.width - 2, y: inner.y + 1, role: .key) }
        if start + rows < items.count { s.put("↓", x: inner.x + inner.width - 2, y: inner.maxY - 2, role: .key) }
    }
}
