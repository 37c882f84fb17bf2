import DeskApp
import DeskDomain
@testable import DeskStore
import Foundation
import GRDB
import Testing

/// The rebuild that does not stop the desk: new tables filled in batches and swapped in, the chain checked as it
/// replays, the journal cut back, and what a rebuild that died left behind cleaned up.
@Suite("rebuild", .serialized)
struct RebuildTests {
    /// A desk with a few cases whose projections touch every table a case can.
    static func filled() throws -> TemporaryDatabase {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        for i in 0..<12 {
            let (id, _) = try db.intake(complaint: "フロントで怒鳴られた \(i) 回目", original: Data("submission \(i)".utf8))
            try db.act(.linkCounterparty(label: "常連 \(i % 3)", existing: nil), on: id)
            try db.act(.recordFacts({ var f = FactSheet(); f.apologyDemand = i % 2 == 0; return f }()), on: id)
            try db.act(.handOver, on: id)
            try db.act(.addNote("メモ \(i)"), on: id)
        }
        return db
    }

    static func schemaNames(_ store: SQLiteEventStore) throws -> [String] {
        try store.pool.read { try String.fetchAll($0, sql: "SELECT type || ' ' || name || ' ' || tbl_name FROM sqlite_master ORDER BY 1") }
    }

    static func walSize(_ db: TemporaryDatabase) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: db.path + "-wal"))?[.size] as? NSNumber)?.intValue ?? 0
    }

    @Test("the rebuilt projections and the schema equal the old ones, indexes under their own names")
    func sameTablesAndSchema() throws {
        let db = try Self.filled()
        let live = try db.store.projectionSnapshot(), schema = try Self.schemaNames(db.store)
        let outcome = try db.store.rebuild()
        #expect(outcome.events == (try db.store.eventCount()))
        #expect(try db.store.projectionSnapshot() == live)
        #expect(try Self.schemaNames(db.store) == schema)
        // Twice more: the definitions SQLite rewrote on the first swap ("cases" quoted) are read back the same way.
        _ = try db.store.rebuild()
        _ = try db.store.rebuild()
        #expect(try db.store.projectionSnapshot() == live)
        #expect(try Self.schemaNames(db.store) == schema)
        #expect(try db.store.pool.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
    }

    @Test("a rebuild that meets an event whose hash does not match refuses and changes nothing")
    func brokenChainChangesNothing() throws {
        let db = try Self.filled()
        try db.store.pool.write { d in
            try d.execute(sql: "DROP TRIGGER events_no_update; UPDATE events SET payload = payload || ' ' WHERE position = 20")
        }
        let live = try db.store.projectionSnapshot(), schema = try Self.schemaNames(db.store)
        #expect {
            try db.store.rebuild()
        } throws: { error in
            guard case LogError.doesNotVerify(_, let reason)? = error as? LogError else { return false }
            return reason.contains("position 20")
        }
        #expect(try db.store.projectionSnapshot() == live)
        #expect(try Self.schemaNames(db.store) == schema)
        #expect(try db.store.runningMaintenance() == nil)
    }

    @Test("after a rebuild the WAL is cut back to nothing")
    func walTruncated() throws {
        let db = try Self.filled()
        for i in 0..<40 { try db.intake(complaint: "長い苦情 \(i) " + String(repeating: "繰り返し", count: 200)) }
        #expect(Self.walSize(db) > 100_000)
        let outcome = try db.store.rebuild()
        #expect(outcome.reclaimed)
        #expect(Self.walSize(db) == 0)
    }

    @Test("a second rebuild is refused while one runs, by name; the record of a process that died is ignored")
    func oneRebuildAtATime() throws {
        let db = try Self.filled()
        let running = try db.store.claimMaintenance(.rebuild)
        #expect(throws: LogError.inProgress(running)) { try db.store.rebuild() }
        #expect(LogError.inProgress(running).description.contains("a rebuild by \(running.user) (pid \(getpid())"))
        db.store.releaseMaintenance(running)
        // A rebuild killed with its record in place: a pid that no longer runs.
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        try db.store.pool.write { d in
            try d.execute(sql: "INSERT OR REPLACE INTO desk_meta(key, value) VALUES ('maintenance', ?)", arguments: [
                #"{"host":"\#(SQLiteEventStore.hostName)","kind":"rebuild","pid":\#(gone.processIdentifier),"since":"2026-11-25T00:00:00.000Z","user":"x"}"#])
        }
        #expect(try db.store.runningMaintenance() == nil)
        #expect(try db.store.rebuild().events > 0)
    }

    @Test("what a rebuild that died left (new tables, old tables, index names) is cleaned up on the next open")
    func interruptedRebuildCleanedUp() throws {
        let db = try Self.filled()
        let live = try db.store.projectionSnapshot(), schema = try Self.schemaNames(db.store)
        // As a rebuild killed after its swap leaves it: old tables beside the live ones, an index under the new name.
        try db.store.pool.write { d in
            try d.execute(sql: """
                CREATE TABLE ledger__old AS SELECT * FROM ledger;
                CREATE TABLE cases__rebuild AS SELECT * FROM cases;
                CREATE VIRTUAL TABLE case_search__old USING fts5(case_id UNINDEXED, subject_id UNINDEXED, body, tokenize = 'trigram');
                INSERT INTO case_search__old SELECT case_id, subject_id, body FROM case_search UNION ALL SELECT case_id, subject_id, body FROM search_backlog;
                DROP INDEX cases_counts;
                CREATE INDEX cases_counts__rebuild ON cases(state, lane, report_due_on);
                """)
        }
        #expect(try db.store.hasRebuildLeftovers())
        let reopened = try SQLiteEventStore.open(path: db.path)
        defer { reopened.close() }
        #expect(try !reopened.hasRebuildLeftovers())
        #expect(try Self.schemaNames(reopened) == schema)
        #expect(try reopened.projectionSnapshot() == live)
    }

    @Test("an append that waits too long for the write lock names who holds it: mado's rebuild, or another process")
    func busyNamesTheHolder() throws {
        let db = try Self.filled()
        let impatient = try SQLiteEventStore.open(path: db.path, busyTimeout: 0.2)
        defer { impatient.close() }
        // Another connection holds the write lock, as a batch that never ends would.
        var config = Configuration()
        config.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: db.path, configuration: config)
        try holder.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
        defer { try? holder.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") } }
        let append = {
            try impatient.append([.reviewStarted], to: .stream(StreamID("busy-probe")), expected: .noStream, actor: "tester",
                                 at: TemporaryDatabase.t0, newSubjects: [], evidence: [])
        }
        #expect(throws: AppendError.busy(nil)) { try append() }
        #expect(AppendError.busy(nil).description.contains("not a mado rebuild or restore"))
        // The record is written before the lock is taken, as a rebuild does.
        try holder.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
        let running = try db.store.claimMaintenance(.rebuild)
        try holder.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
        #expect(throws: AppendError.busy(running)) { try append() }
        #expect(AppendError.busy(running).description.contains("a rebuild by \(running.user)"))
        try holder.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
        db.store.releaseMaintenance(running)
    }
}
