import DeskApp
import DeskDomain
@testable import DeskStore
@testable import DeskTUI
import Foundation
import Testing

/// `update` with whole models and whole command lists.
@Suite("update")
struct UpdateTests {
    static let now = Date(timeIntervalSince1970: 1_795_564_800)
    static let applicant = SubjectID("s-00000000000000a1")

    static func row(_ n: Int, lane: Lane? = .handover, state: CaseStatus = .underReview, due: String = "2026-11-30",
                    assignee: String? = nil, version: Int = 3) -> CaseSummary {
        CaseSummary(id: CaseID(number: n), organization: "demo-hotel", branch: "新宿", store: "本館", channel: .counter,
                    language: .ja, lane: lane, status: state, openedAt: "2026-11-20T01:00:00.000Z", reportDueOn: LocalDate(iso: due)!,
                    lastActivity: "2026-11-20T02:00:00.000Z", summary: "長時間の苦情 \(n)", assignee: assignee,
                    version: StreamVersion(version))
    }

    static func detail(_ r: CaseSummary, complaint: String = "長時間の苦情") -> CaseDetail {
        let intake = IntakeRecorded(organization: "demo-hotel", channel: .counter, language: .ja,
                                    applicant: Applicant(subject: applicant, anonymous: true),
                                    complaint: Personal(complaint, owner: applicant))
        let events: [DeskEvent] = [.intakeRecorded(intake), .handedOver(PolicyTable.standard.decide(FactSheet())), .reviewStarted]
        return CaseDetail(summary: r, events: events.enumerated().map { i, e in
            EventEnvelope(position: Position(Int64(i + 1)), stream: r.id.streamID, version: i + 1, actor: "tanaka",
                          recordedAt: "2026-11-20T01:0\(i):00.000Z", event: e)
        }, ledger: [], reportTo: "総務部")
    }

    static func model(role: Role = .operator, readOnly: Bool = false) -> Model {
        var m = Model(size: Size(width: 120, height: 30), now: now,
                      me: StaffMember(user: "suzuki", displayName: "鈴木", role: role, active: true), language: .en,
                      readOnly: readOnly, databaseName: "desk.sqlite")
        m.organizationNames = ["demo-hotel": "デモホテル東京"]      // read with the queue, as the program does
        m.rows = [row(1, lane: .danger), row(2), row(3, lane: .complaint, due: "2026-11-01")]
        m.loaded = true
        m.detail = detail(m.rows[0])
        return m
    }

    @Test("j moves the selection down and asks for that case's detail")
    func moveDown() {
        var m = Self.model()
        var expected = m
        expected.selectedID = CaseID(number: 2)
        expected.detail = nil
        let commands = update(&m, .keyPressed(.char("j")))
        #expect(commands == [.loadDetail(CaseID(number: 2))])
        #expect(m == expected)
    }

    @Test("a, typing and Enter append a note against the version on screen")
    func addNote() {
        var m = Self.model()
        #expect(update(&m, .keyPressed(.char("a"))) == [])
        #expect(m.prompt == .note(TextField(), CaseID(number: 1)))
        for c in "二回目の電話" { _ = update(&m, .keyPressed(.char(c))) }
        _ = update(&m, .pasted(" 16時"))
        var expected = m
        expected.prompt = nil
        let commands = update(&m, .keyPressed(.enter))
        #expect(commands == [.act(CaseID(number: 1), expected: 3, .addNote("二回目の電話 16時"))])
        #expect(m == expected)
    }

    @Test("while the screen says the terminal is too small, keys and pastes do nothing: no command, no change (issue 17)")
    func tooSmallIgnoresKeys() {
        var m = Self.model()
        _ = update(&m, .keyPressed(.char("a")))
        for c in "半分" { _ = update(&m, .keyPressed(.char(c))) }
        _ = update(&m, .resized(Size(width: 60, height: 20)))
        let before = m
        for key: Key in [.enter, .char("q"), .char("j"), .char("t"), .char("s"), .escape, .ctrl("l"), .ctrl("z")] {
            #expect(update(&m, .keyPressed(key)) == [], "\(key)")
        }
        #expect(update(&m, .pasted("x\nq")) == [])
        #expect(m == before)
        // Big enough again: the note is still there and Enter appends it.
        _ = update(&m, .resized(Size(width: 120, height: 30)))
        #expect(update(&m, .keyPressed(.enter)) == [.act(CaseID(number: 1), expected: 3, .addNote("半分"))])
    }

    @Test("Esc on a half-typed note asks before dropping it (No keeps it), y drops it, Esc never quits; q quits")
    func escapeAndQuit() {
        var m = Self.model()
        _ = update(&m, .keyPressed(.char("a")))
        _ = update(&m, .keyPressed(.char("x")))
        let typed = Prompt.note(TextField(text: "x"), CaseID(number: 1))
        #expect(update(&m, .keyPressed(.escape)) == [])
        #expect(m.prompt == .discard(typed))
        #expect(update(&m, .keyPressed(.enter)) == [])             // No, the default
        #expect(m.prompt == typed)
        #expect(update(&m, .keyPressed(.ctrl("c"))) == [])
        #expect(m.prompt == .discard(typed))
        #expect(update(&m, .keyPressed(.char("y"))) == [])
        #expect(m.prompt == nil && m.message == StatusMessage(text: "Cancelled", isError: false))
        _ = update(&m, .keyPressed(.char("a")))
        #expect(update(&m, .keyPressed(.escape)) == [])             // nothing typed: nothing to ask
        #expect(m.prompt == nil)
        #expect(update(&m, .keyPressed(.escape)) == [])
        #expect(update(&m, .keyPressed(.char("q"))) == [.quit])
    }

    @Test("the state menu walks through a reason and a y/N confirmation to one command")
    func escalateFromMenu() {
        var m = Self.model(role: .supervisor)
        _ = update(&m, .keyPressed(.char("s")))
        guard case .menu(let first, _)? = m.prompt else { Issue.record("no menu"); return }
        #expect(MenuAction.allCases[first] == .report || m.refusal(MenuAction.allCases[first]) == nil)
        let police = MenuAction.allCases.firstIndex(of: .escalatePolice)!
        m.prompt = .menu(selected: police, CaseID(number: 1))
        _ = update(&m, .keyPressed(.enter))
        #expect(m.prompt == .text(TextField(limit: 2_000), .escalatePolice, CaseID(number: 1)))
        for c in "刃物を持っている" { _ = update(&m, .keyPressed(.char(c))) }
        _ = update(&m, .keyPressed(.enter))
        #expect(m.prompt == .confirm(.escalatePolice, text: "刃物を持っている", CaseID(number: 1)))
        let commands = update(&m, .keyPressed(.char("y")))
        #expect(commands == [.act(CaseID(number: 1), expected: 3, .escalate(.police, reason: "刃物を持っている"))])
        #expect(m.prompt == nil)
    }

    @Test("anything but y at the confirmation cancels (No is the default); a typed reason is kept")
    func confirmDefaultsToNo() {
        var m = Self.model(role: .supervisor)
        m.prompt = .confirm(.startReview, text: "", CaseID(number: 1))
        #expect(update(&m, .keyPressed(.enter)) == [])
        #expect(m.prompt == nil && m.message?.text == "Cancelled")
        m.prompt = .confirm(.escalateLawyer, text: "要求が執拗", CaseID(number: 1))
        #expect(update(&m, .keyPressed(.char("n"))) == [])
        #expect(m.prompt == .text(TextField(text: "要求が執拗", limit: 2_000), .escalateLawyer, CaseID(number: 1)))
    }

    @Test("a store that cannot be read says so in the status line")
    func loadFailed() {
        var m = Self.model()
        #expect(update(&m, .loadFailed("database error: disk I/O error")) == [])
        #expect(m.message == StatusMessage(text: "database error: disk I/O error", isError: true))
    }

    @Test("a refused action is a message, not a command: an operator may not escalate; read-only refuses notes")
    func refusals() {
        var m = Self.model(role: .operator)
        m.prompt = .menu(selected: MenuAction.allCases.firstIndex(of: .escalatePolice)!, CaseID(number: 1))
        #expect(update(&m, .keyPressed(.enter)) == [])
        #expect(m.message == StatusMessage(text: "Refused: an operator may not escalate; it needs a supervisor", isError: true))
        var ro = Self.model(readOnly: true)
        #expect(update(&ro, .keyPressed(.char("a"))) == [])
        #expect(ro.prompt == nil && ro.message == StatusMessage(text: "Refused: read-only", isError: true))
    }

    @Test("t asks first (it is recorded for good); y takes the case for the user against the version on screen, No records nothing")
    func take() {
        var m = Self.model()
        #expect(update(&m, .keyPressed(.char("t"))) == [])
        #expect(m.prompt == .confirmTake(CaseID(number: 1)))
        #expect(update(&m, .keyPressed(.char("y"))) == [.act(CaseID(number: 1), expected: 3, .assign(to: "suzuki"))])
        #expect(m.prompt == nil)
        _ = update(&m, .keyPressed(.char("t")))
        #expect(update(&m, .keyPressed(.enter)) == [])
        #expect(m.prompt == nil && m.message == StatusMessage(text: "Cancelled", isError: false))
    }

    @Test("A: a supervisor picks whom to assign the case to; an operator is told it is a supervisor's call")
    func assign() {
        var m = Self.model(role: .supervisor)
        #expect(update(&m, .keyPressed(.char("A"))) == [.loadStaff(CaseID(number: 1))])
        let staff = [StaffMember(user: "tanaka", displayName: "田中", role: .staff, active: true),
                     StaffMember(user: "sato", displayName: "佐藤", role: .operator, active: false),
                     StaffMember(user: "ito", displayName: "伊藤", role: .operator, active: true),
                     StaffMember(user: "suzuki", displayName: "鈴木", role: .supervisor, active: true)]
        _ = update(&m, .staffLoaded(CaseID(number: 1), staff))
        // Only active operators and supervisors can hold a case.
        #expect(m.prompt == .assign(selected: 0, CaseID(number: 1), [staff[2], staff[3]]))
        #expect(view(m).textLines.contains { $0.contains("> 伊藤 (ito, operator)") })
        #expect(update(&m, .keyPressed(.enter)) == [.act(CaseID(number: 1), expected: 3, .assign(to: "ito"))])
        var op = Self.model(role: .operator)
        #expect(update(&op, .keyPressed(.char("A"))) == [])
        #expect(op.message?.text == "Refused: an operator may not assign a case to someone else; it needs a supervisor")
    }

    @Test("new cases from another terminal show as new, and the selection sticks to its case")
    func liveRefresh() {
        var m = Self.model()
        m.selectedID = CaseID(number: 2)
        #expect(update(&m, .logAdvanced) == [.loadQueue, .loadViewers])
        let rows = [Self.row(4, lane: .danger), Self.row(1, lane: .danger), Self.row(2), Self.row(3, lane: .complaint)]
        let commands = update(&m, .queueLoaded(rows))
        #expect(m.newCount == 1 && m.selectedID == CaseID(number: 2) && m.selectedIndex == 2)
        #expect(commands == [.loadDetail(CaseID(number: 2))])
    }

    @Test("a conflict reloads and says so")
    func conflict() {
        var m = Self.model()
        #expect(update(&m, .appendConflicted(CaseID(number: 1))) == [.loadQueue, .loadDetail(CaseID(number: 1))])
        #expect(m.message?.isError == true && m.message?.text.contains("another terminal") == true)
    }

    @Test("/ filters as you type, folding width and kana, asks the index for case text; Esc clears the filter")
    func search() {
        var m = Self.model()
        _ = update(&m, .keyPressed(.char("/")))
        #expect(update(&m, .keyPressed(.char("刃"))) == [.search("刃")])
        #expect(m.visible.isEmpty)
        _ = update(&m, .searchLoaded("刃", [CaseID(number: 2)]))      // found in a note the row does not show
        #expect(m.visible.map { m.rows[$0].id } == [CaseID(number: 2)] && m.selectedID == CaseID(number: 2))
        _ = update(&m, .keyPressed(.backspace))
        for c in "苦情 ３" { _ = update(&m, .keyPressed(.char(c))) }
        _ = update(&m, .searchLoaded("刃", [CaseID(number: 1)]))      // a late answer to an old query changes nothing
        #expect(m.visible.map { m.rows[$0].id } == [CaseID(number: 3)])
        #expect(m.selectedID == CaseID(number: 3))
        _ = update(&m, .keyPressed(.escape))
        #expect(m.filter.text.isEmpty && m.visible.count == 3)
    }

    @Test("f cycles the lane filter; o keeps overdue cases only; c clears")
    func filters() {
        var m = Self.model()
        _ = update(&m, .keyPressed(.char("f")))
        #expect(m.filter.lane == .danger && m.visible.map { m.rows[$0].id.number } == [1])
        _ = update(&m, .keyPressed(.char("c")))
        _ = update(&m, .keyPressed(.char("o")))
        #expect(m.visible.map { m.rows[$0].id.number } == [3])
        _ = update(&m, .keyPressed(.char("c")))
        _ = update(&m, .keyPressed(.char("S")))          // states in life-cycle order: underReview is the only one
        #expect(m.filter.state == .underReview && m.visible.count == 3)
        _ = update(&m, .keyPressed(.char("S")))
        #expect(m.filter.state == nil)
        _ = update(&m, .keyPressed(.char("O")))
        #expect(m.filter.organization == "demo-hotel")
    }

    @Test("Tab cycles the panes and 1 2 3 jump to them; Enter opens the case")
    func panes() {
        var m = Self.model()
        _ = update(&m, .keyPressed(.tab))
        #expect(m.focus == .detail)
        _ = update(&m, .keyPressed(.char("3")))
        #expect(m.focus == .escalation)
        _ = update(&m, .keyPressed(.char("1")))
        _ = update(&m, .keyPressed(.enter))
        #expect(m.focus == .detail)
    }

    @Test("p asks to confirm the next police-ladder step by name; y records it against the version on screen")
    func ladder() {
        var m = Self.model(role: .staff)
        #expect(update(&m, .keyPressed(.char("p"))) == [])
        #expect(m.prompt == .confirmLadder(.endResponse, CaseID(number: 1)))
        #expect(update(&m, .keyPressed(.char("y"))) == [.act(CaseID(number: 1), expected: 3, .takeLadderStep(.endResponse))])
        _ = update(&m, .keyPressed(.char("p")))
        #expect(update(&m, .keyPressed(.enter)) == [])       // No is the default
        #expect(m.prompt == nil)
    }

    @Test("the case pane scrolls no further than its text: after G, k moves at once")
    func detailScrollIsClamped() {
        var m = Self.model()
        m.size = Size(width: 80, height: 24)
        m.focus = .detail
        _ = update(&m, .keyPressed(.char("G")))
        let bottom = m.detailScroll
        #expect(bottom == m.caseMaxScroll)
        _ = update(&m, .keyPressed(.char("j")))
        #expect(m.detailScroll == bottom)
        if bottom > 0 {
            _ = update(&m, .keyPressed(.char("k")))
            #expect(m.detailScroll == bottom - 1)
        }
    }

    @Test("j in the escalation pane scrolls that pane, not the case pane")
    func escalationScrolls() {
        var m = Self.model(role: .supervisor)
        m.size = Size(width: 120, height: 30)
        m.focus = .escalation
        let limit = m.escalationMaxScroll
        #expect(limit > 0)      // the ladder and the actions do not fit in 11 lines
        _ = update(&m, .keyPressed(.char("G")))
        #expect(m.escalationScroll == limit && m.detailScroll == 0)
        _ = update(&m, .keyPressed(.char("k")))
        #expect(m.escalationScroll == limit - 1)
    }

    @Test("the first screen shows the top of the queue with the whole queue's counts; the full load replaces it")
    func queueHead() {
        var m = Model(size: Size(width: 120, height: 30), now: Self.now,
                      me: StaffMember(user: "suzuki", displayName: "鈴木", role: .operator, active: true), language: .en)
        let head = QueueHead(rows: [Self.row(1, lane: .danger)], total: 3, danger: 1, overdue: 1)
        #expect(update(&m, .queueHeadLoaded(head)) == [])
        #expect(m.rows == head.rows && m.selectedID == CaseID(number: 1) && !m.loaded)
        let title = view(m).textLines.first { $0.contains("Queue") && $0.contains("DANGER") } ?? ""
        #expect(title.contains("Queue 3") && title.contains("DANGER 1") && title.contains("overdue 1") && title.contains("Loading…"))
        let rows = [Self.row(1, lane: .danger), Self.row(2), Self.row(3, lane: .complaint, due: "2026-11-01")]
        #expect(update(&m, .queueLoaded(rows)) == [.loadDetail(CaseID(number: 1))])
        #expect(m.head == nil && m.loaded && m.counts == QueueCounts(shown: 3, danger: 1, overdue: 1) && m.newCount == 0)
        // A late answer to the first read changes nothing once everything is there.
        #expect(update(&m, .queueHeadLoaded(head)) == [] && m.rows == rows)
    }

    @Test("n and N in the case pane mark the next and previous line holding the search text")
    func findInCase() {
        var m = Self.model()
        m.size = Size(width: 80, height: 24)
        m.filter.text = "苦情"
        m.focus = .detail
        let lines = m.caseLines.map(\.text)
        let hits = lines.indices.filter { lines[$0].contains("苦情") }
        try? #require(hits.count >= 1)
        _ = update(&m, .keyPressed(.char("n")))
        #expect(m.detailMatch == hits[0])
        let s = view(m)
        #expect(s.textLines.contains { $0.contains(">") && $0.contains("苦情") })
        for h in hits.dropFirst() {
            _ = update(&m, .keyPressed(.char("n")))
            #expect(m.detailMatch == h)
        }
        _ = update(&m, .keyPressed(.char("n")))
        #expect(m.detailMatch == hits.last && m.message?.text == m.t(.noMatch))
        _ = update(&m, .keyPressed(.char("N")))
        #expect(m.detailMatch == (hits.count > 1 ? hits[hits.count - 2] : hits.last))
        // In the queue, n steps to the next case instead.
        m.focus = .queue
        #expect(update(&m, .keyPressed(.char("n"))) == [.loadDetail(CaseID(number: 2))])
    }

    @Test("Ctrl-Z suspends from the queue and from a half-typed note, which is kept")
    func suspend() {
        var m = Self.model()
        #expect(update(&m, .keyPressed(.ctrl("z"))) == [.suspend])
        _ = update(&m, .keyPressed(.char("a")))
        _ = update(&m, .keyPressed(.char("x")))
        let before = m.prompt
        #expect(update(&m, .keyPressed(.ctrl("z"))) == [.suspend])
        #expect(m.prompt == before)
    }

    @Test("after the case text re-wraps wider, n and N stay inside it and the scroll is clamped")
    func findAfterResize() throws {
        let desk = try DemoDesk()
        var m = try desk.model(Size(width: 80, height: 24), .ja, focus: .detail)
        m.filter.text = "の"
        _ = update(&m, .keyPressed(.char("G")))
        let narrowBottom = m.detailScroll
        _ = update(&m, .resized(Size(width: 400, height: 60)))
        #expect(m.detailScroll <= m.caseMaxScroll && m.detailScroll <= narrowBottom)
        _ = update(&m, .keyPressed(.char("N")))
        _ = update(&m, .keyPressed(.char("n")))
        let lines = m.caseLines
        #expect(m.detailMatch.map { $0 < lines.count } ?? true)
    }

    @Test("the case pane is laid out in the model when the case, the size or the language changes, at the pane's width")
    func caseLaidOutInModel() throws {
        let desk = try DemoDesk()
        var m = try desk.model(Size(width: 80, height: 24), .ja, focus: .detail)
        #expect(m.caseLines == m.caseText(width: 78) && m.caseLines.count > 1)
        _ = update(&m, .resized(Size(width: 160, height: 48)))
        #expect(m.caseLines == m.caseText(width: Layout(m.size).detail.width - 2) && Layout(m.size).detail.width - 2 == 69)
        m.language = .en
        #expect(m.caseLines == m.caseText(width: 69) && m.caseLines.contains { $0.text.hasPrefix("-- Timeline") })
        #expect(m.escalationLines.contains { $0.text == "Police ladder:" })
        // Leaving the case empties the pane to a placeholder at once.
        _ = update(&m, .keyPressed(.char("1")))
        _ = update(&m, .keyPressed(.char("j")))
        #expect(m.detail == nil && m.caseLines == [PaneLine("Loading…", .muted)])
    }

    @Test("scrolling the case pane past its end stops at its last line, which the view shows on the pane's last row")
    func caseScrollStopsAtLastLine() throws {
        let desk = try DemoDesk()
        var m = try desk.model(Size(width: 80, height: 24), .en, focus: .detail)
        let rows = Layout(m.size).detail.height - 1
        try #require(m.caseLines.count > rows)
        for _ in 0..<(m.caseLines.count + 5) { _ = update(&m, .keyPressed(.char("j"))) }
        #expect(m.detailScroll == m.caseLines.count - rows)
        let screen = view(m).textLines
        let last = Layout(m.size).detail.maxY - 1
        #expect(screen[last].hasPrefix(" " + String(m.caseLines.last!.text.prefix(20))))
        _ = update(&m, .keyPressed(.char("k")))
        #expect(m.detailScroll == m.caseLines.count - rows - 1)
    }

    @Test("n finds a line of the text as re-wrapped after a resize, not as it was")
    func findAfterRewrap() throws {
        var m = Self.model()
        m.detail = Self.detail(m.rows[0], complaint: String(repeating: "長時間にわたり同じ要求を繰り返した。", count: 8) + "最後に店長の名前を尋ねた。")
        m.size = Size(width: 80, height: 24)
        m.focus = .detail
        m.filter.text = "店長"
        let narrow = m.caseLines
        let narrowHit = try #require(narrow.firstIndex { $0.text.contains("店長") })
        _ = update(&m, .resized(Size(width: 300, height: 60)))
        #expect(m.caseLines.count < narrow.count)
        _ = update(&m, .keyPressed(.char("n")))
        let hit = try #require(m.detailMatch)
        #expect(m.caseLines[hit].text.contains("店長") && hit < narrowHit)
        #expect(!m.caseLines[..<hit].contains { $0.text.contains("店長") })
    }

    @Test("at midnight the overdue filter re-selects and asks for the case it now shows")
    func midnight() {
        var m = Self.model()
        m.rows = [Self.row(1, due: "2026-11-25")]
        m.filter.overdueOnly = true
        m.detail = nil
        #expect(m.visible.isEmpty)
        let next = Self.now.addingTimeInterval(86_400)
        #expect(update(&m, .tick(next)) == [.loadDetail(CaseID(number: 1))])
        #expect(m.counts.overdue == 1)
    }

    @Test("the case pane says when a counterparty is banned or warned, and not once it has lapsed")
    func standingShown() {
        var m = Self.model()
        var d = m.detail!
        d.standings = [CounterpartyStanding(subject: SubjectID("s-00000000000000c1"), standing: .banned, until: LocalDate(2026, 12, 31)),
                       CounterpartyStanding(subject: SubjectID("s-00000000000000c2"), standing: .warned, until: LocalDate(2026, 11, 1))]
        m.detail = d
        let lines = m.caseText(width: 70).map(\.text)
        #expect(lines.contains("counterparty s-00000000000000c1: BANNED until 2026-12-31"))
        #expect(!lines.contains { $0.contains("s-00000000000000c2") })
    }

    @Test("the assessment form: validity and means by arrows, behaviour types by Space, a reason, then one assess command")
    func assessForm() {
        var m = Self.model(role: .operator)
        _ = update(&m, .keyPressed(.char("s")))
        guard case .menu(_, let id)? = m.prompt else { Issue.record("no menu"); return }
        m.prompt = .menu(selected: MenuAction.allCases.firstIndex(of: .assess)!, id)
        _ = update(&m, .keyPressed(.enter))
        guard case .assessForm(let f0, _)? = m.prompt else { Issue.record("no form: \(String(describing: m.prompt))"); return }
        #expect(f0.behaviours.isEmpty)                   // the sample's hand-over named none
        _ = update(&m, .keyPressed(.right))             // unclear → valid (cycles)
        _ = update(&m, .keyPressed(.right))             // → partlyValid
        _ = update(&m, .keyPressed(.down))
        _ = update(&m, .keyPressed(.right))             // acceptable → unacceptable
        _ = update(&m, .keyPressed(.down))              // timeRestraint
        _ = update(&m, .keyPressed(.char(" ")))
        for _ in 0..<BehaviourType.allCases.count { _ = update(&m, .keyPressed(.down)) }   // to the reason
        for c in "三時間同じ要求" { _ = update(&m, .keyPressed(.char(c))) }
        _ = update(&m, .keyPressed(.enter))             // to Record
        let commands = update(&m, .keyPressed(.enter))
        #expect(commands == [.act(CaseID(number: 1), expected: 3, .assess(validity: .partlyValid, means: .unacceptable,
                                                                          behaviours: [.timeRestraint], reason: "三時間同じ要求", opinion: nil))])
    }

    @Test("classifying and moving lanes are the supervisor's menu items; an operator sees them greyed with the reason")
    func classifyMenu() {
        let op = Self.model(role: .operator)
        #expect(op.refusal(.classifyHarassment) == "an operator may not classify; it needs a supervisor")
        #expect(op.refusal(.laneDanger) == "an operator may not override the lane; it needs a supervisor")
        var sup = Self.model(role: .supervisor)
        sup.prompt = .menu(selected: MenuAction.allCases.firstIndex(of: .laneDanger)!, CaseID(number: 1))
        _ = update(&sup, .keyPressed(.enter))
        for c in "刃物が見つかった" { _ = update(&sup, .keyPressed(.char(c))) }
        _ = update(&sup, .keyPressed(.enter))
        let commands = update(&sup, .keyPressed(.char("y")))
        #expect(commands == [.act(CaseID(number: 1), expected: 3, .overrideLane(.danger, reason: "刃物が見つかった"))])
    }
}

