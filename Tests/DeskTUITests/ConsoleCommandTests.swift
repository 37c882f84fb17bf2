import DeskApp
import DeskDomain
@testable import DeskTUI
import Foundation
import Testing

/// The `:` command line: the long form of every key, completed from the key table (issue 18, point 4).
@Suite("the : command line")
struct ConsoleCommandTests {
    static func type(_ m: inout Model, _ text: String) -> [Command] {
        text.flatMap { c in update(&m, .keyPressed(.char(c))) }
    }

    @Test(":lang ja typed on the queue switches the language and records nothing (issue 18: it was read as l, a, a note)")
    func langIsNotKeys() {
        var m = UpdateTests.model()
        #expect(Self.type(&m, ":lang ja") == [])
        #expect(m.prompt == .command(TextField(text: "lang ja", limit: 200), candidates: []))
        #expect(update(&m, .keyPressed(.enter)) == [])
        #expect(m.prompt == nil)
        #expect(m.language == .ja)
        #expect(m.message == StatusMessage(text: "表示を日本語にしました", isError: false))
        #expect(m.focus == .queue)
    }

    @Test("every key of the table has a long form of its own, and :name does what the key does",
          arguments: KeyMap.bindings.map(\.action))
    func everyKey(_ action: KeyAction) {
        #expect(ConsoleCommand.parse(action.command, themes: []) == .success(.action(action)))
        #expect(ConsoleCommand.names.filter { $0 == action.command }.count == 1)
        var byKey = UpdateTests.model(), byName = UpdateTests.model()
        let key = KeyMap.binding(action)!.keys[0]
        let keyCommands = update(&byKey, .keyPressed(key))
        _ = Self.type(&byName, ":" + action.command)
        let nameCommands = update(&byName, .keyPressed(.enter))
        guard action != .commandLine else { return }
        #expect(nameCommands == keyCommands)
        #expect(byName.prompt == byKey.prompt)
        #expect(byName.focus == byKey.focus)
    }

    @Test(":note opens the note, :take asks before taking, :q quits, :theme mono asks the runtime to switch")
    func commands() {
        var m = UpdateTests.model()
        _ = Self.type(&m, ":note")
        _ = update(&m, .keyPressed(.enter))
        #expect(m.prompt == .note(TextField(), CaseID(number: 1)))
        m.prompt = nil
        _ = Self.type(&m, ":take")
        _ = update(&m, .keyPressed(.enter))
        #expect(m.prompt == .confirmTake(CaseID(number: 1)))
        m.prompt = nil
        _ = Self.type(&m, ":q")
        #expect(update(&m, .keyPressed(.enter)) == [.quit])
        _ = Self.type(&m, ":theme mono")
        #expect(update(&m, .keyPressed(.enter)) == [.setTheme("mono")])
        #expect(update(&m, .themeChanged("mono")) == [])
        #expect(m.message == StatusMessage(text: "theme switched to: mono", isError: false))
    }

    @Test("Tab completes a name, a prefix two names share, and the values of :lang and :theme")
    func completion() {
        let themes = Theme.builtinNames
        #expect(ConsoleCommand.complete("no", themes: themes) == ("note", []))
        #expect(ConsoleCommand.complete("la", themes: themes) == ("la", ["ladder", "lane", "lang"]))
        #expect(ConsoleCommand.complete("lan", themes: themes) == ("lan", ["lane", "lang"]))
        #expect(ConsoleCommand.complete("th", themes: themes) == ("theme ", []))
        #expect(ConsoleCommand.complete("lang ", themes: themes) == ("lang ", ["ja", "en"]))
        #expect(ConsoleCommand.complete("lang e", themes: themes) == ("lang en", []))
        #expect(ConsoleCommand.complete("theme m", themes: themes) == ("theme mono", []))
        var m = UpdateTests.model()
        _ = Self.type(&m, ":ta")
        _ = update(&m, .keyPressed(.tab))
        #expect(m.prompt == .command(TextField(text: "take", limit: 200), candidates: []))
    }

    @Test("a mistyped command is refused in the console's language, and nothing happens",
          arguments: [(Language.ja, ":xyz", "そのコマンドはありません: :xyz"), (.en, ":xyz", "no such command: :xyz"),
                      (.ja, ":lang fr", "言語は ja または en です"), (.en, ":lang", ":lang needs a value (ja en)"),
                      (.en, ":la", "more than one command matches: :la → ladder lane lang")])
    func refused(_ lang: Language, _ typed: String, _ says: String) {
        var m = UpdateTests.model()
        m.language = lang
        let before = m
        #expect(Self.type(&m, typed) == [])
        #expect(update(&m, .keyPressed(.enter)) == [])
        #expect(m.message == StatusMessage(text: says, isError: true))
        m.message = nil
        #expect(m == before)
    }

    @Test("the command line with Tab's candidates, in Japanese and English", arguments: [Language.ja, .en])
    func screen(_ lang: Language) throws {
        let desk = try DemoDesk()
        var m = try desk.model(Size(width: 80, height: 24), lang)
        _ = Self.type(&m, ":")
        _ = update(&m, .keyPressed(.tab))
        let s = view(m)
        if let diff = Golden.check(s, "command-line-\(lang.rawValue)-80x24") { Issue.record(Comment(rawValue: diff)) }
        // Nothing cut silently: the names that did not fit are counted.
        #expect(s.textLines.last?.contains("+") == true, "\(s.textLines.last ?? "")")
    }
}
