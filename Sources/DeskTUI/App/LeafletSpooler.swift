import DeskDomain
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What became of a leaflet the clerk asked for (`w`): said at once on the status line, never silently.
public enum LeafletOutcome: Equatable, Sendable {
    /// Queued with the spooler (`lp`); nil: the system's default printer.
    case printed(printer: String?)
    case written(path: String)
    /// Why not (the spooler's own first line of error, or the file's); nothing was printed or written.
    case failed(String)
}

/// Prints the leaflet through the system's print spooler (`lp`, `-d PRINTER` when one is set), or writes it into a
/// directory when the setting is an absolute path. Never into the working directory of whatever process runs the console.
public struct LeafletSpooler: Sendable {
    /// The printer name or absolute directory (the organization's, else the console's setting); nil: `lp`'s default.
    public var destination: String?
    /// Where `lp` is looked for (the environment's `PATH`; tests put a fake `lp` first).
    public var searchPath: String
    /// Writes the leaflet file with the user's own rights (the front end's, under set-group-id).
    public var writeFile: @Sendable (String, Data) -> Bool

    public init(destination: String?, searchPath: String = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                writeFile: @escaping @Sendable (String, Data) -> Bool = { FileManager.default.createFile(atPath: $0, contents: $1) }) {
        self.destination = destination
        self.searchPath = searchPath
        self.writeFile = writeFile
    }

    public func deliver(_ text: String, caseID: CaseID) -> LeafletOutcome {
        if let dir = destination, dir.hasPrefix("/") {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
                return .failed("\(Sanitizer.visible(dir)): no such directory")
            }
            let path = (dir as NSString).appendingPathComponent("mado-leaflet-\(caseID).txt")
            return writeFile(path, Data(text.utf8)) ? .written(path: path) : .failed("cannot write \(Sanitizer.visible(path))")
        }
        guard let lp = searchPath.split(separator: ":").map({ String($0) + "/lp" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { return .failed("lp not found on PATH (install cups-client, or set a directory as the printer)") }
        var args = [lp, "-t", "mado-leaflet-\(caseID)"]
        if let d = destination, !d.isEmpty { args += ["-d", d] }
        switch run(args, input: Data(text.utf8)) {
        case .success: return .printed(printer: destination)
        case .failure(let f): return .failed(f.why)
        }
    }

    private struct SpawnFailure: Error { let why: String }

    /// Runs `args` with `input` on stdin. `POSIX_SPAWN_RESETIDS` gives the child the user's own ids: a set-group-id
    /// console never lends the desk's group to the spooler.
    private func run(_ args: [String], input: Data) -> Result<Void, SpawnFailure> {
        var inPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&inPipe) == 0 else { return .failure(SpawnFailure(why: "pipe: \(String(cString: strerror(errno)))")) }
        guard pipe(&errPipe) == 0 else {
            close(inPipe[0]); close(inPipe[1])
            return .failure(SpawnFailure(why: "pipe: \(String(cString: strerror(errno)))"))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in [inPipe[0], inPipe[1], errPipe[0], errPipe[1]] { posix_spawn_file_actions_addclose(&actions, fd) }
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_RESETIDS))
        let argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, args[0], &actions, &attr, argv, environ)
        close(inPipe[0]); close(errPipe[1])
        guard rc == 0 else {
            close(inPipe[1]); close(errPipe[0])
            return .failure(SpawnFailure(why: "cannot run lp: \(String(cString: strerror(rc)))"))
        }
        // A spooler that stops reading must not kill the console with SIGPIPE.
        let oldPipe = signal(SIGPIPE, SIG_IGN)
        input.withUnsafeBytes { buf in
            var off = 0
            while off < buf.count {
                let n = write(inPipe[1], buf.baseAddress! + off, buf.count - off)
                if n <= 0 { if errno == EINTR { continue }; break }
                off += n
            }
        }
        close(inPipe[1])
        signal(SIGPIPE, oldPipe)
        var err = Data()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(errPipe[0], &chunk, chunk.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            if err.count < 4096 { err.append(contentsOf: chunk[0..<n]) }
        }
        close(errPipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = (status & 0x7f) == 0, code = (status >> 8) & 0xff
        if exited && code == 0 { return .success(()) }
        let first = String(decoding: err, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let why = first.isEmpty ? (exited ? "lp exited with status \(code)" : "lp was killed by signal \(status & 0x7f)") : first
        return .failure(SpawnFailure(why: Sanitizer.visible(String(why.prefix(200)))))
    }
}
