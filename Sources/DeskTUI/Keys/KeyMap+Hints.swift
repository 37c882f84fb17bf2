import DeskDomain

/// Dialogs' hint lines, generated from their bindings like the status line from the panes' table.
extension KeyMap {
    /// The hint line of a context in a language: its bindings in table order, those that share a help text as one
    /// entry ("↑↓ choose"). Worked out once, not per frame.
    public static func hint(_ c: KeyContext, _ lang: Language) -> String { hints[c]?[lang] ?? "" }

    /// A prompt's words, then its hint: "Type  Enter: confirm  Esc: cancel".
    public static func hint(_ c: KeyContext, after phrase: UIText, _ lang: Language) -> String {
        phrase.text(lang) + "  " + hint(c, lang)
    }

    /// Only the keys, for a question with room for nothing else ("y/N").
    public static func keysHint(_ c: KeyContext) -> String {
        bindings(in: c).filter { $0.hinted > 0 }.map { $0.keys[0].description }.joined(separator: "/")
    }

    /// The first key of `action` in `context`, as the hint line names it.
    public static func keyName(_ action: DialogAction, in c: KeyContext) -> String { dialogKeyNames[c]?[action] ?? "" }

    private static let dialogKeyNames = Dictionary(uniqueKeysWithValues: KeyContext.allCases.map { c in
        (c, Dictionary(bindings(in: c).map { ($0.action, $0.keys.first?.description ?? "") }, uniquingKeysWith: { first, _ in first }))
    })

    private static let hints = Dictionary(uniqueKeysWithValues: KeyContext.allCases.map { c in
        (c, Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, makeHint(c, $0)) }))
    })

    private static func makeHint(_ c: KeyContext, _ lang: Language) -> String {
        var entries: [(keys: String, help: UIText)] = []
        for b in bindings(in: c) where b.hinted > 0 {
            let keys = b.keys.prefix(b.hinted).map(\.description).joined(separator: c.keySeparator(lang))
            if let last = entries.last, last.help == b.help {
                entries[entries.count - 1].keys += keys
            } else {
                entries.append((keys, b.help))
            }
        }
        return entries.map { $0.keys + c.hintSeparator + $0.help.text(lang) }.joined(separator: "  ")
    }
}
