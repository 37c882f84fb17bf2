/// What a backup or a restore wrote: the events in the copy, the last one's position, and the file's size.
public struct BackupOutcome: Equatable, Sendable {
    public let events: Int
    public let lastPosition: Int64
    public let bytes: Int

    public init(events: Int, lastPosition: Int64, bytes: Int) {
        self.events = events
        self.lastPosition = lastPosition
        self.bytes = bytes
    }
}
