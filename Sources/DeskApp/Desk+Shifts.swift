import DeskDomain
import Foundation

extension Desk {
    /// Starts the acting user's shift; returns the handovers others of the same desk left since their last one.
    @discardableResult
    public func startShift() throws -> [HandoverRecord] {
        let me = try require(.workShift)
        let stream = StreamID.staff(me.user)
        let history = try log.load(stream, after: 0, visibility: .none)
        let state = history.map(\.event).reduce(ShiftState(), ShiftState.evolve)
        let events: [DeskEvent]
        do { events = try ShiftDecider.decide(.start, state) } catch { throw DeskError.decided(error) }
        let unseen = try unseenHandovers(me, history: history)
        try log.append(events, to: .stream(stream), expected: .exact(StreamVersion(history.count)), actor: actor, at: clock(),
                       newSubjects: [], evidence: [])
        return unseen
    }

    /// The handovers others of the same desk (the desk's line, or the counsellors) left since the acting user last started
    /// a shift; the latest ten.
    public func unseenHandovers() throws -> [HandoverRecord] {
        let me = try require(.readHandovers)
        return try unseenHandovers(me, history: try log.load(StreamID.staff(me.user), after: 0, visibility: .none))
    }

    func unseenHandovers(_ me: StaffMember, history: [EventEnvelope]) throws -> [HandoverRecord] {
        let lastStart = history.last { if case .shiftStarted = $0.event { true } else { false } }?.position.value ?? 0
        return try reads.handovers(after: lastStart, excluding: me.user, counsellors: me.role == .counsellor, limit: 10)
    }

    /// The latest handovers of the acting user's desk, oldest first.
    public func handovers(last: Int) throws -> [HandoverRecord] {
        let me = try require(.readHandovers)
        return try reads.handovers(after: 0, excluding: nil, counsellors: me.role == .counsellor, limit: last)
    }

    /// Ends the acting user's shift with the handover: the cases they hold, the desk's open cases due by the next
    /// business day and those in danger, and their note (sealed under a subject of its own). A counsellor hands over
    /// consultations with care due, never customer cases.
    @discardableResult
    public func endShift(note: String?) throws -> ShiftEnded {
        let me = try require(.workShift)
        let stream = StreamID.staff(me.user)
        let history = try log.load(stream, after: 0, visibility: .none)
        let state = history.map(\.event).reduce(ShiftState(), ShiftState.evolve)
        let today = LocalDate(japanTime: clock())
        let counsellor = me.role == .counsellor
        let lists = counsellor ? (held: [], near: [], danger: [], omitted: 0)
            : ShiftHandover.lists(open: try reads.openCases(), user: me.user, today: today)
        let care = counsellor ? try reads.consultationsWithCareDue(by: ShiftHandover.horizon(today)) : nil
        let text = note.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        var subjects: [SubjectID] = []
        defer { log.discardSubjects(subjects) }
        let sealed = text.map { t -> Personal in
            let id = log.newSubject(.shiftNote)
            subjects.append(id)
            return Personal(t, owner: id)
        }
        let ended = ShiftEnded(held: lists.held, nearDeadline: lists.near, danger: lists.danger, omitted: lists.omitted, note: sealed,
                               consultations: care)
        let events: [DeskEvent]
        do { events = try ShiftDecider.decide(.end(ended), state) } catch { throw DeskError.decided(error) }
        try log.append(events, to: .stream(stream), expected: .exact(StreamVersion(history.count)), actor: actor, at: clock(),
                       newSubjects: subjects, evidence: [])
        return ended
    }

    public func isOnShift() throws -> Bool { try reads.isOnShift(try me().user) }

    /// Who is on the desk's line and what each holds: a supervisor sees everyone, the others their own row.
    /// `everyone` asks for the whole board (a supervisor's; refused to the others).
    public func shiftBoard(everyone: Bool = false) throws -> [ShiftBoardRow] {
        let me = try require(everyone ? .seeWholeShiftBoard : .workShift)
        let line = try reads.staffList().filter { $0.active && RoleMatrix.allows($0.role, .workShift) }
        let members = RoleMatrix.allows(me.role, .seeWholeShiftBoard) ? line : line.filter { $0.user == me.user }
        return try reads.shiftBoard(of: members)
    }

    // MARK: Presence

    /// Says which case this console (`pid`) shows now; nil: none, or it is closing.
    public func announce(pid: Int32, showing: CaseID?) throws {
        try me()
        try reads.announce(user: user, pid: pid, showing: showing, at: clock())
    }

    /// Who else has which case open now, leaving out this console.
    public func viewers(pid: Int32 = 0, excludingMe: Bool = true) throws -> [Viewer] {
        try require(.seePresence)
        return try reads.viewers(excluding: excludingMe ? user : nil, pid: pid, at: clock())
    }
}
