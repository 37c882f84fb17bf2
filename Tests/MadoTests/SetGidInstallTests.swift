import Foundation
import Testing

/// The production install: mado set-group-id to a group no desk user is in. A desk user works through mado, and cannot
/// open the files any other way, nor make mado open or write anything for them with the group's rights.
/// Needs root (to create the group and the user, and to write /etc/mado/desks.toml, which it restores), as CI has.
@Suite("the set-group-id install", .serialized,
       .enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd")))
struct SetGidInstallTests {
    static let group = "madotestsg", user = "madotestsgu"
    static let registry = "/etc/mado/desks.toml"

    /// A fresh install in a temp dir: the binary 2755 for the group, a desk made by `init --group`, demo cases, the user an
    /// operator. Cleans up the user, the group, the files and the registry's previous content.
    final class Install {
        let dir: URL
        let mado: String
        var db: String { dir.appendingPathComponent("desk/desk.sqlite").path }
        private let savedRegistry: Data?

        init(role: String = "operator") throws {
            savedRegistry = FileManager.default.contents(atPath: SetGidInstallTests.registry)
            _ = DeskGroupTests.sh(["/usr/sbin/userdel", SetGidInstallTests.user])
            _ = DeskGroupTests.sh(["/usr/sbin/groupdel", SetGidInstallTests.group])
            try #require(DeskGroupTests.sh(["/usr/sbin/groupadd", SetGidInstallTests.group]) == 0)
            try #require(DeskGroupTests.sh(["/usr/sbin/useradd", "-M", "-N", "-g", "nogroup", SetGidInstallTests.user]) == 0)
            dir = URL(fileURLWithPath: "/tmp/mado-setgid-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            chmod(dir.path, 0o755)
            mado = dir.appendingPathComponent("mado").path
            try FileManager.default.copyItem(atPath: CommandLineTests.mado, toPath: mado)
            try #require(DeskGroupTests.sh(["/bin/chgrp", SetGidInstallTests.group, mado]) == 0)
            try #require(chmod(mado, 0o2755) == 0)
            let made = try CommandLineTests.run(["init", "--db", db, "--group", SetGidInstallTests.group], executable: mado)
            try #require(made.status == 0, "\(made.err)")
            try #require(try CommandLineTests.run(["demo", "--db", db, "--now", "2026-11-25T09:00:00+09:00"], executable: mado).status == 0)
            try #require(try CommandLineTests.run(["staff", "add", SetGidInstallTests.user, "--role", role, "--name", "窓口",
                                                   "--db", db], executable: mado).status == 0)
        }

        deinit {
            _ = DeskGroupTests.sh(["/usr/sbin/userdel", SetGidInstallTests.user])
            _ = DeskGroupTests.sh(["/usr/sbin/groupdel", SetGidInstallTests.group])
            try? FileManager.default.removeItem(at: dir)
            if let savedRegistry { try? savedRegistry.write(to: URL(fileURLWithPath: SetGidInstallTests.registry)) }
            else { try? FileManager.default.removeItem(atPath: SetGidInstallTests.registry) }
        }

        /// Runs `executable` (the installed mado by default) as the desk user, with their groups only.
        func asUser(_ args: [String], executable: String? = nil) throws -> CommandLineTests.Result {
            try CommandLineTests.run(["--reuid=\(SetGidInstallTests.user)", "--regid=nogroup", "--init-groups", "--", executable ?? mado] + args,
                                     executable: "/usr/bin/setpriv")
        }
    }

    @Test("init --group makes the directory 2770, the key 0640 for the group, and registers the desk")
    func layout() throws {
        let i = try Install()
        let gid = try #require(getgrnam(Self.group)?.pointee.gr_gid)
        for (path, mode) in [((i.db as NSString).deletingLastPathComponent, 0o2770), (i.db, 0o660), (i.db + ".key", 0o640)] {
            var st = stat()
            #expect(stat(path, &st) == 0 && st.st_gid == gid && st.st_mode & 0o7777 == mode_t(mode), "\(path)")
        }
        #expect(String(decoding: FileManager.default.contents(atPath: Self.registry) ?? Data(), as: UTF8.self).contains(i.db))
        let doctor = try CommandLineTests.run(["doctor", "--db", i.db], executable: i.mado)
        #expect(doctor.status == 0 && doctor.out.contains("nothing is weak"), "\(doctor.out)")
    }

    @Test("the desk user runs what an operator may, through mado; sqlite3 and the key file are closed to them")
    func throughMadoOnly() throws {
        let i = try Install()
        for args in [["list"], ["show", "C-000001"], ["note", "C-000001", "--text", "電話で再度の申し出"], ["verify"], ["task", "list"],
                     ["subject", "list", "--format", "json"], ["who"], ["shift", "start"], ["shift", "end", "--note", "引き継ぎなし"]] {
            let r = try i.asUser(args + ["--db", i.db])
            #expect(r.status == 0, "\(args): \(r.err)")
        }
        // What an operator may not do is refused by mado, not by the file system.
        let anchor = try i.asUser(["anchor", "--db", i.db])
        #expect(anchor.status == 1 && anchor.err.contains("needs a supervisor"), "\(anchor.err)")
        // The note went in under the user's own name.
        let shown = try CommandLineTests.run(["show", "C-000001", "--db", i.db], executable: i.mado).out
        #expect(shown.contains("電話で再度の申し出") && shown.contains(Self.user))
        // Around mado, nothing opens.
        #expect(try i.asUser([i.db, "select count(*) from events"], executable: "/usr/bin/sqlite3").status != 0)
        #expect(try i.asUser([i.db + ".key"], executable: "/bin/cat").status != 0)
        // MADO_DB naming the registered desk works like --db.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        p.arguments = ["--reuid=\(Self.user)", "--regid=nogroup", "--init-groups", "--", i.mado, "list", "--format", "csv"]
        p.environment = ["MADO_DB": i.db, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let listed = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0 && String(decoding: listed, as: UTF8.self).contains("C-000001"))
    }

    @Test("files the user names are opened with the user's rights: no key read in, no file written into the desk")
    func userFiles() throws {
        let i = try Install()
        let deskDir = (i.db as NSString).deletingLastPathComponent
        let events = try CommandLineTests.run(["verify", "--db", i.db], executable: i.mado).out
        // The key file as an e-mail to take in: mado cannot read it for them.
        let intake = try i.asUser(["intake", "--eml", i.db + ".key", "--org", "demo-hotel", "--db", i.db])
        #expect(intake.status != 0 && intake.err.contains("cannot read"), "\(intake.err)")
        // Evidence written into the desk's directory: refused, nothing made there.
        let save = try i.asUser(["evidence", "C-000001", "--save", "0", "--out", deskDir + "/leak", "--db", i.db])
        #expect(save.status != 0 && !FileManager.default.fileExists(atPath: deskDir + "/leak"), "\(save.err)")
        #expect(try CommandLineTests.run(["verify", "--db", i.db], executable: i.mado).out == events)
    }

    @Test("another database is opened with the user's own rights: a private copy cannot borrow the desk's key")
    func privateCopy() throws {
        let i = try Install()
        let own = i.dir.appendingPathComponent("own")
        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
        _ = DeskGroupTests.sh(["/bin/chown", Self.user, own.path])
        let mine = own.appendingPathComponent("mine.sqlite").path
        let made = try i.asUser(["init", "--db", mine])
        #expect(made.status == 0, "\(made.err)")
        // Their own desk is theirs (made with their rights, not the group's).
        var st = stat()
        #expect(stat(mine, &st) == 0 && st.st_gid != getgrnam(Self.group)?.pointee.gr_gid)
        let borrowed = try i.asUser(["demo", "--db", mine, "--key-file", i.db + ".key"])
        // Refused before the key was read: mado could not reach it with the user's rights (a key read would say "another desk").
        #expect(borrowed.status != 0 && borrowed.err.contains("key file") && !borrowed.err.contains("another desk"), "\(borrowed.err)")
        let keyed = try i.asUser(["list", "--db", i.db, "--key-file", mine + ".key"])
        #expect(keyed.status != 0 && keyed.err.contains("--key-file"), "\(keyed.err)")
    }

    @Test("a supervisor who is no administrator takes no whole copy of an installed desk; root does")
    func copiesAreRoots() throws {
        let i = try Install(role: "supervisor")
        let own = i.dir.appendingPathComponent("own")
        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
        _ = DeskGroupTests.sh(["/bin/chown", Self.user, own.path])
        let copy = own.appendingPathComponent("copy.sqlite").path
        let refused = try i.asUser(["backup", "--db", i.db, "--to", copy, "--key-to", copy + ".key"])
        #expect(refused.status == 1 && refused.err.contains("administrator"), "\(refused.err)")
        #expect(!FileManager.default.fileExists(atPath: copy) && !FileManager.default.fileExists(atPath: copy + ".key"))
        // The same user may sign the head: supervisors' work goes on through mado.
        #expect(try i.asUser(["anchor", "--db", i.db]).status == 0)
        let root = try CommandLineTests.run(["backup", "--db", i.db, "--to", i.dir.appendingPathComponent("root.sqlite").path], executable: i.mado)
        #expect(root.status == 0, "\(root.err)")
    }
}
