import Foundation
import Testing

/// A copy that may only be read (an archive, a read-only mount, a file the user may only read) is opened read-only.
@Suite("a read-only copy", .serialized)
struct ReadOnlyCopyTests {
    static let reader = "madotestro"

    static func sqlite(_ db: String, _ command: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [db, command]
        try p.run()
        p.waitUntilExit()
    }

    /// Runs mado as `reader` when the tests run as root (root may write anything), else as the user running them.
    static func asReader(_ args: [String]) throws -> CommandLineTests.Result {
        guard getuid() == 0 else { return try CommandLineTests.run(args) }
        return try CommandLineTests.run(["--reuid=\(reader)", "--regid=nogroup", "--init-groups", "--", CommandLineTests.mado] + args,
                                        executable: "/usr/bin/setpriv")
    }

    @Test("a read-only copy verifies and lists, mado says it opened it read-only, and a write is refused because it is read-only",
          .enabled(if: getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd")))
    func readOnlyCopy() throws {
        let desk = try CommandLineTests.Desk()
        let user = getuid() == 0 ? Self.reader : CommandLineTests.osUser
        if getuid() == 0 {
            _ = DeskGroupTests.sh(["/usr/sbin/userdel", user])
            #expect(DeskGroupTests.sh(["/usr/sbin/useradd", "-M", "-N", "-g", "nogroup", user]) == 0)
            #expect(try CommandLineTests.run(["staff", "add", user, "--role", "operator", "--name", user, "--db", desk.db]).status == 0)
        }
        defer { if getuid() == 0 { _ = DeskGroupTests.sh(["/usr/sbin/userdel", user]) } }
        // An archive: each file readable by all and written by none, in a directory no one may write. sqlite3's own
        // backup keeps the WAL mode, and its -wal and -shm cannot be made there (mado opens it as immutable); mado's
        // backup is one file in rollback-journal mode.
        let archive = desk.dir.appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        let copies = ["sqlite3.sqlite", "mado.sqlite"].map { archive.appendingPathComponent($0).path }
        try Self.sqlite(desk.db, ".backup '\(copies[0])'")
        #expect(try CommandLineTests.run(["backup", "--db", desk.db, "--to", copies[1]]).status == 0)
        for copy in copies { chmod(copy, 0o444) }
        chmod(archive.path, 0o555)
        chmod(desk.dir.path, 0o755)
        defer { chmod(archive.path, 0o755) }

        for copy in copies {
            let v = try Self.asReader(["verify", "--db", copy])
            #expect(v.status == 0 && v.out.contains("chain verified"), "\(copy): \(v.err)")
            #expect(v.err.contains("read-only"), "\(v.err)")
            let l = try Self.asReader(["list", "--format", "csv", "--db", copy])
            #expect(l.status == 0 && l.out.split(separator: "\n").count == 49, "\(copy): \(l.err)")
            #expect(l.err.contains("opened \(copy) read-only"), "\(l.err)")
            #expect(l.err.contains("the file is read-only (mode 0444)"), "\(l.err)")
            let n = try Self.asReader(["ladder", "C-000001", "askToStop", "--db", copy])
            #expect(n.status == 1, "\(n.err)")
            #expect(n.err.contains("is open read-only") && n.err.contains("nothing can be recorded") && !n.err.contains("group"), "\(n.err)")
        }
        // Nothing was written beside it either.
        #expect(try FileManager.default.contentsOfDirectory(atPath: archive.path).sorted() == ["mado.sqlite", "sqlite3.sqlite"])
    }
}
