/// One binding: its keys, its action, its help text and the panes where it is offered first.
public struct KeyBinding: Sendable {
    public let keys: [Key]
    public let action: KeyAction
    public let help: UIText
    /// Shown in the status line when this pane has focus (nil: everywhere).
    public let hintIn: Set<Pane>?
    /// The panes whose help lists it under "this pane" (nil: listed under "every pane").
    public let scope: Set<Pane>?

    init(keys: [Key], action: KeyAction, help: UIText, hintIn: Set<Pane>?, scope: Set<Pane>? = nil) {
        self.keys = keys
        self.action = action
        self.help = help
        self.hintIn = hintIn
        self.scope = scope
    }
}
