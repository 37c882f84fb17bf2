import DeskDomain
import Testing
@testable import DeskTUI

@Suite("Screen buffer")
struct ScreenTests {
    /// Every problem with wide characters in a row: a continuation without its wide cell on the left,
    /// or a wide cell without its continuation on the right. Empty when the row is sound.
    static func wideProblems(_ s: Screen) -> [String] {
        var out: [String] = []
        for y in 0..<s.height {
            for x in 0..<s.width {
                let c = s[x, y]
                if c.width == 0, x == 0 || s[x - 1, y].width != 2 { out.append("orphan continuation at (\(x), \(y))") }
                if c.width == 2, x + 1 >= s.width || s[x + 1, y].width != 0 { out.append("wide cell without its right half at (\(x), \(y))") }
            }
        }
        return out
    }

    /// Whether any cell holds a C0 or C1 control or DEL.
    static func hasControl(_ s: Screen) -> Bool {
        s.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } }
    }

    @Test("a new screen is blank")
    func newScreenIsBlank() {
        let s = Screen(width: 4, height: 2)
        #expect(s.textLines == ["", ""])
        #expect(s.roleLines == ["....", "...."])
        #expect(s.cells.allSatisfy { $0 == .blank })
        #expect(Screen(width: -3, height: -1).cells.isEmpty)
    }

    // MARK: put

    @Test("put writes ASCII one cell a character and returns the cells used")
    func putASCII() {
        var s = Screen(width: 8, height: 2)
        #expect(s.put("abc", x: 2, y: 1) == 3)
        #expect(s.textLines == ["", "  abc"])
        #expect(s[2, 1].text == "a" && s[2, 1].width == 1)
    }

    @Test("put writes a wide character once in the text and as a cell and its continuation")
    func putWide() {
        var s = Screen(width: 8, height: 1)
        #expect(s.put("日本", x: 1, y: 0) == 4)
        #expect(s.textLines == [" 日本"])
        #expect(s[1, 0] == Cell(text: "日", width: 2, role: .normal))
        #expect(s[2, 0] == Cell(text: "", width: 0, role: .normal))
        #expect(s[3, 0] == Cell(text: "本", width: 2, role: .normal))
        #expect(s[4, 0] == Cell(text: "", width: 0, role: .normal))
        #expect(s[5, 0] == .blank)
        #expect(Self.wideProblems(s).isEmpty)
    }

    @Test("a grapheme cluster goes into one cell whole")
    func putCluster() {
        var s = Screen(width: 6, height: 1)
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(s.put("e\u{301}" + family + "🇯🇵", x: 0, y: 0) == 5)
        #expect(s[0, 0].text == "e\u{301}")
        #expect(s[1, 0].text == family && s[1, 0].width == 2)
        #expect(s[3, 0].text == "🇯🇵" && s[3, 0].width == 2)
        #expect(s.textLines == ["e\u{301}" + family + "🇯🇵"])
    }

    @Test("roles show one character a cell, a wide character's role on both its cells")
    func roles() {
        var s = Screen(width: 8, height: 2)
        s.put("ab", x: 1, y: 0, role: .selected)
        s.put("暴言", x: 2, y: 1, role: .danger)
        #expect(s.roleLines == [".SS.....", "..DDDD.."])
        s.put("!", x: 7, y: 0, role: .warning)
        #expect(s.roleLines[0] == ".SS....W")
    }

    @Test("text past the right edge is cut")
    func cutAtRightEdge() {
        var s = Screen(width: 5, height: 1)
        #expect(s.put("abcdefg", x: 2, y: 0) == 3)
        #expect(s.textLines == ["  abc"])
    }

    @Test("a wide character that does not fit in the last cell is not written half")
    func wideAtRightEdge() {
        var s = Screen(width: 5, height: 1)
        #expect(s.put("ab日", x: 2, y: 0) == 2)
        #expect(s.textLines == ["  ab"])
        #expect(s[4, 0] == .blank)
        #expect(Self.wideProblems(s).isEmpty)

        var t = Screen(width: 5, height: 1)
        #expect(t.put("日本語", x: 0, y: 0) == 4)
        #expect(t.textLines == ["日本"])
        #expect(t[4, 0] == .blank)
        #expect(Self.wideProblems(t).isEmpty)
    }

    @Test("maxWidth limits put, wide characters included")
    func maxWidth() {
        var s = Screen(width: 10, height: 1)
        #expect(s.put("日本語", x: 0, y: 0, maxWidth: 3) == 2)
        #expect(s.textLines == ["日"])
        #expect(s.put("abcdef", x: 4, y: 0, maxWidth: 2) == 2)
        #expect(s.textLines == ["日  ab"])
        #expect(s.put("xyz", x: 8, y: 0, maxWidth: 50) == 2)      // the screen's edge still wins
        #expect(s.textLines == ["日  ab  xy"])
        #expect(s.put("q", x: 0, y: 0, maxWidth: 0) == 0)
        #expect(s.textLines == ["日  ab  xy"])
    }

    @Test("put outside the screen writes nothing")
    func putOutside() {
        var s = Screen(width: 4, height: 2)
        #expect(s.put("abc", x: 0, y: 2) == 0)
        #expect(s.put("abc", x: 0, y: -1) == 0)
        #expect(s.put("abc", x: 4, y: 0) == 0)
        #expect(s == Screen(width: 4, height: 2))
    }

    @Test("overwriting either half of a wide character blanks the other half")
    func overwriteHalfOfWide() {
        var right = Screen(width: 6, height: 1)
        right.put("日本", x: 0, y: 0)
        right.put("x", x: 1, y: 0)                   // over the right half of 日
        #expect(right.textLines == [" x本"])
        #expect(right[0, 0] == .blank)
        #expect(Self.wideProblems(right).isEmpty)

        var left = Screen(width: 6, height: 1)
        left.put("日本", x: 0, y: 0, role: .selected)
        left.put("y", x: 2, y: 0)                    // over the left half of 本
        #expect(left.textLines == ["日y"])
        #expect(left[3, 0] == Cell(text: " ", width: 1, role: .selected))   // the blank keeps the old role
        #expect(Self.wideProblems(left).isEmpty)

        var straddle = Screen(width: 6, height: 1)
        straddle.put("日本語", x: 0, y: 0)
        straddle.put("字", x: 1, y: 0)              // over the right half of 日 and the left half of 本
        #expect(straddle.textLines == [" 字 語"])
        #expect(Self.wideProblems(straddle).isEmpty)
    }

    @Test("control characters that slip into put become U+FFFD and never reach a cell")
    func controlsBecomeReplacement() {
        var s = Screen(width: 20, height: 1)
        s.put("a\u{1B}[31mb\u{07}c\u{7F}d\u{85}e\r\nf\u{9B}g", x: 0, y: 0)
        #expect(s.textLines == ["a\u{FFFD}[31mb\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}g"])
        #expect(!Self.hasControl(s))
        #expect(s[1, 0] == Cell(text: "\u{FFFD}", width: 1, role: .normal))
        // The backend's own guard agrees.
        let backend = TestBackend(size: Size(width: 20, height: 1))
        backend.draw(s, previous: nil)
        #expect(backend.frames == 1)
    }

    @Test("a lone combining mark is shown on a dotted circle, one cell")
    func loneCombiningMark() {
        var s = Screen(width: 4, height: 1)
        #expect(s.put("\u{301}a", x: 0, y: 0) == 2)
        #expect(s[0, 0] == Cell(text: "\u{25CC}\u{301}", width: 1, role: .normal))
        #expect(s.textLines == ["\u{25CC}\u{301}a"])
    }

    @Test("put never traps on a cluster that draws nothing, whatever slipped past the sanitizer (issue 17)",
          arguments: ["\u{200B}", "\u{2060}", "\u{FEFF}", "\u{180E}", "\u{AD}", "\u{E0001}", "\u{E0041}", "\u{600}", "\u{600}a",
                      "\u{110BD}1", "\u{FE0F}", "\u{E0100}", "\u{200D}", "\u{200C}", "\u{3164}", "\u{1160}", "a\u{E0041}b"])
    func nothingToDraw(_ text: String) {
        var s = Screen(width: 8, height: 1)
        let used = s.put(text, x: 0, y: 0)
        #expect(used > 0)
        #expect(!s.cells.flatMap(\.text.unicodeScalars).contains(where: Sanitizer.isHidden), "\(s.cells.map(\.text))")
        TestBackend(size: Size(width: 8, height: 1)).draw(s, previous: nil)
    }

    @Test("a lone selector is shown on a dotted circle, a hidden character as U+FFFD")
    func loneSelector() {
        var s = Screen(width: 6, height: 1)
        s.put("\u{FE0F}\u{200B}x", x: 0, y: 0)
        #expect(s.textLines == ["\u{25CC}\u{FE0F}\u{FFFD}x"])
    }

    // MARK: fill and putPadded

    @Test("fill paints a rectangle of blanks in a role, clipped to the screen")
    func fill() {
        var s = Screen(width: 5, height: 3)
        s.put("abcde", x: 0, y: 1)
        s.fill(Rect(x: 1, y: 1, width: 2, height: 5), role: .dialog)
        #expect(s.textLines == ["", "a  de", ""])
        #expect(s.roleLines == [".....", ".dd..", ".dd.."])
        s.fill(Rect(x: -2, y: -2, width: 3, height: 3), role: .hint)
        #expect(s.roleLines == ["k....", ".dd..", ".dd.."])
        s.fill(Rect(x: 9, y: 0, width: 3, height: 3), role: .error)    // wholly outside: nothing
        #expect(s.roleLines == ["k....", ".dd..", ".dd.."])
    }

    // `fill` writes blanks cell by cell and never looks at wide characters, unlike `put`. A dialog box
    // (`DialogBox`) filled over Japanese text at an odd column leaves a wide cell without its right half
    // or a continuation without its left half. The backend writes a run with `wadd_wch`, which advances
    // the cursor by the character's own width, so the rest of the run lands one column off, and the model
    // believes the terminal still shows a character that the terminal has erased.
    @Test("fill over half of a wide character blanks the other half")
    func fillOverHalfOfWide() {
        var s = Screen(width: 6, height: 1)
        s.put("日本語", x: 0, y: 0)
        s.fill(Rect(x: 1, y: 0, width: 2, height: 1), role: .dialog)     // right half of 日, left half of 本
        #expect(Self.wideProblems(s).isEmpty)
        #expect(s.textLines == ["    語"])
    }

    @Test("putPadded paints exactly the width in the role and cuts with an ellipsis")
    func putPadded() {
        var s = Screen(width: 10, height: 3)
        s.put("xxxxxxxxxx", x: 0, y: 0)
        s.putPadded("ab", x: 1, y: 0, width: 5, role: .selected)
        #expect(s.textLines[0] == "xab   xxxx")
        #expect(s.roleLines[0] == ".SSSSS....")

        s.putPadded("日本語テキスト", x: 0, y: 1, width: 7, role: .title)
        #expect(s.textLines[1] == "日本語…")
        #expect(s.roleLines[1] == "ttttttt...")

        s.putPadded("日本語", x: 0, y: 2, width: 4, role: .title)    // 日 + … + one padding blank
        #expect(s.textLines[2] == "日…")
        #expect(s.roleLines[2] == "tttt......")
        #expect(s[3, 2] == Cell(text: " ", width: 1, role: .title))
        #expect(Self.wideProblems(s).isEmpty)
    }

    // MARK: changes(from:)

    @Test("with no previous screen every row is a change")
    func changesWithoutPrevious() {
        var s = Screen(width: 4, height: 3)
        s.put("ab", x: 0, y: 1)
        let runs = s.changes(from: nil)
        #expect(runs.map(\.y) == [0, 1, 2])
        #expect(runs.allSatisfy { $0.x == 0 && $0.cells.count == 4 })
        #expect(Array(runs[1].cells) == Array(s.cells[4..<8]))
        // A screen of another size counts as no previous screen.
        #expect(s.changes(from: Screen(width: 5, height: 3)).count == 3)
    }

    @Test("an identical screen has no changes")
    func changesIdentical() {
        var a = Screen(width: 6, height: 2)
        a.put("日本", x: 0, y: 0, role: .selected)
        a.put("ok", x: 3, y: 1)
        let b = a
        #expect(a.changes(from: b).isEmpty)
    }

    @Test("changes are runs covering exactly the changed cells")
    func changesRuns() {
        var old = Screen(width: 8, height: 3)
        old.put("abcdefgh", x: 0, y: 0)
        old.put("abcdefgh", x: 0, y: 2)
        var new = old
        new.put("X", x: 1, y: 0)
        new.put("YZ", x: 5, y: 0)
        new.put("Q", x: 7, y: 2, role: .error)
        let runs = new.changes(from: old)
        #expect(runs.map { "\($0.y):\($0.x):" + $0.cells.map(\.text).joined() } == ["0:1:X", "0:5:YZ", "2:7:Q"])
        #expect(runs[2].cells.first?.role == .error)
    }

    @Test("a changed wide character's run holds both its cells")
    func changesWide() {
        var old = Screen(width: 8, height: 1)
        old.put("ab日本cd", x: 0, y: 0)
        var new = old
        new.put("語", x: 4, y: 0)                   // 本 → 語: only the left cell's text differs
        let runs = new.changes(from: old)
        #expect(runs.count == 1)
        #expect(runs[0].x == 4)
        #expect(runs[0].cells.map(\.width) == [2, 0])
        #expect(runs[0].cells.first?.text == "語")

        var recoloured = old
        recoloured.put("日", x: 2, y: 0, role: .selected)
        let r2 = recoloured.changes(from: old)
        #expect(r2.map(\.x) == [2])
        #expect(r2[0].cells.map(\.width) == [2, 0])

        var narrowed = old
        narrowed.put("x", x: 3, y: 0)               // over the right half of 日: 日's cell becomes a blank
        let r3 = narrowed.changes(from: old)
        #expect(r3.map(\.x) == [2])
        #expect(r3[0].cells.map(\.text) == [" ", "x"])
    }

    @Test("drawing only the changes over the previous screen gives the new screen")
    func changesReplay() {
        var old = Screen(width: 12, height: 3)
        old.put("窓口 desk 受付", x: 0, y: 0)
        old.put("C-0001 暴言", x: 1, y: 1, role: .selected)
        var new = old
        new.put("本部", x: 3, y: 0)
        new.put("C-0002 長時間", x: 0, y: 1)
        new.put("ok", x: 10, y: 2, role: .ok)
        // Apply the runs to a copy of the old cells, the way a terminal would receive them.
        var cells = old.cells
        for run in new.changes(from: old) {
            for (i, c) in run.cells.enumerated() { cells[run.y * 12 + run.x + i] = c }
        }
        #expect(cells == new.cells)
    }
}
