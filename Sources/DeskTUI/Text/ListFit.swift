/// A list on one line that never hides what it leaves out: as many items as fit, then "+N" for the rest.
enum ListFit {
    static func line(_ items: [String], width: Int, separator: String = " ") -> String {
        var out = ""
        for (i, item) in items.enumerated() {
            let piece = (out.isEmpty ? "" : separator) + item
            let rest = items.count - i - 1
            // Room for this item, and for "+N" after it if any are left.
            let tail = rest > 0 ? DisplayWidth.of(separator + "+\(rest)") : 0
            if DisplayWidth.of(out + piece) + tail > width {
                return out + (out.isEmpty ? "" : separator) + "+\(items.count - i)"
            }
            out += piece
        }
        return out
    }

    /// A line too long for `width`, wrapped at spaces, the lines after the first indented by `indent` under its text
    /// (a heading and its list of ids), so that no id is cut.
    static func hanging(_ line: String, width: Int, indent: Int = 4) -> [String] {
        guard DisplayWidth.of(line) > width, width > indent + 10 else { return [line] }
        let first = DisplayWidth.wrap(line, width: width)[0]
        // The first line is a prefix of `line`, broken at a space (dropped) or, in text without spaces, anywhere.
        var rest = line.dropFirst(first.count)
        if rest.first == " " { rest = rest.dropFirst() }
        let pad = String(repeating: " ", count: indent)
        return [first] + DisplayWidth.wrap(String(rest), width: width - indent).map { pad + $0 }
    }

    /// The items over as many lines of `width` as they need.
    static func lines(_ items: [String], width: Int, separator: String = " ") -> [String] {
        var lines: [String] = [], current = ""
        for item in items {
            let piece = (current.isEmpty ? "" : separator) + item
            if !current.isEmpty, DisplayWidth.of(current + piece) > width {
                lines.append(current)
                current = item
            } else {
                current += piece
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
