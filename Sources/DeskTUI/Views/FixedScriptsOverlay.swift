import DeskDomain

/// `F`: the fixed scripts in the policy's words, Japanese and English, to read as written.
struct FixedScriptsOverlay: Translated {
    let policy: PolicyTable
    let language: Language

    func render(into s: inout Screen) {
        let inner = DialogBox.draw(&s, width: 110, height: s.height)
        s.put(t(.fixedScriptsTitle) + " — " + KeyMap.keyName(.close, in: .fixedScripts), x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, role: .title)
        var y = inner.y + 1
        for id in PolicyTable.fixedScripts {
            guard let sc = policy.script(id), y < inner.maxY else { continue }
            s.put(id, x: inner.x + 1, y: y, maxWidth: inner.width - 2, role: .header)
            y += 1
            for l in [sc.ja, sc.en] {
                for w in DisplayWidth.wrap(l, width: inner.width - 4) where y < inner.maxY {
                    s.put(w, x: inner.x + 3, y: y, maxWidth: inner.width - 4, role: .dialog)
                    y += 1
                }
            }
        }
    }
}
