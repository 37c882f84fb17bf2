import DeskApp
import DeskDomain
@testable import DeskStore
@testable import DeskTUI
import Foundation
import Testing

/// The decision screen's ticks recorded, and the leaflet printed through the spooler.
@Suite("the counter's actions recorded", .serialized)
struct CounterActionsScreenTests {
    /// A sit-in handed over on the demo desk: its decision screen asks for a second staff member and the ladder.
    static func decision(_ desk: DemoDesk, contact: ContactDetails = ContactDetails()) throws -> (Model, CaseID, HandedOver) {
        var m = try desk.model(Size(width: 100, height: 30), .en)
        var facts = FactSheet()
        facts.refusesToLeave = true
        let r = try desk.desk.handOver(CounterReport(organization: "demo-hotel", channel: .counter, language: .ja,
                                                    complaint: "帰らない", facts: facts))
        _ = update(&m, .handedOver(r.id, r.decision, organization: "デモホテル東京", policy: r.policy, organizationID: "demo-hotel",
                                   contact: contact))
        return (m, r.id, r.decision)
    }

    @Test("Enter records each ticked item; a ticked 110 call is the call110 step and puts the case in the danger lane's view")
    func ticksRecorded() throws {
        let desk = try DemoDesk()
        var (m, id, decision) = try Self.decision(desk)
        #expect(decision.lane == .handover && decision.actions == [.secondStaff, .policeLadder, .preserveEvidence])
        // The policy's list has no 110 for a sit-in; a screen that offers it (a danger rule) is given here directly.
        guard case .decision(var d)? = m.prompt else { Issue.record("no decision screen"); return }
        d = HandoverDecision(caseID: d.caseID, decision: HandedOver(lane: decision.lane, rule: decision.rule, policyVersion: decision.policyVersion,
                                                                    behaviours: decision.behaviours, scripts: decision.scripts,
                                                                    leaflet: decision.leaflet, actions: [.call110] + decision.actions,
                                                                    answers: decision.answers),
                             organization: d.organization, policy: d.policy, scriptLanguage: .en, organizationID: "demo-hotel")
        m.prompt = .decision(d)
        _ = update(&m, .keyPressed(.char(" ")))                 // call 110
        _ = update(&m, .keyPressed(.down))
        _ = update(&m, .keyPressed(.char(" ")))                 // second staff
        let commands = update(&m, .keyPressed(.enter))
        #expect(commands == [.recordCounterActions(id, [.call110, .secondStaff])])
        #expect(m.prompt == nil)
        let events = try desk.desk.act(.recordCounterActions([.call110, .secondStaff]), on: id)
        #expect(events == [.ladderStepTaken(LadderStepTaken(step: .call110)), .counterActionTaken(CounterActionTaken(action: .secondStaff))])
        // The queue's danger view holds it now, not the hand-over lane's.
        let row = try #require(try desk.desk.queue().rows.first { $0.id == id })
        #expect(row.lane == .danger)
        var q = try desk.model(Size(width: 100, height: 30), .en)
        q.filter.lane = .danger
        #expect(q.visible.contains { q.rows[$0].id == id })
        q.filter.lane = .handover
        #expect(!q.visible.contains { q.rows[$0].id == id })
    }

    @Test("Esc with ticks not recorded warns once; the second Esc leaves without recording")
    func escWarns() throws {
        let desk = try DemoDesk()
        var (m, _, _) = try Self.decision(desk)
        _ = update(&m, .keyPressed(.char(" ")))
        #expect(update(&m, .keyPressed(.escape)) == [])
        guard case .decision? = m.prompt else { Issue.record("closed at the first Esc"); return }
        #expect(m.message?.isError == true && m.message?.text.contains("not recorded yet") == true)
        #expect(update(&m, .keyPressed(.escape)) == [])
        #expect(m.prompt == nil)
    }

    @Test("the leaflet names the organization's phone, e-mail and URL")
    func leafletContact() throws {
        let desk = try DemoDesk()
        let contact = ContactDetails(phone: "03-1234-5678", email: "desk@example.jp", url: "https://example.jp/form")
        var (m, id, _) = try Self.decision(desk, contact: contact)
        let c = update(&m, .keyPressed(.char("w")))
        guard case .printLeaflet(let pid, let org, let text)? = c.first else { Issue.record("no leaflet: \(c)"); return }
        #expect(pid == id && org == "demo-hotel")
        #expect(text.contains("Phone: 03-1234-5678\nE-mail: desk@example.jp\nWeb form: https://example.jp/form\n"))
        let screen = view(m).textLines.joined(separator: "\n")
        #expect(screen.contains("Phone: 03-1234-5678"))
    }

    @Test("the status line says what became of the leaflet, in the console's language")
    func statusLine() throws {
        let desk = try DemoDesk()
        var (m, _, _) = try Self.decision(desk)
        _ = update(&m, .leafletDelivered(.printed(printer: "counter-1")))
        #expect(m.message == StatusMessage(text: "leaflet printed on counter-1", isError: false))
        // At once, on the decision screen that covers the status line.
        #expect(view(m).textLines.dropLast().last?.hasPrefix(" leaflet printed on counter-1") == true)
        _ = update(&m, .leafletDelivered(.failed("lp: printer not found")))
        #expect(m.message == StatusMessage(text: "leaflet not printed: lp: printer not found", isError: true))
        m.language = .ja
        _ = update(&m, .leafletDelivered(.written(path: "/srv/leaflets/mado-leaflet-C-000001.txt")))
        #expect(m.message == StatusMessage(text: "ご案内を書き出しました: /srv/leaflets/mado-leaflet-C-000001.txt", isError: false))
    }
}

/// The spooler itself, through a fake `lp` first on the search path that records its arguments and what it read.
@Suite("printing the leaflet", .serialized)
struct LeafletSpoolerTests {
    let dir: URL
    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("mado-lp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    func fakeLP(exit code: Int = 0, stderr: String = "") throws {
        let script = """
            #!/bin/sh
            printf '%s\\n' "$@" > "\(dir.path)/args"
            cat > "\(dir.path)/stdin"
            \(stderr.isEmpty ? "" : "echo '\(stderr)' >&2")
            exit \(code)
            """
        let lp = dir.appendingPathComponent("lp")
        try script.write(to: lp, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: lp.path)
    }

    func read(_ name: String) -> String { (try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)) ?? "(none)" }

    @Test("lp gets -d PRINTER and the leaflet on stdin")
    func printsOnPrinter() throws {
        try fakeLP()
        let s = LeafletSpooler(destination: "counter-1", searchPath: dir.path + ":/usr/bin:/bin")
        #expect(s.deliver("ご案内\n受付番号: C-000007\n", caseID: CaseID(number: 7)) == .printed(printer: "counter-1"))
        #expect(read("args") == "-t\nmado-leaflet-C-000007\n-d\ncounter-1\n")
        #expect(read("stdin") == "ご案内\n受付番号: C-000007\n")
    }

    @Test("without a printer, lp prints on the system's default")
    func defaultPrinter() throws {
        try fakeLP()
        let s = LeafletSpooler(destination: nil, searchPath: dir.path)
        #expect(s.deliver("x\n", caseID: CaseID(number: 1)) == .printed(printer: nil))
        #expect(read("args") == "-t\nmado-leaflet-C-000001\n")
    }

    @Test("lp's refusal is reported with its own first line")
    func lpFails() throws {
        try fakeLP(exit: 1, stderr: "lp: The printer or class does not exist.")
        let s = LeafletSpooler(destination: "nowhere", searchPath: dir.path)
        #expect(s.deliver("x\n", caseID: CaseID(number: 1)) == .failed("lp: The printer or class does not exist."))
    }

    @Test("no lp on the path is said, not ignored")
    func noSpooler() throws {
        let empty = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let s = LeafletSpooler(destination: nil, searchPath: empty.path)
        #expect(s.deliver("x\n", caseID: CaseID(number: 1)) == .failed("lp not found on PATH (install cups-client, or set a directory as the printer)"))
    }

    @Test("a directory as the printer gets the leaflet file; a missing one is refused")
    func directory() throws {
        let s = LeafletSpooler(destination: dir.path, searchPath: "")
        let path = dir.appendingPathComponent("mado-leaflet-C-000003.txt").path
        #expect(s.deliver("紙\n", caseID: CaseID(number: 3)) == .written(path: path))
        #expect(read("mado-leaflet-C-000003.txt") == "紙\n")
        let missing = LeafletSpooler(destination: dir.path + "/nope", searchPath: "")
        #expect(missing.deliver("紙\n", caseID: CaseID(number: 3)) == .failed("\(dir.path)/nope: no such directory"))
    }
}
