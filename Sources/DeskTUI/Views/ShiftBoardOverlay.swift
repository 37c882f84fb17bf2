import DeskDomain
import DeskApp

/// `W`: who is on shift and what each holds, and the note for the next operator while ending a shift.
struct ShiftBoardOverlay: Translated {
    /// The rows the user may see (a supervisor everyone's, the others their own); nil until loaded.
    let rows: [ShiftBoardRow]?
    let scroll: Int
    let note: TextField?
    let language: Language

    func render(into s: inout Screen) {
        let inner = DialogBox.draw(&s, width: 100, height: s.height)
        s.put(t(.shiftTitle), x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, role: .title)
        var lines: [PaneLine] = []
        for r in rows ?? [] {
            let state = r.onShift ? "\(t(.onShift)) \(r.startedAt.map(Clock.japan) ?? "")"
                : "\(t(.offShift)) " + (r.endedAt.map(Clock.japan) ?? t(.noShiftYet))
            lines.append(PaneLine(Sanitizer.visible(r.member.user) + " (\(r.member.role.label(language)))  " + state + "  \(t(.holds)) \(r.held.count)",
                                  r.onShift ? .ok : .dialog))
            // Every held id, over as many lines as it takes: an id cut in half is a case nobody sees.
            for l in ListFit.lines(r.held.map(\.description), width: inner.width - 6) { lines.append(PaneLine("    " + l, .muted)) }
        }
        if rows == nil { lines = [PaneLine(t(.loading), .muted)] }
        let height = max(1, inner.height - 2), top = max(0, min(scroll, lines.count - height))
        for (i, l) in lines.dropFirst(top).prefix(height).enumerated() {
            s.put(l.text, x: inner.x + 1, y: inner.y + 1 + i, maxWidth: inner.width - 2, role: l.role)
        }
        s.put(KeyMap.hint(.shiftBoard, language), x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, role: .key)
        if let note { InputLine(label: t(.shiftNotePrompt) + ": ", field: note, hint: KeyMap.hint(.textInput, after: .typeText, language)).render(into: &s) }
    }
}
