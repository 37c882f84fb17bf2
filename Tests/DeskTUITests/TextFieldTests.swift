import DeskDomain
@testable import DeskStore
@testable import DeskTUI
import Foundation
import Testing

@Suite("Text field and search folding")
struct TextFieldTests {
    // MARK: Inserting

    @Test("Japanese text goes in whole and the caret counts characters")
    func insertJapanese() {
        var f = TextField()
        f.insert("暴言がありました")
        #expect(f.text == "暴言がありました")
        #expect(f.caret == 8)
        f.insert("。")
        #expect(f.text == "暴言がありました。")
        #expect(f.caret == 9)
    }

    @Test("text goes in at the caret")
    func insertAtCaret() {
        var f = TextField(text: "窓口対応")
        #expect(f.caret == 4)
        f.caret = 2
        f.insert("の")
        #expect(f.text == "窓口の対応")
        #expect(f.caret == 3)
        f.caret = 0
        f.insert("【至急】")
        #expect(f.text == "【至急】窓口の対応")
        #expect(f.caret == 4)
    }

    @Test("a grapheme cluster is one caret step")
    func clustersAreOneStep() {
        var f = TextField()
        f.insert("👨\u{200D}👩\u{200D}👧🇯🇵e\u{301}")
        #expect(f.caret == 3)
        #expect(f.text.count == 3)
    }

    @Test("pasted newlines and tabs become spaces")
    func pastedNewlinesAndTabs() {
        var f = TextField()
        f.insert("一行目\n二行目\tタブ\r三行目")
        #expect(f.text == "一行目 二行目 タブ 三行目")
        #expect(f.caret == f.text.count)
    }

    @Test("control characters are dropped")
    func controlsDropped() {
        var f = TextField()
        f.insert("a\u{1B}[31mb\u{07}\u{00}\u{7F}\u{85}\u{9B}c\u{08}")
        #expect(f.text == "a[31mbc")
        #expect(f.caret == 7)
    }

    @Test("bidi overrides and isolates are dropped")
    func bidiDropped() {
        var f = TextField()
        f.insert("invoice\u{202E}fdp.exe\u{202C} \u{2066}x\u{2069}\u{202A}\u{202B}\u{202D}\u{2067}\u{2068}")
        #expect(f.text == "invoicefdp.exe x")
        #expect(!f.text.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
    }

    @Test("the limit is enforced on insert")
    func limit() {
        var f = TextField(limit: 5)
        f.insert("abcdefg")
        #expect(f.text == "abcde")
        #expect(f.caret == 5)
        f.insert("x")
        #expect(f.text == "abcde")
        f.caret = 2
        f.insert("y")
        #expect(f.text == "abcde")
        #expect(f.caret == 2)

        var j = TextField(limit: 3)
        j.insert("日本語です")
        #expect(j.text == "日本語")
        #expect(j.caret == 3)

        // Dropped controls do not use up the room.
        var c = TextField(limit: 3)
        c.insert("\u{1B}\u{1B}\u{1B}abc")
        #expect(c.text == "abc")

        var z = TextField(limit: 0)
        z.insert("a")
        #expect(z.text.isEmpty && z.caret == 0)
    }

    // MARK: Deleting

    @Test("backspace at the start and delete at the end do nothing")
    func deleteAtTheEnds() {
        var f = TextField(text: "日本")
        f.deleteForward()
        #expect(f.text == "日本" && f.caret == 2)
        f.caret = 0
        f.backspace()
        #expect(f.text == "日本" && f.caret == 0)

        var e = TextField()
        e.backspace()
        e.deleteForward()
        #expect(e.text.isEmpty && e.caret == 0)
    }

    @Test("backspace removes the whole character before the caret")
    func backspace() {
        var f = TextField(text: "aé👨\u{200D}👩\u{200D}👧")
        f.backspace()
        #expect(f.text == "aé")
        #expect(f.caret == 2)
        f.backspace()
        #expect(f.text == "a")
        f.backspace()
        f.backspace()
        #expect(f.text.isEmpty && f.caret == 0)
    }

    @Test("delete removes the character at the caret and leaves the caret")
    func deleteForward() {
        var f = TextField(text: "日本語")
        f.caret = 1
        f.deleteForward()
        #expect(f.text == "日語")
        #expect(f.caret == 1)
        f.deleteForward()
        #expect(f.text == "日")
        f.deleteForward()
        #expect(f.text == "日" && f.caret == 1)
    }

    @Test("a field of spaces, full-width ones included, is blank")
    func blank() {
        #expect(TextField().isBlank)
        #expect(TextField(text: "  \t").isBlank)
        #expect(TextField(text: "\u{3000}\u{3000}").isBlank)
        #expect(!TextField(text: " 済 ").isBlank)
    }

    // MARK: Keys in a prompt (the caret moves in `update`)

    static func model(_ field: TextField) -> Model {
        var m = Model(size: Size(width: 80, height: 24), now: Date(timeIntervalSince1970: 1_795_651_200),
                      me: StaffMember(user: "tester", displayName: "試験 花子", role: .staff, active: true), language: .ja)
        m.prompt = .search(field)
        return m
    }

    static func field(_ m: Model) -> TextField? {
        if case .search(let f)? = m.prompt { return f }
        return nil
    }

    /// Presses the keys in the search prompt and returns the field.
    static func press(_ keys: [Key], in field: TextField) -> TextField? {
        var m = model(field)
        for k in keys { _ = update(&m, .keyPressed(k)) }
        return Self.field(m)
    }

    @Test("arrows, Home and End move the caret and stop at the ends")
    func caretMovement() {
        let f = TextField(text: "日本語", limit: 200)
        #expect(Self.press([.left], in: f)?.caret == 2)
        #expect(Self.press([.left, .left, .left, .left, .left], in: f)?.caret == 0)
        #expect(Self.press([.right], in: f)?.caret == 3)
        #expect(Self.press([.home], in: f)?.caret == 0)
        #expect(Self.press([.home, .right], in: f)?.caret == 1)
        #expect(Self.press([.home, .end], in: f)?.caret == 3)
        #expect(Self.press([.ctrl("a")], in: f)?.caret == 0)
        #expect(Self.press([.ctrl("a"), .ctrl("e")], in: f)?.caret == 3)
    }

    @Test("typing, backspace and delete work at the caret")
    func editingKeys() {
        let f = TextField(text: "日本語", limit: 200)
        #expect(Self.press([.left, .left, .char("X")], in: f)?.text == "日X本語")
        #expect(Self.press([.left, .backspace], in: f)?.text == "日語")
        #expect(Self.press([.home, .delete], in: f)?.text == "本語")
        #expect(Self.press([.home, .backspace, .end, .delete], in: f)?.text == "日本語")
        let cleared = Self.press([.ctrl("u")], in: f)
        #expect(cleared?.text == "" && cleared?.caret == 0 && cleared?.limit == 200)
    }

    @Test("pasted text goes into the prompt cleaned")
    func pasteInPrompt() {
        var m = Self.model(TextField(limit: 200))
        _ = update(&m, .pasted("カスハラ\n\u{1B}[2J対応"))
        #expect(Self.field(m)?.text == "カスハラ [2J対応")
        #expect(m.filter.text == "カスハラ [2J対応")
    }

    // A terminal hands `get_wch` one scalar at a time, so NcursesBackend turns "❤️" (U+2764 U+FE0F, as an IME's
    // emoji candidate sends it), a flag, or a decomposed "が" (か + U+3099) into two `.char` keys. The second one
    // joins the cluster before the caret: `text.count` stays the same but `insert` adds `piece.count` (1) to
    // the caret. The caret then points past the end, and the next insert or backspace calls
    // `text.index(_:offsetBy:)` out of bounds: a crash (UX.md §10: never a crash).
    @Test("a combining character typed on its own keeps the caret inside the text")
    func combiningKeepsCaretInside() {
        for (first, second) in [("❤", "\u{FE0F}"), ("🇯", "🇵"), ("か", "\u{3099}"), ("e", "\u{301}")] {
            var m = Self.model(TextField(limit: 200))
            _ = update(&m, .keyPressed(.char(Character(first))))
            _ = update(&m, .keyPressed(.char(Character(second))))
            let f = Self.field(m)
            #expect(f?.text == first + second)
            #expect(f.map { $0.caret <= $0.text.count } == true, "caret \(f?.caret ?? -1) in \(f?.text.count ?? -1) characters")
        }
    }

    @Test("typing after a combining character does not crash")
    func typingAfterCombiningDoesNotCrash() async {
        await #expect(processExitsWith: .success) {
            var f = TextField()
            f.insert("か")
            f.insert("\u{3099}")
            f.insert("い")
        }
    }

    // MARK: Search folding

    @Test("search folds full-width to half-width, katakana to hiragana, and lower-cases",
          arguments: [
              ("ＡＢＣ１", "abc1"),
              ("カスハラ", "かすはら"),
              ("ｶｽﾊﾗ", "かすはら"),
              ("ﾊﾞｶ", "ばか"),
              ("ヴァイオリン", "ゔぁいおりん"),
              ("ヶ月", "ゖ月"),
              ("Ｃ－０００１", "c-0001"),
              ("HELLO World", "hello world"),
              ("暴言", "暴言"),
              ("ひらがなー", "ひらがなー"),
          ])
    func fold(_ input: String, _ folded: String) {
        #expect(SearchFold.fold(input) == folded)
    }

    @Test("folded needles find text written another way")
    func foldedMatching() {
        let hay = SearchFold.fold("C-0001 株式会社サンプル 店舗でのカスタマーハラスメント（長時間拘束）")
        for needle in ["かすたまー", "ｶｽﾀﾏｰ", "カスタマー", "ｃ－０００１", "さんぷる", "(長時間拘束)"] {
            #expect(hay.contains(SearchFold.fold(needle)), "\(needle)")
        }
        #expect(!hay.contains(SearchFold.fold("暴言")))
    }
}
