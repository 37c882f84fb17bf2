import DeskApp
import DeskDomain
@testable import DeskTUI
import Foundation
import Testing

/// The action menu (`s`): fixed order, a letter per action, the cursor only on what may be chosen (issue 18, point 10).
@Suite("the action menu")
struct ActionMenuTests {
    @Test("every action has its own letter, none of them a key that moves the cursor or quits")
    func letters() {
        let letters = MenuAction.allCases.map(\.letter)
        #expect(Set(letters).count == letters.count)
        for c in letters { #expect(KeyMap.action(for: .char(c), in: .menu) == nil, "\(c)") }
        #expect(!letters.contains("g") && !letters.contains("q") && !letters.contains("G"))
    }

    @Test("the cursor opens on the first row the role may choose and skips greyed rows both ways", arguments: [Role.operator, .supervisor])
    func cursorSkipsGreyed(_ role: Role) {
        var m = UpdateTests.model(role: role)
        _ = update(&m, .keyPressed(.char("s")))
        guard case .menu(var sel, _)? = m.prompt else { Issue.record("no menu"); return }
        let items = MenuAction.allCases
        let enabled = items.indices.filter { m.refusal(items[$0]) == nil }
        #expect(sel == enabled.first)
        var seen = [sel]
        for _ in items {
            _ = update(&m, .keyPressed(.char("j")))
            guard case .menu(let next, _)? = m.prompt else { return }
            if next != sel { seen.append(next) }
            sel = next
        }
        #expect(seen == enabled)
        for _ in items { _ = update(&m, .keyPressed(.up)) }
        #expect(m.prompt == .menu(selected: enabled.first!, CaseID(number: 1)))
    }

    @Test("a letter chooses its action at once; a greyed one says why and does nothing")
    func letterChooses() {
        var m = UpdateTests.model(role: .supervisor)
        _ = update(&m, .keyPressed(.char("s")))
        _ = update(&m, .keyPressed(.char(MenuAction.escalatePolice.letter)))
        #expect(m.prompt == .text(TextField(limit: 2_000), .escalatePolice, CaseID(number: 1)))
        var op = UpdateTests.model(role: .operator)
        _ = update(&op, .keyPressed(.char("s")))
        #expect(update(&op, .keyPressed(.char(MenuAction.escalatePolice.letter))) == [])
        #expect(op.prompt == nil)
        #expect(op.message == StatusMessage(text: "Refused: an operator may not escalate; it needs a supervisor", isError: true))
    }

    @Test("the menu's title is the actions, its rows carry their letters, and a reason is shown whole", arguments: [Language.ja, .en])
    func screen(_ lang: Language) {
        var m = UpdateTests.model(role: .operator)
        m.language = lang
        m.size = Size(width: 100, height: 60)
        _ = update(&m, .keyPressed(.char("s")))
        let s = view(m)
        if let diff = Golden.check(s, "action-menu-operator-\(lang.rawValue)-100x60") { Issue.record(Comment(rawValue: diff)) }
        let text = s.textLines.joined(separator: "\n")
        #expect(text.contains(lang == .ja ? "操作 C-000001" : "actions C-000001"))
        #expect(!text.contains("…"), "a reason was cut:\n\(text)")
    }
}
