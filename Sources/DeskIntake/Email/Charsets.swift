import DeskDomain
import Foundation
#if canImport(Glibc)
import Glibc
#else
import Darwin     // iconv is in libSystem there; only glibc is tested
#endif

/// Turns text in a labelled charset into a String, with glibc's iconv for all but UTF-8, ASCII and ISO-2022-JP.
/// Japanese labels are read as Windows reads them (CP932 and its EUC/JIS forms), because that is what
/// Japanese mail labelled Shift_JIS, EUC-JP or ISO-2022-JP actually carries (①, ㈱, 髙, ～).
enum Charsets {
    static func decode(_ bytes: [UInt8], label: String?, what: String) throws(InputError) -> String {
        let name = normalized(label)
        switch name {
        case "", "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "csascii":
            // Unlabelled or ASCII-labelled 8-bit text is nearly always UTF-8 in practice.
            if let bad = WebFormParser.firstInvalidUTF8(Data(bytes)) {
                throw .invalid(what, expected: "US-ASCII or UTF-8 text, as it names no other character set (byte \(bad) is not)")
            }
            return String(decoding: bytes, as: UTF8.self)
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8":
            if let bad = WebFormParser.firstInvalidUTF8(Data(bytes)) { throw badText(what, name, bad) }
            return String(decoding: bytes, as: UTF8.self)
        case "iso-2022-jp", "csiso2022jp", "iso2022jp", "jis", "x-jis", "cp50220", "cp50221", "cp50222",
             "iso-2022-jp-1", "iso-2022-jp-2", "csiso2022jp2":
            switch ISO2022JP.toCP932(bytes) {
            case let .sjis(sjis, offsets):
                switch iconvDecode(sjis, from: "CP932") {
                case .success(let out): return out
                case .failure(.bad(let at)): throw badText(what, name, at < offsets.count ? offsets[at] : bytes.count)
                case .failure(.unknown): throw unknown(what, name)
                }
            case .bad(let at):
                throw badText(what, name, at)
            case .otherSets:
                // JIS X 0212 or the ISO-2022-JP-2 sets, which CP932 lacks; glibc reads them.
                return try viaIconv(bytes, "ISO-2022-JP-2", what, name)
            }
        case "iso-2022-jp-3", "iso-2022-jp-2004":
            return try viaIconv(bytes, "ISO-2022-JP-3", what, name)
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "windows-31j", "cswindows31j",
             "cp932", "ms932", "x-ms-cp932", "ibm-943":
            return try viaIconv(bytes, "CP932", what, name)
        case "euc-jp", "eucjp", "x-euc-jp", "cseucpkdfmtjapanese", "euc-jp-ms", "eucjp-ms", "eucjp-win":
            return try viaIconv(bytes, iconvKnows("EUC-JP-MS") ? "EUC-JP-MS" : "EUC-JP", what, name)
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "cp819", "ibm819", "csisolatin1":
            // As browsers do: mail labelled Latin-1 is mostly Windows-1252 (curly quotes in 0x80–0x9F).
            return try viaIconv(bytes, "CP1252", what, name)
        default:
            // Any other label glibc knows; the character check keeps options like `//TRANSLIT` out.
            let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_.:+")
            guard name.count <= 40, name.allSatisfy({ allowed.contains($0) }) else { throw unknown(what, name) }
            return try viaIconv(bytes, name.uppercased(), what, name)
        }
    }

    /// Lower-cased, unquoted, without an RFC 2231 language suffix (`utf-8*ja`).
    static func normalized(_ label: String?) -> String {
        var s = (label ?? "").trimmingCharacters(in: .whitespaces)
        if s.hasPrefix("\""), s.hasSuffix("\""), s.count >= 2 { s = String(s.dropFirst().dropLast()) }
        if let star = s.firstIndex(of: "*") { s = String(s[..<star]) }
        return s.lowercased()
    }

    static func unknown(_ what: String, _ name: String) -> InputError {
        .invalid(what, expected: "in a character set the desk can read (UTF-8, ISO-2022-JP, Shift_JIS, EUC-JP, "
            + "ISO-8859-1 and the others glibc knows); \"\(Sanitizer.visible(String(name.prefix(40))))\" is not one")
    }

    static func badText(_ what: String, _ name: String, _ offset: Int) -> InputError {
        .invalid(what, expected: "valid \(Sanitizer.visible(String(name.prefix(40)))) text (byte \(offset) of its decoded content is not)")
    }

    private static func viaIconv(_ bytes: [UInt8], _ iconvName: String, _ what: String, _ name: String) throws(InputError) -> String {
        switch iconvDecode(bytes, from: iconvName) {
        case .success(let s): return s
        case .failure(.unknown): throw unknown(what, name)
        case .failure(.bad(let at)): throw badText(what, name, at)
        }
    }

    enum Failure: Error { case unknown, bad(Int) }

    static func iconvKnows(_ name: String) -> Bool {
        let cd = iconv_open("UTF-8", name)
        if cd == iconv_t(bitPattern: -1) { return false }
        iconv_close(cd)
        return true
    }

    /// Converts to UTF-8, growing the output on E2BIG; an invalid or cut-off sequence is a failure at its offset.
    static func iconvDecode(_ bytes: [UInt8], from name: String) -> Result<String, Failure> {
        let cd = iconv_open("UTF-8", name)
        if cd == iconv_t(bitPattern: -1) { return .failure(.unknown) }
        defer { iconv_close(cd) }
        if bytes.isEmpty { return .success("") }
        var input = bytes
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        var chunk = [UInt8](repeating: 0, count: min(max(bytes.count * 3, 256), 1 << 20))
        let total = input.count
        var failedAt: Int? = nil
        input.withUnsafeMutableBufferPointer { inBuf in
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
            var inLeft = total
            var flushing = false
            while true {
                let (r, err, produced): (Int, Int32, Int) = chunk.withUnsafeMutableBufferPointer { outBuf in
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuf.count
                    // The final call with no input writes any closing shift state.
                    let r = flushing ? iconv(cd, nil, nil, &outPtr, &outLeft) : iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    return (r, r == -1 ? errno : 0, outBuf.count - outLeft)
                }
                out.append(contentsOf: chunk[0..<produced])
                if r != -1 {
                    if flushing { break }
                    flushing = true
                } else if err == E2BIG {
                    continue
                } else {
                    failedAt = total - inLeft
                    break
                }
            }
        }
        if let at = failedAt { return .failure(.bad(at)) }
        return .success(String(decoding: out, as: UTF8.self))
    }
}

/// ISO-2022-JP as CP50221 reads it: JIS X 0208 with the NEC and IBM rows, and half-width katakana (ESC ( I, or
/// SO/SI as CP50220 writes it). glibc's ISO-2022-JP decoders refuse row 13 (①, ㈱), common in real mail, so the
/// JIS codes are turned into CP932 bytes here (a fixed arithmetic mapping) and CP932 decodes them.
enum ISO2022JP {
    enum Outcome {
        /// CP932 bytes, with the input offset each came from.
        case sjis([UInt8], offsets: [Int])
        case bad(Int)
        /// Uses a set CP932 does not have (JIS X 0212, the ISO-2022-JP-2 sets).
        case otherSets
    }

    private enum Mode { case ascii, kanji, kana }

    static func toCP932(_ b: [UInt8]) -> Outcome {
        var out: [UInt8] = [], offsets: [Int] = []
        out.reserveCapacity(b.count)
        offsets.reserveCapacity(b.count)
        var mode = Mode.ascii, shifted = false
        var i = 0
        func at(_ k: Int) -> UInt8? { k < b.count ? b[k] : nil }
        while i < b.count {
            let c = b[i]
            if c == 0x1B {
                switch (at(i + 1), at(i + 2), at(i + 3)) {
                case (0x28, 0x42?, _), (0x28, 0x4A?, _), (0x28, 0x48?, _): mode = .ascii; i += 3
                case (0x28, 0x49?, _): mode = .kana; i += 3
                case (0x24, 0x40?, _), (0x24, 0x42?, _): mode = .kanji; i += 3
                case (0x24, 0x28?, 0x42?), (0x24, 0x28?, 0x40?): mode = .kanji; i += 4
                case (0x26, 0x40?, _): i += 3     // JIS X 0208-1990 announcer; ESC $ B follows
                case (0x24, 0x28?, _), (0x24, 0x41?, _), (0x2E, _, _), (0x4E, _, _): return .otherSets
                default: return .bad(i)
                }
                continue
            }
            if c == 0x0E { shifted = true; i += 1; continue }
            if c == 0x0F { shifted = false; i += 1; continue }
            if c >= 0x80 { return .bad(i) }
            let m = shifted ? .kana : mode
            if c < 0x21 || c == 0x7F || m == .ascii {
                // Line ends and white space pass in any mode (lenient); controls are refused later, by scalar.
                out.append(c); offsets.append(i); i += 1
                continue
            }
            if m == .kana {
                guard c <= 0x5F else { return .bad(i) }
                out.append(c + 0x80); offsets.append(i); i += 1
                continue
            }
            guard let c2 = at(i + 1), (0x21...0x7E).contains(c2) else { return .bad(i) }
            let s1 = (c + 1) / 2 + (c < 0x5F ? 0x70 : 0xB0)
            let s2 = c & 1 == 1 ? c2 + (c2 < 0x60 ? 0x1F : 0x20) : c2 + 0x7E
            out.append(s1); out.append(s2); offsets.append(i); offsets.append(i)
            i += 2
        }
        return .sjis(out, offsets: offsets)
    }
}
