/// The case pane: the case text the model laid out, from the scroll position, with the line n/N found marked.
struct DetailPane {
    let title: String
    let lines: [PaneLine]
    let scroll: Int
    let match: Int?
    let focused: Bool

    func render(into s: inout Screen, area: Rect) {
        PaneTitle.render(.detail, title, focused: focused, into: &s, area: area)
        let height = area.height - 1
        let top = max(0, min(scroll, lines.count - height))
        for (i, l) in lines.dropFirst(top).prefix(height).enumerated() {
            if top + i == match {
                s.putPadded(">" + l.text, x: area.x, y: area.y + 1 + i, width: area.width, role: .selected)
                continue
            }
            s.put(l.text, x: area.x + 1, y: area.y + 1 + i, maxWidth: area.width - 1, role: l.role)
        }
    }
}
