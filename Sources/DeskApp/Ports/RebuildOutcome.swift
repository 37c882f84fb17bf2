import Foundation

/// What a rebuild did: the events it replayed into new read models, how it shared the write lock with the desk while
/// it did, and whether the storage the old read models took was handed back.
public struct RebuildOutcome: Equatable, Sendable {
    public let events: Int
    /// Transactions it took the write lock for (the replay's batches, the swap, the clearing of the old tables).
    public let transactions: Int
    /// The longest it held the write lock at once: the longest an append can have waited on it.
    public let longestHold: TimeInterval
    /// False when another terminal's open read kept the log's journal from being cut back (retried on its next write or exit).
    public let reclaimed: Bool

    public init(events: Int, transactions: Int, longestHold: TimeInterval, reclaimed: Bool) {
        self.events = events
        self.transactions = transactions
        self.longestHold = longestHold
        self.reclaimed = reclaimed
    }
}
