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

    // MARK: Dialogs, menus, forms and overlays

    @Test("no key is bound twice in one dialog context", arguments: KeyContext.allCases)
    func noKeyTwiceInAContext(_ c: KeyContext) {
        let keys = KeyMap.bindings(in: c).flatMap(\.keys)
        #expect(Set(keys).count == keys.count, "\(c): \(keys)")
        for b in KeyMap.bindings(in: c) {
            #expect(!b.keys.isEmpty && (0...b.keys.count).contains(b.hinted), "\(c) \(b.action)")
            for k in b.keys { #expect(KeyMap.action(for: k, in: c) == b.action, "\(c) \(k)") }
        }
    }

    @Test("no two contexts disagree on Esc and Ctrl-C: they close every dialog, and Ctrl-Z is never a dialog's")
    func escapeClosesEverywhere() {
        for c in KeyContext.allCases {
            #expect(KeyMap.action(for: .escape, in: c) == .close, "\(c)")
            #expect(KeyMap.action(for: .ctrl("c"), in: c) == .close, "\(c)")
            // Ctrl-Z suspends from anywhere (the panes' table) and keeps what was typed.
            #expect(KeyMap.action(for: .ctrl("z"), in: c) == nil, "\(c)")
        }
    }

    @Test("in dialogs j and k only move, and q only closes")
    func reservedKeysInDialogs() {
        for c in KeyContext.allCases {
            for (key, allowed) in [(Key.char("j"), DialogAction.moveDown), (.char("k"), .moveUp), (.char("q"), .close)] {
                let a = KeyMap.action(for: key, in: c)
                #expect(a == nil || a == allowed, "\(c): \(key) → \(a.map { "\($0)" } ?? "")")
            }
        }
    }

    @Test("on the erasure's last dialog no letter moves to Erase or presses it")
    func lettersNeverErase() {
        for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 " {
            let a = KeyMap.action(for: .char(c), in: .confirmErase)
            #expect(a == nil || a == .close, "\(c) → \(a.map { "\($0)" } ?? "")")
        }
    }

    @Test("every binding's help is written in Japanese and English")
    func dialogHelpTranslated() {
        for c in KeyContext.allCases {
            for b in KeyMap.bindings(in: c) {
                #expect(!b.help.text(.ja).isEmpty && !b.help.text(.en).isEmpty && b.help.text(.ja) != b.help.text(.en), "\(c) \(b.action)")
            }
        }
    }

    /// The hint lines as they were written by hand before they came from the table.
    static let hints: [(KeyContext, String, String)] = [
        (.pickList, "↑↓ 選択  Enter 次へ  Esc 取消", "↑↓ choose  Enter next  Esc cancel"),
        (.retention, "Enter 消去へ  Esc 閉じる", "Enter erase  Esc close"),
        (.consultations, "↑↓ 選択  Enter 開く (カウンセラー、記録されます)  o 新規相談  Esc 閉じる",
         "↑↓ choose  Enter open (counsellors; recorded)  o new  Esc close"),
        (.consultation, "↑↓ スクロール  a メモ  c ケア開始  d ケア完了  L 案件と関連付け  x 相談を終える  Esc 一覧へ",
         "↑↓ scroll  a note  c care  d care done  L link a case  x close  Esc back to the list"),
        (.handovers, "Enter 勤務を開始  ↑↓ スクロール  Esc 閉じる", "Enter start my shift  ↑↓ scroll  Esc close"),
        (.shiftBoard, "s 勤務開始  e 勤務終了 (引継ぎ)  Esc 閉じる", "s start my shift  e end it (handover)  Esc close"),
        (.monthly, "←→ 月  o 組織  ↑↓ スクロール  Esc 閉じる", "←→ month  o organization  ↑↓ scroll  Esc close"),
        (.counterForm, "↑↓/Tab 項目  Space はい/いいえ  ←→ 選択  Enter 次へ・引継ぎ  Esc 閉じる",
         "↑↓/Tab field  Space yes/no  ←→ choose  Enter next / hand over  Esc close"),
        (.decision, "↑↓ 項目  Space 済  L 言語  w ご案内を印刷  F 定型文  Enter 記録して閉じる  Esc 閉じる",
         "↑↓ item  Space done  L language  w print leaflet  F fixed scripts  Enter record & close  Esc close"),
        (.confirm, "y: はい  N: いいえ", "y: yes  N: no"),
        (.textInput, "Enter: 確定  Esc: 取消", "Enter: confirm  Esc: cancel"),
        (.note, "Enter: 保存  Esc: 取消", "Enter: save  Esc: cancel"),
        (.menu, "Enter: 実行  Esc: 取消", "Enter: do it  Esc: cancel"),
        (.help, "Esc または ? で閉じる", "Esc or ? closes"),
    ]

    @Test("dialog hints are generated from the table, in both languages, as they read before")
    func dialogHints() {
        for (c, ja, en) in Self.hints {
            #expect(KeyMap.hint(c, .ja) == ja, "\(c)")
            #expect(KeyMap.hint(c, .en) == en, "\(c)")
        }
        #expect(KeyMap.keysHint(.confirm) == "y/N")
        #expect(KeyMap.keyName(.close, in: .fixedScripts) == "Esc")
    }
}
