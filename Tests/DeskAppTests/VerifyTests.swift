import DeskApp
import DeskDomain
import Foundation
import Testing

/// `verify` replays the staff records: every event must have been allowed to its actor by the role they held then.
@Suite("verify replays who could record what")
struct VerifyTests {
    /// Appends an event beside the desk, as someone with the database file could.
    func forge(_ w: World, _ event: DeskEvent, on stream: StreamID, by user: String) throws -> Position {
        let v = try w.log.version(of: stream)
        try w.log.append([event], to: .stream(stream), expected: v == 0 ? .noStream : .exact(StreamVersion(v)), actor: Actor(user),
                         at: World.t0, newSubjects: [], evidence: [])
        return Position(Int64(try w.log.verify(anchor: nil).events))
    }

    @Test("a desk worked through Desk verifies, by anyone, staff or not")
    func whole() throws {
        let w = try World()
        try w.desk(.counsellor).erase(w.employee, reason: "本人請求")
        _ = try? w.desk("stranger").consultation(w.consultation)   // refused, and recorded: that is allowed
        #expect(try w.desk("stranger").verify().firstBad == nil)
    }

    @Test("an auditor who adds a supervisor beside mado is named, with the role they held")
    func forgedStaff() throws {
        let w = try World()
        let at = try forge(w, .staffAdded(StaffAdded(user: "intruder", displayName: "x", role: .supervisor)), on: .staff("intruder"),
                           by: World.user(.auditor))
        let bad = try #require(try w.desk(.auditor).verify().firstBad)
        #expect(bad.position == at)
        #expect(bad.reason.contains("u-auditor, an auditor, could not manage the staff; it needs a supervisor"))
    }

    @Test("what a removed user, a stranger, or a supervisor on an employee's data recorded is named")
    func others() throws {
        let forgeries: [(World) -> (DeskEvent, StreamID, String, String)] = [
            { w in (.noteAdded(CaseText(text: Personal("x", owner: w.applicant))), w.webCase.streamID, "stranger",
                    "stranger was not on the desk's staff") },
            { w in (.subjectErased(SubjectErased(subject: w.employee, reason: "x")), w.employee.streamID, World.user(.supervisor),
                    "could not erase an employee's data") },
            { _ in (.restrictedAccess(RestrictedAccess(record: "K-000001", user: World.user(.counsellor), role: .counsellor, allowed: true)),
                    .access(World.user(.counsellor)), World.user(.operator), "an access record written for someone else") },
            { _ in (.shiftStarted(ShiftStarted()), .staff(World.user(.operator)), World.user(.supervisor), "someone else's stream") },
        ]
        for make in forgeries {
            let w = try World()
            let (event, stream, user, words) = make(w)
            let at = try forge(w, event, on: stream, by: user)
            let bad = try #require(try w.desk(.auditor).verify().firstBad, "\(words)")
            #expect(bad.position == at && bad.reason.contains(words), "\(bad.reason)")
        }
        // Someone taken off the staff records nothing afterwards.
        let w = try World()
        try w.desk(.supervisor).removeStaff(World.user(.operator))
        let at = try forge(w, .noteAdded(CaseText(text: Personal("x", owner: w.applicant))), on: w.webCase.streamID, by: World.user(.operator))
        let bad = try #require(try w.desk(.auditor).verify().firstBad)
        #expect(bad.position == at && bad.reason.contains("had been removed"))
    }

    @Test("anchoring is a supervisor's, and the checkpoint it records verifies")
    func anchoring() throws {
        let w = try World()
        #expect(throws: DeskError.notAllowed(.anchorLog, role: .auditor)) { try w.desk(.auditor).anchor() }
        let head = try w.desk(.supervisor).anchor()
        let r = try w.desk(.auditor).verify(anchor: head)
        #expect(r.firstBad == nil && r.checkpoints == 1 && r.newestCheckpoint == head)
    }
}
