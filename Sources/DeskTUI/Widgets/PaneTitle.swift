import DeskDomain

/// A pane's title bar and, in the narrow layout, the row of tabs; the focused pane is marked by more than colour.
enum PaneTitle {
    static func name(_ p: Pane, _ language: Language) -> String {
        switch p {
        case .queue: UIText.queue.text(language)
        case .detail: UIText.detail.text(language)
        case .escalation: UIText.escalation.text(language)
        }
    }

    /// A title bar across the area, `* ` and the focused role when it has focus.
    static func render(_ p: Pane, _ text: String, focused: Bool, into s: inout Screen, area: Rect) {
        let label = (focused ? "* " : "  ") + "\(p.rawValue + 1) " + text
        s.putPadded(label, x: area.x, y: area.y, width: area.width, role: focused ? .focusedTitle : .title)
    }

    /// The narrow layout's tabs, `1 キュー  2 案件詳細  3 …`, with the focused one reversed.
    static func tabs(focus: Pane, _ language: Language, into s: inout Screen, y: Int) {
        var x = 0
        for p in Pane.allCases {
            x += s.put(" \(p.rawValue + 1) \(name(p, language)) ", x: x, y: y, role: p == focus ? .focusedTitle : .muted) + 1
        }
    }
}
