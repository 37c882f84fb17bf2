import DeskDomain
@testable import DeskStore
import Foundation
import GRDB
import Testing

/// Several OS processes on one database file, and a writer killed with SIGKILL.
@Suite("several processes", .serialized)
struct MultiProcessTests {
    @Test("4 processes appending to their own streams and one shared stream lose and duplicate nothing")
    func fourWriters() throws {
        let db = try TemporaryDatabase()
        let writer = TemporaryDatabase.product("desk-test-writer")
        let procs = try (0..<4).map { w -> Process in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: writer)
            p.arguments = [db.path, "w\(w)", "25", "3"]
            try p.run()
            return p
        }
        for p in procs { p.waitUntilExit() }
        #expect(procs.allSatisfy { $0.terminationStatus == 0 })
        let counts = try db.store.pool.read { d in
            try Row.fetchAll(d, sql: "SELECT stream_id, COUNT(*), MIN(version), MAX(version) FROM events GROUP BY stream_id")
        }
        let shared = try #require(counts.first { $0[0] as String == "shared" })
        #expect(shared[1] as Int == 100 && shared[2] as Int == 1 && shared[3] as Int == 100)   // no gap, no duplicate
        let own = counts.filter { ($0[0] as String).hasPrefix("w") }
        #expect(own.count == 100)
        #expect(own.allSatisfy { $0[1] as Int == 3 && $0[3] as Int == 3 })
        #expect(try db.store.eventCount() == 1 + 100 * 3 + 100)
        #expect(try db.store.verify().firstBad == nil)
    }

    @Test("a writer killed with SIGKILL mid-batch leaves a log that verifies with no partial batch")
    func killedWriter() throws {
        let db = try TemporaryDatabase()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TemporaryDatabase.product("desk-test-writer"))
        p.arguments = [db.path, "k", "100000", "10"]
        try p.run()
        // Wait until it is well into its work, then kill it without warning.
        let deadline = Date().addingTimeInterval(60)
        while try db.store.eventCount() < 300, Date() < deadline { usleep(20_000) }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal)
        let reopened = try SQLiteEventStore.open(path: db.path)
        defer { reopened.close() }
        #expect(try reopened.verify().firstBad == nil)
        let partial = try reopened.pool.read { d in
            try Int.fetchOne(d, sql: """
                SELECT COUNT(*) FROM (SELECT stream_id FROM events WHERE stream_id LIKE 'k-%'
                GROUP BY stream_id HAVING COUNT(*) != 10 OR MAX(version) != 10)
                """)
        }
        #expect(partial == 0)
        #expect(try reopened.eventCount() >= 300)
    }
}

@Suite("erasure under kill -9", .serialized)
struct KilledErasureTests {
    @Test("a process killed during erasures leaves each subject with its key and no erasure event, or the reverse")
    func killedEraser() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        for _ in 0..<150 { try db.intake() }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TemporaryDatabase.product("desk-test-writer"))
        p.arguments = [db.path, "--erase-all"]
        try p.run()
        let deadline = Date().addingTimeInterval(60)
        while try db.store.pool.read({ try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM subjects WHERE erased_at IS NOT NULL") ?? 0 }) < 20,
              Date() < deadline { usleep(5_000) }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        let reopened = try SQLiteEventStore.open(path: db.path)
        defer { reopened.close() }
        #expect(try reopened.verify().firstBad == nil)
        let mixed = try reopened.pool.read { d in
            try Int.fetchOne(d, sql: """
                SELECT COUNT(*) FROM subjects s
                WHERE (EXISTS (SELECT 1 FROM subject_keys k WHERE k.subject_id = s.id))
                    = (EXISTS (SELECT 1 FROM events e WHERE e.stream_id = 'subject-' || s.id AND e.type = 'subjectErased'))
                """)
        }
        let erased = try reopened.pool.read { d in try Int.fetchOne(d, sql: "SELECT COUNT(*) FROM events WHERE type = 'subjectErased'") }
        #expect(mixed == 0)
        #expect((erased ?? 0) >= 20 && (erased ?? 0) < 300)
    }
}
