import Crypto
import DeskApp
import DeskCodec
import DeskDomain
import Foundation
import GRDB

extension SQLiteEventStore {
    /// The events of one stream after `version`, decoded; personal fields open as far as `visibility` allows.
    public func load(_ stream: StreamID, after version: Int, visibility: FieldVisibility) throws -> [EventEnvelope] {
        try loadOpened(stream, sealer: sealer(visibility), after: version)
    }

    /// The keyring that opens what `visibility` allows (this store's own when it allows everything).
    func sealer(_ visibility: FieldVisibility) -> SubjectKeyring {
        if visibility.isAll { return keyring }
        return keyring.restricted { context in
            // The sealing context is `event type 0x1F field path`.
            guard let sep = context.firstIndex(of: "\u{1F}") else { return false }
            return visibility.allows(String(context[..<sep]), String(context[context.index(after: sep)...]))
        }
    }

    /// The events of one stream after `version`, personal fields opened by `sealer`.
    func loadOpened(_ stream: StreamID, sealer: SubjectKeyring, after version: Int = 0) throws -> [EventEnvelope] {
        // One SELECT sees one snapshot by itself: no read transaction needed around it.
        return try pool.unsafeRead { db in
            let rows = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT position, stream_id, version, type, schema_version, payload, actor, recorded_at
                FROM events WHERE stream_id = ? AND version > ? ORDER BY version
                """), arguments: [stream.rawValue, version])
            var out: [EventEnvelope] = []
            while let row = try rows.next() { out.append(try Self.decode(row, sealer: sealer)) }
            return out
        }
    }

    /// The one event at a log position.
    public func event(at position: Position, visibility: FieldVisibility) throws -> EventEnvelope? {
        let sealer = sealer(visibility)
        return try pool.read { db in
            try Row.fetchOne(db.cachedStatement(sql: """
                SELECT position, stream_id, version, type, schema_version, payload, actor, recorded_at FROM events WHERE position = ?
                """), arguments: [position.value]).map { try Self.decode($0, sealer: sealer) }
        }
    }

    /// Every event after `position` whose type is in `types` (all when nil), in log order, no personal field opened.
    /// Streams: memory does not grow with the log.
    public func forEachEvent(after position: Position, types: Set<String>?, _ body: (EventEnvelope) throws -> Void) throws {
        try pool.read { db in
            let columns = "position, stream_id, version, type, schema_version, payload, actor, recorded_at"
            let rows = if let types {
                try Row.fetchCursor(db, sql: """
                    SELECT \(columns) FROM events WHERE position > ? AND type IN (SELECT value FROM json_each(?)) ORDER BY position
                    """, arguments: [position.value, String(decoding: try JSONEncoder().encode(types.sorted()), as: UTF8.self)])
            } else {
                try Row.fetchCursor(db, sql: "SELECT \(columns) FROM events WHERE position > ? ORDER BY position", arguments: [position.value])
            }
            while let row = try rows.next() { try body(try Self.decode(row, sealer: nil)) }
        }
    }

    static func decode(_ row: Row, sealer: (any FieldSealer)?) throws -> EventEnvelope {
        try read(row, sealer: sealer, chain: nil).envelope
    }

    /// Reads a row's fields once, decodes the event and, with `chain` (the previous stored hash, updated to this
    /// row's), checks the stored hash against the bytes (rows hold: position … recorded_at, hash).
    static func read(_ row: Row, sealer: (any FieldSealer)?, chain: UnsafeMutableRawBufferPointer?) throws
        -> (envelope: EventEnvelope, hashOK: Bool) {
        let stream: String = row[1], version: Int = row[2], type: String = row[3], schema: Int = row[4]
        let actor: String = row[6], recordedAt: String = row[7]
        var ok = true
        let event = try row.withUnsafeData(atIndex: 5) { data in
            let payload = data ?? Data()
            if let chain {
                ok = try payload.withUnsafeBytes {
                    try chainStep(row, stream: stream, version: version, type: type, schema: schema, payload: $0, actor: actor,
                                  recordedAt: recordedAt, chain: chain)
                }
            }
            return try DeskEvent.decode(type: type, schemaVersion: schema, payload: payload, sealer: sealer)
        }
        return (EventEnvelope(position: Position(row[0]), stream: StreamID(stream), version: version,
                              actor: Actor(actor), recordedAt: recordedAt, event: event), ok)
    }

    /// Whether the row's stored hash (column 8) is SHA-256 of `chain` (the previous stored hash) and its canonical
    /// bytes; then moves `chain` on to the stored hash, so that one bad event does not fail every later one.
    static func chainStep(_ row: Row, stream: String, version: Int, type: String, schema: Int, payload: UnsafeRawBufferPointer,
                          actor: String, recordedAt: String, chain: UnsafeMutableRawBufferPointer) throws -> Bool {
        let computed = HashChain.digest(previous: UnsafeRawBufferPointer(chain), stream: stream, version: version, type: type,
                                        schemaVersion: schema, payload: payload, actor: actor, recordedAt: recordedAt)
        return try row.withUnsafeData(atIndex: 8) { stored in
            guard let stored, stored.count == 32 else {
                chain.initializeMemory(as: UInt8.self, repeating: 0xFF)
                return false
            }
            let same = computed.withUnsafeBytes { c in stored.withUnsafeBytes { memcmp(c.baseAddress!, $0.baseAddress!, 32) == 0 } }
            stored.withUnsafeBytes { chain.copyMemory(from: $0) }
            return same
        }
    }

    /// A 32-byte buffer holding the genesis hash, for `chainStep`.
    static func withChain<T>(_ body: (UnsafeMutableRawBufferPointer) throws -> T) rethrows -> T {
        let chain = UnsafeMutableRawBufferPointer.allocate(byteCount: 32, alignment: 8)
        defer { chain.deallocate() }
        chain.initializeMemory(as: UInt8.self, repeating: 0)
        return try body(chain)
    }

    /// Walks the whole chain in position order, recomputing every hash from the stored bytes, and collects the signed
    /// checkpoints on the way; then checks them, and `anchor`. Streams: memory does not grow with the log.
    public func verify(anchor: SignedHead?) throws -> VerifyResult {
        try pool.read { db in
            var count = 0
            var expectedPosition: Int64?
            var checkpoints: [(position: Int64, head: SignedHead)] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT position, stream_id, version, type, schema_version, payload, actor, recorded_at, hash
                FROM events ORDER BY position
                """)
            let broken: VerifyResult? = try Self.withChain { chain in
                while let row = try rows.next() {
                    count += 1
                    let position: Int64 = row[0]
                    let ok = try row.withUnsafeData(atIndex: 5) { payload in
                        try (payload ?? Data()).withUnsafeBytes {
                            try Self.chainStep(row, stream: row[1], version: row[2], type: row[3], schema: row[4], payload: $0,
                                               actor: row[6], recordedAt: row[7], chain: chain)
                        }
                    }
                    if let e = expectedPosition, position != e {
                        return VerifyResult(events: count, firstBad: (Position(e), "event \(e) is missing"))
                    }
                    guard ok else {
                        return VerifyResult(events: count, firstBad: (Position(position), "stored hash does not match the event's bytes"))
                    }
                    if (row[3] as String) == "checkpointSigned" {
                        guard let head = try? JSONDecoder().decode(SignedHead.self, from: row[5] as Data) else {
                            return VerifyResult(events: count, firstBad: (Position(position), "a checkpoint that cannot be read"))
                        }
                        checkpoints.append((position, head))
                    }
                    expectedPosition = position + 1
                }
                return nil
            }
            if let broken { return broken }
            let bad = try checkSignedHeads(db, checkpoints: checkpoints, anchor: anchor, last: expectedPosition.map { $0 - 1 } ?? 0)
            return VerifyResult(events: count, firstBad: bad, checkpoints: checkpoints.count, newestCheckpoint: checkpoints.last?.head)
        }
    }

    /// Replays the whole log in position order: checks every hash against the stored bytes, decodes every
    /// payload (opening sealed fields) and hands each event to `body`. Streams; returns the count and whether
    /// the chain held.
    public func replay(_ body: (EventEnvelope) throws -> Void) throws -> (events: Int, chainOK: Bool) {
        try pool.read { db in
            // A replay opens every subject's fields: one pass over the key table beats a lookup per subject.
            try preloadKeys(db)
            var count = 0, ok = true
            let rows = try Row.fetchCursor(db, sql: """
                SELECT position, stream_id, version, type, schema_version, payload, actor, recorded_at, hash
                FROM events ORDER BY position
                """)
            try Self.withChain { chain in
                while let row = try rows.next() {
                    let (envelope, hashOK) = try Self.read(row, sealer: keyring, chain: chain)
                    if !hashOK { ok = false }
                    try body(envelope)
                    count += 1
                }
            }
            return (count, ok)
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
            // A text is in the index or still in its backlog depending on when the batch went in: compared as one.
            for t in Migrations.projectionTables where t != "search_backlog" {
                let sql = t == "case_search"
                    ? "SELECT case_id, subject_id, body FROM case_search UNION ALL SELECT case_id, subject_id, body FROM search_backlog ORDER BY 1, 2, 3"
                    : "SELECT * FROM \(t) ORDER BY 1, 2"
                out[t] = try Row.fetchAll(db, sql: sql).map { row in
                    row.databaseValues.map { $0.description }
                }
            }
            return out
        }
    }
}
