/// The escalation pane: the lane, the police ladder and what the user may do, as the model laid them out.
struct EscalationPane {
    let title: String
    let lines: [PaneLine]
    let scroll: Int
    let focused: Bool

    func render(into s: inout Screen, area: Rect) {
        PaneTitle.render(.escalation, title, focused: focused, into: &s, area: area)
        let height = area.height - 1
        let top = max(0, min(scroll, lines.count - height))
        for (i, l) in lines.dropFirst(top).prefix(height).enumerated() {
            s.put(DisplayWidth.truncate(l.text, width: area.width - 2), x: area.x + 1, y: area.y + 1 + i, role: l.role)
        }
    }
}
