import Foundation
import Testing

/// Real OS users: two in the desk's group open personal fields through the key file, one outside cannot.
/// Needs root (to create the users), as CI has; skipped elsewhere.
@Suite("the desk group", .serialized, .enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd")))
struct DeskGroupTests {
    static let group = "madotestdesk"
    static let members = ["madotest1", "madotest2"], outsider = "madotestout"

    static func sh(_ args: [String]) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: args[0])
        p.arguments = Array(args.dropFirst())
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try? p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    /// Runs mado as another OS user, with that user's groups.
    static func asUser(_ user: String, _ args: [String]) throws -> CommandLineTests.Result {
        try CommandLineTests.run(["--reuid=\(user)", "--regid=nogroup", "--init-groups", "--", CommandLineTests.mado] + args,
                                 executable: "/usr/bin/setpriv")
    }

    @Test("members of the desk group open personal fields; a user outside it is refused and told why")
    func groupAccess() throws {
        _ = Self.sh(["/usr/sbin/groupadd", "-f", Self.group])
        for u in Self.members + [Self.outsider] {
            _ = Self.sh(["/usr/sbin/userdel", u])
            #expect(Self.sh(["/usr/sbin/useradd", "-M", "-N", "-g", "nogroup", u]) == 0)
        }
        for u in Self.members { #expect(Self.sh(["/usr/sbin/usermod", "-a", "-G", Self.group, u]) == 0) }
        defer {
            for u in Self.members + [Self.outsider] { _ = Self.sh(["/usr/sbin/userdel", u]) }
            _ = Self.sh(["/usr/sbin/groupdel", Self.group])
        }
        // The set-up the README describes: a directory owned by the desk's group, setgid, group-writable files.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mado-group-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(Self.sh(["/bin/chgrp", Self.group, dir.path]) == 0)
        #expect(chmod(dir.path, 0o2775) == 0)
        let db = dir.appendingPathComponent("desk.sqlite").path
        #expect(try CommandLineTests.run(["init", "--db", db]).status == 0)
        #expect(try CommandLineTests.run(["demo", "--db", db, "--now", "2026-11-25T09:00:00+09:00"]).status == 0)
        for u in Self.members + [Self.outsider] {
            #expect(try CommandLineTests.run(["staff", "add", u, "--role", "operator", "--name", u, "--db", db]).status == 0)
        }
        for f in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: db + f) {
            _ = Self.sh(["/bin/chgrp", Self.group, db + f])
            chmod(db + f, 0o660)
        }
        var st = stat()
        #expect(stat(db + ".key", &st) == 0 && st.st_mode & 0o777 == 0o640)
        #expect(st.st_gid == getgrnam(Self.group)?.pointee.gr_gid)

        let named = try CommandLineTests.run(["subject", "list", "--format", "json", "--db", db]).out
        let name = try #require((try JSONSerialization.jsonObject(with: Data(named.utf8)) as? [[String: Any]])?
            .compactMap { $0["name"] as? String }.first { !$0.isEmpty && !$0.contains("/") })
        for u in Self.members {
            let r = try Self.asUser(u, ["subject", "list", "--format", "json", "--db", db])
            #expect(r.status == 0 && r.out.contains(name), "\(u): \(r.err)")
        }
        for args in [["subject", "list", "--format", "json"], ["show", "C-000001"], ["list"]] {
            let out = try Self.asUser(Self.outsider, args + ["--db", db])
            #expect(out.status == 1 && !out.out.contains(name), "\(args)")
            #expect(out.err.contains("you (\(Self.outsider)) are not in the group \(Self.group)"), "\(args): \(out.err)")
        }
        // A desk directory others may not even search hides the database: still the group, never "run mado init"
        // (issue 18, point 10).
        #expect(chmod(dir.path, 0o2770) == 0)
        let hidden = try Self.asUser(Self.outsider, ["list", "--db", db])
        #expect(hidden.status == 1 && hidden.err.contains("you (\(Self.outsider)) are not in the group \(Self.group)"), "\(hidden.err)")
        #expect(!hidden.err.contains("mado init") && !hidden.err.contains("no desk database"), "\(hidden.err)")
        let member = try Self.asUser(Self.members[0], ["list", "--db", db])
        #expect(member.status == 0, "\(member.err)")
    }
}
