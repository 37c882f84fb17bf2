import DeskDomain
import DeskTUI
import Foundation
@testable import mado
import Testing

/// The console's configuration file: language, theme, printer and key remapping, refused with file:line.
@Suite("console configuration")
struct ConsoleConfigTests {
    /// A config directory of its own, as $XDG_CONFIG_HOME, and a desk-wide file in it standing in for /etc's.
    final class Home {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mado-config-\(UUID().uuidString)")
        init(_ text: String?, system: String? = nil) throws {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("mado"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("etc"), withIntermediateDirectories: true)
            if let text { try Data(text.utf8).write(to: URL(fileURLWithPath: file)) }
            if let system { try Data(system.utf8).write(to: URL(fileURLWithPath: self.system)) }
        }
        var env: [String: String] { ["XDG_CONFIG_HOME": dir.path] }
        var file: String { dir.appendingPathComponent("mado/config.toml").path }
        /// Never the real /etc: tests pass this as the system file.
        var system: String { dir.appendingPathComponent("etc/config.toml").path }
        func load(_ env: [String: String]? = nil, language: Language = .en) throws -> ConsoleConfig {
            try ConsoleConfig.load(environment: env ?? self.env, system: system, language: language)
        }
        deinit { try? FileManager.default.removeItem(at: dir) }
    }

    @Test("language, theme, printer and remapped keys are read; the remapped key does the action and the old one nothing")
    func reads() throws {
        let home = try Home("""
            # the desk's counter terminal
            language = "ja"
            theme = "mono"
            printer = "counter-1"

            [keys]
            take = "T"
            note = ["a", "Ctrl-N"]
            """)
        let c = try home.load()
        #expect(c.language == .ja && c.theme == "mono" && c.printer == "counter-1")
        #expect(c.files.last == home.file)
        #expect(c.keys.action(for: .char("T")) == .take)
        #expect(c.keys.action(for: .char("t")) == nil)
        #expect(c.keys.action(for: .ctrl("n")) == .addNote)
        #expect(c.keys.keyName(.take) == "T")
    }

    @Test("no file: the standard keys and nothing set")
    func none() throws {
        let home = try Home(nil)
        let c = try home.load()
        #expect(c.language == nil && c.theme == nil && c.printer == nil && c.keys == .standard)
    }

    @Test("mistakes are refused with the file and the line", arguments: [
        ("language = \"fr\"", 1, "language must be \"ja\" or \"en\""),
        ("\n\ncolour = \"red\"", 3, "unknown setting \"colour\""),
        ("[keys]\ntake = \"T\"\nfly = \"x\"", 3, "\"fly\" is not an action of the key table"),
        ("[keys]\n\ntake = \"j\"", 3, "take: j is already the key of down"),
        ("[keys]\ntake = \"s\"", 2, "take: s is already the key of actions"),
        ("[keys]\ntake = \"Ctrl-\"", 2, "\"Ctrl-\" is not a key"),
        ("[keys]\ntake = 3", 2, "take must be a key"),
        ("language = \"ja\"\ntheme = [", 2, "parsing"),
    ])
    func refused(_ text: String, _ line: Int, _ says: String) throws {
        let home = try Home(text)
        #expect {
            try home.load()
        } throws: { error in
            let p = error as? ConsoleConfig.Problem
            return p?.file == home.file && p?.line == line && (p?.message.contains(says) ?? false)
        }
    }

    @Test("a conflict between two remapped keys names both lines")
    func conflictNamesBoth() throws {
        let home = try Home("[keys]\ntake = \"T\"\nnote = \"T\"\n")
        do {
            _ = try home.load()
            Issue.record("a conflict was accepted")
        } catch let p as ConsoleConfig.Problem {
            #expect(p.description == "\(home.file):2: [keys] take: T is already the key of note (remapped at \(home.file):3)")
        }
    }

    @Test("the file is read, never written")
    func neverWritten() throws {
        let home = try Home("theme = \"mono\"\n")
        let before = try FileManager.default.attributesOfItem(atPath: home.file)[.modificationDate] as? Date
        _ = try home.load()
        #expect(try FileManager.default.attributesOfItem(atPath: home.file)[.modificationDate] as? Date == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.dir.appendingPathComponent("mado").path) == ["config.toml"])
    }

    @Test("the user's file wins over the desk-wide one, setting by setting and key by key")
    func userOverSystem() throws {
        let home = try Home("theme = \"mono\"\n[keys]\ntake = \"T\"\n",
                            system: "language = \"en\"\ntheme = \"high-contrast\"\nprinter = \"desk-1\"\n[keys]\ntake = \"U\"\nnote = \"Ctrl-N\"\n")
        let c = try home.load()
        #expect(c.files == [home.system, home.file])
        #expect(c.language == .en && c.theme == "mono" && c.printer == "desk-1")
        #expect(c.keys.action(for: .char("T")) == .take && c.keys.action(for: .char("U")) == nil)
        #expect(c.keys.action(for: .ctrl("n")) == .addNote)
    }

    @Test("the desk-wide file alone is read, and its mistakes name it")
    func systemOnly() throws {
        let home = try Home(nil, system: "language = \"ja\"\n")
        #expect(try home.load().language == .ja)
        let bad = try Home(nil, system: "\nlanguage = 1\n")
        #expect(throws: ConsoleConfig.Problem(file: bad.system, line: 2, message: "language must be a string")) { try bad.load() }
    }

    @Test("without $XDG_CONFIG_HOME (or with a relative one) the file is ~/.config/mado/config.toml")
    func homeFallback() throws {
        let home = try Home(nil)
        try FileManager.default.createDirectory(at: home.dir.appendingPathComponent(".config/mado"), withIntermediateDirectories: true)
        try Data("language = \"en\"\n".utf8).write(to: home.dir.appendingPathComponent(".config/mado/config.toml"))
        #expect(try home.load(["HOME": home.dir.path]).language == .en)
        #expect(try home.load(["HOME": home.dir.path, "XDG_CONFIG_HOME": "relative/dir"]).language == .en)
        #expect(ConsoleConfig.paths(environment: ["XDG_CONFIG_HOME": "/x"], system: "/s") == ["/s", "/x/mado/config.toml"])
    }

    @Test("a Japanese desk reads the refusal in Japanese, with the same file and line")
    func refusedInJapanese() throws {
        let home = try Home("[keys]\ntake = \"T\"\nnote = \"T\"\n")
        #expect(throws: ConsoleConfig.Problem(file: home.file, line: 2,
                                              message: "[keys] take: T はすでに note のキーです (\(home.file):3 で割り当て)")) {
            try home.load(language: .ja)
        }
        let bad = try Home("colour = 1\n")
        #expect(throws: ConsoleConfig.Problem(file: bad.file, line: 1,
                                              message: "設定 \"colour\" はありません (設定: language, theme, printer, [keys])")) {
            try bad.load(language: .ja)
        }
    }
}
