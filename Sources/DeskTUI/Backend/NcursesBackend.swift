import CNcurses
import DeskDomain
import Foundation

/// The terminal: UTF-8 wide-character output through ncurses, colours from the theme, only changed
/// cells redrawn. The only file that imports CNcurses.
public final class NcursesBackend: Backend {
    private var theme: Theme
    private var active = false
    private var colour = false

    /// Why the console cannot run on this terminal; nothing has been sent to it.
    public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        /// TERM is unset, empty or `dumb`, or names a terminal that cannot move the cursor.
        case dumb(term: String)
        /// TERM names a terminal terminfo does not know.
        case unknown(term: String)

        /// What to tell the person, in the console's language.
        public func message(_ language: Language) -> String {
            switch self {
            case .dumb(let term): UIText.terminalCannotDraw.text(language) + " (TERM=\(Sanitizer.visible(term)))"
            case .unknown(let term): UIText.terminalUnknown.text(language) + " (TERM=\(Sanitizer.visible(term)))"
            }
        }

        public var description: String { message(.en) }
    }

    /// Checks TERM before anything is written: `dumb` (Emacs' shell, some CI runners) and terminals terminfo does not
    /// know are refused, instead of ncurses exiting with a message of its own or drawing garbage.
    public static func check(environment: [String: String]) -> Refusal? {
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" { return .dumb(term: term) }
        switch mado_check_terminal() {
        case 0: return nil
        case 1: return .unknown(term: term)
        default: return .dumb(term: term)
        }
    }

    /// The locale the environment asked for when it is not installed here (or not UTF-8), and the one used instead.
    public private(set) var localeFallback: LocaleFallback?

    public init(theme: Theme, noColor: Bool) throws(Refusal) {
        localeFallback = Self.setUTF8Locale(environment: ProcessInfo.processInfo.environment)
        if let refusal = Self.check(environment: ProcessInfo.processInfo.environment) { throw refusal }
        mado_install_signal_handlers()
        // ncurses prefers LINES/COLUMNS to the real window size; a resize must win.
        unsetenv("LINES")
        unsetenv("COLUMNS")
        initscr()
        active = true
        raw()                          // Ctrl-C and Ctrl-Z arrive as keys: Ctrl-C cancels input, never the program
        noecho()
        nonl()
        keypad(mado_stdscr(), true)
        set_escdelay(25)
        if !noColor && has_colors() {
            start_color()
            use_default_colors()
            colour = true
        }
        self.theme = colour ? theme : theme.withoutColour
        // Bracketed paste: pasted text arrives between two markers and is never read as keys (a pasted
        // "q" must not quit). ncurses learns the markers as two key codes of our own.
        define_key("\u{1B}[200~", Self.pasteStart)
        define_key("\u{1B}[201~", Self.pasteEnd)
        writeToTerminal("\u{1B}[?2004h")
        initPairs()
    }

    private func initPairs() {
        guard colour else { return }
        for (i, role) in StyleRole.allCases.enumerated() {
            let st = theme.style(role)
            init_pair(Int16(i + 1), Self.colour(st.foreground), Self.colour(st.background))
        }
    }

    public func apply(_ theme: Theme) {
        self.theme = colour ? theme : theme.withoutColour
        initPairs()
    }

    /// Sets the environment's locale, or an installed UTF-8 one when it cannot be set (`ja_JP.UTF-8` forwarded by SSH to a
    /// server without it, macOS's `LC_CTYPE=UTF-8`): in the C locale ncurses draws every wide character blank and
    /// get_wch drops typed Japanese.
    static func setUTF8Locale(environment env: [String: String]) -> LocaleFallback? {
        if setlocale(LC_ALL, "") != nil, isUTF8 { return nil }
        let asked = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { env[$0] }.first { !$0.isEmpty } ?? "C"
        for candidate in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_ALL, candidate) != nil && isUTF8 {
            return LocaleFallback(asked: asked, used: candidate)
        }
        // No UTF-8 locale at all: at least the character type, which is what get_wch and wide output need.
        setlocale(LC_CTYPE, "C.UTF-8")
        return LocaleFallback(asked: asked, used: String(cString: setlocale(LC_CTYPE, nil)))
    }

    private static var isUTF8: Bool {
        let codeset = String(cString: nl_langinfo(nl_item(CODESET))).uppercased()
        return codeset == "UTF-8" || codeset == "UTF8"
    }

    private static func colour(_ c: ThemeColor) -> Int16 {
        switch c {
        case .default: -1
        case .black: Int16(COLOR_BLACK)
        case .red: Int16(COLOR_RED)
        case .green: Int16(COLOR_GREEN)
        case .yellow: Int16(COLOR_YELLOW)
        case .blue: Int16(COLOR_BLUE)
        case .magenta: Int16(COLOR_MAGENTA)
        case .cyan: Int16(COLOR_CYAN)
        case .white: Int16(COLOR_WHITE)
        }
    }

    private static let pasteStart = KEY_MAX + 1, pasteEnd = KEY_MAX + 2

    /// Writes past ncurses (bracketed paste on and off). A terminal that is gone makes write fail with EIO: that is
    /// ignored here (FileHandle.write would trap), and the next read reports the loss.
    private func writeToTerminal(_ s: String) {
        var bytes = Array(s.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            bytes = bytes.dropFirst(n)
        }
    }

    /// Whether the terminal is gone: POLLHUP, POLLERR or POLLNVAL on standard input, then one read tells a hang-up
    /// (end of file, as a hung-up terminal reads) from a failed terminal (EIO). Without this, get_wch on a vanished
    /// terminal returns at once, forever, and the console spins.
    private func terminalGone() -> BackendEvent? {
        var p = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        let n = poll(&p, 1, 0)
        if n < 0 { return errno == EINTR ? nil : .terminalLost }
        guard n > 0, p.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 else { return nil }
        if p.revents & Int16(POLLNVAL) != 0 { return .terminalLost }
        var byte: UInt8 = 0
        while true {
            let r = read(STDIN_FILENO, &byte, 1)
            if r < 0 && errno == EINTR { continue }
            // r > 0: input left over from a terminal that hung up after sending it; it is gone all the same.
            return r < 0 && errno == EIO ? .terminalLost : .hangUp
        }
    }

    /// Reads until the end-of-paste marker (or a pause), keeping line breaks as text.
    private func readPaste() -> BackendEvent {
        var text = ""
        while true {
            wtimeout(mado_stdscr(), 200)
            var ch: wint_t = 0
            let r = wget_wch(mado_stdscr(), &ch)
            if r == ERR { break }
            if r == KEY_CODE_YES {
                if Int32(ch) == Self.pasteEnd { break }
                continue
            }
            if ch == 13 { text.append("\n"); continue }
            if let u = Unicode.Scalar(UInt32(ch)) { text.unicodeScalars.append(u) }
            if text.utf8.count > 1 << 20 { break }
        }
        return .paste(text)
    }

    public var size: Size { Size(width: Int(mado_cols()), height: Int(mado_lines())) }

    public func draw(_ screen: Screen, previous: Screen?) {
        guard active else { return }
        if previous == nil { wclear(mado_stdscr()) }
        let roles = StyleRole.allCases
        for run in screen.changes(from: previous) {
            var x = run.x
            for cell in run.cells {
                defer { x += 1 }
                guard cell.width > 0 else { continue }
                // Each cell at its own column: where the terminal's idea of a width differs from ours
                // (new emoji, flags), the error stays inside that cell instead of shifting the row.
                wmove(mado_stdscr(), Int32(run.y), Int32(x))
                let st = theme.style(cell.role)
                var attrs = mado_a_normal()
                for a in st.attributes {
                    switch a {
                    case .bold: attrs |= mado_a_bold()
                    case .dim: attrs |= mado_a_dim()
                    case .underline: attrs |= mado_a_underline()
                    case .reverse: attrs |= mado_a_reverse()
                    }
                }
                let pair = colour ? Int16((roles.firstIndex(of: cell.role) ?? 0) + 1) : 0
                var scalars = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
                // ncurses holds at most a few code points per cell and refuses what wcwidth does not know.
                if scalars.count > 4 || scalars.contains(where: { mado_wcwidth($0) < 0 }) {
                    scalars = cell.width == 2 ? [0xFF1F] : [0x3F]        // ？ or ?
                }
                var wide = scalars + [0]
                var cch = cchar_t()
                if setcchar(&cch, &wide, attrs, pair, nil) == OK { wadd_wch(mado_stdscr(), &cch) }
            }
        }
        if let c = screen.cursor {
            curs_set(1)
            wmove(mado_stdscr(), Int32(c.y), Int32(c.x))
        } else {
            curs_set(0)
        }
        wrefresh(mado_stdscr())
    }

    public func next(timeoutMs: Int) -> BackendEvent? {
        guard active else { return .terminate }
        if let signal = takeSignal() { return signal }
        if let gone = terminalGone() { return gone }
        wtimeout(mado_stdscr(), Int32(timeoutMs))
        var ch: wint_t = 0
        let r = wget_wch(mado_stdscr(), &ch)
        if let signal = takeSignal() { return signal }
        // ERR is the timeout, or the end of a terminal that went away while we waited.
        if r == ERR { return terminalGone() }
        if r == KEY_CODE_YES {
            switch Int32(ch) {
            case KEY_RESIZE: return .resize(size)
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_BTAB: return .key(.backTab)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_DC: return .key(.delete)
            case KEY_ENTER: return .key(.enter)
            case KEY_F0 + 1: return .key(.f1)
            case Self.pasteStart: return readPaste()
            default: return nil
            }
        }
        switch ch {
        case 13, 10: return .key(.enter)
        case 27: return .key(.escape)
        case 9: return .key(.tab)
        case 127, 8: return .key(.backspace)
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(UInt8(96 + ch)))))
        default:
            guard let u = Unicode.Scalar(UInt32(ch)), u.value >= 0x20 else { return nil }
            return .key(.char(Character(u)))
        }
    }

    private func takeSignal() -> BackendEvent? {
        switch mado_take_signal() {
        case 0: nil
        case SIGHUP: .hangUp
        default: .terminate
        }
    }

    /// Ctrl-Z: give the terminal back to the shell, stop, and take it again on `fg`.
    public func suspend() {
        guard active else { return }
        writeToTerminal("\u{1B}[?2004l")
        endwin()
        mado_stop_job()
        // Continued: the window may have changed size while we were stopped.
        writeToTerminal("\u{1B}[?2004h")
        wrefresh(mado_stdscr())
    }

    public func shutdown() {
        guard active else { return }
        active = false
        writeToTerminal("\u{1B}[?2004l")
        endwin()
    }

    deinit { shutdown() }
}
