import Testing
@testable import DeskTUI

@Suite("Key table")
struct KeyMapTests {
    static let allKeys: [Key] = KeyMap.bindings.flatMap(\.keys)

    @Test("no key is bound twice")
    func noKeyTwice() {
        var seen: [Key: KeyAction] = [:]
        for b in KeyMap.bindings {
            for k in b.keys {
                #expect(seen[k] == nil, "\(k) is bound to both \(seen[k].map { "\($0)" } ?? "") and \(b.action)")
                seen[k] = b.action
            }
        }
        #expect(Set(Self.allKeys).count == Self.allKeys.count)
    }

    @Test("every action has exactly one binding with at least one key")
    func everyActionBound() {
        for a in KeyAction.allCases {
            let bs = KeyMap.bindings.filter { $0.action == a }
            #expect(bs.count == 1, "\(a) has \(bs.count) bindings")
            #expect(KeyMap.binding(a)?.keys.isEmpty == false, "\(a) has no key")
        }
    }

    @Test("every bound key finds its own action")
    func lookupAgreesWithTable() {
        for b in KeyMap.bindings {
            for k in b.keys { #expect(KeyMap.action(for: k) == b.action, "\(k)") }
        }
        #expect(KeyMap.action(for: .char("z")) == nil)
        #expect(KeyMap.action(for: .char("あ")) == nil)
    }

    /// UX.md §1–3: j/k/h/l/g/G navigate, n/N step through hits, q quits; nothing else ever sits on them.
    static let reserved: [(Character, Set<KeyAction>)] = [
        ("j", [.moveDown]), ("k", [.moveUp]), ("h", [.back]), ("l", [.open]), ("g", [.top]), ("G", [.bottom]),
        ("n", [.nextHit]), ("N", [.previousHit]), ("q", [.quit]),
    ]

    @Test("j k h l g G n N q only navigate, step through hits or quit")
    func reservedKeys() {
        for (c, allowed) in Self.reserved {
            let a = KeyMap.action(for: .char(c))
            #expect(a.map { allowed.contains($0) } == true, "\(c) → \(a.map { "\($0)" } ?? "nothing")")
        }
    }

    @Test("arrows, Home/End and PgUp/PgDn work beside the letters")
    func navigationBothWays() {
        #expect(KeyMap.action(for: .up) == .moveUp)
        #expect(KeyMap.action(for: .down) == .moveDown)
        #expect(KeyMap.action(for: .left) == .back)
        #expect(KeyMap.action(for: .right) == .open)
        #expect(KeyMap.action(for: .home) == .top)
        #expect(KeyMap.action(for: .end) == .bottom)
        #expect(KeyMap.action(for: .pageUp) == .pageUp)
        #expect(KeyMap.action(for: .pageDown) == .pageDown)
        #expect(KeyMap.action(for: .ctrl("u")) == .pageUp)
        #expect(KeyMap.action(for: .ctrl("d")) == .pageDown)
        #expect(KeyMap.action(for: .tab) == .nextPane)
        #expect(KeyMap.action(for: .backTab) == .previousPane)
        #expect(KeyMap.action(for: .char("/")) == .search)
    }

    @Test("? and F1 open help")
    func help() {
        #expect(KeyMap.action(for: .char("?")) == .openHelp)
        #expect(KeyMap.action(for: .f1) == .openHelp)
    }

    @Test("Enter opens, Esc goes back and never quits")
    func enterAndEscape() {
        #expect(KeyMap.action(for: .enter) == .open)
        #expect(KeyMap.action(for: .escape) == .back)
        #expect(KeyMap.action(for: .escape) != .quit)
        #expect(KeyMap.binding(.quit)?.keys.contains(.escape) == false)
        // Ctrl-C cancels input; it is not a quit key either.
        #expect(KeyMap.action(for: .ctrl("c")) != .quit)
        #expect(KeyMap.binding(.quit)?.keys == [.char("q")])
    }

    @Test("Ctrl-L repaints")
    func redraw() {
        #expect(KeyMap.action(for: .ctrl("l")) == .redraw)
    }

    @Test("every key has a printable name for the hints and the help")
    func keyNames() {
        for k in Self.allKeys {
            let d = k.description
            #expect(!d.isEmpty)
            #expect(!d.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "\(k)")
        }
        #expect(Key.char(" ").description == "Space")
        #expect(Key.ctrl("l").description == "Ctrl-L")
        #expect(Key.escape.description == "Esc")
    }
}
