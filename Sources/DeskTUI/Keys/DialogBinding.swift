/// One binding in a dialog: its keys, its action, its help text, and how many of its keys the hint line names.
public struct DialogBinding: Sendable {
    public let keys: [Key]
    public let action: DialogAction
    public let help: UIText
    /// How many of `keys` the hint line names, joined by "/" (0: not in the hint line).
    public let hinted: Int

    init(_ keys: [Key], _ action: DialogAction, _ help: UIText, hinted: Int = 1) {
        self.keys = keys
        self.action = action
        self.help = help
        self.hinted = hinted
    }
}
