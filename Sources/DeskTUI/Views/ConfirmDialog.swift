/// A y/N question (No by default): its lines, then the keys.
struct ConfirmDialog {
    let width: Int
    /// The question's lines; nil leaves a line blank.
    let lines: [PaneLine?]
    let hint: String

    func render(into s: inout Screen) {
        let inner = DialogBox.draw(&s, width: width, height: lines.count + 3)
        for (i, l) in lines.enumerated() {
            guard let l else { continue }
            s.put(l.text, x: inner.x + 1, y: inner.y + i, maxWidth: inner.width - 2, role: l.role)
        }
        s.put(hint, x: inner.x + 1, y: inner.y + lines.count, role: .key)
    }
}
