/// How many of the visible rows are shown, in the danger lane and overdue (the queue title).
public struct QueueCounts: Equatable, Sendable {
    public var shown = 0, danger = 0, overdue = 0
}
