import DeskDomain
import DeskStore
import Foundation
import Testing

/// `mado backup` and `mado restore` on real files, with real writers in other processes.
@Suite("mado backup and restore", .serialized)
struct BackupCommandTests {
    /// Lines a process printed, as they arrive; `snapshot` is what had arrived by then.
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        private var partial = ""
        func attach(_ pipe: Pipe) {
            pipe.fileHandleForReading.readabilityHandler = { [self] h in
                let chunk = String(decoding: h.availableData, as: UTF8.self)
                lock.withLock {
                    partial += chunk
                    while let nl = partial.firstIndex(of: "\n") {
                        lines.append(String(partial[..<nl]))
                        partial = String(partial[partial.index(after: nl)...])
                    }
                }
            }
        }
        var snapshot: [String] { lock.withLock { lines } }
    }

    static var writer: String {
        URL(fileURLWithPath: CommandLineTests.mado).deletingLastPathComponent().appendingPathComponent("desk-test-writer").path
    }

    static func mode(_ path: String) -> mode_t {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mode & 0o7777 : 0o7777
    }

    @Test("a backup taken while four processes append verifies, restores to a log that verifies, and holds every append acknowledged before it began")
    func backupUnderFourWriters() throws {
        let desk = try CommandLineTests.Desk()
        let lines = (0..<4).map { _ in Lines() }
        let writers = try (0..<4).map { w -> Process in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: Self.writer)
            p.arguments = [desk.db, "w\(w)", "300", "3", "--ack"]
            let out = Pipe()
            p.standardOutput = out
            lines[w].attach(out)
            try p.run()
            return p
        }
        defer { for p in writers where p.isRunning { p.terminate() } }
        // Every writer well into its work before the backup begins.
        let deadline = Date().addingTimeInterval(60)
        while lines.contains(where: { $0.snapshot.count < 20 }), Date() < deadline { usleep(20_000) }
        let acknowledged = lines.map(\.snapshot)
        let backup = desk.dir.appendingPathComponent("b.sqlite").path
        let r = try CommandLineTests.run(["backup", "--db", desk.db, "--to", backup])
        let after = lines.map(\.snapshot.count)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("the copy verifies"))
        for p in writers { p.waitUntilExit() }
        #expect(writers.allSatisfy { $0.terminationStatus == 0 })
        // The writers went on after the backup: it ran while they wrote.
        #expect(zip(after, lines.map(\.snapshot.count)).contains { $0 < $1 }, "\(after)")
        #expect(acknowledged.allSatisfy { $0.count >= 20 })

        let copy = try SQLiteEventStore.open(path: backup, readOnly: true)
        let missing = try acknowledged.joined().filter { try copy.version(of: StreamID($0)) != 3 }
        copy.close()
        #expect(missing.isEmpty, "acknowledged before the backup began, missing from it: \(missing)")
        #expect(try CommandLineTests.run(["verify", "--db", backup]).status == 0)

        let restored = desk.dir.appendingPathComponent("restored.sqlite").path
        let rr = try CommandLineTests.run(["restore", "--from", backup, "--db", restored, "--key-file", desk.db + ".key"])
        #expect(rr.status == 0, "\(rr.err)")
        #expect(rr.out.contains("it verifies"))
        let v = try CommandLineTests.run(["verify", "--db", restored])
        #expect(v.status == 0 && v.out.contains("chain verified"), "\(v.err)")
        let list = try CommandLineTests.run(["list", "--format", "csv", "--db", restored, "--key-file", desk.db + ".key"])
        #expect(list.status == 0 && list.out.split(separator: "\n").count == 49, "\(list.err)")
    }

    @Test("restore refuses a copy with a byte flipped in an event, or cut short, says why, and replaces nothing")
    func restoreRefusesDamagedCopies() throws {
        let desk = try CommandLineTests.Desk()
        let backup = desk.dir.appendingPathComponent("b.sqlite").path
        #expect(try CommandLineTests.run(["backup", "--db", desk.db, "--to", backup]).status == 0)
        let before = try desk.events()
        #expect(try CommandLineTests.run(["note", "C-000001", "--text", "バックアップの後のメモ", "--db", desk.db]).status == 0)

        // One byte of a stored event, as a disk or a copy might flip it: only the chain can tell.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: backup))
        let marker = Data(#""organization":"demo-hotel""#.utf8)
        let at = try #require(bytes.range(of: marker)).lowerBound + marker.count - 2
        bytes[at] ^= 0x01
        let flipped = desk.write("flipped.sqlite", "")
        try bytes.write(to: URL(fileURLWithPath: flipped))
        // The first 200 KB of it, as a copy cut short.
        let cut = desk.write("cut.sqlite", "")
        try Data(contentsOf: URL(fileURLWithPath: backup)).prefix(200_000).write(to: URL(fileURLWithPath: cut))

        for bad in [flipped, cut] {
            let r = try CommandLineTests.run(["restore", "--from", bad, "--db", desk.db, "--replace"])
            #expect(r.status == 65, "\(bad): \(r.err)")
            #expect(r.err.contains("\(bad) does not verify") && r.err.contains("nothing was changed"), "\(r.err)")
            // Nothing replaced: the note written after the backup is still there, and the log verifies.
            #expect(try desk.events() == before + 1)
            #expect(try CommandLineTests.run(["verify", "--db", desk.db]).status == 0)
        }
        // Missing: 66.
        #expect(try CommandLineTests.run(["restore", "--from", desk.dir.appendingPathComponent("none.sqlite").path, "--db", desk.db,
                                          "--replace"]).status == 66)
        // An existing database is replaced only when asked.
        #expect(try CommandLineTests.run(["restore", "--from", backup, "--db", desk.db]).status == 64)
        let r = try CommandLineTests.run(["restore", "--from", backup, "--db", desk.db, "--replace"])
        #expect(r.status == 0, "\(r.err)")
        #expect(try desk.events() == before)
    }

    @Test("restore refuses to put one desk's backup in place of another desk's database")
    func restoreRefusesAnotherDesk() throws {
        let a = try CommandLineTests.Desk(demo: false), b = try CommandLineTests.Desk()
        let backup = a.dir.appendingPathComponent("a-backup.sqlite").path
        #expect(try CommandLineTests.run(["backup", "--db", a.db, "--to", backup]).status == 0)
        let before = try b.events()
        let r = try CommandLineTests.run(["restore", "--from", backup, "--db", b.db, "--replace"])
        #expect(r.status == 1 && r.err.contains("another desk"), "\(r.err)")
        #expect(try b.events() == before)
    }

    @Test("the backup is no more readable than the database, nothing else is written beside it, and the command says where the key goes")
    func modeAndKey() throws {
        let desk = try CommandLineTests.Desk(demo: false)
        let out = desk.dir.appendingPathComponent("backups")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        for dbMode: mode_t in [0o660, 0o600] {
            chmod(desk.db, dbMode)
            let backup = out.appendingPathComponent("b-\(String(dbMode, radix: 8)).sqlite").path
            let r = try CommandLineTests.run(["backup", "--db", desk.db, "--to", backup])
            #expect(r.status == 0, "\(r.err)")
            #expect(Self.mode(backup) & ~dbMode == 0, "backup \(String(Self.mode(backup), radix: 8)), database \(String(dbMode, radix: 8))")
            #expect(r.out.contains("not in the backup") && r.out.contains(desk.db + ".key") && r.out.contains("apart"), "\(r.out)")
        }
        // Only the backups: no key, no partial copy, no journal.
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["b-600.sqlite", "b-660.sqlite"])
        // A file SQLite can open read-only anywhere: one file, in rollback-journal mode.
        let header = try Data(contentsOf: out.appendingPathComponent("b-660.sqlite")).prefix(20)
        #expect(header[18] == 1 && header[19] == 1)

        // The key goes only where asked, for its owner alone.
        let vault = desk.dir.appendingPathComponent("vault")
        try FileManager.default.createDirectory(at: vault, withIntermediateDirectories: true)
        let key = vault.appendingPathComponent("desk.key").path
        let r = try CommandLineTests.run(["backup", "--db", desk.db, "--to", out.appendingPathComponent("b-key.sqlite").path, "--key-to", key])
        #expect(r.status == 0, "\(r.err)")
        #expect(FileManager.default.contents(atPath: key) == FileManager.default.contents(atPath: desk.db + ".key"))
        #expect(Self.mode(key) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["b-600.sqlite", "b-660.sqlite", "b-key.sqlite"])
        // A file that exists is never overwritten.
        #expect(try CommandLineTests.run(["backup", "--db", desk.db, "--to", out.appendingPathComponent("b-660.sqlite").path]).status == 73)
    }
}
