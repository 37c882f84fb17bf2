import DeskDomain
import Foundation
import Testing

/// The real binary in a detached tmux session: keys in, captured screens out; no fixed sleeps.
@Suite("console end to end", .serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")))
struct ConsoleEndToEndTests {
    final class Session {
        let socket = "mado-e2e-\(UUID().uuidString.prefix(8))"
        /// With `inShell`, mado is typed into an interactive bash, whose job control Ctrl-Z and fg need.
        /// `locale`: the locale words of the console's environment; `env`: more NAME='value' words for it.
        init(db: String, width: Int, height: Int, args: [String] = [], inShell: Bool = false, term: String = "xterm-256color",
             locale: String = "LANG=C.UTF-8", env: [String] = []) throws {
            // No LINES/COLUMNS: ncurses would prefer them to the real window size.
            let cmd = "env -u LINES -u COLUMNS -u LC_ALL -u LC_CTYPE -u LC_MESSAGES MADO_DB='\(db)' \(locale) TERM=\(term) \(env.joined(separator: " ")) '\(CommandLineTests.mado)' "
                + args.joined(separator: " ")
            if inShell {
                try tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", "e2e",
                          "env PS1='shell$ ' bash --norc --noprofile -i"], quiet: true)
                try tmux(["send-keys", "-t", "e2e", "-l", cmd])
                try tmux(["send-keys", "-t", "e2e", "Enter"])
            } else {
                try tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", "e2e", cmd + "; echo EXITED:$?; sleep 60"], quiet: true)
            }
        }
        /// Any command in the pane (ssh -t into the desk's server, say), then EXITED:status.
        init(command: String, width: Int, height: Int) throws {
            try tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", "e2e", command + "; echo EXITED:$?; sleep 60"], quiet: true)
        }
        deinit { _ = try? tmux(["kill-server"], quiet: true) }

        /// Runs a tmux client with posix_spawn and waitpid, its output through a file: the server it may
        /// start daemonizes and would otherwise hold a pipe open, or be left for Foundation to reap.
        @discardableResult
        func tmux(_ args: [String], quiet: Bool = false) throws -> String {
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-out-\(UUID().uuidString)").path
            defer { unlink(out) }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, quiet ? "/dev/null" : out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            let argv = (["/usr/bin/tmux", "-L", socket, "-f", "/dev/null"] + args).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            // The test runner blocks some signals; a tmux server must not pass that mask on to the panes.
            var attr = posix_spawnattr_t()
            posix_spawnattr_init(&attr)
            defer { posix_spawnattr_destroy(&attr) }
            var none = sigset_t(), all = sigset_t()
            sigemptyset(&none)
            sigfillset(&all)
            posix_spawnattr_setsigmask(&attr, &none)
            posix_spawnattr_setsigdefault(&attr, &all)
            posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
            var pid = pid_t()
            guard posix_spawn(&pid, "/usr/bin/tmux", &actions, &attr, argv, environ) == 0 else { return "" }
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            return quiet ? "" : ((try? String(contentsOfFile: out, encoding: .utf8)) ?? "")
        }

        func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "e2e"]) }
        func keys(_ k: String...) throws { try tmux(["send-keys", "-t", "e2e"] + k) }
        func alternateScreen() throws -> Bool { try tmux(["display", "-p", "-t", "e2e", "#{alternate_on}"]).hasPrefix("1") }

        /// Polls the pane until `ok` holds, up to 10 s; returns the last screen either way.
        @discardableResult
        func waitFor(_ what: String, _ ok: (String) -> Bool) throws -> String {
            let deadline = Date().addingTimeInterval(10)
            var s = try screen()
            while !ok(s), Date() < deadline {
                usleep(50_000)
                s = try screen()
            }
            if !ok(s) { Issue.record("waited for \(what); the screen was:\n\(s)") }
            return s
        }
    }

    @Test("navigate, open a case, resize, see help, quit: the screens are right and the terminal is restored")
    func session() throws {
        let desk = try CommandLineTests.Desk()
        let t = try Session(db: desk.db, width: 160, height: 48, args: ["--lang", "en"])
        let first = try t.waitFor("the queue") { $0.contains("> C-000005") && $0.contains("1 Queue 48/48") }
        #expect(try t.alternateScreen())
        // The queue's ids as the screen lists them (the first one selected).
        let ids = first.split(separator: "\n").compactMap { line -> String? in
            let l = line.drop { $0 == " " || $0 == ">" }
            return l.hasPrefix("C-") ? String(l.prefix(8)) : nil
        }
        try #require(ids.count >= 3)
        let third = ids[2]
        try t.keys("j", "j")
        try t.waitFor("the third row selected") { $0.contains("> \(third)") && $0.contains("2 Case \(third)") }
        try t.keys("Enter")
        try t.waitFor("the case pane focused") { $0.contains("* 2 Case \(third)") }
        try t.tmux(["resize-window", "-t", "e2e", "-x", "80", "-y", "24"])
        let small = try t.waitFor("one pane at 80x24") { $0.contains("1 Queue   2 Case   3 Escalation") && ($0.contains("\(third)  デモ") || $0.contains("\(third)  Demo")) }
        #expect(small.split(separator: "\n").allSatisfy { $0.count <= 80 })
        try t.tmux(["resize-window", "-t", "e2e", "-x", "60", "-y", "20"])
        try t.waitFor("the too-small notice") { $0.contains("Terminal too small") && $0.contains("60×20") }
        try t.tmux(["resize-window", "-t", "e2e", "-x", "120", "-y", "30"])
        // Keys do nothing while the terminal is too small: wait until the console has taken the new size.
        try t.waitFor("three panes at 120x30") { $0.contains("1 Queue 48/48") && $0.contains("|* 2 Case \(third)") }
        try t.keys("?")
        try t.waitFor("help") { $0.contains("Keys: Case — Esc or ? closes") }
        try t.keys("Escape")
        try t.waitFor("help closed") { !$0.contains("Esc or ? closes") }
        try t.keys("q")
        try t.waitFor("exit 0") { $0.contains("EXITED:0") }
        #expect(try !t.alternateScreen())
    }

    @Test("LANG=ja_JP.UTF-8 on a server without that locale: the console is in Japanese, says it uses C.UTF-8, and typed Japanese is stored")
    func uninstalledJapaneseLocale() throws {
        let installed = try CommandLineTests.run(["-a"], executable: "/usr/bin/locale").out.lowercased()
        try #require(!installed.contains("ja_jp"), "this test needs a machine where ja_JP.UTF-8 is not installed:\n\(installed)")
        let desk = try CommandLineTests.Desk()
        let t = try Session(db: desk.db, width: 120, height: 30, locale: "LANG=ja_JP.UTF-8")
        try t.waitFor("the console in Japanese, and the locale notice") {
            $0.contains("> C-000005") && $0.contains("キュー") && $0.contains("ja_JP.UTF-8") && $0.contains("C.UTF-8")
        }
        try t.keys("a")
        try t.waitFor("the note prompt") { $0.contains("メモ C-000005") }
        try t.tmux(["send-keys", "-t", "e2e", "-l", "ASCIIFIRST 日本語の入力"])
        try t.waitFor("what was typed, drawn") { $0.contains("ASCIIFIRST 日本語の入力") }
        try t.keys("Enter")
        try t.waitFor("the note recorded") { $0.contains("記録しました: C-000005") }
        try t.keys("q")
        try t.waitFor("exit 0") { $0.contains("EXITED:0") }
        let shown = try CommandLineTests.run(["show", "C-000005", "--db", desk.db])
        #expect(shown.status == 0 && shown.out.contains("ASCIIFIRST 日本語の入力"), "\(shown.out)\(shown.err)")
    }

    @Test("the config file's language and remapped key are used; :lang and :theme switch at once; a bad file is refused with its line")
    func configAndCommandLine() throws {
        let desk = try CommandLineTests.Desk()
        let home = try ConsoleConfigTests.Home("language = \"ja\"\n\n[keys]\ntake = \"T\"\n")
        let t = try Session(db: desk.db, width: 120, height: 30, locale: "LANG=C.UTF-8 XDG_CONFIG_HOME='\(home.dir.path)'")
        try t.waitFor("the console in Japanese on a C.UTF-8 locale") { $0.contains("> C-000005") && $0.contains("キュー") }
        try t.keys("T")
        try t.waitFor("the remapped key asks before taking") { $0.contains("この案件を担当します") }
        try t.keys("Enter")
        try t.waitFor("No: nothing recorded") { $0.contains("取り消しました") }
        try t.tmux(["send-keys", "-t", "e2e", "-l", ":lang en"])
        try t.keys("Enter")
        try t.waitFor("English at once") { $0.contains("the console is in English now") && $0.contains("1 Queue") }
        try t.tmux(["send-keys", "-t", "e2e", "-l", ":theme mono"])
        try t.keys("Enter")
        try t.waitFor("the theme switched") { $0.contains("theme switched to: mono") }
        try t.tmux(["send-keys", "-t", "e2e", "-l", ":q"])
        try t.keys("Enter")
        try t.waitFor("exit 0") { $0.contains("EXITED:0") }
        #expect(try desk.events() > 0)

        // The flag wins over the file.
        let flagged = try Session(db: desk.db, width: 120, height: 30, args: ["--lang", "en"],
                                  locale: "LANG=C.UTF-8 XDG_CONFIG_HOME='\(home.dir.path)'")
        try flagged.waitFor("English from --lang over the file's ja") { $0.contains("> C-000005") && $0.contains("1 Queue") }
        try flagged.keys("q")
        try flagged.waitFor("exit 0") { $0.contains("EXITED:0") }

        let bad = try ConsoleConfigTests.Home("[keys]\ntake = \"j\"\n")
        let b = try Session(db: desk.db, width: 200, height: 30, locale: "LANG=C.UTF-8 XDG_CONFIG_HOME='\(bad.dir.path)'")
        let refused = try b.waitFor("the refusal") { $0.contains("EXITED:") }
        #expect(refused.contains("EXITED:1") && refused.contains("config.toml:2:") && refused.contains("j is already the key of down"), "\(refused)")
    }

    @Test("w on the decision screen prints the leaflet through the lp first on PATH, on MADO_PRINTER, and says so")
    func printsThroughLP() throws {
        let desk = try CommandLineTests.Desk()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mado-lp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // A fake spooler: it keeps its arguments and what it was given to print.
        let lp = dir.appendingPathComponent("lp")
        try "#!/bin/sh\nprintf '%s\\n' \"$@\" > '\(dir.path)/args'\ncat > '\(dir.path)/stdin'\n".write(to: lp, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: lp.path)
        let path = dir.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let t = try Session(db: desk.db, width: 120, height: 40, args: ["--lang", "en"], env: ["PATH='\(path)'", "MADO_PRINTER=counter-1"])
        try t.waitFor("the queue") { $0.contains("> C-000005") }
        try t.keys("H")
        try t.waitFor("the counter form") { $0.contains("Hand over  —") }
        try t.keys("Down", "Down", "Down")
        try t.tmux(["send-keys", "-t", "e2e", "-l", "閉店後も帰らない"])
        // Enter goes to the next field, and on the last hands over: past the demand, staff and every fact, then submit.
        for _ in 0..<(4 + FactName.allCases.count + 1) { try t.keys("Enter") }
        let decision = try t.waitFor("the decision screen") { $0.contains("Read aloud") }
        let id = try #require(decision.split(separator: " ").first { $0.hasPrefix("C-0000") }.map(String.init))
        try t.keys("w")
        try t.waitFor("the status line saying it printed") { $0.contains("leaflet printed on counter-1") }
        let args = (try? String(contentsOf: dir.appendingPathComponent("args"), encoding: .utf8)) ?? "(lp not run)"
        #expect(args == "-t\nmado-leaflet-\(id)\n-d\ncounter-1\n")
        let printed = (try? String(contentsOf: dir.appendingPathComponent("stdin"), encoding: .utf8)) ?? ""
        #expect(printed.firstMatch(of: /Receipt number: \d{4}-\d{4}-\d{4}-\d{4}/) != nil && !printed.contains(id), "\(printed)")
        try t.keys("Escape", "Escape", "q")
        try t.waitFor("exit 0") { $0.contains("EXITED:0") }
    }

    @Test("a note typed in one terminal appears in another within a second, and hostile text stays harmless")
    func twoTerminals() throws {
        let desk = try CommandLineTests.Desk()
        let a = try Session(db: desk.db, width: 160, height: 48, args: ["--lang", "en"])
        let b = try Session(db: desk.db, width: 160, height: 48, args: ["--lang", "en"])
        try a.waitFor("terminal A") { $0.contains("> C-000005") }
        try b.waitFor("terminal B") { $0.contains("> C-000005") }
        try a.keys("a")
        try a.waitFor("the note prompt") { $0.contains("Note C-000005") }
        try a.tmux(["send-keys", "-t", "e2e", "-l", "二回目の来店 <b>\u{202E}逆"])
        try a.keys("Enter")
        try a.waitFor("the note recorded") { $0.contains("Recorded: C-000005") }
        // The timeline's newest line is at the bottom of B's case pane: scroll there.
        try b.keys("2")
        try b.keys("G")
        let seen = try b.waitFor("the note in terminal B") { $0.contains("note added") }
        #expect(seen.contains("二回目の来店 <b>逆"))      // the bidi override was dropped while typing
        try a.keys("q")
        try b.keys("q")
        try a.waitFor("A exits") { $0.contains("EXITED:0") }
    }

    @Test("the console works in the terminals people reach a desk server with, over SSH or on its console",
          arguments: ["xterm-256color", "screen-256color", "tmux-256color", "vt100", "linux"])
    func terminals(_ term: String) throws {
        let desk = try CommandLineTests.Desk()
        let t = try Session(db: desk.db, width: 80, height: 24, args: ["--lang", "en"], term: term)
        let queue = try t.waitFor("the queue under \(term)") { $0.contains("> C-000005") && $0.contains("1 Queue") }
        #expect(queue.contains("!DANGER"), "\(term)")
        try t.keys("Enter")
        try t.waitFor("the case under \(term)") { $0.contains("* 2 Case") && $0.contains("C-000005  デモホテル東京") }
        try t.keys("?")
        try t.waitFor("help under \(term)") { $0.contains("Keys: Case") && $0.contains("In every pane") }
        try t.keys("Escape")
        try t.keys("q")
        let end = try t.waitFor("exit under \(term)") { $0.contains("EXITED:0") }
        #expect(try !t.alternateScreen(), "\(term): the terminal was not restored\n\(end)")
    }

    @Test("presence: each console shows which cases another one has open, and `mado who` lists them; quitting clears it")
    func presence() throws {
        let desk = try CommandLineTests.Desk()
        let a = try Session(db: desk.db, width: 160, height: 48, args: ["--lang", "en"])
        let b = try Session(db: desk.db, width: 160, height: 48, args: ["--lang", "en"])
        try a.waitFor("terminal A") { $0.contains("> C-000005") }
        try b.waitFor("terminal B") { $0.contains("> C-000005") }
        // Both show C-000005 in the case pane: each says the other has it open too.
        try a.waitFor("B's presence in A") { $0.contains("@ also open in another console: root") }
        try b.keys("j")
        try b.waitFor("B on the next case") { $0.contains("> C-000013") }
        let moved = try a.waitFor("A sees B move") { $0.contains("@ C-000013") && !$0.contains("@ also open in another console") }
        #expect(moved.contains("> C-000005"))
        let who = try CommandLineTests.run(["who", "--db", desk.db])
        #expect(who.status == 0 && who.out.contains("C-000005  root") && who.out.contains("C-000013  root"), "\(who.out)")
        try b.keys("q")
        try b.waitFor("B exits") { $0.contains("EXITED:0") }
        let after = try CommandLineTests.run(["who", "--db", desk.db])
        #expect(!after.out.contains("C-000013"), "\(after.out)")
        try a.keys("q")
        try a.waitFor("A exits") { $0.contains("EXITED:0") }
        #expect(try CommandLineTests.run(["who", "--db", desk.db]).out.contains("no case is open"))
    }

    @Test("pasted text is text: a pasted newline and q neither end the note nor quit the console")
    func bracketedPaste() throws {
        let desk = try CommandLineTests.Desk()
        let t = try Session(db: desk.db, width: 120, height: 30, args: ["--lang", "en"])
        try t.waitFor("the queue") { $0.contains("> C-") }
        try t.keys("a")
        try t.waitFor("the note prompt") { $0.contains("Note C-") }
        try t.tmux(["set-buffer", "first line\nq second"])
        try t.tmux(["paste-buffer", "-p", "-t", "e2e"])
        try t.waitFor("the pasted note") { $0.contains("first line q second") }
        try t.keys("Enter")
        try t.waitFor("the note recorded") { $0.contains("Recorded: C-") }
        try t.tmux(["set-buffer", "q"])
        try t.tmux(["paste-buffer", "-p", "-t", "e2e"])
        try t.keys("j")
        try t.waitFor("still running after a pasted q") { $0.contains("> C-") && !$0.contains("EXITED") }
        try t.keys("q")
        try t.waitFor("exit 0") { $0.contains("EXITED:0") }
    }

    @Test("Ctrl-Z gives the terminal back to the shell; fg brings the console back whole, with what was typed")
    func suspend() throws {
        let desk = try CommandLineTests.Desk()
        let t = try Session(db: desk.db, width: 120, height: 30, args: ["--lang", "en"], inShell: true)
        try t.waitFor("the queue") { $0.contains("> C-000005") }
        try t.keys("a")
        try t.tmux(["send-keys", "-t", "e2e", "-l", "half typed"])
        try t.waitFor("the note prompt") { $0.contains("Note C-000005") && $0.contains("half typed") }
        try t.keys("C-z")
        try t.waitFor("the shell's prompt after Stopped") { $0.contains("Stopped") && $0.contains("shell$ ") }
        #expect(try !t.alternateScreen())
        try t.tmux(["send-keys", "-t", "e2e", "-l", "fg"])
        try t.keys("Enter")
        try t.waitFor("the console again, the note still there") {
            $0.contains("> C-000005") && $0.contains("half typed") && !$0.contains("Stopped")
        }
        #expect(try t.alternateScreen())
        // Esc on the half-typed note asks before dropping it; y drops it.
        try t.keys("Escape")
        try t.waitFor("the discard question") { $0.contains("Discard what you typed?") }
        try t.keys("y", "q")
        let deadline = Date().addingTimeInterval(10)
        while try t.alternateScreen(), Date() < deadline { usleep(50_000) }
        try t.tmux(["send-keys", "-t", "e2e", "-l", "echo EXITED:$?"])
        try t.keys("Enter")
        try t.waitFor("exit 0") { $0.contains("EXITED:0") }
    }

    /// The processes whose command line holds `text` and run `mado`, from /proc.
    static func madoProcesses(holding text: String) -> [pid_t] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { name in
            guard let pid = pid_t(name), let cmd = FileManager.default.contents(atPath: "/proc/\(name)/cmdline") else { return nil }
            let args = cmd.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return args.first?.hasSuffix("/mado") == true && args.contains(text) ? pid : nil
        }
    }

    @Test("the terminal vanishing without SIGHUP (setsid, tmux server killed): the console ends within 2 s, exit 0, no core, no presence left")
    func terminalVanishes() throws {
        let desk = try CommandLineTests.Desk()
        let dir = desk.dir.path, status = desk.dir.appendingPathComponent("status").path
        // setsid: the pane's terminal is not the console's controlling terminal, so no SIGHUP reaches it when it goes.
        let console = "env -u LINES -u COLUMNS LANG=C.UTF-8 TERM=xterm-256color '\(CommandLineTests.mado)' --db '\(desk.db)' --lang en"
        let t = try Session(command: "cd '\(dir)'; ulimit -c unlimited; setsid -w sh -c \"\(console); echo \\$? > '\(status)'\"",
                            width: 120, height: 30)
        try t.waitFor("the queue") { $0.contains("> C-000005") }
        let pids = Self.madoProcesses(holding: desk.db)
        try #require(pids.count == 1, "\(pids)")
        let deadlineForPresence = Date().addingTimeInterval(10)
        var who = try CommandLineTests.run(["who", "--db", desk.db]).out
        while !who.contains("C-000005"), Date() < deadlineForPresence {
            usleep(100_000)
            who = try CommandLineTests.run(["who", "--db", desk.db]).out
        }
        #expect(who.contains("C-000005  root"), "\(who)")
        try t.tmux(["kill-server"], quiet: true)
        let killed = Date()
        while kill(pids[0], 0) == 0, Date().timeIntervalSince(killed) < 5 { usleep(20_000) }
        let took = Date().timeIntervalSince(killed)
        #expect(kill(pids[0], 0) != 0, "still running 5 s after its terminal vanished")
        #expect(took < 2, "ended after \(took) s")
        while !FileManager.default.fileExists(atPath: status), Date().timeIntervalSince(killed) < 5 { usleep(20_000) }
        #expect((try? String(contentsOfFile: status, encoding: .utf8)) == "0\n", "a hang-up (end of file) exits 0")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(!left.contains { $0.hasPrefix("core") }, "\(left)")
        #expect(try CommandLineTests.run(["who", "--db", desk.db]).out.contains("no case is open"))
    }

    @Test("TERM=dumb is refused with a message in the console's language and a non-zero exit; nothing is sent to the terminal",
          arguments: [("en", "cannot move the cursor"), ("ja", "カーソルを動かせない")])
    func dumbTerminal(_ lang: String, _ says: String) throws {
        let desk = try CommandLineTests.Desk()
        let run = "MADO_DB='\(desk.db)' LANG=C.UTF-8 TERM=dumb '\(CommandLineTests.mado)' --lang \(lang)"
        let t = try Session(command: "echo BEFORE; env -u LINES -u COLUMNS " + run, width: 200, height: 30)
        let s = try t.waitFor("the refusal") { $0.contains("EXITED:") }
        #expect(s.contains("BEFORE") && s.contains("EXITED:1") && s.contains(says) && s.contains("TERM=dumb"), "\(s)")
        #expect(try !t.alternateScreen())
        // The bytes the terminal got: the message, and not one escape sequence.
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("mado-dumb-\(UUID().uuidString)").path
        defer { unlink(out) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-qec", run, out]
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(10)
        while p.isRunning, Date() < deadline { usleep(50_000) }
        if p.isRunning {
            p.terminate()
            Issue.record("the console ran on TERM=dumb")
        }
        p.waitUntilExit()
        #expect(p.terminationStatus == 1)
        let typescript = try String(contentsOfFile: out, encoding: .utf8)
        let written = typescript.split(separator: "\n").filter { !$0.hasPrefix("Script ") }.joined(separator: "\n")
        #expect(written.contains(says) && !written.contains("\u{1B}"), "\(written.debugDescription)")
    }

    @Test("SIGHUP (a dropped SSH connection) restores the terminal and exits")
    func hangUp() throws {
        let desk = try CommandLineTests.Desk()
        let t = try Session(db: desk.db, width: 100, height: 30)
        try t.waitFor("the queue") { $0.contains("C-000005") }
        let pid = try t.tmux(["display", "-p", "-t", "e2e", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
        p.arguments = ["-HUP", "-P", pid, "-x", "mado"]
        try p.run()
        p.waitUntilExit()
        try t.waitFor("exit after SIGHUP") { $0.contains("EXITED:0") }
        #expect(try !t.alternateScreen())
    }
}
