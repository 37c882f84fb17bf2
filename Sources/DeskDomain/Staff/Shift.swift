// Stored format: see DeskEvent.swift. A desk runs around the clock; each operator's shift starts and ends on
// their own staff stream, and the end carries the handover the next operator reads.

public struct ShiftStarted: Hashable, Codable, Sendable {
    public init() {}
}

/// What the outgoing operator leaves for the next: the cases they held, the desk's cases near their report
/// deadline and in danger, when the shift ended, and their own words.
public struct ShiftEnded: Hashable, Codable, Sendable {
    public var held: [CaseID]
    public var nearDeadline: [CaseID]
    public var danger: [CaseID]
    /// How many did not fit in the lists (each list keeps the first `ShiftHandover.listLimit`).
    public var omitted: Int
    /// A counsellor's handover: the open consultations with care due by the next business day (no customer cases).
    public var consultations: [ConsultationID]?
    /// The outgoing operator's free text; sealed under a subject of its own (it may name people), so that it
    /// can be erased or expire without touching anything else.
    public var note: Personal?
    public init(held: [CaseID], nearDeadline: [CaseID], danger: [CaseID], omitted: Int = 0, note: Personal? = nil,
                consultations: [ConsultationID]? = nil) {
        self.consultations = consultations
        self.held = held
        self.nearDeadline = nearDeadline
        self.danger = danger
        self.omitted = omitted
        self.note = note
    }
}

/// One open case as the handover sees it.
public struct ShiftCase: Hashable, Sendable {
    public var id: CaseID
    public var lane: Lane?
    public var dueOn: LocalDate
    public var assignee: String?
    /// Reported: its report is done, so it is not near its deadline (it may still be held).
    public var reported: Bool
    public init(id: CaseID, lane: Lane?, dueOn: LocalDate, assignee: String?, reported: Bool = false) {
        self.reported = reported
        self.id = id
        self.lane = lane
        self.dueOn = dueOn
        self.assignee = assignee
    }
}

public enum ShiftHandover {
    public static let listLimit = 200
    public static let noteLimit = 4_000

    /// The next business day after `today`: what "near" means for deadlines and care tasks.
    public static func horizon(_ today: LocalDate, calendar: BusinessCalendar = BusinessCalendar()) -> LocalDate {
        calendar.adding(businessDays: 1, to: today)
    }

    /// The lists of a handover: the cases `user` holds; every open case whose report is due by the next business
    /// day (or overdue); every open case in the danger lane. Each in queue order, capped at `listLimit`.
    public static func lists(open: [ShiftCase], user: String, today: LocalDate,
                             calendar: BusinessCalendar = BusinessCalendar()) -> (held: [CaseID], near: [CaseID], danger: [CaseID], omitted: Int) {
        let horizon = Self.horizon(today, calendar: calendar)
        let ordered = open.sorted { ($0.dueOn, $0.id) < ($1.dueOn, $1.id) }
        let held = ordered.filter { $0.assignee == user }.map(\.id)
        let near = ordered.filter { !$0.reported && $0.dueOn <= horizon }.map(\.id)
        let danger = ordered.filter { $0.lane == .danger }.map(\.id)
        let omitted = [held, near, danger].map { max(0, $0.count - listLimit) }.reduce(0, +)
        return (Array(held.prefix(listLimit)), Array(near.prefix(listLimit)), Array(danger.prefix(listLimit)), omitted)
    }
}

/// Whether someone is on shift, folded from their staff stream.
public struct ShiftState: Hashable, Sendable {
    public var onShift = false
    public init() {}
    public static func evolve(_ s: ShiftState, _ e: DeskEvent) -> ShiftState {
        var s = s
        switch e {
        case .shiftStarted: s.onShift = true
        case .shiftEnded, .staffRemoved: s.onShift = false
        default: break
        }
        return s
    }
}

public enum ShiftDecider {
    public enum Command: Sendable { case start, end(ShiftEnded) }

    public static func decide(_ c: Command, _ s: ShiftState) throws(DecideError) -> [DeskEvent] {
        switch c {
        case .start:
            guard !s.onShift else { throw .invalid(field: "shift", reason: "your shift has already started") }
            return [.shiftStarted(ShiftStarted())]
        case .end(let e):
            guard s.onShift else { throw .invalid(field: "shift", reason: "you have no shift to end; start one first") }
            if let n = e.note?.text, n.count > ShiftHandover.noteLimit {
                throw .invalid(field: "note", reason: "at most \(ShiftHandover.noteLimit) characters (it has \(n.count))")
            }
            return [.shiftEnded(e)]
        }
    }
}
