import DeskDomain
import DeskApp

/// The case pane's text, wrapped to the pane's width. Laid out when the case, the size or the language changes (the
/// model keeps it), so drawing a frame and finding a line never wrap it again.
enum CaseText {
    /// What the case pane needs besides the case itself, all derived by the model.
    struct Context {
        var caseSelected: Bool
        var state: CaseState?
        var threats: [String]
        /// The organization's name (its id until the names have loaded).
        var organization: String?
        /// Other consoles showing this case.
        var viewers: [String]?
        var today: LocalDate
        var language: Language
    }

    static func lines(_ detail: CaseDetail?, _ c: Context, width: Int) -> [PaneLine] {
        let t = { (s: UIText) in s.text(c.language) }
        guard let d = detail else { return [PaneLine(c.caseSelected ? t(.loading) : t(.selectCase), .muted)] }
        var w = Writer(width: width, language: c.language)
        header(d, c, into: &w)
        let (statements, timeline, facts) = events(d, c, into: &w)
        // Seed 003: a threatening or slanderous submission is not accepted; point it out, a person decides.
        // Only submissions not yet dealt with: a threat at the counter goes up the police ladder instead.
        if let state = c.state, [.intake, .handedOver, .underReview].contains(state.status), d.summary.channel != .counter,
           !c.threats.isEmpty {
            w.out.insert(PaneLine("! " + c.threats.map { "「\(Sanitizer.visible($0))」" }.joined() + " " + t(.likelyThreat), .danger), at: 1)
        }
        if let state = c.state, !state.openTasks.isEmpty {
            w.out.insert(PaneLine(t(.openTasks) + ": " + state.openTasks.map { $0.label(c.language) }.joined(separator: ", "), .warning), at: 1)
        }
        if let report = reportLine(d, c) { w.add(report) }
        decisionFacts(d, c, into: &w)
        if let facts { w.section(.facts); w.add(facts) }
        if !statements.isEmpty { w.section(.statements); statements.forEach { w.add($0) } }
        w.section(.timeline)
        timeline.forEach { w.add($0) }
        if !d.ledger.isEmpty {
            w.section(.ledger)
            for l in d.ledger { w.add("\(Clock.short(l.at))  \(l.caseID)  " + Sanitizer.visible("\(l.about) → \(l.answered)")) }
        }
        return w.out
    }

    /// Lines wrapped as they are added.
    struct Writer {
        let width: Int, language: Language
        var out: [PaneLine] = []

        mutating func add(_ text: String, _ role: StyleRole = .normal) {
            for l in DisplayWidth.wrap(text, width: max(1, width)) { out.append(PaneLine(l, role)) }
        }

        mutating func section(_ title: UIText) {
            out.append(PaneLine(""))
            out.append(PaneLine("-- " + title.text(language), .header))
        }
    }

    /// Where the case is, when it is due, who holds it and who else has it open; the counterparty's standing.
    static func header(_ d: CaseDetail, _ c: Context, into w: inout Writer) {
        let t = { (s: UIText) in s.text(c.language) }
        let r = d.summary, ja = c.language == .ja, late = r.isOverdue(on: c.today)
        w.add("\(r.id)  " + Sanitizer.visible([c.organization ?? r.organization.rawValue, r.branch, r.store].compactMap { $0 }.joined(separator: " / ")), .title)
        w.add("\(t(.state)) \(Words.state(r.status, c.language))   \(t(.lane)) \(Words.lane(r.lane, c.language))   \(r.channel.label(c.language)) (\(r.language == .ja ? (ja ? "日本語" : "Japanese") : (ja ? "英語" : "English")))",
              r.lane == .danger ? .danger : .normal)
        w.add("\(t(.reportDue)) \(r.reportDueOn)" + (late ? "  !\(t(.overdue))" : ""), late ? .warning : .normal)
        if let a = r.assignee { w.add("\(t(.assignee)) " + Sanitizer.visible(a)) }
        if let others = c.viewers, !others.isEmpty {
            w.add("@ " + t(.alsoOpen) + ": " + others.map(Sanitizer.visible).joined(separator: ", "), .warning)
        }
        if let h = r.hold { w.add("[\(t(.hold)): \(h.label(c.language))]", .warning) }
        for s in d.standings {
            let st = s.effective(on: c.today)
            guard st != .none, let until = s.until else { continue }
            w.add((ja ? "相手方 " : "counterparty ") + "\(s.subject): "
                  + (st == .banned ? (ja ? "利用禁止 \(until) まで" : "BANNED until \(until)") : (ja ? "警告済み \(until) まで" : "warned until \(until)")),
                  st == .banned ? .danger : .warning)
        }
    }

    /// The intake's lines go straight in; the statements, the timeline and the facts come back for their sections.
    static func events(_ d: CaseDetail, _ c: Context, into w: inout Writer) -> (statements: [String], timeline: [String], facts: String?) {
        let t = { (s: UIText) in s.text(c.language) }
        let ja = c.language == .ja
        var statements: [String] = [], timeline: [String] = [], facts: String?
        for e in d.events {
            timeline.append("\(Clock.short(e.recordedAt))  \(e.event.summary(c.language))  \(Sanitizer.visible(e.actor.user))")
            switch e.event {
            case .intakeRecorded(let p):
                let a = p.applicant
                var who = a.anonymous ? (ja ? "匿名" : "anonymous") : (a.name?.display(c.language) ?? "-")
                if let ph = a.phone { who += "  ☎ " + ph.display(c.language) }
                if let em = a.email { who += "  " + em.display(c.language) }
                w.add("\(t(.applicant)): " + Sanitizer.visible(who))
                for st in p.staff { w.add(t(.namedStaff) + ": " + Sanitizer.visible(st.name.display(c.language) + (st.characteristics.map { " (\($0.display(c.language)))" } ?? ""))) }
                w.section(.complaint)
                w.add(Sanitizer.visibleLines(p.complaint.display(c.language)), p.complaint.text == nil ? .muted : .normal)
                if let q = p.requests {
                    w.section(.requests)
                    w.add(Sanitizer.visibleLines(q.display(c.language)), q.text == nil ? .muted : .normal)
                }
                for (i, a) in (p.attachments ?? []).enumerated() {
                    w.add((ja ? "添付 " : "attachment ") + "\(i + 1): " + Sanitizer.visible(a.name?.display(c.language) ?? "-")
                          + "  \(Sanitizer.visible(a.mediaType)), \(a.bytes) " + (ja ? "バイト" : "bytes"), .muted)
                }
            case .factsRecorded(let f):
                facts = f.stated(c.language) ?? t(.nothing)
            case .statementRecorded(let p):
                statements.append("「" + Sanitizer.visible(p.text.display(c.language)) + "」 (\(p.speaker.label(c.language)))")
            case .noteAdded(let p):
                timeline[timeline.count - 1] += ": " + Sanitizer.visible(p.text.display(c.language))
            case .applicantAdded(let p):
                if let text = p.text { timeline[timeline.count - 1] += ": " + Sanitizer.visible(text.display(c.language)) }
                for a in p.attachments ?? [] {
                    timeline[timeline.count - 1] += (ja ? " [添付 " : " [file ") + Sanitizer.visible(a.name?.display(c.language) ?? "-") + "]"
                }
            default: break
            }
        }
        return (statements, timeline, facts)
    }

    /// Where the report to the organization stands: drafted, approved, sent, and the organization's decision.
    static func reportLine(_ d: CaseDetail, _ c: Context) -> String? {
        guard let state = c.state, state.draftVersion != nil || state.reported else { return nil }
        let ja = c.language == .ja
        var parts: [String] = []
        if state.reported { parts.append(ja ? "送付済み" : "sent") }
        else if state.approvedDraft == state.draftVersion { parts.append(ja ? "承認済み・未送付" : "approved, not sent") }
        else { parts.append(ja ? "下書き (未承認)" : "draft (not approved)") }
        let latest = d.events.reversed().lazy.compactMap { e -> OrganizationDecided? in
            if case .organizationDecided(let p) = e.event { p } else { nil }
        }.first
        if let decision = latest {
            parts.append((ja ? "組織の決定: " : "decision: ") + Sanitizer.visible(decision.decision.display(c.language))
                         + (decision.feedback ? (ja ? " (申出人へ連絡)" : " (applicant to be told)") : ""))
        }
        return UIText.reportStage.text(c.language) + ": " + parts.joined(separator: " — ")
    }
}
