/// A one-line input above the status line, with the real cursor at the caret, and its hint in the status line.
struct InputLine {
    let label: String
    let field: TextField
    var hint: String?

    func render(into s: inout Screen) {
        let f = field
        let y = s.height - 2
        s.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .input)
        let lw = s.put(label, x: 0, y: y, role: .title)
        let room = s.width - lw - 1
        let before = String(f.text.prefix(f.caret))
        // Keep the caret in view: show the tail of long text.
        var shown = f.text, offset = 0
        while DisplayWidth.of(String(shown.prefix(f.caret - offset))) > room - 1 { shown.removeFirst(); offset += 1 }
        s.put(shown, x: lw, y: y, maxWidth: room, role: .input)
        s.cursor = (lw + min(room, DisplayWidth.of(String(before.dropFirst(offset)))), y)
        if let hint { s.putPadded(" " + hint, x: 0, y: s.height - 1, width: s.width, role: .hint) }
    }
}
