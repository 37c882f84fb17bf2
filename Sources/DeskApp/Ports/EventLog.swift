import DeskDomain
import Foundation

/// The append-only log every decision reads and writes: load a stream, append with the expected version, read what
/// came after a position, observe new positions; and the keys that seal each person's data. The embedded SQLite store is one;
/// a PostgreSQL store is another. Only `Desk` calls it.
public protocol EventLog: AnyObject, Sendable {
    /// A stream's events after `version`, decoded; personal fields opened as far as `visibility` allows.
    func load(_ stream: StreamID, after version: Int, visibility: FieldVisibility) throws -> [EventEnvelope]
    /// The one event at a log position.
    func event(at position: Position, visibility: FieldVisibility) throws -> EventEnvelope?
    /// The version a stream is at (0 when it does not exist).
    func version(of stream: StreamID) throws -> Int
    /// Every event after `position` whose type is in `types` (all when nil), in log order, without opening any field.
    func forEachEvent(after position: Position, types: Set<String>?, _ body: (EventEnvelope) throws -> Void) throws

    /// Appends events to one stream in one transaction with the projections, or not at all. The keys of `newSubjects`
    /// (made by `newSubject`) and the `evidence` are written in the same transaction. Fails with
    /// `AppendError.wrongExpectedVersion` when the stream moved on, and `duplicateSubmission` when evidence with the same
    /// fingerprint was taken in before. Returns the stream (numbered inside the transaction for a new case or
    /// consultation) and its new version.
    @discardableResult
    func append(_ events: [DeskEvent], to target: AppendTarget, expected: ExpectedVersion, actor: Actor, at now: Date,
                newSubjects: [SubjectID], evidence: [SealedEvidence]) throws -> (stream: StreamID, version: Int)

    /// A new subject with a fresh key, kept in this process until an append writes it or `discardSubjects` forgets it.
    func newSubject(_ kind: SubjectKind) -> SubjectID
    /// Forgets the keys of subjects no append wrote (a refused submission); keys already written are not touched.
    func discardSubjects(_ ids: [SubjectID])
    /// Seals bytes outside any event (an original submission, an attachment) under a subject's key.
    func sealEvidence(_ bytes: Data, subject: SubjectID) throws -> SealedEvidence
    /// The opened bytes of sealed evidence, or nil when its owner was erased or no key is usable here.
    func openEvidence(_ hash: String, subject: SubjectID) throws -> Data?
    /// The keyed hash (hex) under which a receipt is kept: the same receipt gives the same tag on this desk only, and
    /// the tag does not give the receipt back. Needs the desk key.
    func receiptTag(_ receipt: Receipt) throws -> String

    /// Destroys a subject's key and records `subjectErased`, in one transaction that refuses a subject of a case on
    /// legal hold; then removes old copies where it can.
    func erase(_ subject: SubjectID, reason: String, actor: Actor, at now: Date) throws -> EraseOutcome

    /// Tells when any process appended.
    func watch() throws -> any LogWatcher
    /// Walks the hash chain from the first event and checks every signed checkpoint in it against the desk's signing
    /// key; with `anchor` (a head signed before and kept elsewhere), also that the log still holds it. Names the first
    /// position that does not hold. Needs no key file (with one, the checkpoints must be signed by its key).
    func verify(anchor: SignedHead?) throws -> VerifyResult
    /// Appends a checkpoint (the head, signed by the desk's signing key) and returns that signed head: the line to keep
    /// outside the desk.
    func anchor(actor: Actor, at now: Date) throws -> SignedHead
    /// What the chain cannot prove, in words (empty when all holds): the read models rebuilt from the log equal the live
    /// ones, every destroyed key has its erasure event, the append-only guards are in place, the file is sound.
    func deepCheck() throws -> [String]
    /// The append-only guards that are missing (none on a sound desk): cheap, for `mado doctor`.
    func missingGuards() throws -> [String]
    /// Replays the log into new read models and puts them in place of the old ones, while the desk keeps appending:
    /// in batches that each hold the write lock briefly, then one short swap. Checks every event's hash as it replays and
    /// refuses (`LogError.doesNotVerify`, nothing changed) at the first that does not match; refuses while another
    /// rebuild or a restore runs (`LogError.inProgress`).
    func rebuild() throws -> RebuildOutcome

    /// Writes a whole copy of the log (events, keys, evidence, read models) to `path`, a new file, from one consistent
    /// moment while others keep appending. The finished copy is handed to `check` (the front end verifies it) under
    /// another name, and takes `path` only when `check` returns; when anything fails nothing is left behind.
    func backup(to path: String, check: (_ copy: String) throws -> Void) throws -> BackupOutcome
    /// Puts this log (a copy that verified) in place of the desk database at `path`, or creates it there. Refuses the
    /// database of another desk (`LogError.anotherDesk`).
    func restore(over path: String) throws -> BackupOutcome
    /// The storage's own check of its files (SQLite's integrity_check): nil when they are whole, else what is damaged.
    /// A copy torn while it was written can hold a chain that verifies.
    func storageDamage() throws -> String?

    /// Why personal data is hidden in this process (no usable key), if it is.
    var keyProblem: String? { get }
    /// `LogError.readOnly` naming the file and why, when this process may only read the log (an archived copy, a
    /// read-only mount, a file the user may only read); nil when it may write.
    var readOnly: LogError? { get }
    func close()
}

extension EventLog {
    /// The whole stream, every field opened.
    public func load(_ stream: StreamID) throws -> [EventEnvelope] { try load(stream, after: 0, visibility: .all) }
}

/// Where an append goes.
public enum AppendTarget: Hashable, Sendable {
    case stream(StreamID)
    /// A new case, numbered inside the append's transaction so that concurrent intakes never collide.
    case newCase
    /// A new employee consultation, numbered the same way.
    case newConsultation
}

/// Bytes sealed under their owner's key, ready to store beside the intake that records `hash`.
public struct SealedEvidence: Sendable {
    /// SHA-256 (hex) of the sealed bytes: what the intake event records (a hash of the plain bytes would outlive erasure).
    public let hash: String
    public let subject: SubjectID
    public let sealed: Data
    /// A keyed fingerprint of the plain bytes, to recognise the same submission taken in twice.
    public let fingerprint: Data?
    public init(hash: String, subject: SubjectID, sealed: Data, fingerprint: Data?) {
        self.hash = hash
        self.subject = subject
        self.sealed = sealed
        self.fingerprint = fingerprint
    }
}

/// Which personal fields a reader may see opened, by event type and field path (`applicant.name`, `staff.0.name`).
public struct FieldVisibility: Sendable {
    public let allows: @Sendable (_ eventType: String, _ path: String) -> Bool
    /// Whether it allows every field (a store need not ask field by field).
    public let isAll: Bool
    public init(_ allows: @escaping @Sendable (_ eventType: String, _ path: String) -> Bool) {
        self.allows = allows
        isAll = false
    }
    private init(all: Void) {
        allows = { _, _ in true }
        isAll = true
    }
    /// Every field opened (as far as the keys allow).
    public static let all = FieldVisibility(all: ())
    /// No field opened: what the log holds, without its text.
    public static let none = FieldVisibility { _, _ in false }
}

/// Polled by a console to learn that the log moved (GRDB's observation does not see other processes).
public protocol LogWatcher: AnyObject {
    /// True when any process appended since the last call.
    func poll() -> Bool
}
