/// Makes untrusted text safe for a terminal: controls, escape sequences, bidi overrides and every character that
/// draws nothing (zero-width, format, TAG, Prepend, default-ignorable, unassigned) become visible markers; nothing
/// that a terminal would interpret, or that would hide text, is left. The one place that decides how such a
/// character shows, for the console and the command line alike.
public enum Sanitizer {
    /// One line: newlines and tabs become markers too.
    public static func visible(_ text: String) -> String { clean(text, keepNewlines: false) }

    /// Several lines: `\n` stays, everything else as in `visible`.
    public static func visibleLines(_ text: String) -> String { clean(text, keepNewlines: true) }

    /// Decodes bytes as UTF-8; invalid sequences become U+FFFD.
    public static func decode(_ bytes: some Collection<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// `<U+200B>`: how a character that must not be drawn as itself is shown.
    public static func marker(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }

    /// A scalar that is never drawn as itself, wherever it stands: C0 and C1 controls, line and paragraph
    /// separators, format characters (zero-width spaces, bidi controls, BOM, TAG characters), Prepend characters
    /// (which would join the next character and hide it), other default-ignorable, unassigned and non-characters.
    /// The zero-width joiner and the variation selectors are not in it: they are shown in an emoji sequence or
    /// after a base, and marked elsewhere by `visible`.
    public static func isHidden(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        // The common cases first: the console sanitizes every text of every frame.
        if v >= 0x20 && v < 0x7F { return false }
        if v < 0xA0 { return true }
        if v < 0x300 { return v == 0xAD }
        if (0x3000...0x303F).contains(v) || (0x3041...0x3096).contains(v) || (0x3099...0x30FF).contains(v)
            || (0x4E00...0x9FFF).contains(v) || (0xFF01...0xFF9F).contains(v) { return false }
        if isJoinerOrSelector(v) { return false }
        let p = s.properties
        switch p.generalCategory {
        case .format, .control, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate: return true
        default: break
        }
        return p.isDefaultIgnorableCodePoint || p.isNoncharacterCodePoint || isPrepend(v)
    }

    /// Grapheme_Cluster_Break=Prepend (UAX #29, Unicode 16). Swift does not expose the property; most of these
    /// are format characters anyway, the rest letters that join the character after them.
    static let prepend: [ClosedRange<UInt32>] = [
        0x0600...0x0605, 0x06DD...0x06DD, 0x070F...0x070F, 0x0890...0x0891, 0x08E2...0x08E2, 0x0D4E...0x0D4E,
        0x110BD...0x110BD, 0x110CD...0x110CD, 0x111C2...0x111C3, 0x113D1...0x113D1, 0x1193F...0x1193F,
        0x11941...0x11941, 0x11A3A...0x11A3A, 0x11A84...0x11A89, 0x11D46...0x11D46, 0x11F02...0x11F02,
    ]

    static func isPrepend(_ v: UInt32) -> Bool { prepend.contains { $0.contains(v) } }

    /// The zero-width joiner and the variation selectors (standard, ideographic, Mongolian free ones).
    static func isJoinerOrSelector(_ v: UInt32) -> Bool {
        v == 0x200D || isVariationSelector(v)
    }

    static func isVariationSelector(_ v: UInt32) -> Bool {
        (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v) || (0x180B...0x180D).contains(v) || v == 0x180F
    }

    /// A mark that draws on the character before it.
    static func isMark(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    /// A pictograph (or skin tone) that an emoji ZWJ sequence joins; not the digits, `#` and `*`, which are emoji too.
    static func isPictograph(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0xA9 || (0x3041...0x30FF).contains(v) || (0x4E00...0x9FFF).contains(v) { return false }
        return s.properties.isEmoji
    }

    private static func clean(_ text: String, keepNewlines: Bool) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        // The last scalar written as itself; nil at the start of a line and after a marker, where a mark or a selector
        // has nothing to draw on (a mark after `<U+200B>` would sit on its `>`).
        var last: Unicode.Scalar?
        for (i, s) in scalars.enumerated() {
            let v = s.value
            switch v {
            case 0x0A where keepNewlines:
                out.append(s)
                last = nil
            case 0x00...0x1F:
                out.append(Unicode.Scalar(0x2400 + v)!)          // ␀ … ␟ (ESC shows as ␛)
                last = nil
            case 0x7F:
                out.append("\u{2421}")                           // ␡
                last = nil
            case 0x200D:
                // Kept only where it joins two pictographs (👨‍👩‍👧); elsewhere it shows nothing and may hide a join.
                if let p = last, isPictograph(p) || p.value == 0xFE0F, i + 1 < scalars.count, isPictograph(scalars[i + 1]) {
                    out.append(s)
                    last = s
                } else {
                    out.append(contentsOf: marker(s).unicodeScalars)
                    last = nil
                }
            case _ where isVariationSelector(v):
                // After a base it picks a glyph (❤️, 葛󠄀); alone it draws nothing.
                if last != nil {
                    out.append(s)
                    last = s
                } else {
                    out.append(contentsOf: marker(s).unicodeScalars)
                }
            case _ where isHidden(s):
                out.append(contentsOf: marker(s).unicodeScalars)
                last = nil
            default:
                if last == nil, isMark(s) { out.append("\u{25CC}") }     // a lone combining mark shows on a dotted circle
                out.append(s)
                last = s
            }
        }
        return String(out)
    }
}
