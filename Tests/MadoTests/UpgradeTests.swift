import DeskStore
import Foundation
import Testing

/// Several terminals opening a database that a newer mado must migrate: one migrates, the others wait and go on.
@Suite("upgrade on open")
struct UpgradeOnOpenTests {
    @Test("six processes open a database without the queue indexes at once; all succeed and the indexes exist once")
    func concurrentMigration() throws {
        let desk = try CommandLineTests.Desk()
        // Enough rows that building the index takes a while, so the openers overlap.
        let sql = """
            DROP INDEX cases_queue; DROP INDEX cases_counts; DELETE FROM grdb_migrations WHERE identifier = 'v2-queue-indexes';
            WITH RECURSIVE n(i) AS (SELECT 1000 UNION ALL SELECT i + 1 FROM n WHERE i < 300000)
            INSERT INTO cases(id, seq, organization, channel, language, state, opened_at, report_due_on, last_activity, summary, version, applicant)
            SELECT printf('C-%06d', i), i, 'demo-hotel', 'counter', 'ja', 'closed', '2026-01-01T00:00:00.000Z', '2026-01-05',
                   '2026-01-01T00:00:00.000Z', 'x', 1, 's-0000000000000000' FROM n;
            """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [desk.db, sql]
        try p.run()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0)
        let procs = try (0..<6).map { _ -> (Process, Pipe) in
            let q = Process()
            q.executableURL = URL(fileURLWithPath: CommandLineTests.mado)
            q.arguments = ["verify", "--db", desk.db]
            let err = Pipe()
            q.standardError = err
            q.standardOutput = FileHandle.nullDevice
            try q.run()
            return (q, err)
        }
        for (q, err) in procs {
            let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            q.waitUntilExit()
            #expect(q.terminationStatus == 0, "\(e)")
        }
        let s = try SQLiteEventStore.open(path: desk.db)
        defer { s.close() }
        #expect(try s.verify().firstBad == nil)
    }
}
