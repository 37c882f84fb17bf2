import DeskDomain

/// The bottom line: the last message, or the focused pane's keys from the key table, cut by display width, with
/// `?` help always at the right.
struct StatusLine: Translated {
    let message: StatusMessage?
    let focus: Pane
    let language: Language
    var keys: KeyTable = .standard

    func render(into s: inout Screen) {
        let y = s.height - 1
        if let msg = message {
            s.putPadded(" " + Sanitizer.visible(msg.text), x: 0, y: y, width: s.width, role: msg.isError ? .error : .ok)
            return
        }
        s.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .hint)
        let shown = keys.bindings.filter { $0.hintIn?.contains(focus) ?? true }
        guard let help = shown.first(where: { $0.action == .openHelp }) else { return }
        let reserve = DisplayWidth.of("\(help.keys[0]) \(t(help.help))") + 2
        var x = 1
        for b in shown where b.action != .openHelp {
            let key = b.keys[0].description, label = t(b.help)
            let w = DisplayWidth.of(key) + 1 + DisplayWidth.of(label) + 2
            if x + w > s.width - reserve { break }
            x += s.put(key, x: x, y: y, role: .key) + 1
            x += s.put(label, x: x, y: y, role: .hint) + 2
        }
        let hx = s.width - reserve + 1
        s.put(help.keys[0].description, x: hx, y: y, role: .key)
        s.put(t(help.help), x: hx + DisplayWidth.of(help.keys[0].description) + 1, y: y, role: .hint)
    }
}
