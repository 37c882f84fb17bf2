import DeskDomain
import Testing

@Suite("Sanitizer")
struct SanitizerTests {
    struct Hostile: Sendable, CustomTestStringConvertible {
        let name: String
        let input: String
        let visible: String
        let visibleLines: String
        init(_ name: String, _ input: String, _ visible: String, lines: String? = nil) {
            self.name = name
            self.input = input
            self.visible = visible
            self.visibleLines = lines ?? visible
        }
        var testDescription: String { name }
    }

    static let hostile: [Hostile] = [
        Hostile("an escape sequence shows its ESC", "\u{1B}[31mred", "␛[31mred"),
        Hostile("a screen-clearing sequence is inert", "\u{1B}[2J\u{1B}[H", "␛[2J␛[H"),
        Hostile("an OSC title sequence ending in BEL", "\u{1B}]0;pwned\u{07}", "␛]0;pwned␇"),
        Hostile("NUL", "a\u{0}b", "a␀b"),
        Hostile("BEL", "ring\u{07}", "ring␇"),
        Hostile("carriage return cannot overwrite the line", "safe\rEVIL", "safe␍EVIL"),
        Hostile("backspace cannot erase", "abc\u{08}\u{08}", "abc␈␈"),
        Hostile("DEL", "x\u{7F}y", "x␡y"),
        Hostile("tab", "a\tb", "a␉b"),
        Hostile("unit separator", "a\u{1F}b", "a␟b"),
        Hostile("C1 next line U+0085", "a\u{85}b", "a<U+85>b"),
        Hostile("C1 CSI U+009B", "\u{9B}31mred", "<U+9B>31mred"),
        Hostile("C1 U+0080", "\u{80}", "<U+80>"),
        Hostile("right-to-left override U+202E", "invoice\u{202E}fdp.exe", "invoice<U+202E>fdp.exe"),
        Hostile("left-to-right embedding U+202A", "\u{202A}x", "<U+202A>x"),
        Hostile("left-to-right isolate U+2066", "\u{2066}x\u{2069}", "<U+2066>x<U+2069>"),
        Hostile("directional marks", "\u{200E}\u{200F}\u{061C}", "<U+200E><U+200F><U+61C>"),
        Hostile("a newline is a marker on one line but kept across lines", "line1\nline2", "line1␊line2",
                lines: "line1\nline2"),
        Hostile("CRLF keeps only the line feed across lines", "a\r\nb", "a␍␊b", lines: "a␍\nb"),
        Hostile("Japanese passes unchanged", "フロントで長時間待たされた。", "フロントで長時間待たされた。"),
        Hostile("emoji pass unchanged", "👨‍👩‍👧‍👦🇯🇵👍🏽", "👨‍👩‍👧‍👦🇯🇵👍🏽"),
        Hostile("the control pictures themselves pass unchanged", "␛[31m", "␛[31m"),
        Hostile("empty text stays empty", "", ""),
    ]

    @Test("hostile text is shown with visible markers", arguments: SanitizerTests.hostile)
    func visible(_ h: Hostile) {
        #expect(Sanitizer.visible(h.input) == h.visible)
        #expect(Sanitizer.visibleLines(h.input) == h.visibleLines)
    }

    static func unsafeScalars(_ s: String, allowingNewline: Bool) -> [UInt32] {
        s.unicodeScalars.map(\.value).filter { v in
            if v == 0x0A && allowingNewline { return false }
            return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
                || v == 0x200E || v == 0x200F || v == 0x061C
        }
    }

    @Test("no control character, C1 or bidi control survives, for any of U+0000 to U+00FF and the bidi controls")
    func noControlSurvives() {
        var all = String.UnicodeScalarView()
        for v in UInt32(0)...0xFF { all.append(Unicode.Scalar(v)!) }
        for v in [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069] as [UInt32] {
            all.append(Unicode.Scalar(v)!)
        }
        let input = String(all)
        let one = Sanitizer.visible(input)
        let many = Sanitizer.visibleLines(input)
        #expect(Self.unsafeScalars(one, allowingNewline: false).isEmpty)
        #expect(Self.unsafeScalars(many, allowingNewline: true).isEmpty)
        #expect(!one.contains("\n"))
        #expect(many.unicodeScalars.filter { $0 == "\n" }.count == 1)
        // Printable ASCII and Latin-1 letters are kept as they are.
        #expect(one.contains(" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"))
        #expect(one.contains("éêë"))
    }

    @Test("every hostile example comes out safe", arguments: SanitizerTests.hostile)
    func outputIsSafe(_ h: Hostile) {
        #expect(Self.unsafeScalars(Sanitizer.visible(h.input), allowingNewline: false).isEmpty)
        #expect(Self.unsafeScalars(Sanitizer.visibleLines(h.input), allowingNewline: true).isEmpty)
    }

    @Test("invalid UTF-8 decodes to U+FFFD")
    func decodeInvalid() {
        #expect(Sanitizer.decode([0x61, 0xFF, 0x62] as [UInt8]) == "a\u{FFFD}b")
        #expect(Sanitizer.decode([0xC0, 0xAF] as [UInt8]).unicodeScalars.allSatisfy { $0 == "\u{FFFD}" })
        #expect(Sanitizer.decode([0xED, 0xA0, 0x80] as [UInt8]).unicodeScalars.allSatisfy { $0 == "\u{FFFD}" })
        #expect(Sanitizer.decode([0xE3, 0x81] as [UInt8]) == "\u{FFFD}")
        #expect(Sanitizer.decode(Array("窓口".utf8)) == "窓口")
        #expect(Sanitizer.decode([UInt8]()) == "")
    }

    @Test("decoded bytes with escapes are made visible")
    func decodeThenVisible() {
        let bytes: [UInt8] = [0x1B, 0x5B, 0x33, 0x31, 0x6D, 0xFE, 0x0D]
        #expect(Sanitizer.visible(Sanitizer.decode(bytes)) == "␛[31m\u{FFFD}␍")
    }
}

@Suite("reasons kept in clear")
struct ClearReasonTests {
    @Test("a reason is one printable line of at most 500 characters; each refusal names the field")
    func rules() throws {
        try ClearReason.check("APPI request #12 受付")
        #expect(throws: InputError.missing("reason")) { try ClearReason.check("   ") }
        #expect(throws: InputError.tooLong("reason", limit: 500, actual: 501)) { try ClearReason.check(String(repeating: "a", count: 501)) }
        #expect(throws: InputError.invalid("理由", expected: "printable characters on one line")) {
            try ClearReason.check("line\nbreak", field: "理由")
        }
        #expect(throws: InputError.self) { try ClearReason.check("esc \u{1B}[2J") }
    }
}
