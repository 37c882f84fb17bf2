@testable import DeskTUI
import Testing

/// The case pane draws the lines it is handed, from its scroll position; it lays nothing out itself.
@Suite("case pane")
struct DetailPaneTests {
    static let lines = (1...6).map { PaneLine("line \($0)", $0 == 1 ? .title : .normal) }

    @Test("the pane draws its lines from the scroll position and marks the line n found")
    func scrolledAndMarked() {
        var s = Screen(width: 12, height: 4)
        DetailPane(title: "Case", lines: Self.lines, scroll: 2, match: 3, focused: true).render(into: &s, area: s.bounds)
        #expect(s.textLines == ["* 2 Case", " line 3", ">line 4", " line 5"])
        #expect(s.roleLines == ["TTTTTTTTTTTT", "............", "SSSSSSSSSSSS", "............"])
    }

    @Test("a scroll past the end shows the last lines, not an empty pane")
    func scrollPastTheEnd() {
        var s = Screen(width: 12, height: 4)
        DetailPane(title: "Case", lines: Self.lines, scroll: 99, match: nil, focused: false).render(into: &s, area: s.bounds)
        #expect(s.textLines == ["  2 Case", " line 4", " line 5", " line 6"])
        #expect(s.roleLines[0] == "tttttttttttt")
    }
}
