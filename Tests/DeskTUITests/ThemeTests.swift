import Foundation
import Testing
@testable import DeskTUI

@Suite("Themes")
struct ThemeTests {
    /// The repository's root: this file is Tests/DeskTUITests/ThemeTests.swift.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let themesDir = root.appendingPathComponent("Themes")

    /// Every Themes/*.theme file by name (without extension) and its contents.
    static func themeFiles() throws -> [String: String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: themesDir.path).filter { $0.hasSuffix(".theme") }
        var out: [String: String] = [:]
        for n in names {
            out[String(n.dropLast(".theme".count))] = try String(contentsOf: themesDir.appendingPathComponent(n), encoding: .utf8)
        }
        return out
    }

    static let fileNames: [String] = {
        (try? FileManager.default.contentsOfDirectory(atPath: themesDir.path).filter { $0.hasSuffix(".theme") }.sorted()) ?? []
    }()

    /// The error `Theme.parse` throws for `text`, or nil.
    static func parseError(_ text: String, name: String = "test.theme") -> ThemeError? {
        do {
            _ = try Theme.parse(text, name: name)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Built-in themes

    @Test("the Themes folder holds the three built-in themes")
    func themesFolder() throws {
        #expect(Self.fileNames == ["default.theme", "high-contrast.theme", "mono.theme"])
    }

    @Test("every theme file parses and styles every role", arguments: fileNames)
    func everyFileParses(_ file: String) throws {
        let text = try String(contentsOf: Self.themesDir.appendingPathComponent(file), encoding: .utf8)
        let theme = try Theme.parse(text, name: "Themes/\(file)")
        #expect(Set(theme.styles.keys) == Set(StyleRole.allCases), "roles left out: \(Set(StyleRole.allCases).subtracting(theme.styles.keys))")
    }

    @Test("the generated BuiltinThemes.swift holds exactly the theme files")
    func builtinMatchesFiles() throws {
        let files = try Self.themeFiles()
        #expect(!files.isEmpty)
        #expect(Set(BuiltinThemes.files.keys) == Set(files.keys))
        #expect(Theme.builtinNames == files.keys.sorted())
        for (name, text) in files {
            // gen-themes.sh puts each file between `#"""` and `"""#` lines; a Swift multi-line literal drops the
            // line break before its closing delimiter, so the literal is the file without its final newline.
            #expect(text.hasSuffix("\n"), "Themes/\(name).theme should end with a newline")
            #expect(BuiltinThemes.files[name].map { $0 + "\n" } == text,
                    "Themes/\(name).theme and BuiltinThemes.swift differ: run scripts/gen-themes.sh")
        }
    }

    @Test("every built-in theme loads by name and matches its file", arguments: ["default", "high-contrast", "mono"])
    func namedBuiltin(_ name: String) throws {
        // An empty config directory: only the built-ins.
        let theme = try withConfigDir(themes: [:]) { env, _ in try Theme.named(name, environment: env) }
        let file = try Theme.parse(String(contentsOf: Self.themesDir.appendingPathComponent("\(name).theme"), encoding: .utf8),
                                   name: "x")
        #expect(theme.styles == file.styles)
        #expect(theme.name == "Themes/\(name).theme")
    }

    @Test("the monochrome theme is the mono file and has no colour")
    func monochrome() throws {
        #expect(Theme.monochrome.styles == (try Theme.parse(BuiltinThemes.files["mono"]!, name: "mono")).styles)
        #expect(!Theme.monochrome.styles.isEmpty)
        for (_, st) in Theme.monochrome.styles {
            #expect(st.foreground == .default && st.background == .default)
        }
    }

    @Test("without colour every theme still sets the selection and the focused title apart", arguments: ["default", "high-contrast", "mono"])
    func noStateByColourAlone(_ name: String) throws {
        let theme = try Theme.parse(BuiltinThemes.files[name]!, name: name).withoutColour
        let normal = theme.style(.normal)
        #expect(theme.style(.selected) != normal)
        #expect(theme.style(.focusedTitle) != normal)
        #expect(theme.style(.error) != normal)
        #expect(theme.style(.danger) != normal)
    }

    // MARK: Parsing

    @Test("comments, blank lines and extra spaces are fine")
    func commentsAndBlanks() throws {
        let text = """
            # a comment line

               \t
            normal   =   red    default   # trailing comment
              selected = default default reverse bold
            # title = nonsense would fail if it were read
            """
        let theme = try Theme.parse(text, name: "t")
        #expect(theme.styles[.normal] == Style(foreground: .red, background: .default, attributes: []))
        #expect(theme.styles[.selected] == Style(foreground: .default, background: .default, attributes: [.reverse, .bold]))
        #expect(theme.styles[.title] == nil)
        #expect(try Theme.parse("", name: "empty").styles.isEmpty)
    }

    @Test("a role left out looks like normal")
    func missingRoleFallsBack() throws {
        let theme = try Theme.parse("normal = cyan black bold", name: "t")
        #expect(theme.style(.hint) == Style(foreground: .cyan, background: .black, attributes: [.bold]))
        #expect(try Theme.parse("", name: "t").style(.hint) == Style())
    }

    struct BadLine: Sendable, CustomTestStringConvertible {
        let what: String, text: String, line: Int, message: String
        var testDescription: String { what }
    }

    static let badLines: [BadLine] = [
        BadLine(what: "unknown role", text: "# x\nnormal = default default\nbogus = red default", line: 3, message: "unknown role \"bogus\""),
        BadLine(what: "unknown colour", text: "normal = pink default", line: 1, message: "unknown colour"),
        BadLine(what: "unknown background", text: "\n\nmuted = red mauve", line: 3, message: "unknown colour"),
        BadLine(what: "unknown attribute", text: "normal = default default\n\ntitle = default default bold blink", line: 3,
                message: "unknown attribute \"blink\""),
        BadLine(what: "missing =", text: "# header\nnormal default default", line: 2, message: "expected ROLE = FOREGROUND BACKGROUND"),
        BadLine(what: "role set twice", text: "normal = default default\nmuted = default default dim\nnormal = red default",
                line: 3, message: "normal is set twice"),
        BadLine(what: "one colour only", text: "normal = red", line: 1, message: "needs a foreground and a background"),
        BadLine(what: "role in the wrong case", text: "Normal = red default", line: 1, message: "unknown role"),
    ]

    @Test("a bad line is refused with its line number", arguments: badLines)
    func badLine(_ b: BadLine) throws {
        let e = try #require(Self.parseError(b.text, name: "mine.theme"))
        #expect(e.file == "mine.theme")
        #expect(e.line == b.line)
        #expect(e.message.contains(b.message), "\(e.message)")
        #expect(e.description.hasPrefix("mine.theme:\(b.line): "))
    }

    @Test("an error never echoes control characters from the file")
    func errorIsSanitized() throws {
        let e = try #require(Self.parseError("\u{1B}[2Jevil = red default"))
        #expect(!e.description.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test("a theme saved with Windows line endings parses, line numbers included")
    func crlf() throws {
        let theme = try Theme.parse("normal = red default\r\nselected = default default reverse\r\n", name: "win.theme")
        #expect(theme.styles[.normal] == Style(foreground: .red, background: .default, attributes: []))
        #expect(theme.styles[.selected]?.attributes == [.reverse])
        #expect(Self.parseError("normal = red default\r\n\r\nmuted = red mauve\r\n")?.line == 3)
    }

    // MARK: withoutColour

    @Test("withoutColour keeps the attributes and drops the colours")
    func withoutColour() throws {
        let theme = try Theme.parse(BuiltinThemes.files["high-contrast"]!, name: "hc")
        let plain = theme.withoutColour
        #expect(plain.name == theme.name)
        #expect(Set(plain.styles.keys) == Set(theme.styles.keys))
        for (role, st) in theme.styles {
            #expect(plain.styles[role] == Style(foreground: .default, background: .default, attributes: st.attributes), "\(role)")
        }
        #expect(plain.style(.danger).attributes == [.bold])
        #expect(plain.style(.key).attributes == [.bold, .underline])
        #expect(theme.style(.danger).background == .red)      // the original is untouched
    }

    // MARK: Finding themes

    @Test("an unknown theme name is refused, naming the built-ins")
    func unknownName() throws {
        try withConfigDir(themes: [:]) { env, _ in
            let e = #expect(throws: ThemeError.self) { try Theme.named("nope", environment: env) }
            #expect(e?.message.contains("default, high-contrast, mono") == true)
        }
    }

    @Test("a theme name with a slash is never looked up as a path")
    func nameWithSlash() throws {
        try withConfigDir(themes: [:]) { env, themes in
            // $XDG_CONFIG_HOME/mado/themes/../../evil.theme would be $XDG_CONFIG_HOME/evil.theme.
            let outside = themes.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("evil.theme")
            try "normal = red default\n".write(to: outside, atomically: true, encoding: .utf8)
            #expect(throws: ThemeError.self) { try Theme.named("../../evil", environment: env) }
        }
    }

    @Test("a user theme in $XDG_CONFIG_HOME/mado/themes is found")
    func userTheme() throws {
        try withConfigDir(themes: ["mine": "normal = green black\nselected = black green bold\n"]) { env, themes in
            let theme = try Theme.named("mine", environment: env)
            #expect(theme.style(.selected) == Style(foreground: .black, background: .green, attributes: [.bold]))
            #expect(theme.style(.normal) == Style(foreground: .green, background: .black, attributes: []))
            #expect(theme.name == themes.appendingPathComponent("mine.theme").path)
            // The built-ins are still there beside it.
            #expect(try Theme.named("mono", environment: env).styles == Theme.monochrome.styles)
        }
    }

    @Test("a broken user theme is refused with its path and line")
    func brokenUserTheme() throws {
        try withConfigDir(themes: ["broken": "normal = default default\nselected = default default sparkle\n"]) { env, themes in
            let e = #expect(throws: ThemeError.self) { try Theme.named("broken", environment: env) }
            #expect(e?.file == themes.appendingPathComponent("broken.theme").path)
            #expect(e?.line == 2)
        }
    }
}

/// Runs `body` with a unique temporary `XDG_CONFIG_HOME` holding `themes` (name → text) in mado/themes,
/// passing the environment to use and the themes directory. The directory is removed afterwards.
private func withConfigDir<T>(themes: [String: String], _ body: ([String: String], URL) throws -> T) throws -> T {
    let config = FileManager.default.temporaryDirectory.appendingPathComponent("mado-theme-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: config) }
    let dir = config.appendingPathComponent("mado/themes")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for (name, text) in themes {
        try text.write(to: dir.appendingPathComponent("\(name).theme"), atomically: true, encoding: .utf8)
    }
    return try body(["XDG_CONFIG_HOME": config.path], dir)
}
