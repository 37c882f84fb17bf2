import DeskDomain

/// `s`: the actions on the case on screen, in a fixed order, each with the letter that chooses it. Those the user may
/// not take are greyed with the reason, wrapped whole under the row; a page at a time when the screen is shorter.
struct MenuOverlay: Translated {
    let caseID: CaseID
    let selected: Int
    /// `Model.refusal(_: MenuAction)` per item, in `MenuAction.allCases` order.
    let refusals: [String?]
    let language: Language

    func render(into s: inout Screen) {
        let items = MenuAction.allCases
        let width = min(90, s.width - 4) - 2
        // Each item's lines: the row, then its reason wrapped under it.
        var lines: [(item: Int, text: String, role: StyleRole)] = []
        for (i, a) in items.enumerated() {
            let label = "\(a.letter)  " + (language == .ja ? a.label.ja : a.label.en)
            guard let why = refusals[i] else {
                lines.append((i, (i == selected ? "> " : "  ") + label, i == selected ? .selected : .dialog))
                continue
            }
            lines.append((i, "  " + label, .muted))
            for l in DisplayWidth.wrap("\(t(.notAllowed)): \(why)", width: max(1, width - 8)) { lines.append((i, "      " + l, .muted)) }
        }
        let inner = DialogBox.draw(&s, width: 90, height: lines.count + 3)
        s.put("\(t(.actionsTitle)) \(caseID) — \(KeyMap.hint(.menu, after: .chooseAction, language))", x: inner.x + 1, y: inner.y,
              maxWidth: inner.width - 1, role: .title)
        let rows = max(1, inner.height - 1)
        let at = lines.firstIndex { $0.item == selected } ?? 0
        // The page that holds the selected row and as much of its reason as fits.
        let start = (at / rows) * rows
        for (n, line) in lines.dropFirst(start).prefix(rows).enumerated() {
            let y = inner.y + 1 + n
            s.putPadded(line.text, x: inner.x + 1, y: y, width: inner.width - 2, role: line.role)
            if line.item == selected, line.role == .selected { s.cursor = (inner.x + 1, y) }
        }
        // More actions above or below this page.
        if start > 0 { s.put("↑", x: inner.x + inner.width - 2, y: inner.y + 1, role: .key) }
        if start + rows < lines.count { s.put("↓", x: inner.x + inner.width - 2, y: inner.maxY - 1, role: .key) }
    }
}
