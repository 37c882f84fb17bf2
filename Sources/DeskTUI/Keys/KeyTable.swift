import DeskDomain

/// The panes' key table as this console uses it: the standard one (`KeyMap.bindings`) with the configuration file's
/// `[keys]` remapping applied. Status line, help and `update` read it, so a remapped key is named everywhere.
public struct KeyTable: Equatable, Sendable {
    public private(set) var bindings: [KeyBinding]
    /// What was remapped; two tables with the same remapping are the same table.
    private var remapped: [KeyAction: [Key]]

    public static let standard = KeyTable(bindings: KeyMap.bindings, remapped: [:])

    public static func == (a: KeyTable, b: KeyTable) -> Bool { a.remapped == b.remapped }

    public func action(for key: Key) -> KeyAction? { bindings.first { $0.keys.contains(key) }?.action }

    /// The first key of an action, as hints name it.
    public func keyName(_ a: KeyAction) -> String { bindings.first { $0.action == a }?.keys.first?.description ?? "" }

    /// Why a remapping was refused.
    public enum Conflict: Error, Equatable, Sendable, CustomStringConvertible {
        /// The key is already another action's.
        case taken(Key, by: KeyAction)
        case noKeys(KeyAction)

        public var description: String { text(.en) }

        public func text(_ language: Language) -> String {
            switch (self, language) {
            case let (.taken(key, other), .ja): "\(key) はすでに \(other.command) のキーです"
            case let (.taken(key, other), _): "\(key) is already the key of \(other.command)"
            case let (.noKeys(a), .ja): "\(a.command) にはキーが 1 つ以上要ります"
            case let (.noKeys(a), _): "\(a.command) needs at least one key"
            }
        }
    }

    /// Which change was refused (its index in the list given) and why.
    public struct Refused: Error, Equatable, Sendable {
        public let index: Int
        public let conflict: Conflict
    }

    /// The table with each action's keys replaced, checked as a whole: no key may end up with two actions.
    /// `changes` in the order they were given, so that the conflict named is the later line's.
    public func remapping(_ changes: [(KeyAction, [Key])]) -> Result<KeyTable, Refused> {
        var next = self
        for (action, keys) in changes {
            next.remapped[action] = keys
            next.bindings = next.bindings.map { b in
                b.action == action ? KeyBinding(keys: keys, action: b.action, help: b.help, hintIn: b.hintIn, scope: b.scope) : b
            }
        }
        for (i, (action, keys)) in changes.enumerated() {
            if keys.isEmpty { return .failure(Refused(index: i, conflict: .noKeys(action))) }
            for key in keys {
                if let other = next.bindings.first(where: { $0.action != action && $0.keys.contains(key) }) {
                    return .failure(Refused(index: i, conflict: .taken(key, by: other.action)))
                }
            }
        }
        return .success(next)
    }
}

extension KeyAction {
    /// An action by the name the `:` line and the configuration file use (`note`), or by its own (`addNote`).
    public init?(command: String) {
        guard let a = KeyAction.allCases.first(where: { $0.command == command }) ?? KeyAction(rawValue: command) else { return nil }
        self = a
    }
}

extension Key {
    /// A key as the help names it (`t`, `Ctrl-L`, `F1`, `Enter`, `Space`), and a few common spellings (`C-l`, `Esc`).
    public init?(name: String) {
        let lower = name.lowercased()
        let named: [String: Key] = ["space": .char(" "), "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
                                    "tab": .tab, "shift-tab": .backTab, "backtab": .backTab, "bs": .backspace, "backspace": .backspace,
                                    "del": .delete, "delete": .delete, "f1": .f1, "pgup": .pageUp, "pageup": .pageUp,
                                    "pgdn": .pageDown, "pagedown": .pageDown, "home": .home, "end": .end, "up": .up, "down": .down,
                                    "left": .left, "right": .right, "↑": .up, "↓": .down, "←": .left, "→": .right]
        if let k = named[lower] { self = k; return }
        for prefix in ["ctrl-", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let c = rest.first, c.isLetter, c.isASCII else { return nil }
            self = .ctrl(c)
            return
        }
        guard name.count == 1, let c = name.first, !c.isWhitespace, c.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value < 0x7F }) else {
            return nil
        }
        self = .char(c)
    }
}
