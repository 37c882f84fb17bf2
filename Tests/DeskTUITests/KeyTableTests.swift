import DeskApp
import DeskDomain
@testable import DeskTUI
import Foundation
import Testing

/// The key table as remapped by the configuration file: one table for keys, hints and help (UX.md 5 and 12).
@Suite("the remapped key table")
struct KeyTableTests {
    static func remapped(_ changes: [(KeyAction, [Key])]) throws -> KeyTable {
        try KeyTable.standard.remapping(changes).get()
    }

    @Test("a remapped key does its action, the old key nothing, and hints and help name the new key")
    func remappedEverywhere() throws {
        var m = UpdateTests.model()
        m.keys = try Self.remapped([(.take, [.char("T")])])
        #expect(update(&m, .keyPressed(.char("t"))) == [])
        #expect(m.prompt == nil)
        _ = update(&m, .keyPressed(.char("T")))
        #expect(m.prompt == .confirmTake(CaseID(number: 1)))
        m.prompt = nil
        m.focus = .escalation
        let screen = view(m).textLines.joined(separator: "\n")
        #expect(screen.contains("T take case") && !screen.contains("t take case"), "\(screen)")     // the hint line
        let offers = m.escalationLines.map(\.text)
        // Keys in a column as wide as the widest, the menu's items with their letters: "s r" is s, then r in the menu.
        #expect(offers.contains { $0.hasPrefix("  T    take case") } && !offers.contains { $0.hasPrefix("  t ") }, "\(offers)")
        #expect(offers.contains { $0.hasPrefix("  s r  start review") } && offers.contains { $0.hasPrefix("  s v  ") }, "\(offers)")
        m.prompt = .help
        let help = view(m).textLines.joined(separator: "\n")
        #expect(help.contains(" T ") && !help.contains(" t "), "\(help)")
    }

    @Test("a key given to a second action is refused, naming the action that has it; so is an action left without keys")
    func conflicts() {
        #expect(KeyTable.standard.remapping([(.take, [.char("j")])]).failure == .init(index: 0, conflict: .taken(.char("j"), by: .moveDown)))
        #expect(KeyTable.standard.remapping([(.take, [.char("T")]), (.addNote, [.char("T")])]).failure
                == .init(index: 0, conflict: .taken(.char("T"), by: .addNote)))
        #expect(KeyTable.standard.remapping([(.take, [])]).failure == .init(index: 0, conflict: .noKeys(.take)))
        // Moving a key between two actions in one go is no conflict.
        #expect(KeyTable.standard.remapping([(.take, [.char("a")]), (.addNote, [.char("t")])]).failure == nil)
    }

    @Test("keys by the names the help uses", arguments: [
        ("T", Key.char("T")), ("Ctrl-N", .ctrl("n")), ("C-l", .ctrl("l")), ("F1", .f1), ("Enter", .enter), ("Esc", .escape),
        ("Space", .char(" ")), ("PgDn", .pageDown), ("Shift-Tab", .backTab),
    ])
    func names(_ name: String, _ key: Key) {
        #expect(Key(name: name) == key)
    }

    @Test("not keys", arguments: ["", "Ctrl-", "Ctrl-1", "ab", "日", " ", "\u{7}"])
    func notKeys(_ name: String) {
        #expect(Key(name: name) == nil)
    }

    @Test("the take and discard questions, in both languages", arguments: [Language.ja, .en])
    func dialogs(_ lang: Language) {
        var m = UpdateTests.model()
        m.language = lang
        m.size = Size(width: 80, height: 24)
        _ = update(&m, .keyPressed(.char("t")))
        if let diff = Golden.check(view(m), "take-confirm-\(lang.rawValue)-80x24") { Issue.record(Comment(rawValue: diff)) }
        _ = update(&m, .keyPressed(.escape))
        _ = update(&m, .keyPressed(.char("a")))
        _ = update(&m, .pasted("半分だけ書いたメモ"))
        _ = update(&m, .keyPressed(.ctrl("c")))
        guard case .discard? = m.prompt else { Issue.record("Ctrl-C on a half-typed note did not ask"); return }
        if let diff = Golden.check(view(m), "discard-note-\(lang.rawValue)-80x24") { Issue.record(Comment(rawValue: diff)) }
    }
}

private extension Result {
    var failure: Failure? { if case .failure(let f) = self { f } else { nil } }
}
