/// Makes untrusted text safe for a terminal: controls, escape sequences and bidi overrides become
/// visible markers; nothing that a terminal would interpret is left.
public enum Sanitizer {
    /// One line: newlines and tabs become markers too.
    public static func visible(_ text: String) -> String { clean(text, keepNewlines: false) }

    /// Several lines: `\n` stays, everything else as in `visible`.
    public static func visibleLines(_ text: String) -> String { clean(text, keepNewlines: true) }

    /// Decodes bytes as UTF-8; invalid sequences become U+FFFD.
    public static func decode(_ bytes: some Collection<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    private static func clean(_ text: String, keepNewlines: Bool) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let v = s.value
            switch v {
            case 0x0A where keepNewlines:
                out.append(s)
            case 0x00...0x1F:
                out.append(Unicode.Scalar(0x2400 + v)!)          // ␀ … ␟ (ESC shows as ␛)
            case 0x7F:
                out.append("\u{2421}")                           // ␡
            case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C, 0x2028, 0x2029:
                out.append(contentsOf: "<U+\(String(v, radix: 16, uppercase: true))>".unicodeScalars)
            default:
                out.append(s)
            }
        }
        return String(out)
    }
}
