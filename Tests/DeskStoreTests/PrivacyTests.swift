import DeskApp
import DeskCodec
import DeskDomain
@testable import DeskStore
import Foundation
import GRDB
import Testing

@Suite("personal data", .serialized)
struct PrivacyTests {
    static let name = "榊原楓花", phone = "090-7346-2281", email = "kaede@example.jp",
               words = "鍵盤楽器の検証用文言を三回叫んだ"

    /// The erased texts, their 3-character pieces, and their JSON-escaped forms.
    static var pieces: [String] {
        var out = [name, phone, email, words]
        // Every trigram of the name and of the words: the search index stores trigrams.
        for text in [name, words] {
            let n = Array(text)
            for i in 0...(n.count - 3) { out.append(String(n[i..<i + 3])) }
        }
        return out
    }

    static func leftovers(in db: TemporaryDatabase) -> [String] {
        var found: [String] = []
        for suffix in ["", "-wal", "-journal"] {
            guard let data = FileManager.default.contents(atPath: db.path + suffix) else { continue }
            for p in pieces where data.range(of: Data(p.utf8)) != nil { found.append("\(suffix):\(p)") }
        }
        return found
    }

    @Test("a sealed value opens where it was sealed and not when moved to another field")
    func movedValue() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let (id, _) = try db.intake()
        let raw = try db.store.pool.read { d in
            try String.fetchOne(d, sql: "SELECT payload FROM events WHERE stream_id = ?", arguments: [id.streamID.rawValue])!
        }
        #expect(!raw.contains(Self.words) && !raw.contains(Self.name) && raw.contains(#""sealed":{"#))
        // Swap the sealed complaint into the requests field: the associated data no longer matches.
        var obj = try JSONSerialization.jsonObject(with: Data(raw.utf8)) as! [String: Any]
        obj["requests"] = obj["complaint"]
        let moved = try JSONSerialization.data(withJSONObject: obj)
        let event = try DeskEvent.decode(type: "intakeRecorded", schemaVersion: 1, payload: moved, sealer: db.store.keyring)
        guard case .intakeRecorded(let p) = event else { Issue.record("wrong event"); return }
        #expect(p.complaint.text == "フロントで二時間怒鳴られた。" + Self.words)
        #expect(p.requests?.content == .unreadable)
        // The same bytes under another event type do not open either.
        let other = try DeskEvent.decode(type: "noteAdded", schemaVersion: 1,
                                         payload: try JSONSerialization.data(withJSONObject: ["text": obj["complaint"]!]),
                                         sealer: db.store.keyring)
        #expect(other == .noteAdded(CaseText(text: Personal(subject: p.complaint.subject, content: .unreadable))))
    }

    @Test("erasure leaves no byte of the text in the database files, the chain verifies and rebuild agrees")
    func erasure() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let (id, applicant) = try db.intake(original: Data(#"{"complaint":"\#(Self.words)"}"#.utf8))
        try db.intake(name: "別人", phone: nil, email: nil, complaint: "関係のない苦情")
        try db.act(.addNote("本人から再度の電話"), on: id)
        #expect(try db.desk().caseDetail(id).summary.summary.contains("フロント"))
        #expect(try db.store.search("検証用文言") == [id] && db.store.search("再度") == [id])
        let outcome = try db.desk().erase(applicant, reason: "本人の請求")
        #expect(outcome == .complete)
        #expect(Self.leftovers(in: db) == [])
        #expect(try db.store.verify().firstBad == nil)
        #expect(try db.store.search("検証用文言").isEmpty && db.store.search("再度").isEmpty)
        #expect(try db.store.search("関係のない") == [CaseID(number: 2)])
        let detail = try db.desk().caseDetail(id)
        #expect(detail.summary.summary == "削除済み / erased")
        guard case .intakeRecorded(let p) = detail.events[0].event else { Issue.record("no intake"); return }
        #expect(p.complaint.content == .erased && p.applicant.name?.content == .erased)
        // The other case keeps its text; the named clerk is a subject of their own and stays readable.
        #expect(try db.store.caseSummary(CaseID(number: 2))?.summary == "関係のない苦情")
        #expect(p.staff.first?.name.text == "佐藤")
        let live = try db.store.projectionSnapshot()
        #expect(live["intake_fingerprints"]?.count == 0)
        _ = try db.store.rebuild()
        let rebuilt = try db.store.projectionSnapshot()
        for t in live.keys.sorted() where live[t] != rebuilt[t] {
            Issue.record("\(t) differs after rebuild: live \(live[t] ?? []) rebuilt \(rebuilt[t] ?? [])")
        }
        #expect(throws: DeskError.alreadyErased(applicant.rawValue)) { try db.desk().erase(applicant, reason: "again") }
        #expect(throws: DeskError.noSuchSubject("s-00000000000000ff")) { try db.desk().erase(SubjectID("s-00000000000000ff"), reason: "x") }
    }

    @Test("erasure also clears text that already went from the backlog into the trigram index")
    func erasureFromIndex() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let (id, applicant) = try db.intake()
        // Two texts an intake: enough intakes for one batch into the index.
        for i in 0..<(Projector.searchBatch / 2) { try db.intake(name: nil, phone: nil, email: nil, complaint: "埋め草の苦情 \(i)") }
        let indexed = try db.store.pool.read { d in
            try Int.fetchOne(d, sql: "SELECT count(*) FROM case_search WHERE case_id = ?", arguments: [id.description])
        }
        #expect(indexed == 2)
        #expect(try db.store.search("検証用文言") == [id])
        _ = try db.desk().erase(applicant, reason: "本人の請求")
        #expect(Self.leftovers(in: db) == [])
        #expect(try db.store.search("検証用文言").isEmpty)
        #expect(try db.store.search("埋め草の苦情 12") == [CaseID(number: 14)])
    }

    @Test("with another process reading, erasure says the WAL keeps old pages, and a later retry clears them")
    func erasureWithReader() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let (_, applicant) = try db.intake()
        // Keep the text in the WAL: nothing has been checkpointed yet.
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        reader.arguments = [db.path]
        let input = Pipe(), output = Pipe()
        reader.standardInput = input
        reader.standardOutput = output
        try reader.run()
        input.fileHandleForWriting.write(Data("BEGIN; SELECT 'reading', COUNT(*) FROM events;\n".utf8))
        var got = Data()
        while !String(decoding: got, as: UTF8.self).contains("reading") { got.append(output.fileHandleForReading.availableData) }
        let outcome = try db.desk().erase(applicant, reason: "本人の請求")
        #expect(outcome == .walRetained)
        input.fileHandleForWriting.write(Data("COMMIT;\n.quit\n".utf8))
        try input.fileHandleForWriting.close()
        reader.waitUntilExit()
        #expect(try db.store.retryPendingTruncate())
        #expect(Self.leftovers(in: db) == [])
    }

    @Test("without the key file personal fields are locked, rebuild refuses and verify works")
    func noKeyFile() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let (id, _) = try db.intake()
        try FileManager.default.moveItem(atPath: db.keyFile, toPath: db.keyFile + ".away")
        let s = try SQLiteEventStore.open(path: db.path)
        defer { s.close() }
        #expect(s.keyFailure == .keyFileMissing(path: db.keyFile))
        guard case .intakeRecorded(let p) = try s.caseDetail(id, visibility: .all)?.events[0].event else { return }
        #expect(p.complaint.content == .locked)
        #expect(throws: StoreError.keyRequired(what: "rebuild")) { try s.rebuild() }
        #expect(try s.verify().firstBad == nil)
        #expect(throws: StoreError.keyFileMissing(path: db.keyFile)) { try SQLiteEventStore.open(path: db.path, requireKey: true) }
    }

    @Test("a key file that others may read is refused and the mode it needs is named")
    func keyFileMode() throws {
        let db = try TemporaryDatabase()
        chmod(db.keyFile, 0o644)
        #expect(throws: StoreError.keyFileMode(path: db.keyFile, mode: "0644")) {
            try SQLiteEventStore.open(path: db.path, requireKey: true)
        }
        #expect(StoreError.keyFileMode(path: db.keyFile, mode: "0644").description.contains("0640"))
    }

    @Test("a key file of another desk is recognized")
    func otherDesksKey() throws {
        let a = try TemporaryDatabase(), b = try TemporaryDatabase()
        #expect(throws: StoreError.keyFileOfAnotherDesk(path: b.keyFile)) {
            try SQLiteEventStore.open(path: a.path, keyFile: b.keyFile, requireKey: true)
        }
    }

    @Test("roles below the desk's line see names and contact details withheld")
    func withheldForStaff() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let (id, _) = try db.intake()
        // A clerk reads the cases they recorded themselves only: this one they did not.
        #expect(throws: DeskError.noSuchCase(id.description)) { try db.desk("clerk", .staff).caseDetail(id) }
        guard case .new(let own, _, _) = try db.desk("clerk", .staff).takeIn(Submission(
            organization: "demo-hotel", channel: .webForm, language: .ja,
            applicant: .init(anonymous: false, name: Self.name, phone: "090-7346-2281"), complaint: "窓口で怒鳴られた")) else { return }
        guard case .intakeRecorded(let p) = try db.desk("clerk", .staff).caseDetail(own).events[0].event else { return }
        #expect(p.applicant.name?.content == .withheld && p.applicant.phone?.content == .withheld)
        #expect(p.complaint.text != nil)
        guard case .intakeRecorded(let q) = try db.desk("op", .operator).caseDetail(id).events[0].event else { return }
        #expect(q.applicant.name?.text == Self.name)
        // The counsellor and the auditor see that the case exists, not what it says.
        for role in [Role.counsellor, .auditor] {
            let d = try db.desk("u-\(role.rawValue)", role).caseDetail(id)
            guard case .intakeRecorded(let r) = d.events[0].event else { return }
            #expect(r.complaint.content == .withheld && r.applicant.name?.content == .withheld && d.summary.summary == "非表示 / withheld", "\(role)")
        }
    }

    @Test("the same submission taken in twice is detected and not duplicated")
    func duplicateSubmission() throws {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        let bytes = Data(#"{"form":"mado.webform/1"}"#.utf8)
        let (first, _) = try db.intake(original: bytes)
        let submission = Submission(organization: "demo-hotel", channel: .webForm, language: .ja, applicant: .init(anonymous: true),
                                    complaint: "同じもの", original: bytes)
        #expect(try db.desk().takeIn(submission) == .duplicate(first))
        #expect(try db.store.caseCount() == 1)
        // Its new people's keys were not written: nothing of the refused submission stays behind.
        let keys = try db.store.pool.read { d in try Int.fetchOne(d, sql: "SELECT count(*) FROM subject_keys") }
        #expect(keys == 2)
    }
}
