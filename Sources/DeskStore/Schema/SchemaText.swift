import Foundation

/// The CREATE statements SQLite keeps in `sqlite_schema`, with their names changed: how a rebuild makes tables and
/// indexes exactly like the live ones (every migration's columns included) under other names.
enum SchemaText {
    /// `sql` (`CREATE [VIRTUAL] TABLE name …` or `CREATE [UNIQUE] INDEX name ON table …`) creating `name` instead, and an
    /// index on `table`; nil when it is not such a statement.
    static func renamed(_ sql: String, to name: String, on table: String? = nil) -> String? {
        let s = Array(sql.utf8)
        var i = 0
        func skipSpace() { while i < s.count, s[i] == 0x20 || s[i] == 0x0A || s[i] == 0x0D || s[i] == 0x09 { i += 1 } }
        func word() -> String {
            skipSpace()
            let start = i
            while i < s.count, (s[i] | 0x20) >= 0x61 && (s[i] | 0x20) <= 0x7A { i += 1 }
            return String(decoding: s[start..<i], as: UTF8.self).uppercased()
        }
        /// The range of an identifier: bare, "quoted" (with "" inside), `quoted` or [bracketed].
        func identifier() -> Range<Int>? {
            skipSpace()
            guard i < s.count else { return nil }
            let start = i
            switch s[i] {
            case 0x22, 0x60:
                let q = s[i]
                i += 1
                while i < s.count {
                    if s[i] == q {
                        if i + 1 < s.count, s[i + 1] == q { i += 2; continue }
                        i += 1
                        return start..<i
                    }
                    i += 1
                }
                return nil
            case 0x5B:
                while i < s.count, s[i] != 0x5D { i += 1 }
                guard i < s.count else { return nil }
                i += 1
                return start..<i
            default:
                while i < s.count, s[i] == 0x5F || s[i] == 0x24 || (s[i] >= 0x30 && s[i] <= 0x39) || ((s[i] | 0x20) >= 0x61 && (s[i] | 0x20) <= 0x7A) {
                    i += 1
                }
                return i > start ? start..<i : nil
            }
        }
        guard word() == "CREATE" else { return nil }
        var kind = word()
        if kind == "UNIQUE" || kind == "VIRTUAL" { kind = word() }
        guard kind == "TABLE" || kind == "INDEX" else { return nil }
        let save = i
        if word() == "IF" { guard word() == "NOT", word() == "EXISTS" else { return nil } } else { i = save }
        guard let object = identifier() else { return nil }
        var replacements = [(object, quoted(name))]
        if kind == "INDEX" {
            guard let table, word() == "ON", let on = identifier() else { return nil }
            replacements.append((on, quoted(table)))
        }
        var out = s
        for (range, text) in replacements.reversed() { out.replaceSubrange(range, with: Array(text.utf8)) }
        return String(decoding: out, as: UTF8.self)
    }

    /// An identifier in double quotes.
    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
