import Crypto
import DeskApp
import DeskDomain
@testable import DeskStore
import Foundation
import GRDB
import Testing

/// Signed checkpoints and anchors: what the hash chain alone cannot catch (a tail cut off, a history rewritten and
/// rehashed, a key deleted, a read model edited) is caught against a head signed before, or by `--deep`.
@Suite("checkpoints and deep verification", .serialized)
struct CheckpointTests {
    /// A desk with a few cases, anchored: the signed head and the database.
    static func anchored() throws -> (TemporaryDatabase, SignedHead) {
        let db = try TemporaryDatabase()
        try db.registerOrganization()
        for _ in 0..<3 { try db.intake() }
        return (db, try db.desk().anchor())
    }

    /// Runs SQL beside mado, as someone with the file could (the append-only guards dropped first).
    static func tamper(_ db: TemporaryDatabase, _ body: (Database) throws -> Void) throws {
        try db.store.pool.write { d in
            try d.execute(sql: "DROP TRIGGER IF EXISTS events_no_update; DROP TRIGGER IF EXISTS events_no_delete")
            try body(d)
        }
    }

    @Test("an anchor is the head just before its checkpoint, signed; a printed line reads back the same and verifies")
    func anchorLine() throws {
        let (db, head) = try Self.anchored()
        let last = try db.store.pool.read { try Int64.fetchOne($0, sql: "SELECT MAX(position) FROM events") }
        #expect(head.position == (last ?? 0) - 1)
        #expect(SignedHead(line: head.line) == head)
        #expect(SQLiteEventStore.isSigned(head))
        let r = try db.store.verify(anchor: head)
        #expect(r.firstBad == nil && r.checkpoints == 1 && r.newestCheckpoint == head)
        var altered = head
        altered.position -= 1
        #expect(!SQLiteEventStore.isSigned(altered))
        #expect(try db.store.verify(anchor: altered).firstBad?.reason.contains("was altered") == true)
    }

    @Test("a tail cut off passes the chain but not the anchor, which names the first missing position")
    func tailCut() throws {
        let (db, head) = try Self.anchored()
        try db.desk().act(.addNote("後から"), on: CaseID(number: 1))
        try Self.tamper(db) { try $0.execute(sql: "DELETE FROM events WHERE position >= ?", arguments: [head.position - 2]) }
        #expect(try db.store.verify(anchor: nil).firstBad == nil)
        let bad = try #require(try db.store.verify(anchor: head).firstBad)
        #expect(bad.position == Position(head.position - 2) && bad.reason.contains("are missing"))
    }

    @Test("a history rewritten and rehashed from an old event on is caught by its checkpoint, and against an anchor")
    func rewritten() throws {
        let (db, head) = try Self.anchored()
        try Self.tamper(db) { d in
            // The first intake's payload changed, every hash from there on recomputed: the chain is whole again.
            let rows = try Row.fetchAll(d, sql: """
                SELECT position, stream_id, version, type, schema_version, payload, actor, recorded_at FROM events ORDER BY position
                """)
            var prev = HashChain.genesis
            for r in rows {
                var payload: String = r[5]
                if (r[3] as String) == "intakeRecorded" && prev != HashChain.genesis && !payload.contains("rewritten") {
                    payload = payload.replacingOccurrences(of: "\"webForm\"", with: "\"counter\"") + " "
                }
                let hash = HashChain.hash(previous: prev, stream: r[1], version: r[2], type: r[3], schemaVersion: r[4],
                                          payload: Data(payload.utf8), actor: r[6], recordedAt: r[7])
                try d.execute(sql: "UPDATE events SET payload = ?, hash = ? WHERE position = ?", arguments: [payload, hash, r[0] as Int64])
                prev = hash
            }
        }
        let own = try #require(try db.store.verify(anchor: nil).firstBad)
        #expect(own.position == Position(head.position + 1) && own.reason.contains("is no longer the event it signed"))
        #expect(try db.store.verify(anchor: head).firstBad != nil)
    }

    @Test("a checkpoint signed by another key, with a valid hash, is named")
    func foreignKey() throws {
        let (db, _) = try Self.anchored()
        let stranger = Curve25519.Signing.PrivateKey()
        try Self.tamper(db) { d in
            let (position, hash) = try SQLiteEventStore.head(d)
            let forged = try SQLiteEventStore.sign(position: position, hash: hash, at: "2026-12-01T00:00:00.000Z", with: stranger)
            let payload = String(decoding: try JSONEncoder().encode(forged), as: UTF8.self)
            let hashed = HashChain.hash(previous: hash, stream: "checkpoints", version: 2, type: "checkpointSigned", schemaVersion: 1,
                                        payload: Data(payload.utf8), actor: "tester", recordedAt: "2026-12-01T00:00:00.000Z")
            try d.execute(sql: """
                INSERT INTO events(stream_id, version, type, schema_version, payload, actor, recorded_at, hash)
                VALUES ('checkpoints', 2, 'checkpointSigned', 1, ?, 'tester', '2026-12-01T00:00:00.000Z', ?)
                """, arguments: [payload, hashed])
        }
        #expect(try db.store.verify(anchor: nil).firstBad?.reason.contains("signed by another key") == true)
    }

    @Test("a key file from before signing keys gets one on the first anchor: same desk key, same mode, one more line")
    func olderKeyFile() throws {
        let db = try TemporaryDatabase()
        let lines = try String(contentsOfFile: db.keyFile, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3 && lines[2].hasPrefix("sign "))
        try (lines[0...1].joined(separator: "\n") + "\n").write(toFile: db.keyFile, atomically: false, encoding: .utf8)
        let reopened = try SQLiteEventStore.open(path: db.path, requireKey: true)
        defer { reopened.close() }
        let head = try Desk(log: reopened, reads: reopened, user: "tester").anchor()
        let after = try String(contentsOfFile: db.keyFile, encoding: .utf8).split(separator: "\n")
        #expect(after.count == 3 && after[0...1] == lines[0...1] && after[2] != lines[2])
        #expect(try FileManager.default.attributesOfItem(atPath: db.keyFile)[.posixPermissions] as? Int == 0o640)
        #expect(try reopened.verify(anchor: head).firstBad == nil)
        #expect(!FileManager.default.fileExists(atPath: db.keyFile + ".new"))
    }

    @Test("deep: a role granted in the staff table, a key deleted without an erasure, a guard dropped; nothing on a whole desk")
    func deep() throws {
        let (whole, _) = try Self.anchored()
        #expect(try whole.store.deepCheck() == [])
        let edits: [(sql: (SubjectID) -> String, finding: (SubjectID) -> String)] = [
            ({ _ in "UPDATE staff SET role = 'supervisor' WHERE user = 'clerk'" }, { _ in "the staff table is not what the log gives" }),
            ({ "DELETE FROM subject_keys WHERE subject_id = '\($0)'" }, { "subject \($0)'s key is gone, but the log records no erasure" }),
            ({ _ in "DROP TRIGGER events_no_delete" }, { _ in "the guard events_no_delete is missing" }),
        ]
        for edit in edits {
            let (db, _) = try Self.anchored()
            let (_, applicant) = try db.intake(name: "別人")
            try db.staff("clerk", .staff)
            try db.store.pool.write { try $0.execute(sql: edit.sql(applicant)) }
            let problems = try db.store.deepCheck()
            #expect(problems.contains { $0.hasPrefix(edit.finding(applicant)) }, "\(problems)")
            // A lost key also leaves that person's text unreadable in the rebuilt read models: nothing else is reported.
            #expect(problems.allSatisfy { p in p.hasPrefix(edit.finding(applicant)) || ["cases", "case_search"].contains { p.contains("the \($0) table") } },
                    "\(problems)")
            let left = try FileManager.default.contentsOfDirectory(atPath: db.dir.path).filter { $0.contains(".verify-") }
            #expect(left.isEmpty)
        }
    }
}
