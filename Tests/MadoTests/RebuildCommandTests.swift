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
}
