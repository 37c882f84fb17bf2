import DeskDomain
import Foundation

extension Desk {
    /// Checks the log and names the first position that does not hold: the hash chain, its signed checkpoints and the
    /// `anchor` if one is given (a head signed before and kept outside the desk), then that every event was allowed to
    /// its actor by the role they held at that moment. `deep`, on a log that holds so far, also rebuilds the read models
    /// aside and compares them, and checks the keys, the append-only guards and the file (it needs the key file).
    ///
    /// Needs no staff record: whoever can open the file (an outside verifier, a cron job) may check it.
    public func verify(anchor: SignedHead? = nil, deep: Bool = false) throws -> VerifyResult {
        if deep, let problem = log.keyProblem { throw DeskError.keyRequired(what: "a deep verification", problem: problem) }
        var result = try log.verify(anchor: anchor)
        if result.firstBad == nil, let refused = try firstUnauthorized() { result = result.with(firstBad: refused) }
        // The read models are rebuilt from a log that holds: a break is named first.
        if deep && result.firstBad == nil { result = result.with(problems: try log.deepCheck()) }
        return result
    }

    private struct Found: Error { let position: Position; let reason: String }

    /// The first event its actor could not have recorded, by the role matrix and the staff records before it.
    private func firstUnauthorized() throws -> (position: Position, reason: String)? {
        var replay = AuthorizationReplay()
        do {
            try log.forEachEvent(after: Position(0), types: nil) { e in
                if let why = replay.refusal(e) { throw Found(position: e.position, reason: "recorded without the right to: " + why) }
            }
        } catch let found as Found {
            return (found.position, found.reason)
        }
        return nil
    }

    /// Signs the log's head with the desk's signing key, as a checkpoint in the log; returns the line to keep outside
    /// the desk (`mado verify --anchor` checks a log against it).
    public func anchor() throws -> SignedHead {
        try require(.anchorLog)
        return try log.anchor(actor: actor, at: clock())
    }

    /// The append-only guards missing from the log's storage (names; empty when all are there). Needs no staff record.
    public func missingGuards() throws -> [String] { try log.missingGuards() }

}
