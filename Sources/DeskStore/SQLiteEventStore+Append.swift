import Crypto
import DeskApp
import DeskCodec
import DeskDomain
import Foundation
import GRDB

extension SQLiteEventStore {
    /// Seals original submission bytes under the subject's key; the intake event records `hash`.
    public func sealEvidence(_ bytes: Data, subject: SubjectID) throws -> SealedEvidence {
        let sealed = try keyring.sealEvidence(bytes, subject: subject)
        let hash = Data(SHA256.hash(data: sealed)).map { String(format: "%02x", $0) }.joined()
        return SealedEvidence(hash: hash, subject: subject, sealed: sealed, fingerprint: keyring.deskKey?.fingerprint(bytes))
    }

    /// The opened bytes of sealed evidence, or nil when its owner was erased or no key is usable here.
    public func openEvidence(_ hash: String, subject: SubjectID) throws -> Data? {
        try pool.read { db in try Data.fetchOne(db, sql: "SELECT sealed FROM evidence WHERE hash = ?", arguments: [hash]) }
            .flatMap { keyring.openEvidence($0, subject: subject) }
    }

    public func receiptTag(_ receipt: Receipt) throws -> String {
        guard let key = keyring.deskKey else { throw StoreError.keyRequired(what: "giving a receipt") }
        return key.receiptTag(receipt.digits)
    }

    public func newSubject(_ kind: SubjectKind) -> SubjectID { keyring.newSubject(kind) }

    public func discardSubjects(_ ids: [SubjectID]) { keyring.discardPending(ids) }

    /// Appends events to one stream in one transaction, with the projections, the keys of `newSubjects` and the evidence,
    /// or not at all. Fails with `wrongExpectedVersion` when the stream moved on.
    @discardableResult
    public func append(_ events: [DeskEvent], to target: AppendTarget, expected: ExpectedVersion, actor: Actor, at now: Date,
                       newSubjects: [SubjectID], evidence: [SealedEvidence]) throws -> (stream: StreamID, version: Int) {
        let encoded = try encode(events)
        var chosen: StreamID?
        let version = try write(encoded, stream: { db in
            let s: StreamID
            switch target {
            case .stream(let id): s = id
            // A new case or consultation takes the next free number inside the write transaction: concurrent intakes never collide.
            case .newCase: s = CaseID(number: (try Int.fetchOne(db.cachedStatement(sql: "SELECT MAX(seq) FROM cases")) ?? 0) + 1).streamID
            case .newConsultation:
                s = ConsultationID(number: (try Int.fetchOne(db.cachedStatement(sql: "SELECT MAX(seq) FROM consultations")) ?? 0) + 1).streamID
            }
            chosen = s
            return s
        }, expected: expected, actor: actor, at: now, newSubjects: newSubjects, evidence: evidence)
        return (chosen ?? StreamID(""), version)
    }

    func encode(_ events: [DeskEvent]) throws -> [(DeskEvent, Data)] {
        try timings.measure(.json) { try encodeAll(events) }
    }

    private func encodeAll(_ events: [DeskEvent]) throws -> [(DeskEvent, Data)] {
        try events.map { e in
            do { return (e, try e.encodePayload(sealer: keyring)) } catch let error as EncodingError {
                if case .invalidValue(_, let ctx) = error, let under = ctx.underlyingError { throw under }
                throw StoreError.keyRequired(what: "recording \(e.type)")
            }
        }
    }

    /// BEGIN IMMEDIATE … COMMIT through cached statements (GRDB's `inTransaction` prepares both on every call, a
    /// few per cent of a one-event append); rolls back on any error.
    static func immediateTransaction(_ db: Database, timings: AppendTimings, _ body: () throws -> Void) throws {
        try timings.measure(.begin) { try db.cachedStatement(sql: "BEGIN IMMEDIATE").execute() }
        do {
            try timings.measure(.log) { try body() }
            try timings.measure(.commit) { try db.cachedStatement(sql: "COMMIT").execute() }
        } catch {
            if db.isInsideTransaction { try? db.execute(sql: "ROLLBACK") }
            throw error
        }
    }

    @discardableResult
    func write(_ encoded: [(DeskEvent, Data)], stream: (Database) throws -> StreamID, expected: ExpectedVersion,
               actor: Actor, at now: Date, newSubjects: [SubjectID], evidence: [SealedEvidence],
               alsoInTransaction extra: ((Database) throws -> Void)? = nil) throws -> Int {
        try refuseIfReadOnly()
        let recordedAt = Timestamp.string(now)
        let keys = try keyring.pendingKeys(newSubjects)
        let newVersion: Int
        do {
            newVersion = try pool.writeWithoutTransaction { db in
                var result = 0
                try Self.immediateTransaction(db, timings: timings) {
                    let streamID = try stream(db)
                    let actual = try Int.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(version), 0) FROM events WHERE stream_id = ?"),
                                                  arguments: [streamID.rawValue]) ?? 0
                    guard actual == expected.value else {
                        throw AppendError.wrongExpectedVersion(stream: streamID, expected: expected, actual: actual)
                    }
                    try extra?(db)
                    for (id, wrapped) in keys {
                        try db.cachedStatement(sql: "INSERT OR IGNORE INTO subject_keys(subject_id, wrapped, created_at) VALUES (?, ?, ?)")
                            .execute(arguments: [id.rawValue, wrapped, recordedAt])
                    }
                    for e in evidence {
                        if let fp = e.fingerprint,
                           let existing = try String.fetchOne(db, sql: "SELECT case_id FROM intake_fingerprints WHERE hmac = ?",
                                                              arguments: [fp]) {
                            throw AppendError.duplicateSubmission(existing: CaseID(existing) ?? CaseID(number: 0))
                        }
                        try db.execute(sql: "INSERT OR IGNORE INTO evidence(hash, subject_id, sealed) VALUES (?, ?, ?)",
                                       arguments: [e.hash, e.subject.rawValue, e.sealed])
                    }
                    try insert(encoded, into: streamID, after: actual, actor: actor, recordedAt: recordedAt, db)
                    result = actual + encoded.count
                }
                return result
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            // Reads go on while another process holds the write lock: say who, when it is mado's own work.
            throw AppendError.busy((try? runningMaintenance()) ?? nil)
        }
        keyring.commitPending(keys.map(\.0))
        return newVersion
    }

    /// Inserts `encoded` into `streamID` at the versions after `actual`, each hashed after the last event in the log, and
    /// applies each to the projections: the inside of every append's transaction.
    private func insert(_ encoded: [(DeskEvent, Data)], into streamID: StreamID, after actual: Int, actor: Actor,
                        recordedAt: String, _ db: Database) throws {
        var prev = try Data.fetchOne(db.cachedStatement(sql: "SELECT hash FROM events ORDER BY position DESC LIMIT 1"))
            ?? HashChain.genesis
        let insert = try db.cachedStatement(sql: """
            INSERT INTO events(stream_id, version, type, schema_version, payload, actor, recorded_at, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (i, (event, payload)) in encoded.enumerated() {
            let version = actual + 1 + i
            let hash = timings.measure(.hash, within: .log) { Data(payload.withUnsafeBytes {
                HashChain.digest(previous: prev, stream: streamID.rawValue, version: version, type: event.type,
                                 schemaVersion: event.schemaVersion, payload: $0, actor: actor.user, recordedAt: recordedAt)
            }) }
            try insert.execute(arguments: [streamID.rawValue, version, event.type, event.schemaVersion,
                                           String(decoding: payload, as: UTF8.self), actor.user, recordedAt, hash])
            let envelope = EventEnvelope(position: Position(db.lastInsertedRowID), stream: streamID, version: version,
                                         actor: actor, recordedAt: recordedAt, event: event)
            try timings.measure(.projections, within: .log) { try Projector.apply(envelope, db, keyring: keyring, timings: timings) }
            prev = hash
        }
    }

    /// Appends whole new streams in one transaction, each expected not to exist, with the same chain, projections and
    /// keys as `append`: how a benchmark or a test fills a large log in seconds rather than minutes.
    public func appendNewStreams(_ streams: [(stream: StreamID, events: [DeskEvent], newSubjects: [SubjectID])], actor: Actor,
                                 at now: Date) throws {
        try refuseIfReadOnly()
        let recordedAt = Timestamp.string(now)
        let encoded = try streams.map { try encode($0.events) }
        let keys = try keyring.pendingKeys(streams.flatMap(\.newSubjects))
        do {
            try pool.writeWithoutTransaction { db in
                try Self.immediateTransaction(db, timings: timings) {
                    for (id, wrapped) in keys {
                        try db.cachedStatement(sql: "INSERT OR IGNORE INTO subject_keys(subject_id, wrapped, created_at) VALUES (?, ?, ?)")
                            .execute(arguments: [id.rawValue, wrapped, recordedAt])
                    }
                    for (s, events) in zip(streams, encoded) {
                        let actual = try Int.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(version), 0) FROM events WHERE stream_id = ?"),
                                                      arguments: [s.stream.rawValue]) ?? 0
                        guard actual == 0 else { throw AppendError.wrongExpectedVersion(stream: s.stream, expected: .noStream, actual: actual) }
                        try insert(events, into: s.stream, after: 0, actor: actor, recordedAt: recordedAt, db)
                    }
                }
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw AppendError.busy((try? runningMaintenance()) ?? nil)
        }
        keyring.commitPending(keys.map(\.0))
    }
}
