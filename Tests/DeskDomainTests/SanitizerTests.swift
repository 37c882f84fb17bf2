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
        Hostile("C1 next line U+0085", "a\u{85}b", "a<U+0085>b"),
        Hostile("C1 CSI U+009B", "\u{9B}31mred", "<U+009B>31mred"),
        Hostile("C1 U+0080", "\u{80}", "<U+0080>"),
        Hostile("right-to-left override U+202E", "invoice\u{202E}fdp.exe", "invoice<U+202E>fdp.exe"),
        Hostile("left-to-right embedding U+202A", "\u{202A}x", "<U+202A>x"),
        Hostile("left-to-right isolate U+2066", "\u{2066}x\u{2069}", "<U+2066>x<U+2069>"),
        Hostile("directional marks", "\u{200E}\u{200F}\u{061C}", "<U+200E><U+200F><U+061C>"),
        Hostile("a newline is a marker on one line but kept across lines", "line1\nline2", "line1␊line2",
                lines: "line1\nline2"),
        Hostile("CRLF keeps only the line feed across lines", "a\r\nb", "a␍␊b", lines: "a␍\nb"),
        Hostile("Japanese passes unchanged", "フロントで長時間待たされた。", "フロントで長時間待たされた。"),
        Hostile("emoji pass unchanged", "👨‍👩‍👧‍👦🇯🇵👍🏽", "👨‍👩‍👧‍👦🇯🇵👍🏽"),
        Hostile("the control pictures themselves pass unchanged", "␛[31m", "␛[31m"),
        Hostile("empty text stays empty", "", ""),
    ]

    /// Characters that draw nothing, or join and hide the next one: each becomes a marker (issue 17).
    static let invisible: [Hostile] = [
        Hostile("zero-width space U+200B", "山田\u{200B}太郎", "山田<U+200B>太郎"),
        Hostile("zero-width non-joiner U+200C", "a\u{200C}b", "a<U+200C>b"),
        Hostile("zero-width joiner U+200D between letters", "a\u{200D}b", "a<U+200D>b"),
        Hostile("zero-width joiner at the start", "\u{200D}👩", "<U+200D>👩"),
        Hostile("zero-width joiner after an emoji but before a letter", "👩\u{200D}a", "👩<U+200D>a"),
        Hostile("word joiner U+2060", "さん\u{2060}から", "さん<U+2060>から"),
        Hostile("invisible operators U+2061-U+2064", "\u{2061}\u{2062}\u{2063}\u{2064}", "<U+2061><U+2062><U+2063><U+2064>"),
        Hostile("byte order mark U+FEFF", "\u{FEFF}から", "<U+FEFF>から"),
        Hostile("Mongolian vowel separator U+180E", "a\u{180E}b", "a<U+180E>b"),
        Hostile("soft hyphen U+00AD", "ex\u{AD}ample", "ex<U+00AD>ample"),
        Hostile("Arabic letter mark U+061C", "\u{61C}x", "<U+061C>x"),
        Hostile("every bidi control", "\u{200E}\u{200F}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}",
                "<U+200E><U+200F><U+202A><U+202B><U+202C><U+202D><U+202E><U+2066><U+2067><U+2068><U+2069>"),
        Hostile("deprecated format controls U+206A-U+206F", "\u{206A}\u{206F}", "<U+206A><U+206F>"),
        Hostile("line and paragraph separators", "a\u{2028}b\u{2029}c", "a<U+2028>b<U+2029>c"),
        Hostile("language tag U+E0001", "x\u{E0001}y", "x<U+E0001>y"),
        Hostile("TAG characters hide ASCII text", "ok\u{E0020}\u{E0068}\u{E0069}\u{E007F}", "ok<U+E0020><U+E0068><U+E0069><U+E007F>"),
        Hostile("Prepend U+0600 would join the next character", "\u{600}a", "<U+0600>a"),
        Hostile("Prepend U+110BD (Kaithi number sign)", "\u{110BD}1", "<U+110BD>1"),
        Hostile("Prepend letter U+0D4E (Malayalam dot reph)", "\u{D4E}x", "<U+0D4E>x"),
        Hostile("Prepend letters U+111C2 and U+11A3A", "\u{111C2}\u{11A3A}", "<U+111C2><U+11A3A>"),
        Hostile("Hangul fillers draw nothing", "a\u{115F}\u{1160}\u{3164}\u{FFA0}b", "a<U+115F><U+1160><U+3164><U+FFA0>b"),
        Hostile("combining grapheme joiner U+034F", "a\u{34F}b", "a<U+034F>b"),
        Hostile("interlinear annotation U+FFF9", "\u{FFF9}x\u{FFFB}", "<U+FFF9>x<U+FFFB>"),
        Hostile("a variation selector alone", "\u{FE0F}x", "<U+FE0F>x"),
        Hostile("a variation selector after a marker", "\u{200B}\u{FE0E}", "<U+200B><U+FE0E>"),
        Hostile("an ideographic variation selector alone, on a new line", "a\n\u{E0100}", "a␊<U+E0100>", lines: "a\n<U+E0100>"),
        Hostile("a variation selector after a base stays", "❤\u{FE0F} 葛\u{E0100}", "❤\u{FE0F} 葛\u{E0100}"),
        Hostile("a lone combining mark shows on a dotted circle", "\u{301}x", "\u{25CC}\u{301}x"),
        Hostile("a combining mark after a marker shows on a dotted circle", "\u{200B}\u{301}", "<U+200B>\u{25CC}\u{301}"),
        Hostile("a combining mark on a letter stays", "e\u{301}", "e\u{301}"),
        Hostile("a lone combining mark at a line's start", "a\n\u{3099}", "a␊\u{25CC}\u{3099}", lines: "a\n\u{25CC}\u{3099}"),
        Hostile("unassigned code points", "\u{378}\u{E0080}", "<U+0378><U+E0080>"),
        Hostile("non-characters", String(String.UnicodeScalarView([Unicode.Scalar(0xFFFF)!, Unicode.Scalar(0xFDD0)!])),
                "<U+FFFF><U+FDD0>"),
        Hostile("keycaps and skin tones stay", "1\u{FE0F}\u{20E3} 👍🏽", "1\u{FE0F}\u{20E3} 👍🏽"),
        Hostile("half-width kana with a voiced mark stays", "ｶﾞ", "ｶﾞ"),
        Hostile("full-width and ideographic spaces stay", "全\u{3000}角 \u{A0}x", "全\u{3000}角 \u{A0}x"),
        Hostile("private use stays (a terminal draws a box)", "\u{E000}", "\u{E000}"),
    ]

    @Test("characters that draw nothing or hide text become markers", arguments: SanitizerTests.invisible)
    func invisibleBecomesMarker(_ h: Hostile) {
        #expect(Sanitizer.visible(h.input) == h.visible)
        #expect(Sanitizer.visibleLines(h.input) == h.visibleLines)
        // Sanitizing twice changes nothing more.
        #expect(Sanitizer.visible(Sanitizer.visible(h.input)) == h.visible)
    }

    @Test("no hidden scalar survives, for every code point of the planes in use")
    func noHiddenSurvives() {
        for plane: UInt32 in [0, 1, 0xE] {
            var all = String.UnicodeScalarView()
            for v in (plane << 16)...((plane << 16) | 0xFFFF) {
                if let u = Unicode.Scalar(v) { all.append(u) }
            }
            let out = Sanitizer.visibleLines(String(all))
            let left = out.unicodeScalars.filter { Sanitizer.isHidden($0) && $0 != "\n" }
            #expect(left.isEmpty, "plane \(plane): \(left.prefix(10).map(Sanitizer.marker))")
            // No grapheme cluster of the output starts with a non-spacing mark, a selector or a joiner, which would
            // have nothing to draw on. (Some spacing marks start a cluster of their own by rule, and take a cell.)
            let lone = out.filter { c in
                let first = c.unicodeScalars.first!
                switch first.properties.generalCategory {
                case .nonspacingMark, .enclosingMark: return true
                default: return first.value == 0x200D
                }
            }
            #expect(lone.isEmpty, "plane \(plane): \(lone.prefix(10).flatMap(\.unicodeScalars).map(Sanitizer.marker))")
        }
    }

    @Test("markers name the code point with at least four hex digits")
    func markerFormat() {
        #expect(Sanitizer.marker("\u{85}") == "<U+0085>")
        #expect(Sanitizer.marker("\u{200B}") == "<U+200B>")
        #expect(Sanitizer.marker("\u{E0001}") == "<U+E0001>")
    }

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
