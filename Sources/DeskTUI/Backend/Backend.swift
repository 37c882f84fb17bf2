import DeskDomain

/// What a backend reports: a key, pasted text, a new size, or that the program must end.
public enum BackendEvent: Equatable, Sendable {
    case key(Key)
    case paste(String)
    case resize(Size)
    /// SIGTERM or SIGINT: end as `q` would.
    case terminate
    /// The terminal hung up (SIGHUP, end of file, POLLHUP): a dropped SSH connection or a closed window.
    case hangUp
    /// The terminal failed (EIO reading it, or its descriptor gone): it is lost, not hung up.
    case terminalLost
}

/// A locale the environment named that could not be set, and the UTF-8 locale used in its place.
public struct LocaleFallback: Equatable, Sendable {
    public let asked: String
    public let used: String
    public init(asked: String, used: String) { self.asked = asked; self.used = used }

    /// Said once on the status line when the console opens.
    public func notice(_ lang: Language) -> String {
        let asked = Sanitizer.visible(self.asked)
        return lang == .ja ? "ロケール \(asked) はこのサーバーにないため、\(used) で表示・入力します (日本語はそのまま使えます)"
            : "the locale \(asked) is not installed here; using \(used) (Japanese works as usual)"
    }
}

/// Where screens go. Only `NcursesBackend` writes to a terminal; `TestBackend` keeps them for tests.
public protocol Backend: AnyObject {
    var size: Size { get }
    /// Draws what changed since `previous` (everything when nil) and places the cursor.
    func draw(_ screen: Screen, previous: Screen?)
    /// Waits up to `timeoutMs` for input.
    func next(timeoutMs: Int) -> BackendEvent?
    /// Restores the terminal, stops the process as Ctrl-Z does in a shell, and takes the terminal back on `fg`.
    func suspend()
    /// Restores the terminal; safe to call more than once.
    func shutdown()
    /// Draws with this theme from the next full frame on (`:theme`).
    func apply(_ theme: Theme)
}

extension Backend {
    /// A backend without colours of its own ignores themes.
    public func apply(_ theme: Theme) {}
}

/// Renders into memory: the last screen as text and roles, and scripted input.
public final class TestBackend: Backend {
    public var size: Size
    public private(set) var screen: Screen?
    public private(set) var frames = 0
    /// Frames drawn whole (no previous screen to diff against): the first, and after a resize or a suspend.
    public private(set) var fullFrames = 0
    public private(set) var firstScreen: Screen?
    public var input: [BackendEvent] = []
    public private(set) var isShutDown = false
    /// Called with every frame, for tests that look at screens between keys.
    public var onDraw: ((Screen) -> Void)?

    public init(size: Size) { self.size = size }

    public func draw(_ screen: Screen, previous: Screen?) {
        for c in screen.cells {
            precondition(!c.text.unicodeScalars.contains(where: Sanitizer.isHidden),
                         "a control or hidden character reached a cell: \(c.text.unicodeScalars.map { Sanitizer.marker($0) })")
        }
        if firstScreen == nil { firstScreen = screen }
        if previous == nil { fullFrames += 1 }
        self.screen = screen
        frames += 1
        onDraw?(screen)
    }

    public func next(timeoutMs: Int) -> BackendEvent? {
        input.isEmpty ? .terminate : input.removeFirst()
    }

    public private(set) var suspensions = 0
    public func suspend() { suspensions += 1 }

    public func shutdown() { isShutDown = true }

    /// The theme `:theme` last switched to.
    public private(set) var theme: Theme?
    public func apply(_ theme: Theme) { self.theme = theme }
}
