import Foundation

/// The readable text of an HTML body, for messages that have no text/plain: tags dropped (block tags become
/// line breaks), script, style and title content dropped, white space collapsed as a browser would, basic entities
/// decoded. Not a renderer; what was sent stays in `original`.
enum HTMLText {
    private static let dropped: Set<String> = ["script", "style", "title", "template"]
    private static let paragraph: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol",
                                                 "pre", "hr", "dl"]
    private static let line: Set<String> = ["br", "div", "tr", "li", "dt", "dd", "section", "article", "header",
                                            "footer", "address", "center", "form", "caption"]
    private static let entities: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "copy": "©", "reg": "®",
        "yen": "¥", "hellip": "…", "mdash": "—", "ndash": "–", "laquo": "«", "raquo": "»", "middot": "·",
        "times": "×", "divide": "÷", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "bull": "•",
        "trade": "™", "euro": "€",
    ]

    static func text(_ html: String) -> String {
        let s = Array(html.unicodeScalars)
        var out = String.UnicodeScalarView()
        var space = false, spaceBreaks = false, pre = 0, i = 0

        /// Kana, kanji, CJK punctuation and full-width forms: a source line break between two of them is no
        /// space (CSS Text 3 segment breaks), or Japanese paragraphs wrapped in the source read "店長から 「".
        func isWide(_ c: Unicode.Scalar) -> Bool {
            (0x2E80...0x9FFF).contains(c.value) || (0xF900...0xFAFF).contains(c.value) || (0xFF00...0xFF60).contains(c.value)
                || (0xFFE0...0xFFE6).contains(c.value) || (0x20000...0x3FFFF).contains(c.value)
        }
        func emit(_ c: Unicode.Scalar) {
            if pre == 0, c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" {
                if !space { spaceBreaks = false }
                space = true
                if c == "\n" || c == "\r" { spaceBreaks = true }
                return
            }
            if space, let last = out.last, last != "\n", !(spaceBreaks && isWide(last) && isWide(c)) { out.append(" ") }
            space = false
            out.append(c)
        }
        func breakLine(_ n: Int) {
            space = false
            while let last = out.last, last == " " { out.removeLast() }
            guard !out.isEmpty else { return }
            var have = 0
            for c in out.reversed() { if c == "\n", have < n { have += 1 } else { break } }
            for _ in have..<max(have, n) { out.append("\n") }
        }
        func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
            (0x41...0x5A).contains(c.value) ? Unicode.Scalar(c.value + 0x20)! : c
        }
        func isLetter(_ c: Unicode.Scalar) -> Bool { (0x41...0x5A).contains(c.value) || (0x61...0x7A).contains(c.value) }
        /// Index just after `needle` (ASCII, lower case) at or after `from`, case-insensitively; `s.count` if none.
        func after(_ needle: String, from: Int) -> Int {
            let n = Array(needle.unicodeScalars)
            var k = from
            while k + n.count <= s.count {
                if lower(s[k]) == n[0] {
                    var m = 1
                    while m < n.count, lower(s[k + m]) == n[m] { m += 1 }
                    if m == n.count { return k + n.count }
                }
                k += 1
            }
            return s.count
        }
        /// The end of a tag at `from` (`<`): after its `>`, skipping quoted attribute values.
        func tagEnd(_ from: Int) -> Int {
            var k = from + 1, quote: Unicode.Scalar? = nil
            while k < s.count {
                if let q = quote { if s[k] == q { quote = nil } } else if s[k] == "\"" || s[k] == "'" { quote = s[k] } else if s[k] == ">" { return k + 1 }
                k += 1
            }
            return s.count
        }

        while i < s.count {
            let c = s[i]
            if c == "<", i + 1 < s.count {
                let n = s[i + 1]
                if n == "!" || n == "?" {
                    i = i + 3 < s.count && s[i + 2] == "-" && s[i + 3] == "-" ? after("-->", from: i + 4) : tagEnd(i)
                    continue
                }
                let closing = n == "/"
                var k = closing ? i + 2 : i + 1
                if k < s.count, isLetter(s[k]) {
                    var name = ""
                    while k < s.count, isLetter(s[k]) || (0x30...0x39).contains(s[k].value) {
                        name.unicodeScalars.append(lower(s[k])); k += 1
                    }
                    i = tagEnd(i)
                    if !closing, dropped.contains(name) {
                        i = tagEnd(max(i, after("</" + name, from: i)) - 1)
                        continue
                    }
                    if name == "pre" { pre = max(0, pre + (closing ? -1 : 1)) }
                    if paragraph.contains(name) { breakLine(2) } else if line.contains(name) { breakLine(1) }
                    else if name == "td" || name == "th", !closing { space = true; spaceBreaks = false }
                    continue
                }
            }
            if c == "&", let e = entity(s, i) {
                let (scalar, end) = e
                if scalar == " " { if space, out.last != nil, out.last != "\n" { out.append(" ") }; space = false; out.append(" ") }
                else { emit(scalar) }
                i = end
                continue
            }
            emit(c)
            i += 1
        }
        // Trailing spaces per line, and no more than one empty line in a row.
        var lines: [Substring] = []
        for l in String(out).split(separator: "\n", omittingEmptySubsequences: false) {
            var t = l
            while let last = t.last, last == " " || last == "\t" { t = t.dropLast() }
            if t.isEmpty, let prev = lines.last, prev.isEmpty { continue }
            lines.append(t)
        }
        while let first = lines.first, first.isEmpty { lines.removeFirst() }
        return lines.joined(separator: "\n")
    }

    /// `&name;`, `&#NNN;`, `&#xHH;` at `i`. Controls and invalid code points become U+FFFD, as in HTML.
    private static func entity(_ s: [Unicode.Scalar], _ i: Int) -> (Unicode.Scalar, Int)? {
        var k = i + 1
        while k < s.count, k - i <= 32, s[k] != ";", s[k] != "&" { k += 1 }
        guard k < s.count, s[k] == ";", k > i + 1 else { return nil }
        let body = String(String.UnicodeScalarView(s[(i + 1)..<k]))
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let hex = digits.first == "x" || digits.first == "X"
            guard let v = UInt32(hex ? String(digits.dropFirst()) : String(digits), radix: hex ? 16 : 10) else { return nil }
            let control = v < 0x20 && v != 0x09 && v != 0x0A || (0x7F...0x9F).contains(v)
            let scalar = control ? nil : Unicode.Scalar(v)
            return (scalar ?? "\u{FFFD}", k + 1)
        }
        return entities[body].map { ($0, k + 1) }
    }
}
