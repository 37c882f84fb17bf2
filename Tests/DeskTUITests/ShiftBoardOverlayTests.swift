import DeskApp
import DeskDomain
@testable import DeskTUI
import Foundation
import Testing

/// Lists of case ids on the shift overlays wrap; none is cut or dropped (issue 18, point 8).
@Suite("shift overlays keep every id")
struct ShiftBoardOverlayTests {
    static let ids = (1...26).map { CaseID(number: $0) }

    static func model(_ lang: Language) -> Model {
        var m = UpdateTests.model(role: .supervisor)
        m.language = lang
        m.size = Size(width: 80, height: 24)
        return m
    }

    /// Every id, whole, in the screen's text.
    static func allShown(_ s: Screen) -> Bool {
        let words = Set(s.textLines.flatMap { $0.split(separator: " ").map(String.init) })
        return ids.allSatisfy { words.contains($0.description) }
    }

    @Test("the next operator sees all 26 due case ids of a handover, wrapped", arguments: [Language.ja, .en])
    func handover(_ lang: Language) {
        var m = Self.model(lang)
        let ended = ShiftEnded(held: [], nearDeadline: Self.ids, danger: [CaseID(number: 3)])
        m.prompt = .handovers([HandoverRecord(position: 9, user: "tanaka", at: "2026-11-25T00:00:00.000Z", handover: ended)], scroll: 0)
        let s = view(m)
        if let diff = Golden.check(s, "handovers-26-due-\(lang.rawValue)-80x24") { Issue.record(Comment(rawValue: diff)) }
        #expect(Self.allShown(s), "\(s.textLines.joined(separator: "\n"))")
    }

    @Test("the supervisor's board shows every id each person holds, none cut in half", arguments: [Language.ja, .en])
    func board(_ lang: Language) {
        var m = Self.model(lang)
        m.shiftBoard = [ShiftBoardRow(member: StaffMember(user: "tanaka", displayName: "田中", role: .operator, active: true), onShift: true,
                                      startedAt: "2026-11-25T00:00:00.000Z", endedAt: nil, held: Self.ids)]
        m.prompt = .shiftBoard(scroll: 0)
        let s = view(m)
        if let diff = Golden.check(s, "shift-board-26-held-\(lang.rawValue)-80x24") { Issue.record(Comment(rawValue: diff)) }
        #expect(Self.allShown(s), "\(s.textLines.joined(separator: "\n"))")
    }

    @Test("a long line hangs under its heading; a short one is left alone")
    func hanging() {
        #expect(ListFit.hanging("  ids: C-1 C-2", width: 40) == ["  ids: C-1 C-2"])
        #expect(ListFit.hanging("  ids: C-000001 C-000002 C-000003", width: 24) == ["  ids: C-000001", "    C-000002 C-000003"])
        // Japanese without spaces is broken between characters, and nothing is added or lost.
        #expect(ListFit.hanging("あいうえおかきくけこさしすせそ", width: 14, indent: 2) == ["あいうえおかき", "  くけこさしす", "  せそ"])
    }
}
