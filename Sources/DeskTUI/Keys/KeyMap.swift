/// The one key table.
public enum KeyMap {
    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: [.up, .char("k")], action: .moveUp, help: .moveUp, hintIn: []),
        KeyBinding(keys: [.down, .char("j")], action: .moveDown, help: .moveDown, hintIn: []),
        KeyBinding(keys: [.pageUp, .ctrl("u")], action: .pageUp, help: .page, hintIn: []),
        KeyBinding(keys: [.pageDown, .ctrl("d")], action: .pageDown, help: .page, hintIn: []),
        KeyBinding(keys: [.home, .char("g")], action: .top, help: .topBottom, hintIn: []),
        KeyBinding(keys: [.end, .char("G")], action: .bottom, help: .topBottom, hintIn: []),
        KeyBinding(keys: [.enter, .char("l"), .right], action: .open, help: .open, hintIn: [.queue], scope: [.queue]),
        KeyBinding(keys: [.escape, .char("h"), .left], action: .back, help: .back, hintIn: [.detail, .escalation], scope: [.detail, .escalation]),
        KeyBinding(keys: [.tab], action: .nextPane, help: .nextPane, hintIn: nil),
        KeyBinding(keys: [.backTab], action: .previousPane, help: .nextPane, hintIn: []),
        KeyBinding(keys: [.char("1")], action: .focusQueue, help: .focusPane, hintIn: []),
        KeyBinding(keys: [.char("2")], action: .focusDetail, help: .focusPane, hintIn: []),
        KeyBinding(keys: [.char("3")], action: .focusEscalation, help: .focusPane, hintIn: []),
        KeyBinding(keys: [.char("/")], action: .search, help: .search, hintIn: [.queue], scope: [.queue]),
        KeyBinding(keys: [.char("n")], action: .nextHit, help: .nextHit, hintIn: [], scope: [.queue, .detail]),
        KeyBinding(keys: [.char("N")], action: .previousHit, help: .nextHit, hintIn: [], scope: [.queue, .detail]),
        KeyBinding(keys: [.char("H")], action: .handOver, help: .handOverKey, hintIn: [.queue], scope: nil),
        KeyBinding(keys: [.char("F")], action: .fixedScripts, help: .fixedScriptsKey, hintIn: [], scope: nil),
        KeyBinding(keys: [.char("a")], action: .addNote, help: .addNote, hintIn: [.queue, .detail, .escalation], scope: [.queue, .detail, .escalation]),
        KeyBinding(keys: [.char("t")], action: .take, help: .take, hintIn: [.queue, .escalation], scope: [.queue, .detail, .escalation]),
        KeyBinding(keys: [.char("A")], action: .assign, help: .assignTo, hintIn: [], scope: [.queue, .detail, .escalation]),
        KeyBinding(keys: [.char("s")], action: .changeState, help: .changeState, hintIn: [.escalation, .detail], scope: [.queue, .detail, .escalation]),
        KeyBinding(keys: [.char("p")], action: .ladderStep, help: .ladderStep, hintIn: [.escalation], scope: [.escalation]),
        KeyBinding(keys: [.char("E")], action: .eraseSubject, help: .eraseSubject, hintIn: [], scope: [.detail]),
        KeyBinding(keys: [.char("R")], action: .showRetention, help: .retentionDue, hintIn: [], scope: [.queue]),
        KeyBinding(keys: [.char("M")], action: .showMonthly, help: .monthlyKey, hintIn: [], scope: [.queue]),
        KeyBinding(keys: [.char("W")], action: .shift, help: .shiftKey, hintIn: [], scope: nil),
        KeyBinding(keys: [.char("K")], action: .consultations, help: .consultationsKey, hintIn: [], scope: nil),
        KeyBinding(keys: [.char("f")], action: .cycleLane, help: .cycleLane, hintIn: [.queue], scope: [.queue]),
        KeyBinding(keys: [.char("O")], action: .cycleOrganization, help: .cycleOrganization, hintIn: [], scope: [.queue]),
        KeyBinding(keys: [.char("S")], action: .cycleState, help: .cycleState, hintIn: [], scope: [.queue]),
        KeyBinding(keys: [.char("o")], action: .toggleOverdue, help: .toggleOverdue, hintIn: [], scope: [.queue]),
        KeyBinding(keys: [.char("m")], action: .toggleMine, help: .toggleMine, hintIn: [], scope: [.queue]),
        KeyBinding(keys: [.char("c")], action: .clearFilter, help: .clearFilter, hintIn: [], scope: [.queue]),
        KeyBinding(keys: [.char(":")], action: .commandLine, help: .commandLineKey, hintIn: []),
        KeyBinding(keys: [.char("?"), .f1], action: .openHelp, help: .openHelp, hintIn: nil),
        KeyBinding(keys: [.ctrl("l")], action: .redraw, help: .redraw, hintIn: []),
        KeyBinding(keys: [.ctrl("z")], action: .suspend, help: .suspend, hintIn: []),
        KeyBinding(keys: [.char("q")], action: .quit, help: .quit, hintIn: nil),
    ]

    public static func action(for key: Key) -> KeyAction? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    public static func binding(_ a: KeyAction) -> KeyBinding? { bindings.first { $0.action == a } }

    /// The first key of an action, as hints and text that point at it name it ("R", "p").
    public static func keyName(_ a: KeyAction) -> String { keyNames[a] ?? "" }

    /// Looked up when a pane is laid out or drawn: worked out once.
    private static let keyNames = Dictionary(bindings.map { ($0.action, $0.keys.first?.description ?? "") }, uniquingKeysWith: { first, _ in first })
}
