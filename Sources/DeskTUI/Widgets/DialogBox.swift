/// A framed box for a dialog, centred as `Layout.dialog` places it.
enum DialogBox {
    /// Draws the frame and clears inside it; returns the inside.
    static func draw(_ s: inout Screen, width: Int, height: Int) -> Rect {
        let r = Layout(Size(width: s.width, height: s.height)).dialog(width: width, height: height)
        s.fill(r, role: .dialog)
        for x in r.x..<(r.x + r.width) {
            s.put("-", x: x, y: r.y, role: .dialog)
            s.put("-", x: x, y: r.maxY - 1, role: .dialog)
        }
        for y in r.y..<r.maxY {
            s.put("|", x: r.x, y: y, role: .dialog)
            s.put("|", x: r.x + r.width - 1, y: y, role: .dialog)
        }
        return r.inset(1)
    }
}
