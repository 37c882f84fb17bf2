import DeskDomain

/// `?` and F1: the focused pane's keys first, then those that work everywhere, from the key table; keys the user
/// may not use now are greyed with the reason. Other panes' keys are in their help.
struct HelpOverlay: Translated {
    let focus: Pane
    /// Why each refused key is refused now.
    let refusals: [KeyAction: String]
    let language: Language
    var keys: KeyTable = .standard

    func render(into s: inout Screen) {
        let here = Self.merged(keys.bindings.filter { $0.scope?.contains(focus) == true })
        let everywhere = Self.merged(keys.bindings.filter { $0.scope == nil })
        let entries: [KeyBinding?] = [nil] + here + [nil] + everywhere
        let inner = DialogBox.draw(&s, width: 100, height: entries.count + 3)
        s.put("\(t(.helpTitle)): \(PaneTitle.name(focus, language)) — " + KeyMap.hint(.help, language), x: inner.x + 1, y: inner.y,
              maxWidth: inner.width - 2, role: .title)
        let rows = max(1, inner.height - 1)
        let columns = (entries.count + rows - 1) / rows
        let colWidth = max(10, (inner.width - 1) / columns)
        let keyWidth = min(24, colWidth / 3)
        var headers = [t(.thisPane), t(.everyPane)].makeIterator()
        for (i, entry) in entries.enumerated() {
            let x = inner.x + 1 + (i / rows) * colWidth, y = inner.y + 1 + i % rows
            guard let b = entry else {
                s.put("-- " + (headers.next() ?? ""), x: x, y: y, maxWidth: colWidth - 1, role: .header)
                continue
            }
            let keys = b.keys.map(\.description).joined(separator: " ")
            let why = refusals[b.action]
            s.put(DisplayWidth.fit(keys, width: keyWidth), x: x, y: y, maxWidth: keyWidth, role: why == nil ? .key : .muted)
            s.put(DisplayWidth.truncate(t(b.help) + (why.map { " (\(t(.notAllowed)): \($0))" } ?? ""), width: colWidth - keyWidth - 2),
                  x: x + keyWidth + 1, y: y, role: why == nil ? .dialog : .muted)
        }
    }

    /// Bindings that share a help text (PgUp/PgDn, 1 2 3, n/N) are one row with all their keys.
    static func merged(_ list: [KeyBinding]) -> [KeyBinding] {
        var out: [KeyBinding] = []
        for b in list {
            if let last = out.last, last.help == b.help {
                out[out.count - 1] = KeyBinding(keys: last.keys + b.keys, action: last.action, help: last.help,
                                                hintIn: last.hintIn, scope: last.scope)
            } else {
                out.append(b)
            }
        }
        return out
    }
}
