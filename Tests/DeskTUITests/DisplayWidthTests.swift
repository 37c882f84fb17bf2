import Testing
@testable import DeskTUI

@Suite("Display width")
struct DisplayWidthTests {
    // MARK: Single characters and clusters

    @Test("printable ASCII is one cell, C0 controls none", arguments: ["a", "Z", "0", " ", "~", "#", "/"])
    func asciiIsOneCell(_ s: String) {
        #expect(DisplayWidth.of(s) == 1)
        #expect(DisplayWidth.of(Character(s)) == 1)
        #expect(DisplayWidth.of(s.unicodeScalars.first!) == 1)
    }

    @Test("control scalars take no cell")
    func controlsAreZero() {
        for v: UInt32 in [0x00, 0x07, 0x09, 0x0A, 0x1B, 0x1F] {
            #expect(DisplayWidth.of(Unicode.Scalar(v)!) == 0, "U+\(String(v, radix: 16))")
        }
    }

    @Test("Japanese kana and kanji are two cells", arguments: ["あ", "ア", "ー", "日", "暴", "〇", "、", "。", "「", "」", "ゞ"])
    func japaneseIsWide(_ s: String) {
        #expect(DisplayWidth.of(s) == 2, "\(s)")
        #expect(DisplayWidth.of(Character(s)) == 2, "\(s)")
    }

    @Test("a Japanese sentence counts two cells a character")
    func japaneseSentence() {
        #expect(DisplayWidth.of("長時間拘束") == 10)
        #expect(DisplayWidth.of("カスハラ対応") == 12)
        #expect(DisplayWidth.of("C-0001 暴言") == 11)
    }

    @Test("full-width Latin is two cells, half-width katakana one")
    func fullAndHalfWidth() {
        #expect(DisplayWidth.of("Ａ") == 2)
        #expect(DisplayWidth.of("ＡＢＣ１") == 8)
        #expect(DisplayWidth.of("！") == 2)
        #expect(DisplayWidth.of("　") == 2)               // ideographic space
        #expect(DisplayWidth.of("ｱ") == 1)
        #expect(DisplayWidth.of("ｶｽﾊﾗ") == 4)
        #expect(DisplayWidth.of("ｰ") == 1)               // half-width prolonged sound mark
    }

    // Swift puts U+FF9E/U+FF9F (half-width (semi-)voiced sound marks, category Lm, East Asian width H) in the
    // cluster of the kana before them (Grapheme_Cluster_Break=Extend), but terminals (glibc wcwidth = 1) give
    // each its own cell: "ﾊﾞ" is one cluster and two cells. `of(Character)` counts only the cluster's first
    // scalar, so it says 1, and every column after a half-width voiced kana is off by one.
    @Test("a half-width voiced sound mark takes its own cell")
    func halfWidthVoicedMarks() {
        #expect(DisplayWidth.of(Unicode.Scalar(0xFF9E)!) == 1)
        #expect(DisplayWidth.of("ﾊﾞ") == 2)
        #expect(DisplayWidth.of("ｶﾌﾞｼｷｶﾞｲｼｬ") == 10)
        #expect(DisplayWidth.of("ﾊﾟ") == 2)
    }

    @Test("a combining mark is zero cells on its own and adds nothing to its base")
    func combiningMarks() {
        #expect(DisplayWidth.of(Unicode.Scalar(0x301)!) == 0)      // combining acute
        #expect(DisplayWidth.of(Unicode.Scalar(0x3099)!) == 0)     // combining kana voiced mark
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("か\u{3099}") == 2)                // decomposed が
        #expect(DisplayWidth.of("cafe\u{301}") == 4)
        #expect(DisplayWidth.of("\u{200B}") == 0)                   // zero width space
    }

    @Test("a Prepend character takes no cell and its cluster is as wide as the character it joins")
    func prepend() {
        #expect(DisplayWidth.of(Character("\u{600}a")) == 1)
        #expect(DisplayWidth.of(Character("\u{600}日")) == 2)
        #expect(DisplayWidth.of(Character("\u{110BD}1")) == 1)
        #expect(DisplayWidth.of(Character("\u{600}")) == 0)
        #expect(DisplayWidth.of("x\u{600}ab") == 3)
    }

    @Test("emoji are two cells, whole clusters included")
    func emoji() {
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("❤\u{FE0F}") == 2)                 // text-default heart asking for emoji presentation
        #expect(DisplayWidth.of("❤") == 1)                          // without VS16 it stays text
        #expect(DisplayWidth.of("🇯🇵") == 2)                        // a flag is one cluster of two regional indicators
        #expect(DisplayWidth.of("👨\u{200D}👩\u{200D}👧") == 2)     // ZWJ family
        #expect(DisplayWidth.of("👍🏽") == 2)                        // skin-tone modifier
        #expect(DisplayWidth.of("1\u{FE0F}\u{20E3}") == 2)          // keycap
        #expect(DisplayWidth.of("ok👍") == 4)
    }

    // scripts/gen-width-table.py says wide emoji are those "with default emoji presentation", but its EMOJI
    // list takes whole blocks (U+1F300–1F64F, U+1F680–1F6FF) and U+2600, which also hold text-presentation
    // pictographs (Emoji_Presentation=No, East Asian width N, glibc wcwidth 1): ☀ 🌡 🗨 🛠 take one cell
    // in a terminal unless VS16 follows, but DisplayWidth gives them two.
    @Test("a text-presentation pictograph without VS16 is one cell")
    func textPresentationPictographs() {
        for s in ["☀", "🌡", "🗨", "🛠"] {
            #expect(DisplayWidth.of(s + "\u{FE0F}") == 2, "\(s) with VS16")
        }
        #expect(DisplayWidth.of("☎") == 1)
        for s in ["☀", "🌡", "🗨", "🛠"] {
            #expect(DisplayWidth.of(s) == 1, "\(s)")
        }
    }

    @Test("East Asian ambiguous characters count one cell", arguments: ["○", "─", "│", "…", "※", "→", "α", "Ω", "°", "±", "■"])
    func ambiguousIsNarrow(_ s: String) {
        #expect(DisplayWidth.of(s) == 1, "\(s)")
    }

    // MARK: prefix, truncate, fit

    /// `prefix` as "text/width", to compare both at once.
    static func pre(_ text: String, _ width: Int) -> String {
        let p = DisplayWidth.prefix(text, width: width)
        return "\(p.text)/\(p.width)"
    }

    @Test("prefix never splits a wide character")
    func prefixKeepsWideWhole() {
        #expect(Self.pre("日本語", 3) == "日/2")
        #expect(Self.pre("日本語", 4) == "日本/4")
        #expect(Self.pre("日本語", 1) == "/0")
        #expect(Self.pre("日本語", 0) == "/0")
        #expect(Self.pre("日本語", 99) == "日本語/6")
        #expect(Self.pre("a日b", 2) == "a/1")
        #expect(Self.pre("a日b", 3) == "a日/3")
    }

    @Test("prefix never splits a grapheme cluster")
    func prefixKeepsClustersWhole() {
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(Self.pre("a" + family + "b", 2) == "a/1")
        #expect(Self.pre("a" + family + "b", 3) == "a" + family + "/3")
        #expect(Self.pre("e\u{301}x", 1) == "e\u{301}/1")
        #expect(Self.pre("🇯🇵🇫🇷", 3) == "🇯🇵/2")
        // The result is always made of whole clusters of the input.
        let text = "カ\u{3099}e\u{301}" + family + "🇯🇵x"
        for w in 0...12 {
            let p = DisplayWidth.prefix(text, width: w)
            #expect(Array(text).starts(with: Array(p.text)), "width \(w)")
            #expect(p.width == DisplayWidth.of(p.text) && p.width <= w, "width \(w)")
        }
    }

    @Test("truncate leaves short text alone and ends cut text with an ellipsis that fits")
    func truncate() {
        #expect(DisplayWidth.truncate("abc", width: 3) == "abc")
        #expect(DisplayWidth.truncate("abcdef", width: 4) == "abc…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("abcdef", width: 4)) == 4)
        #expect(DisplayWidth.truncate("日本語", width: 6) == "日本語")
        #expect(DisplayWidth.truncate("日本語", width: 5) == "日本…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("日本語", width: 5)) == 5)
        // A wide character that would straddle the last cell is dropped, not split.
        #expect(DisplayWidth.truncate("日本語", width: 4) == "日…")
        #expect(DisplayWidth.truncate("日本語", width: 1) == "…")
        #expect(DisplayWidth.truncate("日本語", width: 0) == "")
        #expect(DisplayWidth.truncate("abc", width: -1) == "")
        for w in 1...10 {
            let t = DisplayWidth.truncate("暴言 and 長時間拘束", width: w)
            #expect(t.hasSuffix("…"), "width \(w)")
            #expect(DisplayWidth.of(t) <= w && DisplayWidth.of(t) >= w - 1, "width \(w): \(t)")
        }
    }

    @Test("fit pads or cuts to exactly the width")
    func fit() {
        #expect(DisplayWidth.fit("ab", width: 5) == "ab   ")
        #expect(DisplayWidth.fit("abcdef", width: 4) == "abc…")
        #expect(DisplayWidth.fit("日本語", width: 4) == "日… ")
        #expect(DisplayWidth.fit("", width: 3) == "   ")
        #expect(DisplayWidth.fit("abc", width: 0) == "")
        for w in 0...14 {
            for text in ["", "a", "日本語テキスト", "ｶｽﾊﾗ 対応", "e\u{301}😀🇯🇵"] {
                #expect(DisplayWidth.of(DisplayWidth.fit(text, width: w)) == w, "\(text) at \(w)")
            }
        }
    }

    // MARK: wrap

    /// Whether `lines` joined, each break either consuming one space or none, give back `text` cluster by cluster.
    static func rejoins(_ lines: [String], _ text: String) -> Bool {
        let want = Array(text)
        func go(_ i: Int, _ at: Int) -> Bool {
            let line = Array(lines[i])
            guard at + line.count <= want.count, Array(want[at..<(at + line.count)]) == line else { return false }
            let next = at + line.count
            if i == lines.count - 1 { return next == want.count }
            if go(i + 1, next) { return true }
            return next < want.count && want[next] == " " && go(i + 1, next + 1)
        }
        return !lines.isEmpty && go(0, 0)
    }

    static let wrapSamples = [
        "今日は窓口で長時間の拘束がありました。Customer asked for the manager 3 times, then left at 15:40.",
        "暴言 and threats (脅迫) were reported to 本部 by 田中 on 2026-11-25; follow-up 予定 next week.",
        "ＡＢＣ１ ｶｽﾊﾗ 対応マニュアル v2 — see section 4.3 「記録の残し方」",
        "averyveryverylongwordwithoutanyspacesatall 続けて日本語の長い文章が改行なしで続きます",
        "café naïve 👨\u{200D}👩\u{200D}👧 家族 🇯🇵 日本 ❤\u{FE0F} ok",
        "a  b   c    d 二重  スペース",
    ]

    @Test("wrap keeps every line within the width and loses nothing", arguments: wrapSamples)
    func wrapMixedText(_ text: String) {
        for width in 2...40 {
            let lines = DisplayWidth.wrap(text, width: width)
            for line in lines {
                #expect(DisplayWidth.of(line) <= width, "width \(width): \(line)")
            }
            #expect(Self.rejoins(lines, text), "width \(width): \(lines)")
        }
    }

    @Test("wrap breaks at spaces when it can")
    func wrapAtSpaces() {
        #expect(DisplayWidth.wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
        #expect(DisplayWidth.wrap("窓口 対応 記録", width: 6) == ["窓口", "対応", "記録"])
        #expect(DisplayWidth.wrap("日本語の文章", width: 5) == ["日本", "語の", "文章"])
        #expect(DisplayWidth.wrap("short", width: 10) == ["short"])
    }

    @Test("wrap keeps newlines as line breaks and gives nothing at width zero")
    func wrapNewlines() {
        #expect(DisplayWidth.wrap("一行目\n\n三行目", width: 10) == ["一行目", "", "三行目"])
        #expect(DisplayWidth.wrap("", width: 5) == [""])
        #expect(DisplayWidth.wrap("abc", width: 0) == [])
    }
}
