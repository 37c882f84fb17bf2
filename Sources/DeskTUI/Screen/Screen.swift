import DeskDomain

/// What a cell means, for the theme to colour. Named for meaning, never for a colour.
public enum StyleRole: Character, CaseIterable, Sendable {
    case normal = ".", muted = "m", title = "t", focusedTitle = "T", selected = "S", danger = "D", warning = "W",
         header = "h", hint = "k", key = "K", dialog = "d", input = "i", error = "E", ok = "o"
}

/// One terminal cell: a grapheme cluster (empty for the right half of a wide character) and its role.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var width: Int
    public var role: StyleRole
    public static let blank = Cell(text: " ", width: 1, role: .normal)
}

public struct Size: Equatable, Sendable {
    public var width: Int, height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

public struct Rect: Equatable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }
    public var maxY: Int { y + height }
    public func inset(_ n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }
}

/// A pure buffer of cells: views draw into it; only the backend writes bytes.
public struct Screen: Equatable, Sendable {
    public let width: Int, height: Int
    public private(set) var cells: [Cell]
    /// Where the real terminal cursor sits (selected row or caret), for screen readers and IMEs.
    public var cursor: (x: Int, y: Int)?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public static func == (a: Screen, b: Screen) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursor?.x == b.cursor?.x && a.cursor?.y == b.cursor?.y
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Fills a rectangle with blanks of a role.
    public mutating func fill(_ r: Rect, role: StyleRole) {
        let x0 = max(0, r.x), x1 = min(width, r.x + r.width), y0 = max(0, r.y), y1 = min(height, r.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            // A wide character cut by either edge loses its other half too.
            if cells[y * width + x0].width == 0, x0 > 0 { cells[y * width + x0 - 1] = Cell(text: " ", width: 1, role: cells[y * width + x0 - 1].role) }
            if cells[y * width + x1 - 1].width == 2, x1 < width { cells[y * width + x1] = Cell(text: " ", width: 1, role: cells[y * width + x1].role) }
            for x in x0..<x1 { cells[y * width + x] = Cell(text: " ", width: 1, role: role) }
        }
    }

    /// Writes text at (x, y), at most `maxWidth` cells; returns the cells used. The text must already be
    /// sanitized; a control or hidden character that slips through becomes U+FFFD so that none ever reaches a cell.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, role: StyleRole = .normal) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(maxWidth ?? width - x, width - x)
        var col = x, used = 0
        for ch in text {
            var c = String(ch)
            var w = DisplayWidth.of(ch)
            if ch.unicodeScalars.contains(where: Sanitizer.isHidden) {
                c = "\u{FFFD}"
                w = 1
            } else if w == 0 {
                // A cluster with nothing to draw on (a lone mark or selector) shows on a dotted circle, when the two
                // make one cluster; anything else that draws nothing is shown as U+FFFD, never built into a Character.
                let dotted = "\u{25CC}" + c
                c = dotted.count == 1 ? dotted : "\u{FFFD}"
                w = 1
            }
            if used + w > limit { break }
            if col >= 0 {
                // Overwriting half of a wide character blanks its other half.
                clearWide(at: col)
                if w == 2 { clearWide(at: col + 1) }
                cells[y * width + col] = Cell(text: c, width: w, role: role)
                if w == 2 { cells[y * width + col + 1] = Cell(text: "", width: 0, role: role) }
            }
            col += w
            used += w
        }
        return used

        func clearWide(at cx: Int) {
            guard cx < width else { return }
            let i = y * width + cx
            if cells[i].width == 0, cx > 0 { cells[i - 1] = Cell(text: " ", width: 1, role: cells[i - 1].role) }
            if cells[i].width == 2, cx + 1 < width { cells[i + 1] = Cell(text: " ", width: 1, role: cells[i + 1].role) }
        }
    }

    /// Writes text padded with the role's blanks to exactly `width` cells.
    public mutating func putPadded(_ text: String, x: Int, y: Int, width w: Int, role: StyleRole = .normal) {
        fill(Rect(x: x, y: y, width: w, height: 1), role: role)
        put(DisplayWidth.truncate(text, width: w), x: x, y: y, maxWidth: w, role: role)
    }

    /// Each row as text, trailing blanks dropped, a wide character written once.
    public var textLines: [String] {
        (0..<height).map { y in
            var s = ""
            for x in 0..<width { s += cells[y * width + x].text }
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
    }

    /// Each row as one character per cell naming its style role.
    public var roleLines: [String] {
        (0..<height).map { y in String((0..<width).map { cells[y * width + $0].role.rawValue }) }
    }

    /// The cells that differ from `previous`, row by row, as runs to redraw.
    public func changes(from previous: Screen?) -> [(y: Int, x: Int, cells: ArraySlice<Cell>)] {
        guard let previous, previous.width == width, previous.height == height else {
            return (0..<height).map { y in (y, 0, cells[(y * width)..<((y + 1) * width)]) }
        }
        var out: [(Int, Int, ArraySlice<Cell>)] = []
        for y in 0..<height {
            var x = 0
            while x < width {
                if cells[y * width + x] == previous.cells[y * width + x] { x += 1; continue }
                var end = x
                while end < width, cells[y * width + end] != previous.cells[y * width + end] { end += 1 }
                if x > 0, cells[y * width + x].width == 0 { x -= 1 }       // start on the whole wide character
                if end < width, cells[y * width + end].width == 0 { end += 1 }
                out.append((y, x, cells[(y * width + x)..<(y * width + end)]))
                x = end
            }
        }
        return out
    }
}
