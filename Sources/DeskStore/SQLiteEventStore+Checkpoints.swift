import Crypto
import DeskApp
import DeskDomain
import Foundation
import GRDB

extension SQLiteEventStore {
    private struct HeadMoved: Error {}

    /// The chain and its checkpoints, without an anchor.
    public func verify() throws -> VerifyResult { try verify(anchor: nil) }

    /// Appends a checkpoint: the head at that moment, signed by the desk's signing key (added to a key file written
    /// before signing keys existed). Returns that signed head, the line to keep outside the desk: any copy of the log
    /// taken at that moment or later holds it.
    public func anchor(actor: Actor, at now: Date) throws -> SignedHead {
        guard keyring.deskKey != nil else { throw StoreError.keyRequired(what: "signing the log's head") }
        let key = try DeskKey.signingKey(of: keyFilePath)
        let at = Timestamp.string(now)
        var attempt = 0
        while true {
            attempt += 1
            let (position, hash) = try pool.read { db in try Self.head(db) }
            let covered = try Self.sign(position: position, hash: hash, at: at, with: key)
            let version = try self.version(of: .checkpoints)
            do {
                try write(try encode([.checkpointSigned(covered)]), stream: { _ in .checkpoints },
                          expected: version == 0 ? .noStream : .exact(StreamVersion(version)), actor: actor, at: now,
                          newSubjects: [], evidence: [], alsoInTransaction: { db in
                    // The checkpoint covers the event just before it: another append in between means sign again.
                    guard try Self.head(db).position == position else { throw HeadMoved() }
                })
                return covered
            } catch is HeadMoved where attempt < 20 {
                continue
            } catch AppendError.wrongExpectedVersion where attempt < 20 {
                continue
            }
        }
    }

    static func head(_ db: Database) throws -> (position: Int64, hash: Data) {
        guard let row = try Row.fetchOne(db, sql: "SELECT position, hash FROM events ORDER BY position DESC LIMIT 1") else {
            throw StoreError.io("the log is empty")
        }
        return (row[0], row[1])
    }

    static func sign(position: Int64, hash: Data, at: String, with key: Curve25519.Signing.PrivateKey) throws -> SignedHead {
        let head = hex(hash)
        let signature = try key.signature(for: SignedHead.signedBytes(position: position, head: head, at: at))
        return SignedHead(position: position, head: head, at: at, key: key.publicKey.rawRepresentation.base64EncodedString(),
                          signature: signature.base64EncodedString())
    }

    static func hex(_ d: Data) -> String { d.map { String(format: "%02x", $0) }.joined() }

    /// Whether the head's signature is the key's over its fields.
    static func isSigned(_ h: SignedHead) -> Bool {
        guard let raw = Data(base64Encoded: h.key), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw),
              let signature = Data(base64Encoded: h.signature) else { return false }
        return key.isValidSignature(signature, for: h.signedBytes)
    }

    /// The first checkpoint or anchor that does not hold, after the chain itself held through `last`. The desk's key is
    /// the key file's when it is readable here, else the first checkpoint's: a checkpoint under another key was signed
    /// by someone else.
    func checkSignedHeads(_ db: Database, checkpoints: [(position: Int64, head: SignedHead)], anchor: SignedHead?,
                          last: Int64) throws -> (position: Position, reason: String)? {
        let deskKey = keyring.deskKey?.signing?.publicKey.rawRepresentation.base64EncodedString() ?? checkpoints.first?.head.key
        func hash(at position: Int64) throws -> String? {
            try Data.fetchOne(db, sql: "SELECT hash FROM events WHERE position = ?", arguments: [position]).map(Self.hex)
        }
        for (position, h) in checkpoints {
            let problem: String? =
                if !Self.isSigned(h) { "its signature does not match what it says" }
                else if let deskKey, h.key != deskKey { "it was signed by another key than this desk's" }
                else if h.position >= position { "it claims a position after its own" }
                else if try hash(at: h.position) != h.head { "position \(h.position) is no longer the event it signed" }
                else { nil }
            if let problem { return (Position(position), "the checkpoint signed at \(StoredTime.display(h.at)) does not hold: \(problem)") }
        }
        guard let anchor else { return nil }
        let from = "the anchor signed at \(StoredTime.display(anchor.at))"
        if !Self.isSigned(anchor) { return (Position(anchor.position), "\(from) was altered: its signature does not match its fields") }
        if let deskKey, anchor.key != deskKey { return (Position(anchor.position), "\(from) was signed by another key than this desk's") }
        if anchor.position > last {
            return (Position(last + 1), "events \(last + 1) to \(anchor.position) are missing: the log ends at \(last), \(from) holds \(anchor.position)")
        }
        if try hash(at: anchor.position) != anchor.head {
            return (Position(anchor.position), "position \(anchor.position) is not the event \(from) holds: the history was rewritten")
        }
        return nil
    }
}
