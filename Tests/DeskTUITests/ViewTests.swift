import DeskDomain
@testable import DeskStore
@testable import DeskTUI
import Foundation
import Testing

/// Whole consoles rendered headless from demo data and compared with the screens in Screens/.
@Suite("whole screens", .serialized)
struct ViewTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String, width: Int, height: Int, lang: Language, focus: Pane
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "wide-ja-160x48", width: 160, height: 48, lang: .ja, focus: .queue),
        Case(name: "wide-en-160x48", width: 160, height: 48, lang: .en, focus: .detail),
        Case(name: "queue-ja-80x24", width: 80, height: 24, lang: .ja, focus: .queue),
        Case(name: "queue-en-80x24", width: 80, height: 24, lang: .en, focus: .queue),
        Case(name: "detail-ja-80x24", width: 80, height: 24, lang: .ja, focus: .detail),
        Case(name: "detail-en-80x24", width: 80, height: 24, lang: .en, focus: .detail),
        Case(name: "escalation-ja-80x24", width: 80, height: 24, lang: .ja, focus: .escalation),
        Case(name: "escalation-en-80x24", width: 80, height: 24, lang: .en, focus: .escalation),
        Case(name: "wide-ja-300x40", width: 300, height: 40, lang: .ja, focus: .escalation),
        Case(name: "too-small-60x20", width: 60, height: 20, lang: .ja, focus: .queue),
    ]

    @Test("each pane renders as expected", arguments: cases)
    func screen(_ c: Case) throws {
        let desk = try DemoDesk()
        let s = view(try desk.model(Size(width: c.width, height: c.height), c.lang, focus: c.focus))
        if let diff = Golden.check(s, c.name) { Issue.record(Comment(rawValue: diff)) }
    }

    @Test("the help overlay lists the focused pane's keys and those of every pane, and greys what the role may not do")
    func help() throws {
        let desk = try DemoDesk()
        var m = try desk.model(Size(width: 100, height: 40), .en, role: .auditor)
        m.readOnly = true
        _ = update(&m, .keyPressed(.char("?")))
        let s = view(m)
        if let diff = Golden.check(s, "help-auditor-en-100x40") { Issue.record(Comment(rawValue: diff)) }
        let text = s.textLines.joined(separator: "\n")
        for b in KeyMap.bindings where b.scope == nil || b.scope!.contains(.queue) {
            #expect(text.contains(m.t(b.help)), "\(b.action)")
        }
        #expect(text.contains("Keys: Queue") && text.contains("In this pane") && text.contains("In every pane"))
        #expect(!text.contains(m.t(.ladderStep)), "the escalation pane's key is in that pane's help")
        #expect(text.contains("not allowed: read-only"))

        // The escalation pane's help: its ladder key, none of the queue's filters.
        _ = update(&m, .keyPressed(.escape))
        _ = update(&m, .keyPressed(.char("3")))
        _ = update(&m, .keyPressed(.f1))
        let e = view(m).textLines.joined(separator: "\n")
        #expect(e.contains("Keys: Escalation") && e.contains(m.t(.ladderStep)) && !e.contains(m.t(.cycleLane)))
    }

    @Test("the selected row is marked by '>' and reverse video across the pane, not by colour alone")
    func selectedRow() throws {
        let desk = try DemoDesk()
        let s = view(try desk.model(Size(width: 80, height: 24), .en))
        let row = s.textLines.firstIndex { $0.hasPrefix("> C-") }
        let r = try #require(row)
        #expect(s.roleLines[r] == String(repeating: "S", count: 80))
        #expect(s.cursor?.y == r)
    }

    @Test("hostile text from an applicant never reaches a cell as a control, and a queue row stays one row")
    func hostileText() throws {
        let desk = try DemoDesk()
        var m = try desk.model(Size(width: 300, height: 30), .en)
        var rows = m.rows
        let evil = "\u{1B}[2J\u{1B}]0;owned\u{07}\n二行目\r\u{202E}reversed\u{0085}\u{0000}"
        rows[0] = CaseSummary(id: rows[0].id, organization: rows[0].organization, branch: nil, store: evil, channel: .webForm,
                              language: .ja, lane: rows[0].lane, status: rows[0].status, openedAt: rows[0].openedAt,
                              reportDueOn: rows[0].reportDueOn, lastActivity: rows[0].lastActivity, summary: evil,
                              assignee: nil, version: rows[0].version, hold: nil, closedAt: nil)
        m.rows = rows
        let s = view(m)
        for c in s.cells {
            #expect(!c.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E })
        }
        let line = try #require(s.textLines.first { $0.contains("> " + rows[0].id.description) })
        #expect(line.contains("␛[2J") && line.contains("<U+202E>"))
        #expect(s.textLines.filter { $0.contains("二行目") }.count == 1)
    }
}
