import Foundation

/// A line of text being typed: UTF-8, pasted text, Japanese from the IME, a caret.
public struct TextField: Equatable, Sendable {
    public var text: String = ""
    public var caret: Int = 0        // in Characters
    public var limit: Int = 20_000
    public init(text: String = "", limit: Int = 20_000) {
        self.text = text
        self.caret = text.count
        self.limit = limit
    }

    public mutating func insert(_ s: String) {
        // Pasted line ends and tabs become one space; controls and bidi marks are dropped: a field is one line of facts.
        let clean = String(s.replacingOccurrences(of: "\r\n", with: " ").unicodeScalars.compactMap { u -> Character? in
            if u == "\n" || u == "\r" || u == "\t" { return " " }
            if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || (0x202A...0x202E).contains(u.value)
                || (0x2066...0x2069).contains(u.value) || [0x200E, 0x200F, 0x061C, 0x2028, 0x2029].contains(u.value) { return nil }
            return Character(u)
        })
        let room = max(0, limit - text.count)
        let piece = String(clean.prefix(room))
        let before = text.count
        let i = text.index(text.startIndex, offsetBy: min(caret, before))
        text.insert(contentsOf: piece, at: i)
        // A combining mark or selector joins the character before it, so the count may grow by less than the piece.
        caret = min(text.count, min(caret, before) + (text.count - before))
    }

    public mutating func backspace() {
        caret = min(caret, text.count)
        guard caret > 0 else { return }
        let i = text.index(text.startIndex, offsetBy: caret - 1)
        text.remove(at: i)
        caret -= 1
    }

    public mutating func deleteForward() {
        caret = min(caret, text.count)
        guard caret < text.count else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: caret))
    }

    public var isBlank: Bool { text.trimmingCharacters(in: .whitespaces).isEmpty }
}
