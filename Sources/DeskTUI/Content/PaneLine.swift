/// One line of a pane's laid-out text and the role it is drawn in.
struct PaneLine: Equatable, Sendable {
    var text: String
    var role: StyleRole

    init(_ text: String, _ role: StyleRole = .normal) {
        self.text = text
        self.role = role
    }
}
