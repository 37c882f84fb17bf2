import DeskApp
import DeskDomain
@testable import DeskStore
@testable import DeskTUI
import Foundation
import Testing

/// The counter form and the decision screen: facts in, the policy's decision out, headless.
@Suite("hand-over in the console", .serialized)
struct HandoverScreenTests {
    static func type(_ m: inout Model, _ text: String) { for c in text { _ = update(&m, .keyPressed(.char(c))) } }
    static func go(_ m: inout Model, to field: CounterForm.Field) {
        for _ in 0..<CounterForm.fields.count {
            guard case .counterForm(let f)? = m.prompt, f.field != field else { return }
            _ = update(&m, .keyPressed(.down))
        }
    }

    /// Opens the form on the demo desk and fills a sit-in for a written apology.
    static func fill(_ desk: DemoDesk, _ lang: Language) throws -> Model {
        var m = try desk.model(Size(width: 100, height: 30), lang)
        #expect(update(&m, .keyPressed(.char("H"))) == [.loadOrganizations])
        _ = update(&m, .organizationsLoaded(try desk.store.organizations()))
        go(&m, to: .complaint)
        type(&m, "フロントで謝罪文を求めて帰らない")
        go(&m, to: .words)
        _ = update(&m, .pasted("土下座しろ\nq"))             // a paste is text, even its q
        go(&m, to: .fact(.refusesToLeave))
        _ = update(&m, .keyPressed(.char(" ")))
        go(&m, to: .fact(.apologyDemand))
        _ = update(&m, .keyPressed(.char("y")))
        go(&m, to: .fact(.minutesSpent))
        type(&m, "x180")                                        // letters are ignored in a number
        return m
    }

    @Test("the form records facts and words; Hand over sends one report; the store decides by the policy")
    func formToDecision() throws {
        let desk = try DemoDesk()
        var m = try Self.fill(desk, .ja)
        guard case .counterForm(let f)? = m.prompt else { Issue.record("no form"); return }
        #expect(f.words.text == "土下座しろ q" && f.minutes.text == "180" && f.facts.refusesToLeave && f.facts.apologyDemand)
        Self.go(&m, to: .submit)
        let commands = update(&m, .keyPressed(.enter))
        guard case .handOver(let report)? = commands.first else { Issue.record("no hand-over: \(commands)"); return }
        #expect(report.organization == "demo-hotel" && report.facts.minutesSpent == 180 && report.words == "土下座しろ q")
        #expect(report.complaint == "フロントで謝罪文を求めて帰らない")
        let r = try desk.desk.handOver(report)
        let (id, decision) = (r.id, r.decision)
        #expect(decision.rule == "sit-in" && decision.answers.apologyDemand)
        _ = update(&m, .handedOver(id, decision, organization: "デモホテル東京"))
        guard case .decision(let d)? = m.prompt else { Issue.record("no decision screen"); return }
        #expect(d.caseID == id)
        // Space ticks an action; L switches the script language; w asks for the leaflet file.
        _ = update(&m, .keyPressed(.char(" ")))
        _ = update(&m, .keyPressed(.char("L")))
        guard case .decision(let d2)? = m.prompt else { return }
        #expect(d2.done == [.secondStaff] && d2.scriptLanguage == .en)
        let w = update(&m, .keyPressed(.char("w")))
        guard case .printLeaflet(let wid, _, let text)? = w.first else { Issue.record("no leaflet"); return }
        #expect(wid == id && text.contains("Complaints and requests (デモホテル東京)"))
    }

    @Test("the decision screen in Japanese and in English", arguments: [Language.ja, .en])
    func decisionScreen(_ lang: Language) throws {
        let desk = try DemoDesk()
        var m = try desk.model(Size(width: 100, height: 30), lang)
        var facts = FactSheet()
        facts.refusesToLeave = true
        facts.apologyDemand = true
        facts.minutesSpent = 180
        let decision = PolicyTable.standard.decide(facts)
        _ = update(&m, .handedOver(CaseID(number: 49), decision, organization: "デモホテル東京", receipt: Receipt(typed: "4821-0937-5512-6604")))
        let s = view(m)
        if let diff = Golden.check(s, "decision-\(lang.rawValue)-100x30") { Issue.record(Comment(rawValue: diff)) }
        let text = s.textLines.joined(separator: "\n")
        // The rule in words (the facts it looks for), not its id.
        #expect(text.contains("C-000049") && text.contains(PolicyTable.standard.ruleReason("sit-in", lang)) && !text.contains("sit-in"))
        #expect(text.contains(PolicyTable.standard.script("leave-request")!.text(lang)))
    }

    @Test("the counter form in Japanese and in English; past the policy's minutes it offers the end-of-call script", arguments: [Language.ja, .en])
    func formScreen(_ lang: Language) throws {
        let desk = try DemoDesk()
        var m = try Self.fill(desk, lang)
        _ = update(&m, .tick(DemoDesk.now.addingTimeInterval(31 * 60)))
        let s = view(m)
        if let diff = Golden.check(s, "counter-form-\(lang.rawValue)-100x30") { Issue.record(Comment(rawValue: diff)) }
        let end = PolicyTable.standard.script("end-of-call")!.text(lang)
        #expect(s.textLines.contains { $0.contains(String(end.prefix(12))) })
    }

    @Test("at 80 columns the focused question is shown whole under the form, and the end-of-call script is not cut", arguments: [Language.ja, .en])
    func focusedQuestionWhole(_ lang: Language) throws {
        let desk = try DemoDesk()
        var m = try Self.fill(desk, lang)
        _ = update(&m, .resized(Size(width: 80, height: 24)))
        _ = update(&m, .tick(DemoDesk.now.addingTimeInterval(31 * 60)))
        Self.go(&m, to: .fact(.weaponOrPhysicalContact))
        let s = view(m)
        if let diff = Golden.check(s, "counter-form-focused-\(lang.rawValue)-80x24") { Issue.record(Comment(rawValue: diff)) }
        let text = s.textLines.joined(separator: " ").replacingOccurrences(of: "  ", with: " ")
        let question = CounterFormView(form: CounterForm(organizations: [], openedAt: DemoDesk.now), now: DemoDesk.now, language: lang)
            .label(.fact(.weaponOrPhysicalContact))
        #expect(s.textLines.contains { $0.contains("…") && $0.hasPrefix(">") }, "the row itself is cut")
        #expect(text.replacingOccurrences(of: " ", with: "").contains(question.replacingOccurrences(of: " ", with: "")), "\(text)")
        let end = PolicyTable.standard.script("end-of-call")!.text(lang)
        #expect(text.replacingOccurrences(of: " ", with: "").contains(end.replacingOccurrences(of: " ", with: "")), "\(text)")
    }

    @Test("Esc with input asks before discarding; No keeps the form; a form without a complaint is not sent")
    func discard() throws {
        let desk = try DemoDesk()
        var m = try Self.fill(desk, .en)
        _ = update(&m, .keyPressed(.escape))
        guard case .discardForm? = m.prompt else { Issue.record("no discard question"); return }
        _ = update(&m, .keyPressed(.char("n")))
        guard case .counterForm? = m.prompt else { Issue.record("the form was lost"); return }
        // Empty form: Esc closes at once; Hand over without a complaint is refused with the field.
        _ = update(&m, .keyPressed(.escape))
        _ = update(&m, .keyPressed(.char("y")))
        #expect(m.prompt == nil)
        _ = update(&m, .keyPressed(.char("H")))
        _ = update(&m, .organizationsLoaded(try desk.store.organizations()))
        Self.go(&m, to: .submit)
        #expect(update(&m, .keyPressed(.enter)) == [] && m.message?.text == m.t(.complaintNeeded))
        _ = update(&m, .keyPressed(.escape))
        #expect(m.prompt == nil)
    }

    @Test("an auditor and a read-only session cannot open the form; F shows the fixed scripts to anyone")
    func refusals() throws {
        let desk = try DemoDesk()
        var a = try desk.model(Size(width: 100, height: 30), .en, role: .auditor)
        #expect(update(&a, .keyPressed(.char("H"))) == [] && a.message?.text.contains("an auditor may not record intake") == true)
        _ = update(&a, .keyPressed(.char("F")))
        let text = view(a).textLines.joined(separator: "\n")
        #expect(text.contains("no-progress-answers") && text.contains("We are sorry, but we do not answer questions about progress."))
    }

    @Test("Enter moves past a yes/no fact without answering it; full-width digits count; arrows do not stop the timer")
    func formKeys() throws {
        let desk = try DemoDesk()
        var m = try desk.model(Size(width: 100, height: 30), .ja)
        _ = update(&m, .keyPressed(.char("H")))
        _ = update(&m, .organizationsLoaded(try desk.store.organizations()))
        Self.go(&m, to: .complaint)
        Self.type(&m, "説明を求めた")
        for _ in 0..<8 { _ = update(&m, .keyPressed(.enter)) }       // through every field up to the facts, and on
        guard case .counterForm(let f)? = m.prompt else { Issue.record("no form"); return }
        #expect(f.facts.answered.isEmpty, "Enter answered a fact: \(f.facts.answered)")
        Self.go(&m, to: .fact(.minutesSpent))
        _ = update(&m, .keyPressed(.right))                        // moving does not freeze the timer
        _ = update(&m, .tick(DemoDesk.now.addingTimeInterval(45 * 60)))
        guard case .counterForm(let f2)? = m.prompt else { return }
        #expect(!f2.minutesTyped && f2.report(language: .ja, now: m.now)?.facts.minutesSpent == 45)
        Self.type(&m, "５０")                                        // the IME's full-width digits
        Self.go(&m, to: .fact(.earlierContacts))
        Self.type(&m, "３")
        guard case .counterForm(let f3)? = m.prompt, let r = f3.report(language: .ja, now: m.now) else { Issue.record("no report"); return }
        #expect(r.facts.minutesSpent == 50 && r.facts.earlierContacts == 3)
    }

    @Test("F from the decision screen shows the organization's fixed scripts and Esc goes back to the decision")
    func fixedScriptsReturn() throws {
        let desk = try DemoDesk()
        var m = try desk.model(Size(width: 100, height: 30), .en)
        var own = PolicyTable.standard
        own.id = "city"
        own.scripts = own.scripts.map { s in s.id == "end-of-call" ? PolicyScript(id: s.id, ja: "本日は終了します。", en: "We end here today.") : s }
        _ = update(&m, .handedOver(CaseID(number: 49), PolicyTable.standard.decide(FactSheet()), organization: "x", policy: own))
        guard case .decision(let d)? = m.prompt else { Issue.record("no decision"); return }
        _ = update(&m, .keyPressed(.char("F")))
        #expect(view(m).textLines.contains { $0.contains("We end here today.") })
        _ = update(&m, .keyPressed(.escape))
        #expect(m.prompt == .decision(d))
    }
}

