/// Where the panes sit at a terminal size. `view` draws by it and the model scrolls by it, so the two agree.
struct Layout: Equatable {
    let size: Size

    init(_ size: Size) { self.size = size }

    /// Below 80×24 only a notice is drawn.
    var fits: Bool { size.width >= 80 && size.height >= 24 }
    /// From 120×30 the three panes show side by side; below, one at a time under a row of tabs.
    var isWide: Bool { size.width >= 120 && size.height >= 30 }
    /// Between the identity line and the status line.
    var body: Rect { Rect(x: 0, y: 1, width: size.width, height: size.height - 2) }
    /// The column of the line between the queue and the case (wide layout).
    var divider: Int { body.width * 11 / 20 }
    /// The one pane shown under the tabs (narrow layout).
    var single: Rect { Rect(x: 0, y: body.y + 1, width: body.width, height: body.height - 1) }

    var queue: Rect { isWide ? Rect(x: 0, y: body.y, width: divider, height: body.height) : single }

    var detail: Rect {
        isWide ? Rect(x: divider + 1, y: body.y, width: body.width - divider - 1, height: body.height * 3 / 5) : single
    }

    var escalation: Rect {
        let d = detail
        return isWide ? Rect(x: d.x, y: d.maxY, width: d.width, height: body.height - d.height) : single
    }

    /// The monthly view: as tall as fits, the chart under a title and above a hint.
    var monthly: Rect { dialog(width: 96, height: size.height) }

    /// A dialog of at most `width`×`height`, centred, two cells clear of every edge (its frame included).
    func dialog(width: Int, height: Int) -> Rect {
        let w = min(width, size.width - 4), h = min(height, size.height - 4)
        return Rect(x: (size.width - w) / 2, y: (size.height - h) / 2, width: w, height: h)
    }
}
