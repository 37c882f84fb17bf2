import DeskDomain
import DeskTUI
import Foundation
import TOMLKit

/// The console's configuration: `$XDG_CONFIG_HOME/mado/config.toml` (default `~/.config/mado/config.toml`), over
/// `/etc/mado/config.toml`. Read, never written. A mistake is refused with the file and line, before the console opens.
///
/// ```toml
/// language = "ja"          # ja or en; --lang wins
/// theme = "high-contrast"  # --theme wins
/// printer = "counter-1"    # the print queue (lp -d) or a directory for leaflets; MADO_PRINTER overrides it
///
/// [keys]                   # names as on the : line (:take, :note); values as the help names keys
/// take = "T"
/// note = ["a", "N"]
/// ```
struct ConsoleConfig: Equatable {
    var language: Language?
    var theme: String?
    /// The print queue for what the console prints (leaflets), if set.
    var printer: String?
    var keys: KeyTable = .standard
    /// The files read, system first.
    var files: [String] = []

    /// A configuration file refused: where, and why.
    struct Problem: Error, Equatable, CustomStringConvertible {
        let file: String, line: Int, message: String
        var description: String { "\(Sanitizer.visible(file)):\(line): \(message)" }
    }

    /// The desk-wide file, under the user's.
    static let systemFile = "/etc/mado/config.toml"

    /// The files, in the order they are read (a later one's values win). `system` is a parameter so tests never touch /etc.
    static func paths(environment env: [String: String], system: String = systemFile) -> [String] {
        // XDG: an empty or relative $XDG_CONFIG_HOME is ignored.
        let base = env["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? ((env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) as NSString).appendingPathComponent(".config")
        return [system, (base as NSString).appendingPathComponent("mado/config.toml")]
    }

    /// Reads the files that exist. `read` opens one (the front end passes the user's own rights when set-group-id).
    /// `language` is the one the refusals are written in (the flag's or the locale's: the file may be what is wrong).
    static func load(environment env: [String: String] = ProcessInfo.processInfo.environment, system: String = systemFile,
                     language: Language = .en, read: (String) throws -> Data? = { FileManager.default.contents(atPath: $0) }) throws -> ConsoleConfig {
        var config = ConsoleConfig()
        var remaps: [Remap] = []
        for path in paths(environment: env, system: system) {
            guard FileManager.default.fileExists(atPath: path) else { continue }
            guard let data = try read(path) else { throw Problem(file: path, line: 0, message: language == .ja ? "読めません" : "cannot be read") }
            guard let text = String(data: data, encoding: .utf8) else { throw Problem(file: path, line: 0, message: language == .ja ? "UTF-8 ではありません" : "is not UTF-8") }
            try config.merge(text, file: path, remaps: &remaps, refusalsIn: language)
            config.files.append(path)
        }
        // A later file's remapping of an action replaces an earlier one's.
        var latest: [KeyAction: Remap] = [:]
        for r in remaps { latest[r.action] = r }
        let ordered = remaps.filter { latest[$0.action] == $0 }
        switch KeyTable.standard.remapping(ordered.map { ($0.action, $0.keys) }) {
        case .success(let table): config.keys = table
        case .failure(let refused):
            let r = ordered[refused.index]
            var message = "[keys] \(r.action.command): \(refused.conflict.text(language))"
            if case .taken(_, let other) = refused.conflict, let o = ordered.first(where: { $0.action == other }) {
                let at = "\(Sanitizer.visible(o.file)):\(o.line)"
                message += language == .ja ? " (\(at) で割り当て)" : " (remapped at \(at))"
            }
            throw Problem(file: r.file, line: r.line, message: message)
        }
        return config
    }

    struct Remap: Equatable {
        let action: KeyAction, keys: [Key], file: String, line: Int
    }

    /// Reads one file over what was read before.
    mutating func merge(_ text: String, file: String, remaps: inout [Remap], refusalsIn: Language = .en) throws {
        let ja = refusalsIn == .ja
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw Problem(file: file, line: e.source.begin.line, message: (ja ? "TOML の書き方の誤り: " : "") + Sanitizer.visible(e.description))
        }
        let lines = Self.lines(text)
        func fail(_ key: String, in table: String? = nil, _ message: String) -> Problem {
            Problem(file: file, line: lines[Self.where(key, in: table)] ?? 0, message: message)
        }
        func string(_ key: String) throws -> String? {
            guard let v = root[key] else { return nil }
            guard let s = v.string else { throw fail(key, ja ? "\(key) は文字列 (\"…\") で書きます" : "\(key) must be a string") }
            return s
        }
        for key in root.keys.sorted() where !["language", "theme", "printer", "keys"].contains(key) {
            throw fail(key, ja ? "設定 \"\(Sanitizer.visible(key))\" はありません (設定: language, theme, printer, [keys])"
                      : "unknown setting \"\(Sanitizer.visible(key))\" (settings: language, theme, printer, [keys])")
        }
        if let l = try string("language") {
            guard let lang = Language(rawValue: l) else { throw fail("language", ja ? "language は \"ja\" か \"en\" です" : "language must be \"ja\" or \"en\"") }
            language = lang
        }
        if let t = try string("theme") { theme = t }
        if let p = try string("printer") { printer = p }
        guard let keys = root["keys"] else { return }
        guard let table = keys.table else { throw fail("keys", ja ? "keys は表 [keys] で書きます" : "keys must be a table: [keys]") }
        for name in table.keys.sorted(by: { (lines[Self.where($0, in: "keys")] ?? 0) < (lines[Self.where($1, in: "keys")] ?? 0) }) {
            let line = lines[Self.where(name, in: "keys")] ?? 0
            guard let action = KeyAction(command: name) else {
                throw Problem(file: file, line: line, message: "[keys] \"\(Sanitizer.visible(name))\" "
                              + (ja ? "はキー表の操作ではありません (: 行と同じ名前: " : "is not an action of the key table (names as on the : line: ")
                              + "\(ConsoleCommand.names.filter { $0 != "lang" && $0 != "theme" }.joined(separator: " ")))")
            }
            let given: [String]
            if let s = table[name]?.string {
                given = [s]
            } else if let a = table[name]?.array {
                given = try a.map { item in
                    guard let s = item.string else { throw Problem(file: file, line: line, message: "[keys] \(name): " + (ja ? "キーは文字列で書きます" : "a key is a string")) }
                    return s
                }
            } else {
                throw Problem(file: file, line: line, message: "[keys] \(name) "
                              + (ja ? "はキー (\"T\") かキーの並び ([\"T\", \"Ctrl-T\"]) で書きます" : "must be a key (\"T\") or a list of keys ([\"T\", \"Ctrl-T\"])"))
            }
            let parsed = try given.map { s -> Key in
                guard let k = Key(name: s) else {
                    throw Problem(file: file, line: line, message: "[keys] \(name): \"\(Sanitizer.visible(s))\" "
                                  + (ja ? "はキーではありません (印字できる ASCII 1 文字、" : "is not a key (a printable ASCII character, ")
                                  + "Ctrl-X, F1, Enter, Esc, Tab, Shift-Tab, Space, Backspace, Delete, PgUp, PgDn, Home, End, Up, Down, Left, Right)")
                }
                return k
            }
            remaps.append(Remap(action: action, keys: parsed, file: file, line: line))
        }
    }

    /// Where each key is set: `"table.key"` (or `"key"` at the top) → line number. The parser gives lines only for
    /// syntax errors, and a refusal must still point at its line.
    static func lines(_ text: String) -> [String: Int] {
        var out: [String: Int] = [:], table: String?
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                table = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] \t")).split(separator: "#").first
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                if let t = table { out[`where`(t, in: nil)] = out[`where`(t, in: nil)] ?? i + 1 }
                continue
            }
            guard let eq = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            out[`where`(key, in: table)] = out[`where`(key, in: table)] ?? i + 1
        }
        return out
    }

    private static func `where`(_ key: String, in table: String?) -> String { table.map { "\($0).\(key)" } ?? key }
}
