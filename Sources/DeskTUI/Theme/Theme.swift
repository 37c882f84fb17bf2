import DeskDomain
import Foundation

public enum ThemeColor: String, CaseIterable, Sendable {
    case `default`, black, red, green, yellow, blue, magenta, cyan, white
}

public enum ThemeAttribute: String, CaseIterable, Sendable {
    case bold, dim, underline, reverse
}

public struct Style: Equatable, Sendable {
    public var foreground: ThemeColor = .default
    public var background: ThemeColor = .default
    public var attributes: Set<ThemeAttribute> = []
}

/// Why a theme file was refused: names the file and the line.
public struct ThemeError: Error, Equatable, CustomStringConvertible {
    public let file: String, line: Int, message: String
    public var description: String { "\(file):\(line): \(message)" }
}

/// Styles by role, read from a theme file (see Themes/default.theme for the format).
public struct Theme: Equatable, Sendable {
    public let name: String
    public var styles: [StyleRole: Style]

    public func style(_ role: StyleRole) -> Style { styles[role] ?? styles[.normal] ?? Style() }

    public static func parse(_ text: String, name: String) throws(ThemeError) -> Theme {
        var styles: [StyleRole: Style] = [:]
        let roles = Dictionary(uniqueKeysWithValues: StyleRole.allCases.map { ("\($0)", $0) })
        // Lines end in LF or CRLF (a file saved on Windows).
        for (i, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            func fail(_ m: String) -> ThemeError { ThemeError(file: name, line: i + 1, message: m) }
            let parts = trimmed.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { throw fail("expected ROLE = FOREGROUND BACKGROUND [ATTRIBUTES]") }
            guard let role = roles[parts[0]] else {
                throw fail("unknown role \"\(Sanitizer.visible(parts[0]))\" (roles: \(roles.keys.sorted().joined(separator: " ")))")
            }
            guard styles[role] == nil else { throw fail("\(parts[0]) is set twice") }
            let words = parts[1].split(separator: " ").map(String.init)
            guard words.count >= 2 else { throw fail("\(parts[0]) needs a foreground and a background colour") }
            guard let fg = ThemeColor(rawValue: words[0]), let bg = ThemeColor(rawValue: words[1]) else {
                throw fail("unknown colour in \"\(Sanitizer.visible(parts[1]))\" (colours: \(ThemeColor.allCases.map(\.rawValue).joined(separator: " ")))")
            }
            var attrs: Set<ThemeAttribute> = []
            for w in words.dropFirst(2) {
                guard let a = ThemeAttribute(rawValue: w) else {
                    throw fail("unknown attribute \"\(Sanitizer.visible(w))\" (attributes: bold dim underline reverse)")
                }
                attrs.insert(a)
            }
            styles[role] = Style(foreground: fg, background: bg, attributes: attrs)
        }
        return Theme(name: name, styles: styles)
    }

    /// The same theme with colours dropped and attributes kept (NO_COLOR, monochrome terminals).
    public var withoutColour: Theme {
        Theme(name: name, styles: styles.mapValues { Style(foreground: .default, background: .default, attributes: $0.attributes) })
    }

    public static let builtinNames = BuiltinThemes.files.keys.sorted()

    /// A built-in theme, or a user theme from `$XDG_CONFIG_HOME/mado/themes/NAME.theme`.
    public static func named(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Theme {
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".config")
        let user = (config as NSString).appendingPathComponent("mado/themes/\(name).theme")
        if !name.contains("/"), let data = FileManager.default.contents(atPath: user) {
            return try parse(String(decoding: data, as: UTF8.self), name: user)
        }
        guard let text = BuiltinThemes.files[name] else {
            throw ThemeError(file: name, line: 0, message: "no such theme (built in: \(builtinNames.joined(separator: ", ")))")
        }
        return try parse(text, name: "Themes/\(name).theme")
    }

    public static let monochrome: Theme = (try? parse(BuiltinThemes.files["mono"] ?? "", name: "mono")) ?? Theme(name: "mono", styles: [:])
}
