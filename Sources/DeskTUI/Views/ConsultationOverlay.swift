import DeskDomain
import DeskApp

/// One consultation opened by a counsellor: its events and what people wrote, sanitized.
struct ConsultationOverlay: Translated {
    let id: ConsultationID
    let events: [EventEnvelope]
    let scroll: Int
    let language: Language
    /// The organizations' names by id (ids until loaded).
    var names: [OrganizationID: String] = [:]

    func render(into s: inout Screen) {
        let inner = DialogBox.draw(&s, width: 100, height: s.height)
        s.put("\(t(.consultationsTitle)) \(id)", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, role: .title)
        var lines: [String] = []
        for e in events {
            lines.append(Clock.short(e.recordedAt) + "  " + e.event.summary(language) + "  " + Sanitizer.visible(e.actor.user))
            for l in ConsultationText.lines(e.event, language: language, names: names) {
                lines += DisplayWidth.wrap("    " + l, width: max(1, inner.width - 2))
            }
        }
        let height = max(1, inner.height - 2), top = max(0, min(scroll, lines.count - height))
        for (i, l) in lines.dropFirst(top).prefix(height).enumerated() {
            s.put(l, x: inner.x + 1, y: inner.y + 1 + i, maxWidth: inner.width - 2, role: .dialog)
        }
        s.put(KeyMap.hint(.consultation, language), x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, role: .key)
    }
}
