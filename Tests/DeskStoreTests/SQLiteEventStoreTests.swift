import DeskApp
import DeskDomain
@testable import DeskStore
import Foundation
import GRDB
import Testing

@Suite("event store", .serialized)
struct SQLiteEventStoreTests {
    @Test("the hash chain reproduces the benchmark harness's test vector")
    func testVector() {
        let payload = #"{"case_id":"case-000030","organization":"org-026","channel":"web_form","category":"time_restraint","title":"過剰な金銭要求","description":"組織の担当窓口へ三営業日以内に報告する。SNSに店舗名と従業員の写真を載せると言われた。電話口で危害を加えると脅された。当日の勤務表と対応記録を確認した。SNSに店舗名と従業員の写真を載せると言われた。同じ内容の電話が一日に何度もかかってきた。","applicant":{"anonymous":true,"role":"nurse","contact_optional":false},"occurred_on":"2026-08-11","priority":4,"tags":["repeat","urgent"]}"#
        #expect(payload.utf8.count == 640)
        let h = HashChain.hash(previous: HashChain.genesis, stream: "case-000030", version: 1, type: "case.opened",
                               schemaVersion: 1, payload: Data(payload.utf8), actor: "desk-39",
                               recordedAt: "2026-01-01T00:00:00.000Z")
        #expect(h.map { String(format: "%02x", $0) }.joined() == "942dcb8999e5106fb2cf85c6bd123f069f91e164a8d498b22c37a16cad4eca05")
    }

    @Test("recorded times are written as 24-character UTC milliseconds")
    func timestamps() {
        #expect(Timestamp.string(Date(timeIntervalSince1970: 1_767_225_600.5)) == "2026-01-01T00:00:00.500Z")
        #expect(Timestamp.date("2026-01-01T00:00:00.500Z") == Date(timeIntervalSince1970: 1_767_225_600.5))
    }

    @Test("an append with a stale expected version fails and names the stream and both versions")
    func staleAppend() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let (id, a) = try db.intake()
        let note = DeskEvent.noteAdded(CaseText(text: Personal("メモ", owner: a)))
        try db.store.append([note], to: .stream(id.streamID), expected: .exact(StreamVersion(1)), actor: "tester", at: TemporaryDatabase.t0,
                            newSubjects: [], evidence: [])
        #expect(throws: AppendError.wrongExpectedVersion(stream: id.streamID, expected: .exact(StreamVersion(1)), actual: 2)) {
            try db.store.append([note], to: .stream(id.streamID), expected: .exact(StreamVersion(1)), actor: "tester",
                                at: TemporaryDatabase.t0, newSubjects: [], evidence: [])
        }
        #expect(try db.store.version(of: id.streamID) == 2)
    }

    @Test("an append that names a new subject without a key in this process writes nothing (its text would be unreadable)")
    func newSubjectWithoutKey() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let (id, a) = try db.intake()
        let stranger = SubjectID("s-00000000000000ff")
        let note = DeskEvent.noteAdded(CaseText(text: Personal("メモ", owner: a)))
        #expect(throws: StoreError.self) {
            try db.store.append([note], to: .stream(id.streamID), expected: .exact(StreamVersion(1)), actor: "tester",
                                at: TemporaryDatabase.t0, newSubjects: [stranger], evidence: [])
        }
        #expect(try db.store.version(of: id.streamID) == 1)
        #expect(try db.store.subject(stranger) == nil)
    }

    @Test("case numbers are allocated in the write transaction and the queue projection follows the log")
    func queueProjection() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let (c1, _) = try db.intake()
        let (c2, _) = try db.intake(name: nil, phone: nil, email: nil, complaint: "説明が不十分だった")
        #expect(c1 == CaseID(number: 1) && c2 == CaseID(number: 2))
        try db.act(.startReview, on: c2)
        let row = try #require(try db.store.caseSummary(c2))
        #expect(row.status == .underReview && row.version.value == 2 && row.summary == "説明が不十分だった")
        // 2026-09-21 is 敬老の日 and 09-22/23 are holidays too: three business days run to 09-28.
        #expect(row.reportDueOn.description == "2026-09-28")
    }

    @Test("verify names the first position whose bytes were edited behind the store's back")
    func tamperedRow() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        for _ in 0..<3 { try db.intake() }
        #expect(try db.store.verify().firstBad == nil)
        let sql = "DROP TRIGGER events_no_update; UPDATE events SET payload = payload || ' ' WHERE position = 3;"
        let (status, out) = try TemporaryDatabase.run("/usr/bin/sqlite3", [db.path, sql])
        #expect(status == 0, "\(out)")
        let reopened = try SQLiteEventStore.open(path: db.path)
        defer { reopened.close() }
        let r = try reopened.verify()
        #expect(r.firstBad?.position == Position(3))
    }

    @Test("the triggers refuse UPDATE and DELETE on events")
    func appendOnly() throws {
        let db = try TemporaryDatabase()
        let (u, uo) = try TemporaryDatabase.run("/usr/bin/sqlite3", [db.path, "UPDATE events SET type = type WHERE position = 1"])
        let (d, _) = try TemporaryDatabase.run("/usr/bin/sqlite3", [db.path, "DELETE FROM events WHERE position = 1"])
        #expect(u != 0 && uo.contains("append-only"))
        #expect(d != 0)
        #expect(try db.store.eventCount() == 1)
    }

    @Test("rebuild gives the same projection tables as the live appends")
    func rebuildEquality() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        var party: SubjectID?
        for i in 0..<6 {
            let (id, _) = try db.intake(original: Data("submission \(i)".utf8))
            for case .counterpartyLinked(let p) in try db.act(.linkCounterparty(label: "常連", existing: party), on: id) { party = p.counterparty }
            try db.act(.recordFacts({ var f = FactSheet(); f.apologyDemand = i % 2 == 0; return f }()), on: id)
            try db.act(.handOver, on: id)
            try db.act(.logEnquiry(.phone), on: id)
            try db.act(.addNote("メモ \(i)"), on: id)
        }
        let live = try db.store.projectionSnapshot()
        #expect(live["ledger"]?.count == 6 * 3)
        #expect(live["intake_fingerprints"]?.count == 6)
        _ = try db.store.rebuild()
        #expect(try db.store.projectionSnapshot() == live)
    }

    @Test("a database from a newer mado is refused")
    func newerSchema() throws {
        let db = try TemporaryDatabase()
        let (s, o) = try TemporaryDatabase.run("/usr/bin/sqlite3", [db.path, "INSERT INTO grdb_migrations VALUES ('v99-future')"])
        #expect(s == 0, "\(o)")
        #expect(throws: StoreError.newerSchema(path: db.path)) { try SQLiteEventStore.open(path: db.path) }
    }

    @Test("a database made before the queue indexes gets them on its next open, its log untouched")
    func laterMigration() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        db.store.close()
        let (s, o) = try TemporaryDatabase.run("/usr/bin/sqlite3", [db.path, """
            DROP INDEX cases_queue; DROP INDEX cases_counts; DELETE FROM grdb_migrations WHERE identifier = 'v2-queue-indexes';
            """])
        #expect(s == 0, "\(o)")
        let again = try SQLiteEventStore.open(path: db.path)
        defer { again.close() }
        let indexes = try again.pool.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'cases_%'") }
        #expect(Set(indexes).isSuperset(of: ["cases_queue", "cases_counts"]))
        #expect(try again.verify().firstBad == nil)
    }

    @Test("a database without the first migration predates sealing and is refused")
    func olderFormat() throws {
        let db = try TemporaryDatabase()
        db.store.close()
        let (s, o) = try TemporaryDatabase.run("/usr/bin/sqlite3", [db.path, "DELETE FROM grdb_migrations WHERE identifier = 'v1-sealed-log'"])
        #expect(s == 0, "\(o)")
        #expect(throws: StoreError.olderFormat(path: db.path)) { try SQLiteEventStore.open(path: db.path) }
    }

    @Test("the queue's head is the first rows of the whole queue, and its counts are the whole queue's")
    func queueHead() throws {
        let db = try TemporaryDatabase()
        _ = try DemoData(seed: 3, now: TemporaryDatabase.t0).fill(db.desk())
        let all = try db.store.allCases()
        let today = LocalDate(japanTime: TemporaryDatabase.t0.addingTimeInterval(86_400 * 10))
        let head = try db.store.queueHead(limit: 10, today: today)
        #expect(head.rows == Array(all.prefix(10)) && head.total == all.count)
        let gone: Set<CaseStatus> = [.closed, .rejectedThreat]
        #expect(head.danger == all.filter { $0.lane == .danger && !gone.contains($0.status) }.count)
        let overdue = all.filter { !gone.union([.reported]).contains($0.status) && $0.reportDueOn < today }.count
        #expect(head.overdue == overdue && overdue > 0 && head.danger > 0)
        // Queue order: open danger cases, other open cases by due date, then closed ones.
        let open = all.prefix { !gone.contains($0.status) }
        #expect(open.prefix { $0.lane == .danger }.count == head.danger)
    }

    @Test("the SQL queue order is the domain's queue order, and the index of migration v2 serves it")
    func queueOrderIsOne() throws {
        let db = try TemporaryDatabase()
        _ = try DemoData(seed: 5, now: TemporaryDatabase.t0).fill(db.desk())
        let all = try db.store.allCases()
        #expect(Set(all.map(\.status)) == Set(CaseStatus.allCases), "the demo covers every state")
        #expect(all == all.sorted(by: CaseSummary.queueOrder))
        // SQLite uses an expression index only for the same expressions: the order built from the domain must be
        // exactly the one the landed migration indexed (a change to `isOpen` needs a new migration and index).
        let indexed = try db.store.pool.read { d in
            try String.fetchOne(d, sql: "SELECT sql FROM sqlite_master WHERE name = 'cases_queue'")
        }
        #expect(indexed?.contains("cases(\n  " + QueueSQL.order + ")") == true, "\(indexed ?? "-")")
        let plan = try db.store.pool.read { d in
            try Row.fetchAll(d, sql: "EXPLAIN QUERY PLAN SELECT id FROM cases ORDER BY \(QueueSQL.order) LIMIT 5").map { $0["detail"] as String }
        }
        #expect(plan.joined().contains("cases_queue"), "\(plan)")
    }

    @Test("opening a missing database says to run init")
    func missingDatabase() {
        #expect(throws: StoreError.noDatabase(path: "/nonexistent/desk.sqlite")) {
            try SQLiteEventStore.open(path: "/nonexistent/desk.sqlite")
        }
    }

    @Test("durability: the writer connection runs with synchronous=FULL and secure_delete on")
    func pragmas() throws {
        let db = try TemporaryDatabase()
        let (sync, secure) = try db.store.pool.write { d in
            (try Int.fetchOne(d, sql: "PRAGMA synchronous"), try Int.fetchOne(d, sql: "PRAGMA secure_delete"))
        }
        #expect(sync == 2 && secure == 1)
    }

    @Test("search finds text of three characters or more through the trigram index, shorter by scanning, folding width and kana")
    func search() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let (a, _) = try db.intake(complaint: "カウンターで土下座しろと言われた")
        let (b, _) = try db.intake(complaint: "Refund please, ＡＢＣ store")
        try db.act(.addNote("暴言あり"), on: b)
        #expect(try db.store.search("土下座") == [a])
        #expect(try db.store.search("かうんたー") == [a])        // katakana found by hiragana
        #expect(try db.store.search("abc") == [b])               // full width found by ASCII
        #expect(try db.store.search("暴言") == [b])               // two characters: scanned
        #expect(try db.store.search("100%").isEmpty && db.store.search("\"").isEmpty)
    }

    @Test("texts wait in a backlog and go into the trigram index a batch at a time; search finds them in either place")
    func searchBacklog() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        func count(_ table: String) throws -> Int {
            try db.store.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") ?? -1 }
        }
        let (a, _) = try db.intake(complaint: "カウンターで土下座しろと言われた")
        #expect(try count("search_backlog") == 2 && count("case_search") == 0)
        #expect(try db.store.search("土下座") == [a] && db.store.search("土下") == [a] && db.store.search("ｶｳﾝﾀｰ") == [a])
        for i in 1..<(Projector.searchBatch / 2) { try db.intake(complaint: "別の苦情 \(i) 件目") }
        // The append that filled the batch moved every waiting text into the index, in order.
        #expect(try count("search_backlog") == 0 && count("case_search") == Projector.searchBatch)
        #expect(try db.store.search("土下座") == [a] && db.store.search("土下") == [a])
        let (b, _) = try db.intake(complaint: "返金に加えて慰謝料を要求")
        try db.act(.addNote("暴言あり"), on: b)
        #expect(try count("search_backlog") == 3)
        #expect(try db.store.search("慰謝料") == [b] && db.store.search("暴言") == [b] && db.store.search("苦情 7 件") == [CaseID(number: 8)])
        #expect(try db.store.search("謝罪してほしい").count == Projector.searchBatch / 2 + 1)
        // A rebuild puts everything into the index at once; the projection is the same.
        let live = try db.store.projectionSnapshot()
        _ = try db.store.rebuild()
        #expect(try count("search_backlog") == 0)
        #expect(try db.store.projectionSnapshot() == live)
        #expect(try db.store.search("暴言") == [b] && db.store.search("土下座") == [a])
    }

    @Test("new events are written at their type's schema: facts, hand-over and assessment at 2, the rest at 1")
    func schemaColumn() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let (id, _) = try db.intake()
        for c: CaseAction in [.recordFacts({ var f = FactSheet(); f.shoutingOrAbuse = true; return f }()), .handOver, .startReview,
                              .assess(validity: .invalid, means: .unacceptable, behaviours: [.verbalAbuse], reason: "怒鳴った", opinion: nil),
                              .addNote("メモ")] {
            try db.act(c, on: id)
        }
        let rows = try db.store.pool.read { d in
            try Row.fetchAll(d, sql: "SELECT type, schema_version FROM events WHERE stream_id = ? ORDER BY version",
                             arguments: [id.streamID.rawValue]).map { "\($0[0] as String) \($0[1] as Int)" }
        }
        #expect(rows == ["intakeRecorded 1", "factsRecorded 2", "handedOver 2", "reviewStarted 1", "assessed 2", "noteAdded 1"])
        _ = try db.store.rebuild()
        #expect(try db.store.verify().firstBad == nil)
    }

    @Test("a hand-over an older mado wrote at schema 1 (one script, no answers) still loads and replays; the chain verifies")
    func schema1EventStillReads() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let (id, _) = try db.intake()
        // Appended as that mado did, hash and all: the store itself only writes current schemas.
        let payload = #"{"behaviours":["timeRestraint"],"lane":"handover","leaflet":"desk-leaflet","policyVersion":"standard/1","rule":"harassment-suspected","script":"handover-to-desk"}"#
        try db.store.pool.write { d in
            let previous = try #require(try Data.fetchOne(d, sql: "SELECT hash FROM events ORDER BY position DESC LIMIT 1"))
            let at = "2026-09-21T01:00:00.000Z"
            let hash = HashChain.hash(previous: previous, stream: id.streamID.rawValue, version: 2, type: "handedOver", schemaVersion: 1,
                                      payload: Data(payload.utf8), actor: "older-mado", recordedAt: at)
            try d.execute(sql: """
                INSERT INTO events(stream_id, version, type, schema_version, payload, actor, recorded_at, hash)
                VALUES (?, 2, 'handedOver', 1, ?, 'older-mado', ?, ?)
                """, arguments: [id.streamID.rawValue, payload, at, hash])
        }
        let events = try db.store.load(id.streamID)
        #expect(events.last?.event == .handedOver(HandedOver(
            lane: .handover, rule: "harassment-suspected", policyVersion: "standard/1", behaviours: [.timeRestraint],
            scripts: ["handover-to-desk"], leaflet: "desk-leaflet")))
        #expect(try db.store.verify().firstBad == nil)
        _ = try db.store.rebuild()
        #expect(try db.store.caseSummary(id)?.lane == .handover)
    }
}
