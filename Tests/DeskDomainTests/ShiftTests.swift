import DeskDomain
import Testing

@Suite("shifts")
struct ShiftTests {
    static func c(_ n: Int, _ lane: Lane? = nil, due: LocalDate, _ who: String? = nil) -> ShiftCase {
        ShiftCase(id: CaseID(number: n), lane: lane, dueOn: due, assignee: who)
    }

    @Test("the handover lists what the operator holds, what is due by the next business day, and the danger lane")
    func lists() {
        // Friday 20 November 2026: the next business day is Tuesday 24 (Monday 23 is a holiday).
        let today = LocalDate(2026, 11, 20)
        let open = [Self.c(1, .danger, due: LocalDate(2026, 11, 30)), Self.c(2, due: LocalDate(2026, 11, 24), "suzuki"),
                    Self.c(3, due: LocalDate(2026, 11, 25), "suzuki"), Self.c(4, .handover, due: LocalDate(2026, 11, 18)),
                    Self.c(5, due: LocalDate(2026, 11, 25), "sato")]
        let l = ShiftHandover.lists(open: open, user: "suzuki", today: today)
        #expect(l.held == [CaseID(number: 2), CaseID(number: 3)])
        #expect(l.near == [CaseID(number: 4), CaseID(number: 2)])
        #expect(l.danger == [CaseID(number: 1)] && l.omitted == 0)
        let many = (1...250).map { Self.c($0, .danger, due: today, "suzuki") }
        let capped = ShiftHandover.lists(open: many, user: "suzuki", today: today)
        #expect(capped.held.count == ShiftHandover.listLimit && capped.omitted == 150)
    }

    @Test("a shift starts once and ends once; the note has a limit")
    func decider() throws {
        var s = ShiftState()
        #expect(throws: DecideError.invalid(field: "shift", reason: "you have no shift to end; start one first")) {
            try ShiftDecider.decide(.end(ShiftEnded(held: [], nearDeadline: [], danger: [])), s)
        }
        let started = try ShiftDecider.decide(.start, s)
        s = started.reduce(s, ShiftState.evolve)
        #expect(s.onShift)
        #expect(throws: DecideError.invalid(field: "shift", reason: "your shift has already started")) {
            try ShiftDecider.decide(.start, s)
        }
        let long = Personal(String(repeating: "あ", count: ShiftHandover.noteLimit + 1), owner: SubjectID("s-0000000000000001"))
        #expect(throws: DecideError.invalid(field: "note", reason: "at most 4000 characters (it has 4001)")) {
            try ShiftDecider.decide(.end(ShiftEnded(held: [], nearDeadline: [], danger: [], note: long)), s)
        }
        #expect(ShiftState.evolve(s, .staffRemoved(StaffRemoved(user: "suzuki"))).onShift == false)
    }
}
