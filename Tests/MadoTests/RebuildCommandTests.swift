import DeskStore
import Foundation
import Testing

/// `mado rebuild` on real files: it refuses a log that does not verify, and the desk keeps taking appends while it runs.
@Suite("mado rebuild", .serialized)
struct RebuildCommandTests {
    static func schema(_ db: String) throws -> [String] {
        let s = try SQLiteEventStore.open(path: db)
        defer { s.close() }
        return try s.schemaObjects()
    }

    @Test("rebuild refuses a log that does not verify with exit 65, names the position, and changes nothing")
    func refusesBrokenChain() throws {
        let desk = try CommandLineTests.Desk()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [desk.db, "DROP TRIGGER events_no_update; UPDATE events SET payload = payload || ' ' WHERE position = 77;"]
        try p.run()
        p.waitUntilExit()
        let s = try SQLiteEventStore.open(path: desk.db)
        let live = try s.projectionSnapshot()
        s.close()
        let schema = try Self.schema(desk.db)
        let r = try CommandLineTests.run(["rebuild", "--db", desk.db])
        #expect(r.status == 65, "\(r.err)")
        #expect(r.err.contains("does not verify") && r.err.contains("position 77") && r.err.contains("nothing was changed"), "\(r.err)")
        let after = try SQLiteEventStore.open(path: desk.db)
        defer { after.close() }
        #expect(try after.projectionSnapshot() == live)
        #expect(try Self.schema(desk.db) == schema)
    }

    /// 10,000 cases (30,000 events) is what this debug build fills and rebuilds twice in well under a minute on this
    /// machine; `mado bench store RB` on a release build gives the figures at 100,000 (see the README).
    static let cases = 10_000

    @Test("a rebuild while another process appends every 100 ms: no append waits a second, the WAL is cut back, the tables are a quiet rebuild's")
    func rebuildUnderLoad() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mado-rb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("rb.sqlite").path
        // The bench fills the file a thousand cases to a transaction, starts `mado bench rb-writer` (another OS
        // process appending a fact sheet to a case every 100 ms, timing each append) and rebuilds.
        let r = try CommandLineTests.run(["bench", "store", "RB", "--events", String(Self.cases), "--db", db])
        #expect(r.status == 0, "\(r.out) \(r.err)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], "\(r.out)")
        let maxWait = try #require(o["max_append_wait_ms"] as? Double), appends = try #require(o["appends"] as? Int)
        #expect(maxWait <= 1000, "an append waited \(maxWait) ms: \(r.out)")
        #expect(appends >= 3, "\(r.out)")
        #expect(o["events"] as? Int ?? 0 >= Self.cases * 3)
        #expect(o["wal_after_bytes"] as? Int == 0, "\(r.out)")
        #expect(o["wal_peak_bytes"] as? Int ?? 0 > 1_000_000, "\(r.out)")
        // What the rebuild made while the writer appended equals what a rebuild in quiet makes of the same log.
        let store = try SQLiteEventStore.open(path: db)
        defer { store.close() }
        #expect(try store.verify().firstBad == nil)
        let rebuilt = try store.projectionSnapshot()
        #expect(rebuilt["cases"]?.count == Self.cases)
        _ = try store.rebuild()
        #expect(try store.projectionSnapshot() == rebuilt)
    }
}
