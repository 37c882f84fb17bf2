import DeskDomain
import Foundation
import GRDB

extension SQLiteEventStore {
    /// The events of one stream, decoded; personal fields open as far as `keyring` allows.
    public func load(_ stream: StreamID, keyring: SubjectKeyring? = nil) throws -> [EventEnvelope] {
        let sealer = keyring ?? self.keyring
        return try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT position, stream_id, version, type, schema_version, payload, actor, recorded_at
                FROM events WHERE stream_id = ? ORDER BY version
                """, arguments: [stream.rawValue]).map { try Self.decode($0, sealer: sealer) }
        }
    }

    /// The one event at a log position.
    public func event(at position: Int64) throws -> EventEnvelope? {
        try pool.read { db in
            try Row.fetchOne(db.cachedStatement(sql: """
                SELECT position, stream_id, version, type, schema_version, payload, actor, recorded_at FROM events WHERE position = ?
                """), arguments: [position]).map { try Self.decode($0, sealer: keyring) }
        }
    }

    /// The events of a stream after `version`: what a writer that lost a race has not seen yet.
    public func load(_ stream: StreamID, after version: Int) throws -> [EventEnvelope] {
        try pool.read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT position, stream_id, version, type, schema_version, payload, actor, recorded_at
                FROM events WHERE stream_id = ? AND version > ? ORDER BY version
                """), arguments: [stream.rawValue, version]).map { try Self.decode($0, sealer: keyring) }
        }
    }

    static func decode(_ row: Row, sealer: (any FieldSealer)?) throws -> EventEnvelope {
        let event = try row.withUnsafeData(atIndex: 5) { data in
            try DeskEvent.decode(type: row[3], schemaVersion: row[4], payload: data ?? Data(), sealer: sealer)
        }
        return EventEnvelope(position: Position(row[0]), stream: StreamID(row[1] as String), version: row[2],
                             actor: Actor(row[6] as String), recordedAt: row[7], event: event)
    }

    /// Walks the whole chain in position order, recomputing every hash from the stored bytes.
    /// Streams: memory does not grow with the log.
    public func verify() throws -> VerifyResult {
        try pool.read { db in
            var prev = HashChain.genesis
            var count = 0
            var expectedPosition: Int64?
            let rows = try Row.fetchCursor(db, sql: """
                SELECT position, stream_id, version, type, schema_version, payload, actor, recorded_at, hash
                FROM events ORDER BY position
                """)
            while let row = try rows.next() {
                count += 1
                let position: Int64 = row[0]
                let hash: Data = row[8]
                let computed = try row.withUnsafeData(atIndex: 5) { payload in
                    HashChain.hash(previous: prev, stream: row[1], version: row[2], type: row[3], schemaVersion: row[4],
                                   payload: payload ?? Data(), actor: row[6], recordedAt: row[7])
                }
                if let e = expectedPosition, position != e {
                    return VerifyResult(events: count, firstBad: (Position(e), "event \(e) is missing"))
                }
                guard computed == hash else {
                    return VerifyResult(events: count, firstBad: (Position(position),
                                                                   "stored hash does not match the event's bytes"))
                }
                prev = hash
                expectedPosition = position + 1
            }
            return VerifyResult(events: count, firstBad: nil)
        }
    }

    /// Replays the whole log in position order: checks every hash against the stored bytes, decodes every
    /// payload (opening sealed fields) and hands each event to `body`. Streams; returns the count and whether
    /// the chain held.
    public func replay(_ body: (EventEnvelope) throws -> Void) throws -> (events: Int, chainOK: Bool) {
        try pool.read { db in
            // A replay opens every subject's fields: one pass over the key table beats a lookup per subject.
            try preloadKeys(db)
            var prev = HashChain.genesis
            var count = 0, ok = true
            let rows = try Row.fetchCursor(db, sql: """
                SELECT position, stream_id, version, type, schema_version, payload, actor, recorded_at, hash
                FROM events ORDER BY position
                """)
            while let row = try rows.next() {
                let hash: Data = row[8]
                let computed = try row.withUnsafeData(atIndex: 5) { payload in
                    HashChain.hash(previous: prev, stream: row[1], version: row[2], type: row[3], schemaVersion: row[4],
                                   payload: payload ?? Data(), actor: row[6], recordedAt: row[7])
                }
                if computed != hash { ok = false }
                prev = hash
                try body(try Self.decode(row, sealer: keyring))
                count += 1
            }
            return (count, ok)
        }
    }

    /// Empties every projection and replays the log into it, in one transaction.
    /// Refuses without the key file: every personal field would come back as locked.
    public func rebuild() throws -> Int {
        guard keyring.isUnlocked else { throw StoreError.keyRequired(what: "rebuild") }
        try pool.read { try preloadKeys($0) }
        return try pool.writeWithoutTransaction { db in
            var n = 0
            try db.inTransaction(.immediate) {
                for t in Migrations.projectionTables { try db.execute(sql: "DELETE FROM \(t)") }
                let cursor = try Row.fetchCursor(db, sql: """
                    SELECT position, stream_id, version, type, schema_version, payload, actor, recorded_at
                    FROM events ORDER BY position
                    """)
                while let row = try cursor.next() {
                    try Projector.apply(try Self.decode(row, sealer: keyring), db, keyring: keyring)
                    n += 1
                }
                return .commit
            }
            return n
        }
    }

    /// Unwraps every subject key into the keyring's cache (the cache holds them once used anyway).
    func preloadKeys(_ db: Database) throws {
        guard keyring.deskKey != nil, !keyring.passThrough else { return }
        let rows = try Row.fetchCursor(db, sql: "SELECT subject_id, wrapped FROM subject_keys")
        while let r = try rows.next() { keyring.preload(SubjectID(r[0] as String), wrapped: r[1]) }
    }

    /// Every projection table's rows, for comparing a rebuild with the live tables.
    public func projectionSnapshot() throws -> [String: [[String]]] {
        try pool.read { db in
            var out: [String: [[String]]] = [:]
            for t in Migrations.projectionTables {
                out[t] = try Row.fetchAll(db, sql: "SELECT * FROM \(t) ORDER BY 1, 2").map { row in
                    row.databaseValues.map { $0.description }
                }
            }
            return out
        }
    }
}
