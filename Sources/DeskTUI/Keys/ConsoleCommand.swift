import DeskDomain

/// The `:` command line: every action of the key table by a long name (`:note`, `:take`), and the settings that take a
/// value (`:lang en`, `:theme mono`). Generated from the key table, so a new key gets its command with it.
public enum ConsoleCommand: Equatable, Sendable {
    case action(KeyAction)
    case language(Language)
    case theme(String)

    /// Why a typed command was not run.
    public enum Problem: Error, Equatable, Sendable {
        case unknown(String)
        case ambiguous(String, [String])
        case needsValue(String, choices: [String])
        case badLanguage(String)

        public func text(_ lang: Language) -> String {
            switch self {
            case .unknown(let name): UIText.commandUnknown.text(lang) + ": :" + Sanitizer.visible(name)
            case let .ambiguous(name, list): UIText.commandAmbiguous.text(lang) + ": :" + Sanitizer.visible(name) + " → " + list.joined(separator: " ")
            case let .needsValue(name, choices): ":\(name) " + UIText.commandNeedsArgument.text(lang) + " (" + choices.joined(separator: " ") + ")"
            case .badLanguage: UIText.languageChoices.text(lang)
            }
        }
    }

    /// The commands that take a value, with the values offered for completion.
    static func values(of name: String, themes: [String]) -> [String]? {
        switch name {
        case "lang": Language.allCases.map(\.rawValue)
        case "theme": themes
        default: nil
        }
    }

    /// Every name, in key-table order, then the settings; `q` is `:quit` as in vi.
    public static let names: [String] = KeyMap.bindings.map(\.action.command) + ["lang", "theme"]

    /// The command a name stands for: the whole name, `q`, or a prefix only one name has.
    static func resolve(_ word: String) -> Result<String, Problem> {
        if word == "q" || names.contains(word) { return .success(word == "q" ? "quit" : word) }
        let matches = names.filter { $0.hasPrefix(word) }
        if matches.count == 1 { return .success(matches[0]) }
        return .failure(matches.isEmpty ? .unknown(word) : .ambiguous(word, matches))
    }

    /// Reads a typed line (without the colon).
    public static func parse(_ line: String, themes: [String]) -> Result<ConsoleCommand, Problem> {
        let words = line.split(separator: " ").map(String.init)
        guard let first = words.first else { return .failure(.unknown("")) }
        let name: String
        switch resolve(first) {
        case .success(let n): name = n
        case .failure(let p): return .failure(p)
        }
        if let choices = values(of: name, themes: themes) {
            guard words.count == 2 else { return .failure(.needsValue(name, choices: choices)) }
            if name == "theme" { return .success(.theme(words[1])) }
            guard let lang = Language(rawValue: words[1]) else { return .failure(.badLanguage(words[1])) }
            return .success(.language(lang))
        }
        guard words.count == 1, let action = KeyAction.allCases.first(where: { $0.command == name }) else { return .failure(.unknown(line)) }
        return .success(.action(action))
    }

    /// Tab: the line completed as far as it is certain, and what it could still become.
    public static func complete(_ line: String, themes: [String]) -> (line: String, candidates: [String]) {
        let endsInSpace = line.hasSuffix(" ")
        var words = line.split(separator: " ").map(String.init)
        if endsInSpace { words.append("") }
        switch words.count {
        case 0, 1:
            let word = words.first ?? ""
            let matches = names.filter { $0.hasPrefix(word) }
            if matches.count == 1 { return (matches[0] + (values(of: matches[0], themes: themes) == nil ? "" : " "), []) }
            return (commonPrefix(matches, or: word), matches)
        case 2:
            guard case .success(let name) = resolve(words[0]), let choices = values(of: name, themes: themes) else { return (line, []) }
            let matches = choices.filter { $0.hasPrefix(words[1]) }
            if matches.count == 1 { return (name + " " + matches[0], []) }
            return (name + " " + commonPrefix(matches, or: words[1]), matches)
        default: return (line, [])
        }
    }

    private static func commonPrefix(_ list: [String], or fallback: String) -> String {
        guard var prefix = list.first else { return fallback }
        for s in list.dropFirst() { while !s.hasPrefix(prefix) { prefix.removeLast() } }
        return prefix.count > fallback.count ? prefix : fallback
    }
}

extension KeyAction {
    /// The action's long form on the `:` line, and its name in the `[keys]` table of the configuration file.
    public var command: String {
        switch self {
        case .moveUp: "up"
        case .moveDown: "down"
        case .pageUp: "page-up"
        case .pageDown: "page-down"
        case .top: "top"
        case .bottom: "bottom"
        case .nextPane: "next-pane"
        case .previousPane: "previous-pane"
        case .focusQueue: "queue"
        case .focusDetail: "case"
        case .focusEscalation: "escalation"
        case .open: "open"
        case .back: "back"
        case .search: "search"
        case .nextHit: "next-match"
        case .previousHit: "previous-match"
        case .addNote: "note"
        case .take: "take"
        case .changeState: "actions"
        case .ladderStep: "ladder"
        case .cycleLane: "lane"
        case .cycleOrganization: "organization"
        case .cycleState: "state"
        case .toggleOverdue: "overdue"
        case .toggleMine: "mine"
        case .clearFilter: "clear"
        case .openHelp: "help"
        case .redraw: "redraw"
        case .suspend: "suspend"
        case .eraseSubject: "erase"
        case .showRetention: "retention"
        case .showMonthly: "monthly"
        case .shift: "shift"
        case .consultations: "consultations"
        case .assign: "assign"
        case .handOver: "handover"
        case .fixedScripts: "scripts"
        case .commandLine: "command"
        case .quit: "quit"
        }
    }
}
