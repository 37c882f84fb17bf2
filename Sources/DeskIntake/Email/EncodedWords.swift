import DeskDomain
import Foundation

/// RFC 2047 encoded-words (`=?ISO-2022-JP?B?GyRC...?=`, `=?UTF-8?Q?=E5=A0=B1_?=`), found anywhere in the text
/// as mail clients do, not only between spaces. Adjacent words lose the white space between them, and words
/// in the same charset are joined before decoding, so a character split across two words still reads.
/// A word that does not decode as its B or Q says stays as written.
enum EncodedWords {
    static func decode(_ s: String, what: String) throws(InputError) -> String {
        guard s.contains("=?") else { return s }
        let b = Array(s.utf8)
        var out: [UInt8] = []
        var pending: (charset: String, bytes: [UInt8])? = nil
        var gap: [UInt8] = []                       // white space after a word, dropped if another word follows
        func flush() throws(InputError) {
            if let p = pending { out += Array(try Charsets.decode(p.bytes, label: p.charset, what: what).utf8) }
            pending = nil
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
                if Bytes.isWSP(b[i]) || b[i] == 0x0D || b[i] == 0x0A { gap.append(b[i]); i += 1; continue }
                try flush()
                out += gap
                gap = []
            }
            out.append(b[i]); i += 1
        }
        try flush()
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
        let text = start..<k
        var bytes: [UInt8]? = []
        switch kind {
        case 0x62:  // b
            guard (try? TransferEncoding.base64(b, text, into: &bytes, what: "")) != nil else { return nil }
        case 0x71:  // q: as quoted-printable, with `_` for a space
            let underscored = b[text].map { $0 == 0x5F ? 0x20 : $0 }
            _ = TransferEncoding.quotedPrintable(underscored, 0..<underscored.count, into: &bytes)
        default:
            return nil
        }
        return (charset, bytes ?? [], k + 2)
    }
}
