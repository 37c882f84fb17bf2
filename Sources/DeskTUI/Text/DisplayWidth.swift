/// Terminal display width, computed here rather than by glibc's wcwidth (which lags on emoji).
public enum DisplayWidth {
    static func inRanges(_ v: UInt32, _ table: [(UInt32, UInt32)]) -> Bool {
        var lo = 0, hi = table.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if v < table[mid].0 { hi = mid - 1 } else if v > table[mid].1 { lo = mid + 1 } else { return true }
        }
        return false
    }

    /// 0, 1 or 2 cells for one scalar.
    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x7F { return v < 0x20 ? 0 : 1 }
        if inRanges(v, DisplayWidthTable.zero) { return 0 }
        return inRanges(v, DisplayWidthTable.wide) ? 2 : 1
    }

    /// The width of one grapheme cluster: its base, or 2 when an emoji presentation selector asks for it. The base is
    /// the first scalar that takes a cell: a Prepend character (U+0600) joins the one after it and takes none.
    public static func of(_ c: Character) -> Int {
        var w = 0
        var based = false
        for s in c.unicodeScalars {
            if !based {
                w = of(s)
                based = w > 0
            } else if s.value == 0xFE0F { w = 2 }
            // Half-width (semi-)voiced sound marks join the kana's cluster but take a cell of their own.
            else if s.value == 0xFF9E || s.value == 0xFF9F { w += 1 }
        }
        return w
    }

    public static func of(_ text: String) -> Int { text.reduce(0) { $0 + max(of($1), 0) } }

    /// The longest prefix that fits in `width` cells, never splitting a character or cluster.
    public static func prefix(_ text: String, width: Int) -> (text: String, width: Int) {
        var used = 0
        var end = text.startIndex
        for i in text.indices {
            let w = of(text[i])
            if used + w > width { break }
            used += w
            end = text.index(after: i)
        }
        return (String(text[..<end]), used)
    }

    /// Cut to `width` cells, ending with "…" when something was cut.
    public static func truncate(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        return prefix(text, width: width - 1).text + "…"
    }

    /// Pad with spaces (or cut) to exactly `width` cells.
    public static func fit(_ text: String, width: Int) -> String {
        let t = truncate(text, width: width)
        return t + String(repeating: " ", count: max(0, width - of(t)))
    }

    /// Wrap into lines of at most `width` cells, at spaces where possible, never inside a cluster.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for para in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", lineWidth = 0
            var lastSpace: String.Index?
            for ch in para {
                let w = of(ch)
                if lineWidth + w > width {
                    if let sp = lastSpace, sp > line.startIndex {
                        let rest = String(line[line.index(after: sp)...])
                        lines.append(String(line[..<sp]))
                        line = rest
                        lineWidth = of(rest)
                    } else {
                        lines.append(line)
                        line = ""
                        lineWidth = 0
                    }
                    lastSpace = nil
                }
                if ch == " " { lastSpace = line.endIndex }
                line.append(ch)
                lineWidth += w
            }
            lines.append(line)
        }
        return lines
    }
}
