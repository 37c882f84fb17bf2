import DeskDomain
import DeskApp

/// At login: the handovers left since the user's last shift; Enter starts theirs.
struct HandoversOverlay: Translated {
    let handovers: [HandoverRecord]
    let scroll: Int
    let language: Language

    func render(into s: inout Screen) {
        let inner = DialogBox.draw(&s, width: 100, height: s.height)
        s.put(t(.handoverTitle) + " (\(handovers.count))", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, role: .title)
        // Wrapped, not cut: the next operator needs every id of the lists.
        let lines = handovers.flatMap { HandoverText.lines($0, language: language) + [""] }
            .flatMap { ListFit.hanging($0, width: inner.width - 2) }
        let rows = max(1, inner.height - 2), top = max(0, min(scroll, lines.count - rows))
        for (i, l) in lines.dropFirst(top).prefix(rows).enumerated() {
            s.put(l, x: inner.x + 1, y: inner.y + 1 + i, maxWidth: inner.width - 2, role: .dialog)
        }
        s.put(KeyMap.hint(.handovers, language), x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, role: .key)
    }
}
