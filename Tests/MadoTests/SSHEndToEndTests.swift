import Foundation
import Testing

/// Two OS users made for the test log in through a real sshd on 127.0.0.1 and run the console with `ssh -t`,
/// each seeing what their role allows, on one shared database. Needs root (users, sshd), as CI has.
@Suite("console over SSH", .serialized, .enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd")
                                              && FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh")
                                              && FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")))
struct SSHEndToEndTests {
    typealias Session = ConsoleEndToEndTests.Session
    static let group = "madosshdesk"
    static let users = ["madosshop": "operator", "madosshstaff": "staff"]
    static let sh = DeskGroupTests.sh

    /// The desk's server: users in the desk's group, their keys, a database shared through the group, sshd.
    final class Server {
        let dir: URL
        let port = Int.random(in: 20_000...40_000)
        var db: String { dir.appendingPathComponent("desk/desk.sqlite").path }
        var mado: String { dir.appendingPathComponent("mado").path }

        init() throws {
            dir = URL(fileURLWithPath: "/tmp/mado-ssh-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("desk"), withIntermediateDirectories: true)
            chmod(dir.path, 0o755)
            _ = sh(["/usr/sbin/groupadd", "-f", group])
            for u in users.keys.sorted() {
                _ = sh(["/usr/sbin/userdel", "-r", u])
                try #require(sh(["/usr/sbin/useradd", "-m", "-s", "/bin/bash", "-g", "nogroup", "-G", group, u]) == 0)
                _ = sh(["/usr/sbin/usermod", "-p", "*", u])      // no password, but not locked: key logins only
                try #require(sh(["/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.appendingPathComponent(u).path]) == 0)
                let ssh = "/home/\(u)/.ssh"
                try FileManager.default.createDirectory(atPath: ssh, withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: dir.appendingPathComponent(u + ".pub").path, toPath: ssh + "/authorized_keys")
                _ = sh(["/bin/chown", "-R", u, ssh])
                chmod(ssh, 0o700)
                chmod(ssh + "/authorized_keys", 0o600)
            }
            // The binary where every desk user can run it.
            try FileManager.default.copyItem(atPath: CommandLineTests.mado, toPath: mado)
            chmod(mado, 0o755)
            // The README's set-up: a setgid directory of the desk's group, group-writable files.
            let deskDir = dir.appendingPathComponent("desk").path
            _ = sh(["/bin/chgrp", group, deskDir])
            chmod(deskDir, 0o2775)
            try #require(try CommandLineTests.run(["init", "--db", db]).status == 0)
            try #require(try CommandLineTests.run(["demo", "--db", db, "--now", "2026-11-25T09:00:00+09:00"]).status == 0)
            for (u, role) in users {
                try #require(try CommandLineTests.run(["staff", "add", u, "--role", role, "--name", u, "--db", db]).status == 0)
            }
            for f in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: db + f) {
                _ = sh(["/bin/chgrp", group, db + f])
                chmod(db + f, 0o660)
            }
            try #require(sh(["/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.appendingPathComponent("hostkey").path]) == 0)
            try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
            let config = """
                Port \(port)
                ListenAddress 127.0.0.1
                HostKey \(dir.appendingPathComponent("hostkey").path)
                PidFile \(dir.appendingPathComponent("sshd.pid").path)
                AuthorizedKeysFile .ssh/authorized_keys
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                UsePAM no
                PermitRootLogin no
                """
            try config.write(to: dir.appendingPathComponent("sshd_config"), atomically: true, encoding: .utf8)
            try #require(sh(["/usr/sbin/sshd", "-f", dir.appendingPathComponent("sshd_config").path,
                             "-E", dir.appendingPathComponent("sshd.log").path]) == 0)
            // Ready when a login answers.
            let deadline = Date().addingTimeInterval(10)
            while sh(ssh("madosshop", tty: false) + ["true"]) != 0 && Date() < deadline { usleep(100_000) }
        }

        func ssh(_ user: String, tty: Bool) -> [String] {
            ["/usr/bin/ssh"] + (tty ? ["-t"] : []) + ["-i", dir.appendingPathComponent(user).path, "-o", "StrictHostKeyChecking=no",
                                                    "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-o", "LogLevel=ERROR",
                                                    "-p", "\(port)", "\(user)@127.0.0.1"]
        }

        /// The console of `user` over `ssh -t`, in a tmux pane.
        func console(_ user: String, term: String = "xterm-256color") throws -> Session {
            let remote = "MADO_DB=\(db) LANG=C.UTF-8 \(mado) --lang en"
            let cmd = "env -u LINES -u COLUMNS TERM=\(term) " + ssh(user, tty: true).joined(separator: " ") + " '\(remote)'"
            return try Session(command: cmd, width: 120, height: 30)
        }

        deinit {
            if let pid = try? String(contentsOf: dir.appendingPathComponent("sshd.pid"), encoding: .utf8),
               let p = Int32(pid.trimmingCharacters(in: .whitespacesAndNewlines)) { kill(p, SIGTERM) }
            for u in users.keys { _ = sh(["/usr/sbin/userdel", "-r", u]) }
            _ = sh(["/usr/sbin/groupdel", group])
            try? FileManager.default.removeItem(at: dir)
        }
    }

    @Test("an operator and a staff member log in over ssh -t: each sees what their role allows, the other's note and presence")
    func twoUsers() throws {
        let server = try Server()
        let op = try server.console("madosshop")
        let staff = try server.console("madosshstaff", term: "screen-256color")
        try op.waitFor("the operator's console") { $0.contains("(madosshop, operator)") && $0.contains("> C-000005") }
        try staff.waitFor("the staff console") { $0.contains("(madosshstaff, counter staff)") && $0.contains("> C-000005") }
        // Both go to C-000002, whose applicant gave a name and a phone number.
        for t in [op, staff] {
            var s = try t.screen()
            var n = 0
            while !s.contains("> C-000002"), n < 20 { try t.keys("j"); usleep(100_000); s = try t.screen(); n += 1 }
        }
        let opScreen = try op.waitFor("the applicant for the operator") { $0.contains("Applicant: ") && $0.contains("☎ 090-") }
        #expect(!opScreen.contains("withheld"))
        try staff.waitFor("the applicant withheld from staff") { $0.contains("Applicant: withheld") }
        // Each sees that the other has the case open.
        try op.waitFor("the staff member's presence") { $0.contains("also open in another console: madosshstaff") }
        try staff.waitFor("the operator's presence") { $0.contains("also open in another console: madosshop") }
        // Staff may add a note; the operator's console shows it within a second.
        try staff.keys("a")
        try staff.waitFor("the note prompt") { $0.contains("Note C-000002") }
        try staff.tmux(["send-keys", "-t", "e2e", "-l", "受付で再度来訪"])
        try staff.keys("Enter")
        try staff.waitFor("the note recorded") { $0.contains("Recorded: C-000002") }
        try op.keys("2")
        try op.keys("G")
        try op.waitFor("the note in the operator's console") { $0.contains("note added") && $0.contains("madosshstaff") }
        // A dropped connection (the ssh client killed) leaves nothing broken; the operator quits normally.
        let present = try CommandLineTests.run(["who", "--db", server.db]).out
        #expect(present.contains("C-000002  madosshstaff"), "\(present)")
        _ = Self.sh(["/usr/bin/pkill", "-KILL", "-f", "^/usr/bin/ssh -t .*madosshstaff@127.0.0.1"])
        try staff.waitFor("the staff session ends") { $0.contains("EXITED:") }
        // On the server, the console got SIGHUP and ended.
        let deadline = Date().addingTimeInterval(10)
        while Self.sh(["/usr/bin/pgrep", "-u", "madosshstaff", "-f", server.mado]) == 0 && Date() < deadline { usleep(100_000) }
        #expect(Self.sh(["/usr/bin/pgrep", "-u", "madosshstaff", "-f", server.mado]) != 0)
        // ... and removed its presence on the way out (issue 17): the operator's console no longer sees it.
        let gone = try CommandLineTests.run(["who", "--db", server.db]).out
        #expect(!gone.contains("madosshstaff") && gone.contains("madosshop"), "\(gone)")
        try op.waitFor("the staff member's presence gone") { !$0.contains("also open in another console: madosshstaff") }
        try op.keys("q")
        try op.waitFor("the operator's console exits") { $0.contains("EXITED:0") }
        #expect(try CommandLineTests.run(["verify", "--db", server.db]).status == 0)
        // The note was written by the staff member's own OS user.
        let show = try CommandLineTests.run(["show", "C-000002", "--db", server.db]).out
        #expect(show.contains("note added  by madosshstaff: 受付で再度来訪"), "\(show)")
    }
}
