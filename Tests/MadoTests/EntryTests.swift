import ArgumentParser
import DeskDomain
import Foundation
@testable import mado
import Testing

/// Issue 17: what reaches `mado` is taken exactly or refused by name, what it says repeats nothing raw, and no `mado`
/// process can leave a core file (it holds the desk key).
@Suite("the command line's edges", .serialized)
struct EntryTests {
    struct Raw { let status: Int32; let out: [UInt8]; let err: [UInt8]; var errText: String { String(decoding: err, as: UTF8.self) } }

    /// Runs mado with arguments as bytes (Foundation's Process would turn them into Strings first), through files.
    static func runRaw(_ args: [[UInt8]], environment: [String: String] = [:], executable: String = CommandLineTests.mado,
                       shellPrefix: String? = nil) throws -> Raw {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mado-raw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path, err = dir.appendingPathComponent("err").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([Array(executable.utf8)] + args).map { bytes in
            let p = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            for (i, b) in bytes.enumerated() { p[i] = CChar(bitPattern: b) }
            p[bytes.count] = 0
            return p
        } + [nil]
        defer { argv.forEach { $0?.deallocate() } }
        var env = ProcessInfo.processInfo.environment
        env["MADO_DB"] = nil
        env["COLUMNS"] = "80"
        for (k, v) in environment { env[k] = v }
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid = pid_t()
        let rc = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        try #require(rc == 0, "posix_spawn: \(rc)")
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Raw(status: exit, out: Array((try? Data(contentsOf: URL(fileURLWithPath: out))) ?? Data()),
                   err: Array((try? Data(contentsOf: URL(fileURLWithPath: err))) ?? Data()))
    }

    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    // MARK: text options, exactly or refused

    /// Each text option of issue 17: its command (without the option) on `db`, and the option.
    static func textOptions(_ db: String) -> [(command: [[UInt8]], option: String)] {
        let options: [([String], String)] = [
            (["transcribe", "--db", db, "--org", "demo-hotel", "--recording", "r1", "--at", "2026-11-24T22:15:00+09:00"], "--text"),
            (["note", "C-000001", "--db", db], "--text"),
            (["handover", "--db", db, "--org", "demo-hotel"], "--complaint"),
            (["org", "add", "edge-org", "--db", db, "--report-to", "総務部"], "--name"),
        ]
        return options.map { ($0.0.map(bytes), $0.1) }
    }

    @Test("a text option that is not valid UTF-8 is refused, naming the option and the byte, and nothing is appended",
          arguments: [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE3, 0x81]] as [[UInt8]])
    func invalidUTF8(_ bad: [UInt8]) throws {
        let desk = try CommandLineTests.Desk()
        let before = try desk.events()
        for (command, option) in Self.textOptions(desk.db) {
            let name = String(decoding: command[0], as: UTF8.self) + " " + option
            let value = Self.bytes("ab") + bad + Self.bytes("cd")
            for form in [command + [Self.bytes(option), value], command + [Self.bytes(option + "=") + value]] {
                let r = try Self.runRaw(form)
                #expect(r.status == 1, "\(name): \(r.errText)")
                #expect(r.errText.contains("\(option) is not valid UTF-8 (byte 2"), "\(name): \(r.errText)")
                #expect(!r.err.contains(0xFF) && !r.err.contains(0xC0), "the refusal repeats no raw byte")
            }
        }
        #expect(try desk.events() == before)
    }

    @Test("the same options with valid text are taken in exactly (the bytes check lets UTF-8 through)")
    func validUTF8() throws {
        let desk = try CommandLineTests.Desk()
        let before = try desk.events()
        let text = "山田\u{200B}さん ✓ 葛\u{E0100}"
        for (command, option) in Self.textOptions(desk.db) {
            // An organization's name is one printable line: no zero-width space there.
            let r = try Self.runRaw(command + [Self.bytes(option), Self.bytes(option == "--name" ? "窓口テスト" : text)])
            #expect(r.status == 0, "\(option): \(r.errText)")
        }
        #expect(try desk.events() > before)
    }

    @Test("a NUL in a text option is refused by the option's name and its byte offset", arguments: [
        ["note", "C-000001", "--text", "ab\u{0}c"],
        ["transcribe", "--org", "demo-hotel", "--recording", "r", "--at", "2026-11-24T22:15:00+09:00", "--text", "ab\u{0}c"],
        ["handover", "--org", "demo-hotel", "--complaint", "ab\u{0}c"],
        ["org", "add", "x-org", "--name", "ab\u{0}c", "--report-to", "総務部"],
    ])
    func nul(_ args: [String]) throws {
        // A NUL cannot pass through exec (it ends the C string): this is the parser's own check.
        let option = args[args.firstIndex { $0.contains("\u{0}") }! - 1]
        do {
            _ = try Mado.parseAsRoot(args)
            Issue.record("\(args[0]): a NUL was accepted")
        } catch {
            #expect(Mado.fullMessage(for: error).contains("\(option) contains a NUL character (byte 2)"), "\(Mado.fullMessage(for: error))")
            #expect(Mado.exitCode(for: error) != .success)
        }
    }

    // MARK: messages that repeat what was typed

    @Test("argument-parser's errors repeat no escape sequence: an OSC 52 in --format never reaches the terminal", arguments: [
        ["list", "--format", "\u{1B}]52;c;SGVsbG8=\u{07}"],
        ["list", "--\u{1B}[2Jx"],
        ["\u{1B}]0;title\u{07}"],
        ["show", "C-1\u{1B}[31m"],
        ["list", "--format", "x\u{9B}31m\u{202E}"],
    ])
    func parserErrorsSanitized(_ args: [String]) throws {
        let r = try Self.runRaw(args.map(Self.bytes))
        #expect(r.status != 0)
        #expect(!r.err.isEmpty)
        for bad: [UInt8] in [[0x1B], [0x07], [0xC2, 0x9B], [0xE2, 0x80, 0xAE]] {
            #expect(!r.err.indices.contains { r.err[$0...].starts(with: bad) }, "\(bad) in \(r.errText)")
        }
        #expect(r.errText.contains("␛") || r.errText.contains("<U+009B>"), "\(r.errText)")
    }

    // MARK: --answers

    @Test("--answers with a key given twice is refused by name; nothing is appended")
    func duplicateAnswers() throws {
        let desk = try CommandLineTests.Desk()
        let before = try desk.events()
        let file = desk.write("answers.json", #"{"refusesToLeave": true, "minutesSpent": 40, "refusesToLeave": false}"#)
        let r = try CommandLineTests.run(["handover", "--db", desk.db, "--org", "demo-hotel", "--complaint", "来店", "--answers", file])
        #expect(r.status == 1, "\(r.err)")
        #expect(r.err.contains("answers.refusesToLeave") && r.err.contains("given once"), "\(r.err)")
        #expect(try desk.events() == before)
        // The same answers once each are taken.
        let once = desk.write("once.json", #"{"refusesToLeave": true, "minutesSpent": 40}"#)
        #expect(try CommandLineTests.run(["handover", "--db", desk.db, "--org", "demo-hotel", "--complaint", "来店", "--answers", once]).status == 0)
    }

    // MARK: MADO_DB

    @Test("MADO_DB naming a device, a directory, a text file or an empty file is refused, and nothing is created beside it")
    func notADatabase() throws {
        let desk = try CommandLineTests.Desk(demo: false)
        let text = desk.write("notes.txt", "これはメモです\n")
        let empty = desk.write("empty.sqlite", "")
        let dir = desk.dir.appendingPathComponent("folder").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (path, says) in [("/dev/null", "is a device"), ("/dev/zero", "is a device"), (dir, "is a directory"),
                             (text, "not an SQLite database file"), (empty, "it is empty")] {
            let before = Set(try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent))
            for cmd in [["list"], ["show", "C-000001"], ["who"], ["note", "C-000001", "--text", "x"]] {
                let r = try Self.runRaw(cmd.map(Self.bytes), environment: ["MADO_DB": path])
                #expect(r.status == 1, "\(path) \(cmd): \(r.errText)")
                #expect(r.errText.contains(says) && r.errText.contains("not a desk database"), "\(path): \(r.errText)")
            }
            let after = Set(try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent))
            #expect(after == before, "created beside \(path): \(after.subtracting(before))")
            for suffix in ["-wal", "-shm", "-journal", ".key"] { #expect(!FileManager.default.fileExists(atPath: path + suffix)) }
        }
        #expect(try String(contentsOfFile: text, encoding: .utf8) == "これはメモです\n")
        // --db is checked the same way.
        let r = try Self.runRaw(["list", "--db", "/dev/null"].map(Self.bytes))
        #expect(r.status == 1 && r.errText.contains("is a device"))
    }

    // MARK: core dumps

    static var coreFilesLandHere: Bool {
        ((try? String(contentsOfFile: "/proc/sys/kernel/core_pattern", encoding: .utf8)) ?? "|").hasPrefix("core")
    }

    /// Starts `command` under sh with core dumps unlimited in `dir`, waits until it is running, sends SIGSYS (whose
    /// default action dumps core; Swift's crash handler takes SIGSEGV, SIGQUIT, SIGABRT and the like, and lets one sent
    /// from outside go on); returns whether the kernel reports a core dumped, and the files left in `dir`.
    static func crash(_ command: String, in dir: URL) throws -> (dumped: Bool, files: [String]) {
        var pid = pid_t()
        let script = "cd '\(dir.path)' && ulimit -c unlimited && exec \(command)"
        let words: [String] = ["/bin/sh", "-c", script]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Standard input a pipe nobody writes to: `mado intake --json -` waits on it.
        var fds: [Int32] = [0, 0]
        pipe(&fds)
        defer { close(fds[1]) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        posix_spawn_file_actions_addclose(&actions, fds[1])
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // The test runner blocks signals, and a child inherits the mask: unblock them and restore their defaults.
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        try #require(posix_spawn(&pid, "/bin/sh", &actions, &attr, argv, environ) == 0)
        close(fds[0])
        // Running the program (not sh any more) once /proc says so.
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")) ?? ""
            if !exe.hasSuffix("/sh") && !exe.hasSuffix("/dash") && !exe.isEmpty { break }
            usleep(20_000)
        }
        usleep(300_000)       // past its start-up, waiting on standard input
        kill(pid, SIGSYS)
        var status: Int32 = 0
        let until = Date().addingTimeInterval(10)
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > until { kill(pid, SIGKILL) }
            usleep(20_000)
        }
        #expect(status & 0x7F == SIGSYS, "killed by SIGSYS (status \(status))")
        return (status & 0x80 != 0, try FileManager.default.contentsOfDirectory(atPath: dir.path))
    }

    @Test("a mado process that crashes leaves no core file (core dumps are off from its first instruction on)",
          .enabled(if: EntryTests.coreFilesLandHere))
    func noCoreDump() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mado-core-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let desk = try CommandLineTests.Desk(demo: false)
        // The same crash dumps core for another program: this test could see one.
        let control = try Self.crash("/bin/sleep 30", in: dir)
        #expect(control.dumped && !control.files.isEmpty, "the control left no core: \(control)")
        for f in control.files { try FileManager.default.removeItem(at: dir.appendingPathComponent(f)) }
        let mado = try Self.crash("'\(CommandLineTests.mado)' intake --json - --db '\(desk.db)'", in: dir)
        #expect(!mado.dumped)
        #expect(mado.files.isEmpty, "\(mado.files)")
    }
}
