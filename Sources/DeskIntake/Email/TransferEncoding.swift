import DeskDomain
import Foundation

/// Content-Transfer-Encoding. Each decoder also only counts, so that a size can be checked before anything is stored.
enum TransferEncoding {
    case identity, quotedPrintable, base64

    static func named(_ value: String?, what: String) throws(InputError) -> TransferEncoding {
        let v = MIMEValue.dropComments(value ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        switch v {
        case "", "7bit", "8bit", "binary": return .identity
        case "quoted-printable": return .quotedPrintable
        case "base64": return .base64
        default:
            throw .invalid(what, expected: "in a Content-Transfer-Encoding the desk can read (7bit, 8bit, binary, "
                + "quoted-printable or base64), not \"\(Sanitizer.visible(String(v.prefix(40))))\"")
        }
    }

    /// The decoded size, checking the content as `decode` would.
    func decodedSize(_ b: [UInt8], _ r: Range<Int>, what: String) throws(InputError) -> Int {
        var none: [UInt8]? = nil
        return try run(b, r, into: &none, what: what)
    }

    func decode(_ b: [UInt8], _ r: Range<Int>, what: String) throws(InputError) -> [UInt8] {
        var out: [UInt8]? = []
        _ = try run(b, r, into: &out, what: what)
        return out ?? []
    }

    private func run(_ b: [UInt8], _ r: Range<Int>, into out: inout [UInt8]?, what: String) throws(InputError) -> Int {
        switch self {
        case .identity:
            out?.append(contentsOf: b[r])
            return r.count
        case .quotedPrintable:
            return Self.quotedPrintable(b, r, into: &out)
        case .base64:
            return try Self.base64(b, r, into: &out, what: what)
        }
    }

    /// Soft line breaks (`=` then optional white space then a line end) vanish; `=XX` in either case is a byte;
    /// any other `=` stays as written, as mail clients keep it.
    static func quotedPrintable(_ b: [UInt8], _ r: Range<Int>, into out: inout [UInt8]?) -> Int {
        var n = 0, i = r.lowerBound
        out?.reserveCapacity(r.count)
        while i < r.upperBound {
            let c = b[i]
            if c == 0x3D {
                var j = i + 1
                while j < r.upperBound, Bytes.isWSP(b[j]) { j += 1 }
                if j == r.upperBound { i = j; continue }
                if b[j] == 0x0A { i = j + 1; continue }
                if b[j] == 0x0D, j + 1 < r.upperBound, b[j + 1] == 0x0A { i = j + 2; continue }
                if i + 2 < r.upperBound, let h = Bytes.hex(b[i + 1]), let l = Bytes.hex(b[i + 2]) {
                    out?.append(h << 4 | l); n += 1; i += 3
                    continue
                }
            }
            out?.append(c); n += 1; i += 1
        }
        return n
    }

    private static let base64Table: [Int8] = {
        var t = [Int8](repeating: -1, count: 256)
        for (v, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() { t[Int(c)] = Int8(v) }
        for c in [0x20, 0x09, 0x0D, 0x0A] { t[c] = -2 }
        t[0x3D] = -3
        return t
    }()

    /// White space and line breaks are skipped; `=` ends a group (so joined encodings still read); any other
    /// character outside the alphabet is refused with its offset.
    static func base64(_ b: [UInt8], _ r: Range<Int>, into out: inout [UInt8]?, what: String) throws(InputError) -> Int {
        var n = 0, acc: UInt32 = 0, bits = 0
        out?.reserveCapacity(r.count / 4 * 3)
        for i in r {
            let v = base64Table[Int(b[i])]
            if v >= 0 {
                acc = acc << 6 | UInt32(v)
                bits += 6
                if bits >= 8 {
                    bits -= 8
                    out?.append(UInt8(truncatingIfNeeded: acc >> UInt32(bits)))
                    n += 1
                }
            } else if v == -3 {
                acc = 0; bits = 0
            } else if v == -1 {
                throw .invalid(what, expected: "valid base64 (byte \(i - r.lowerBound) of its content is not)")
            }
        }
        return n
    }
}
