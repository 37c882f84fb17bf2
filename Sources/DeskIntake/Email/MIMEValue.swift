import DeskDomain
import Foundation

/// A structured MIME header value: `text/plain; charset="iso-2022-jp"` or
/// `attachment; filename*0*=UTF-8''%E5%A0%B1; filename*1*=%E5%91%8A.pdf`.
struct MIMEValue {
    /// Lower-cased, comments dropped (`text/plain`, `attachment`).
    var value: String
    /// Lower-cased names; RFC 2231 continuations joined and decoded; the first of a repeated name wins.
    var params: [String: String]

    static let maxSections = 1_000

    static func parse(_ s: String, what: String) throws(InputError) -> MIMEValue {
        let b = Array(s.utf8)
        var i = 0
        func skipCFWS() {
            while i < b.count {
                if Bytes.isWSP(b[i]) || b[i] == 0x0D || b[i] == 0x0A { i += 1 } else if b[i] == 0x28 { i = commentEnd(b, i) } else { break }
            }
        }
        skipCFWS()
        let start = i
        while i < b.count, b[i] != 0x3B { i += 1 }
        let main = dropComments(String(decoding: b[start..<i], as: UTF8.self)).filter { $0 != " " && $0 != "\t" }

        // name → (plain value, or RFC 2231 sections by number with their "encoded" flag)
        var plain: [String: String] = [:]
        var sections: [String: [Int: (String, Bool)]] = [:]
        var order: [String] = []
        while i < b.count {
            i += 1                                   // the ';'
            skipCFWS()
            let nameStart = i
            while i < b.count, b[i] > 0x20, b[i] != 0x3D, b[i] != 0x3B, b[i] != 0x28 { i += 1 }
            let name = String(decoding: b[nameStart..<i], as: UTF8.self).lowercased()
            skipCFWS()
            guard i < b.count, b[i] == 0x3D, !name.isEmpty else {
                while i < b.count, b[i] != 0x3B { i += 1 }
                continue
            }
            i += 1
            skipCFWS()
            var raw: [UInt8] = []
            if i < b.count, b[i] == 0x22 {
                i += 1
                while i < b.count, b[i] != 0x22 {
                    if b[i] == 0x5C, i + 1 < b.count { i += 1 }
                    raw.append(b[i]); i += 1
                }
                i += 1
                while i < b.count, b[i] != 0x3B { i += 1 }
            } else {
                // Unquoted values with spaces come from broken mailers; take all up to ';', less comments.
                let vStart = i
                while i < b.count, b[i] != 0x3B { i += 1 }
                raw = Array(dropComments(String(decoding: b[vStart..<i], as: UTF8.self))
                    .trimmingCharacters(in: [" ", "\t"]).utf8)
            }
            let value = String(decoding: raw, as: UTF8.self)

            let pieces = name.split(separator: "*", omittingEmptySubsequences: false)
            if pieces.count > 1, pieces.count <= 3, !pieces[0].isEmpty {
                let base = String(pieces[0])
                let encoded = pieces.last!.isEmpty
                var number = 0
                if pieces.count == 3 || !encoded {
                    guard let n = Int(pieces[1]), n >= 0, n < maxSections else { continue }
                    number = n
                }
                if sections[base] == nil { sections[base] = [:]; order.append(base) }
                if sections[base]![number] == nil { sections[base]![number] = (value, encoded) }
            } else if plain[name] == nil {
                plain[name] = value
            }
        }
        var params = plain
        for base in order {
            let parts = sections[base]!
            // A single `name*=` is section 0; sections join in order up to the first gap.
            var bytes: [UInt8] = [], charset: String? = nil, n = 0
            while let section = parts[n] {
                let (v, encoded) = section
                if encoded {
                    var text = Substring(v)
                    if n == 0 {
                        let q = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                        if q.count == 3 { charset = String(q[0]); text = q[2] }
                    }
                    bytes += percentDecoded(text)
                } else {
                    bytes += Array(v.utf8)
                }
                n += 1
            }
            if n > 0 {
                params[base] = try Charsets.decode(bytes, label: charset, what: what)
            }
        }
        return MIMEValue(value: main.lowercased(), params: params)
    }

    /// `%XX` to a byte; a `%` without two hex digits stays.
    static func percentDecoded(_ s: Substring) -> [UInt8] {
        let b = Array(s.utf8)
        var out: [UInt8] = [], i = 0
        while i < b.count {
            if b[i] == 0x25, i + 2 < b.count, let h = Bytes.hex(b[i + 1]), let l = Bytes.hex(b[i + 2]) {
                out.append(h << 4 | l); i += 3
            } else {
                out.append(b[i]); i += 1
            }
        }
        return out
    }

    /// The index after a comment that starts at `start` (`(`), nesting and `\` escapes included.
    static func commentEnd(_ b: [UInt8], _ start: Int) -> Int {
        var depth = 0, i = start
        while i < b.count {
            switch b[i] {
            case 0x5C: i += 1
            case 0x28: depth += 1
            case 0x29:
                depth -= 1
                if depth == 0 { return i + 1 }
            default: break
            }
            i += 1
        }
        return b.count
    }

    /// The text without `(comments)`, outside quoted strings.
    static func dropComments(_ s: String) -> String {
        guard s.contains("(") else { return s }
        let b = Array(s.utf8)
        var out: [UInt8] = [], i = 0, quoted = false
        while i < b.count {
            if b[i] == 0x22 { quoted.toggle() }
            if !quoted, b[i] == 0x28 { i = commentEnd(b, i); continue }
            out.append(b[i]); i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
