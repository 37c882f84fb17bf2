import Foundation

/// Mailboxes in an address header (RFC 5322 §3.4, with the obsolete forms that still arrive): `名前 <a@b>`,
/// `"Yamada, Taro" <a@b>`, `a@b (Taro)`, groups (`undisclosed-recipients:;`). Display names are returned as
/// written, RFC 2047 words not yet decoded.
enum AddressList {
    struct Mailbox: Equatable {
        var name: String?
        var address: String
    }

    private enum Token: Equatable { case atom(String), quoted(String), comment(String), angle(String), comma, colon, semicolon }

    static func parse(_ value: String) -> [Mailbox] {
        var boxes: [Mailbox] = [], current: [Token] = [], hasAngle = false
        for t in tokens(value) {
            switch t {
            case .comma, .semicolon:
                if let m = mailbox(current) { boxes.append(m) }
                current = []; hasAngle = false
            case .colon where !hasAngle:
                current = []                          // a group's name
            default:
                if case .angle = t { hasAngle = true }
                current.append(t)
            }
        }
        if let m = mailbox(current) { boxes.append(m) }
        return boxes
    }

    private static func mailbox(_ ts: [Token]) -> Mailbox? {
        func words(_ ts: ArraySlice<Token>) -> [String] {
            ts.compactMap { t in
                switch t {
                case .atom(let s), .quoted(let s): s
                default: nil
                }
            }
        }
        if let a = ts.firstIndex(where: { if case .angle = $0 { true } else { false } }), case .angle(var addr) = ts[a] {
            if let colon = addr.lastIndex(of: ":") { addr = String(addr[addr.index(after: colon)...]) }   // obsolete route
            addr = addr.trimmingCharacters(in: .whitespaces)
            let name = words(ts[..<a]).joined(separator: " ").trimmingCharacters(in: .whitespaces)
            return Mailbox(name: name.isEmpty ? nil : name, address: addr)
        }
        let comment = ts.lazy.compactMap { t -> String? in if case .comment(let c) = t { c } else { nil } }.first
        var parts: [String] = []
        for t in ts {
            switch t {
            case .atom(let s): parts.append(s)
            case .quoted(let s): parts.append("\"\(s)\"")
            default: break
            }
        }
        guard !parts.isEmpty else { return nil }
        // `Name name@example.jp` without angle brackets: read the last word as the address.
        if parts.count > 1, let last = parts.last, last.contains("@"), !parts.dropLast().contains(where: { $0.contains("@") }) {
            let name = words(ts[...]).dropLast().joined(separator: " ")
            return Mailbox(name: name, address: last)
        }
        let name = comment?.trimmingCharacters(in: .whitespaces)
        return Mailbox(name: name?.isEmpty == false ? name : nil, address: parts.joined())
    }

    private static func tokens(_ value: String) -> [Token] {
        let s = Array(value.unicodeScalars)
        var out: [Token] = [], i = 0
        func delimited(_ close: Unicode.Scalar) -> String {
            var v = String.UnicodeScalarView()
            i += 1
            while i < s.count, s[i] != close {
                if s[i] == "\\", close != ">", i + 1 < s.count { i += 1 }
                v.append(s[i]); i += 1
            }
            i += 1
            return String(v)
        }
        while i < s.count {
            switch s[i] {
            case " ", "\t", "\r", "\n": i += 1
            case "\"": out.append(.quoted(delimited("\"")))
            case "<": out.append(.angle(delimited(">")))
            case ",": out.append(.comma); i += 1
            case ":": out.append(.colon); i += 1
            case ";": out.append(.semicolon); i += 1
            case "(":
                var v = String.UnicodeScalarView(), depth = 0
                while i < s.count {
                    if s[i] == "\\", i + 1 < s.count { i += 1; v.append(s[i]); i += 1; continue }
                    if s[i] == "(" { depth += 1; if depth == 1 { i += 1; continue } }
                    if s[i] == ")" { depth -= 1; if depth == 0 { i += 1; break } }
                    v.append(s[i]); i += 1
                }
                out.append(.comment(String(v)))
            default:
                var v = String.UnicodeScalarView()
                while i < s.count, !" \t\r\n\"<,:;(".unicodeScalars.contains(s[i]) { v.append(s[i]); i += 1 }
                out.append(.atom(String(v)))
            }
        }
        return out
    }

    /// `local@domain`, neither part empty, no white space, controls or address punctuation outside quotes.
    static func isPlausible(_ address: String) -> Bool {
        guard let at = address.lastIndex(of: "@") else { return false }
        let local = address[..<at], domain = address[address.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty else { return false }
        let specials = Set(" \t<>()[],;:\\\"@".unicodeScalars)
        if !(domain.hasPrefix("[") && domain.hasSuffix("]")),
           domain.unicodeScalars.contains(where: { specials.contains($0) || $0.value < 0x20 || $0.value == 0x7F }) { return false }
        if local.hasPrefix("\""), local.hasSuffix("\""), local.count >= 2 {
            return !local.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
        }
        return !local.unicodeScalars.contains { specials.contains($0) || $0.value < 0x20 || $0.value == 0x7F }
    }
}
