import DeskDomain

/// `M`: an organization's totals for a month, the chart the model laid out at `Layout.monthly`'s width.
struct MonthlyOverlay: Translated {
    let organizationName: String
    let month: Month
    /// The chart's lines; nil while the month shown has not loaded.
    let lines: [String]?
    let scroll: Int
    let language: Language

    func render(into s: inout Screen) {
        let inner = DialogBox.draw(&s, width: 96, height: s.height)       // Layout.monthly, which the model scrolls by
        s.put("\(t(.monthlyTitle)) — " + Sanitizer.visible(organizationName) + " — \(month)", x: inner.x + 1, y: inner.y,
              maxWidth: inner.width - 2, role: .title)
        if let lines {
            let rows = max(1, inner.height - 2), top = max(0, min(scroll, lines.count - rows))
            for (i, l) in lines.dropFirst(top).prefix(rows).enumerated() {
                s.put(l, x: inner.x + 1, y: inner.y + 1 + i, maxWidth: inner.width - 2, role: .dialog)
            }
        } else {
            s.put(t(.loading), x: inner.x + 1, y: inner.y + 1, role: .muted)
        }
        s.put(KeyMap.hint(.monthly, language), x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, role: .key)
    }
}
