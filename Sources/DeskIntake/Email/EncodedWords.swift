import DeskDomain
import Foundation

/// RFC 2047 encoded-words (`=?ISO-2022-JP?B?GyRC...?=`, `=?UTF-8?Q?=E5=A0=B1_?=`), found anywhere in the text
/// as mail clients do, not only between spaces. Adjacent words lose the white space between them, and words
/// in the same charset are joined before decoding, so a character split across two words still reads.
/// A word that does not decode as its B or Q says stays as written.
///
/// GMime decodes these too, but through glibc's iconv: it turns ① and 髙 in Shift_JIS or ISO-2022-JP into `?`,
/// and a UTF-8 character split across two words into two `?`. So the words are decoded here, by `Charsets`.
enum EncodedWords {
    static func decode(_ s: String, what: String) throws(InputError) -> String {
        try rewrite(s, what: what) { $0 }
    }

    /// The text with each run of adjacent words made one UTF-8 word, for GMime's address parser to decode
    /// losslessly (a decoded name may hold `,` or `<`, so it cannot be handed over decoded).
    static func asUTF8Words(_ s: String, what: String) throws(InputError) -> String {
        try rewrite(s, what: what) { text throws(InputError) in
            // GMime keeps the C string it decodes to: a NUL would silently cut the name there.
            if text.unicodeScalars.contains(where: { $0.value < 0x20 && $0.value != 0x09 || (0x7F...0x9F).contains($0.value) }) {
                throw .invalid(what, expected: "no control characters")
            }
            return text.isEmpty ? "" : "=?UTF-8?B?" + Data(text.utf8).base64EncodedString() + "?="
        }
    }

    /// `render` gets the decoded text of each run of adjacent words.
    private static func rewrite(_ s: String, what: String,
                                render: (String) throws(InputError) -> String) throws(InputError) -> String {
        guard s.contains("=?") else { return s }
        let b = Array(s.utf8)
        var out: [UInt8] = []
        var run: String? = nil                       // decoded text of the current run of words
        var pending: (charset: String, bytes: [UInt8])? = nil
        var gap: [UInt8] = []                       // white space after a word, dropped if another word follows
        func flush() throws(InputError) {
            if let p = pending { run = (run ?? "") + (try Charsets.decode(p.bytes, label: p.charset, what: what)) }
            pending = nil
        }
        func endRun() throws(InputError) {
            try flush()
            if let r = run { out += Array(try render(r).utf8) }
            run = nil
        }
        var i = 0
        while i < b.count {
            if b[i] == 0x3D, let w = word(b, i) {
                let (charset, bytes, end) = w
                if let p = pending, Charsets.normalized(p.charset) == Charsets.normalized(charset) {
                    pending!.bytes += bytes
                } else {
                    try flush()
                    pending = (charset, bytes)
                }
                gap = []
                i = end
                continue
            }
            if pending != nil {
                if b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0D || b[i] == 0x0A { gap.append(b[i]); i += 1; continue }
                try endRun()
                out += gap
                gap = []
            }
            out.append(b[i]); i += 1
        }
        try endRun()
        out += gap
        return String(decoding: out, as: UTF8.self)
    }

    /// The encoded-word at `i`: its charset (language suffix kept; `Charsets` drops it), decoded bytes and end.
    private static func word(_ b: [UInt8], _ i: Int) -> (String, [UInt8], Int)? {
        guard i + 1 < b.count, b[i] == 0x3D, b[i + 1] == 0x3F else { return nil }
        var j = i + 2
        while j < b.count, b[j] > 0x20, b[j] < 0x7F, b[j] != 0x3F { j += 1 }
        guard j > i + 2, j - i - 2 <= 60, j + 2 < b.count, b[j] == 0x3F, b[j + 2] == 0x3F else { return nil }
        let charset = String(decoding: b[(i + 2)..<j], as: UTF8.self)
        let kind = b[j + 1] | 0x20
        let start = j + 3
        var k = start
        while k < b.count, b[k] > 0x20, b[k] < 0x7F, b[k] != 0x3F { k += 1 }
        guard k + 1 < b.count, b[k] == 0x3F, b[k + 1] == 0x3D else { return nil }
        let text = b[start..<k]
        let bytes: [UInt8]
        switch kind {
        case 0x62:  // b
            guard EmailParser.base64Junk(text) == nil else { return nil }
            bytes = GMimeCodec.decode(text, base64: true)
        case 0x71:  // q: quoted-printable, with `_` for a space
            bytes = GMimeCodec.decode(ArraySlice(text.map { $0 == 0x5F ? 0x20 : $0 }), base64: false)
        default:
            return nil
        }
        return (charset, bytes, k + 2)
    }
}
