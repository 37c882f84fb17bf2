import DeskApp
import DeskDomain
import Foundation
import Testing

/// Use cases on the in-memory log: what `Desk` does itself, without SQLite.
@Suite("desk")
struct DeskTests {
    @Test("intake from every channel makes the people, seals their words under them and keeps the original; the same bytes twice are one case")
    func intake() throws {
        let w = try World()
        let desk = w.desk(.operator)
        let machine = Submission(answeringMachine: "rec-0042", at: "2026-09-21T22:15:00+09:00", text: "店に火をつけてやる",
                                 organization: "demo-hotel")
        guard case .new(let id, let threats, _) = try desk.takeIn(machine) else { Issue.record("not taken in"); return }
        #expect(threats == ["火をつけ"])
        #expect(try desk.takeIn(machine) == .duplicate(id))
        let events = try w.log.load(id.streamID)
        guard case .intakeRecorded(let p)? = events.first?.event else { Issue.record("no intake"); return }
        #expect(p.channel == .answeringMachine && p.applicant.anonymous && p.complaint.subject == p.applicant.subject)
        #expect(try w.log.subject(p.applicant.subject)?.kind == .applicant)
        let original = try #require(p.evidence)
        #expect(try w.log.openEvidence(original, subject: p.applicant.subject) == Data("recording: rec-0042\nat: 2026-09-21T22:15:00+09:00\n\n店に火をつけてやる".utf8))
        // The web form's named clerk is a subject of their own.
        guard case .intakeRecorded(let web)? = try w.log.load(w.webCase.streamID).first?.event else { return }
        #expect(web.staff.first.map { $0.name.subject != web.applicant.subject && $0.name.text == "佐藤" } == true)
    }

    @Test("a refused submission leaves no key behind, and the next one writes only its own")
    func keysOfRefusedSubmissions() throws {
        let w = try World()
        let before = w.log.kinds.count
        var bad = World.submission
        bad.store = "別館"          // not a registered store
        #expect(throws: InputError.self) { try w.desk(.operator).takeIn(bad) }
        var empty = World.submission
        empty.complaint = ""
        #expect(throws: DeskError.decided(.missing(command: "record intake", what: "the complaint"))) { try w.desk(.operator).takeIn(empty) }
        #expect(w.log.kinds.count == before)
        // The fake refuses an append that seals under a new subject whose key it does not write: this one goes through.
        var next = World.submission
        next.original = Data("another".utf8)
        guard case .new = try w.desk(.operator).takeIn(next) else { Issue.record("not taken in"); return }
        #expect(w.log.kinds.count == before + 2)
    }

    @Test("what people type is sealed under the case's applicant; a new counterparty is a subject of their own")
    func sealing() throws {
        let w = try World()
        let desk = w.desk(.operator)
        try desk.act(.addNote("本人から再度の電話"), on: w.webCase)
        let linked = try desk.act(.linkCounterparty(label: "60代男性", existing: nil), on: w.webCase)
        let events = try w.log.load(w.webCase.streamID).map(\.event)
        guard case .noteAdded(let note)? = events.first(where: { if case .noteAdded = $0 { true } else { false } }) else { return }
        #expect(note.text.subject == w.applicant && note.text.text == "本人から再度の電話")
        guard case .counterpartyLinked(let p)? = linked.first else { Issue.record("no link"); return }
        #expect(p.label.subject == p.counterparty && p.counterparty != w.applicant)
        #expect(try w.log.subject(p.counterparty)?.kind == .counterparty)
        // Linking the same person to another case reuses them.
        let again = try desk.act(.linkCounterparty(label: "同じ人", existing: p.counterparty), on: w.counterCase)
        guard case .counterpartyLinked(let q)? = again.first else { Issue.record("no second link"); return }
        #expect(q.counterparty == p.counterparty)
    }

    @Test("a decision on the version on screen refuses a newer case; a note retries by itself")
    func expectedVersion() throws {
        let w = try World()
        let desk = w.desk(.supervisor)
        let v = try #require(try desk.caseSummary(w.webCase)).version
        try w.desk(.operator).act(.addNote("別の端末から"), on: w.webCase)
        #expect(throws: AppendError.wrongExpectedVersion(stream: w.webCase.streamID, expected: .exact(v), actual: v.value + 1)) {
            try desk.act(.startReview, on: w.webCase, expected: v)
        }
        #expect(try desk.act(.addNote("こちらも"), on: w.webCase, expected: v).count == 1)
    }

    @Test("an employee's data is erased only by a counsellor: the erasure and retention paths refuse the supervisor and the operator")
    func employeeErasure() throws {
        var w = try World()
        try w.desk(.counsellor).consult(.close(reason: "復職"), on: w.consultation)
        w.clock = World.t0.addingTimeInterval(4 * 365 * 86_400)
        for role in [Role.operator, .supervisor] {
            #expect(throws: DeskError.notAllowed(.eraseEmployee, role: role)) { try w.desk(role).erase(w.employee, reason: "請求") }
            #expect(throws: DeskError.notAllowed(.eraseEmployee, role: role)) { try w.desk(role).erasureImpact(w.employee) }
        }
        #expect(throws: DeskError.notAllowed(.runRetention, role: .operator)) { try w.desk(.operator).runRetention() }
        // Retention leaves employees to counsellors and the customer file's people to supervisors.
        #expect(try !w.desk(.supervisor).retentionDue().contains { $0.kind == .employee })
        #expect(try w.desk(.supervisor).runRetention().allSatisfy { $0.due.kind != .employee })
        #expect(try w.log.subject(w.employee)?.erasedAt == nil)
        let theirs = try w.desk(.counsellor).retentionDue()
        #expect(theirs.map(\.subject) == [w.employee])
        #expect(try w.desk(.counsellor).runRetention().count == 1 && w.log.subject(w.employee)?.erasedAt != nil)
        // Every attempt on the employee's data was recorded, the refused ones too.
        let attempts = try w.desk(.supervisor).accessLog().map(\.access)
        #expect(attempts.filter { $0.record == w.employee.rawValue && !$0.allowed }.map(\.role) == [.operator, .operator, .supervisor, .supervisor])
    }

    @Test("the queue and the case show a counsellor and an auditor that cases exist, not what they say")
    func textByRole() throws {
        let w = try World()
        for role in Role.allCases {
            let desk = w.desk(role)
            let row = try #require(try desk.queue().rows.first { $0.id == w.webCase })
            let reads = RoleMatrix.allows(role, .readCaseText)
            #expect((row.summary == "フロントで二時間怒鳴られた") == reads, "\(role)")
            #expect(try desk.search("二時間").isEmpty == !reads, "\(role)")
            guard case .intakeRecorded(let p)? = try desk.caseDetail(w.webCase).events.first?.event else { return }
            #expect((p.applicant.name?.text != nil) == [.operator, .supervisor].contains(role), "\(role)")
        }
    }

    @Test("shifts: a handover is left for the next of the same desk; a counsellor's never reaches the desk's line")
    func shifts() throws {
        let w = try World()
        try w.desk(.operator).startShift()
        try w.desk(.operator).endShift(note: "C-000002 は警察待ち")
        let unseen = try w.desk(.supervisor).startShift()
        #expect(unseen.map(\.user) == [World.user(.operator)] && unseen[0].handover.note?.text == "C-000002 は警察待ち")
        try w.desk(.counsellor).startShift()
        try w.desk(.counsellor).endShift(note: "面談は明日")
        #expect(try w.desk(.supervisor).handovers(last: 5).map(\.user) == [World.user(.operator)])
        #expect(try w.desk(.operator).shiftBoard().map(\.member.user) == [World.user(.operator)])
        #expect(try w.desk(.supervisor).shiftBoard(everyone: true).count == 3)
    }

    @Test("an erasure preview names a shift note by whose notes they are, in words, not by its stream")
    func erasureOfShiftNote() throws {
        let w = try World()
        try w.desk(.operator).startShift()
        try w.desk(.operator).endShift(note: "C-000002 は警察待ち")
        let note = try #require(try w.desk(.supervisor).startShift().first?.handover.note)
        let impact = try w.desk(.supervisor).erasureImpact(note.subject)
        let user = World.user(.operator)
        #expect(impact.map(\.handoverWriter) == [user])
        #expect(impact.map { $0.recordLabel(.ja) } == ["\(user) さんの勤務の申し送り"])
        #expect(impact.map { $0.recordLabel(.en) } == ["shift notes by \(user)"])
    }

    @Test("restricted records: every attempt is recorded once, refused ones too, and by someone removed from the staff")
    func accessRecords() throws {
        let w = try World()
        func attempts() throws -> [RestrictedAccess] { try w.desk(.supervisor).accessLog().map(\.access) }
        // A supervisor's note on a consultation: refused, and recorded before the refusal.
        #expect(throws: DeskError.notAllowed(.handleConsultation, role: .supervisor)) {
            try w.desk(.supervisor).consult(.addNote("x"), on: w.consultation)
        }
        #expect(try attempts() == [RestrictedAccess(record: w.consultation.description, user: World.user(.supervisor), role: .supervisor,
                                                    allowed: false)])
        // A counsellor's disclosure (read, then handed over) and erasure (preview, then erase): one record each.
        let counsellor = w.desk(.counsellor)
        _ = try counsellor.disclose(w.employee, reason: "本人請求")
        try counsellor.recordDisclosure(w.employee, reason: "本人請求")
        _ = try counsellor.erasureImpact(w.employee)
        _ = try counsellor.erase(w.employee, reason: "本人請求")
        let theirs = try attempts().filter { $0.user == World.user(.counsellor) }
        #expect(theirs == Array(repeating: RestrictedAccess(record: w.employee.rawValue, user: World.user(.counsellor), role: .counsellor,
                                                           allowed: true), count: 2))
        // Someone taken off the staff who tries anyway is refused and recorded, under the least role.
        try w.desk(.supervisor).removeStaff(World.user(.operator))
        #expect(throws: DeskError.removedFromStaff(World.user(.operator))) { try w.desk(.operator).consultation(w.consultation) }
        #expect(throws: DeskError.notOnStaff("stranger")) { try w.desk("stranger").consultation(w.consultation) }
        #expect(try attempts().suffix(2).map { [$0.user, $0.role.rawValue, "\($0.allowed)"] }
                == [[World.user(.operator), "staff", "false"], ["stranger", "staff", "false"]])
    }

    @Test("what the desk tells someone not on the staff: the log's chain, and nothing about its organizations")
    func strangers() throws {
        let w = try World()
        let stranger = w.desk("stranger")
        #expect(try stranger.verify().firstBad == nil)
        #expect(throws: DeskError.notOnStaff("stranger")) { try stranger.checkPlace("demo-hotel", branch: "zzz", store: nil) }
        #expect(throws: DeskError.notOnStaff("stranger")) { try stranger.announce(pid: 1, showing: w.webCase) }
        #expect(throws: DeskError.notOnStaff("stranger")) { try stranger.policy(for: "demo-hotel") }
        #expect(throws: DeskError.notAllowed(.recordIntake, role: .auditor)) {
            try w.desk(.auditor).checkPlace("demo-hotel", branch: "zzz", store: nil)
        }
    }

    @Test("a disclosure's reason is kept in clear, so it must be one printable line, recorded or not")
    func disclosureReason() throws {
        let w = try World()
        #expect(throws: DeskError.notClear(field: "the reason")) { try w.desk(.supervisor).recordDisclosure(w.applicant, reason: "a\u{1B}[2J") }
        #expect(try w.log.version(of: w.applicant.streamID) == 0)
    }

    @Test("a hand-over on a case already taken in is decided by the organization's policy in force, not a default")
    func handOverPolicy() throws {
        let w = try World()
        var own = PolicyTable.standard
        own.id = "hotel-own"
        own.version = "7"
        try w.desk(.supervisor).adoptPolicy(own, at: "demo-hotel")
        var facts = FactSheet()
        facts.apologyDemand = true
        try w.desk(.staff).act(.recordFacts(facts), on: w.webCase)
        let events = try w.desk(.staff).act(.handOver, on: w.webCase)
        guard case .handedOver(let d)? = events.last else { Issue.record("no hand-over: \(events)"); return }
        #expect(d.policyVersion == "hotel-own/7")
    }
}
