import DeskDomain
import DeskApp
import Foundation

/// Draws the whole console for a model. Pure: the same model gives the same screen.
public func view(_ m: Model) -> Screen {
    var s = Screen(width: m.size.width, height: m.size.height)
    guard s.width > 0, s.height > 0 else { return s }
    IdentityLine.render(m, into: &s)
    if m.size.width < 80 || m.size.height < 24 {
        TooSmall.render(m, into: &s)
        return s
    }
    let body = Rect(x: 0, y: 1, width: s.width, height: s.height - 2)
    if m.size.width >= 120 && m.size.height >= 30 {
        let left = body.width * 11 / 20
        QueuePane.render(m, into: &s, area: Rect(x: 0, y: body.y, width: left, height: body.height))
        for y in body.y..<body.maxY { s.put("|", x: left, y: y, role: .muted) }
        let right = Rect(x: left + 1, y: body.y, width: body.width - left - 1, height: body.height)
        let top = right.height * 3 / 5
        DetailPane.render(m, into: &s, area: Rect(x: right.x, y: right.y, width: right.width, height: top))
        EscalationPane.render(m, into: &s, area: Rect(x: right.x, y: right.y + top, width: right.width, height: right.height - top))
    } else {
        var x = 0
        for p in Pane.allCases {
            let label = " \(p.rawValue + 1) \(PaneTitle.name(p, m)) "
            x += s.put(label, x: x, y: body.y, role: p == m.focus ? .focusedTitle : .muted) + 1
        }
        let area = Rect(x: 0, y: body.y + 1, width: body.width, height: body.height - 1)
        switch m.focus {
        case .queue: QueuePane.render(m, into: &s, area: area)
        case .detail: DetailPane.render(m, into: &s, area: area)
        case .escalation: EscalationPane.render(m, into: &s, area: area)
        }
    }
    StatusLine.render(m, into: &s)
    Overlay.render(m, into: &s)
    return s
}

enum PaneTitle {
    static func name(_ p: Pane, _ m: Model) -> String {
        switch p {
        case .queue: m.t(.queue)
        case .detail: m.t(.detail)
        case .escalation: m.t(.escalation)
        }
    }

    /// A title bar across the area; the focused pane is marked by more than colour.
    static func render(_ p: Pane, _ text: String, _ m: Model, into s: inout Screen, area: Rect) {
        let focused = m.focus == p
        let label = (focused ? "* " : "  ") + "\(p.rawValue + 1) " + text
        s.putPadded(label, x: area.x, y: area.y, width: area.width, role: focused ? .focusedTitle : .title)
    }
}

enum IdentityLine {
    static func render(_ m: Model, into s: inout Screen) {
        var parts = ["mado 窓口", Sanitizer.visible("\(m.me.displayName) (\(m.me.user), \(m.me.role.rawValue))"),
                     Sanitizer.visible(m.databaseName)]
        if m.readOnly { parts.append("[\(m.t(.readOnly))]") }
        parts.append(Clock.now(m.now))
        s.putPadded(" " + parts.joined(separator: " | "), x: 0, y: 0, width: s.width, role: .header)
    }
}

enum TooSmall {
    static func render(_ m: Model, into s: inout Screen) {
        let lines = ["端末が小さすぎます / Terminal too small",
                     "現在 \(m.size.width)×\(m.size.height) / now \(m.size.width)×\(m.size.height)",
                     "80×24 以上が必要です / needs at least 80×24"]
        let top = max(1, (s.height - lines.count) / 2)
        for (i, l) in lines.enumerated() {
            let w = DisplayWidth.of(l)
            s.put(l, x: max(0, (s.width - w) / 2), y: top + i, role: i == 0 ? .warning : .normal)
        }
    }
}

enum QueuePane {
    static func render(_ m: Model, into s: inout Screen, area: Rect) {
        var title: String
        if let h = m.head {
            title = "\(m.t(.queue)) \(h.total)\(m.language == .ja ? "件" : "")  \(m.t(.danger)) \(h.danger)  \(m.t(.overdue)) \(h.overdue)  (\(m.t(.loading)))"
        } else {
            let c = m.counts
            title = "\(m.t(.queue)) \(c.shown)/\(m.rows.count)\(m.language == .ja ? "件" : "")  \(m.t(.danger)) \(c.danger)  \(m.t(.overdue)) \(c.overdue)"
        }
        var filters: [String] = []
        if let l = m.filter.lane { filters.append(Words.lane(l, m.language)) }
        if let o = m.filter.organization { filters.append(Sanitizer.visible(o.rawValue)) }
        if let st = m.filter.state { filters.append(Words.state(st, m.language)) }
        if m.filter.overdueOnly { filters.append(m.t(.overdue)) }
        if m.filter.mineOnly { filters.append(m.t(.mine)) }
        if !m.filter.text.isEmpty { filters.append("/" + Sanitizer.visible(m.filter.text)) }
        if !filters.isEmpty { title += "  [\(filters.joined(separator: " "))]" }
        if m.newCount > 0 { title += "  +\(m.newCount) \(m.t(.newCases))" }
        if let due = m.retentionDue, !due.isEmpty { title += "  \(m.t(.retentionDue)) \(due.count) (R)" }
        PaneTitle.render(.queue, title, m, into: &s, area: area)
        guard area.height > 2 else { return }
        let wide = area.width >= 100
        let headers = ["ID", m.t(.lane), m.t(.state), m.t(.due), m.t(.age), m.t(.organization)]
        s.putPadded(line(["", headers[0], headers[1], headers[2], headers[3], headers[4], headers[5]], width: area.width, wide: wide),
                    x: area.x, y: area.y + 1, width: area.width, role: .header)
        let listTop = area.y + 2, listHeight = area.height - 2
        guard !m.visible.isEmpty else {
            s.put(m.loaded ? m.t(.noCases) : m.t(.loading), x: area.x + 2, y: listTop, role: .muted)
            return
        }
        let sel = m.selectedIndex ?? 0
        let start = (sel / max(1, listHeight)) * listHeight
        for (i, ri) in m.visible[start..<min(m.visible.count, start + listHeight)].enumerated() {
            let r = m.rows[ri]
            let y = listTop + i
            let isSel = start + i == sel
            let late = m.isOverdue(r)
            let due = String(r.reportDueOn.description.dropFirst(5)) + (late ? " !" + m.t(.late) : "")
            let place = [r.organization.rawValue, r.store].compactMap { $0 }.joined(separator: "/")
            // `@`: someone else has this case open now.
            let text = line([isSel ? ">" : (m.viewers[r.id] == nil ? "" : "@"), r.id.description, Words.lane(r.lane, m.language), Words.state(r.status, m.language),
                             due, Clock.age(r.openedAt, now: m.now, m.language),
                             Sanitizer.visible(place) + (wide ? "  " + Sanitizer.visible(r.summary) : "")],
                            width: area.width, wide: wide)
            s.putPadded(text, x: area.x, y: y, width: area.width, role: isSel ? .selected : .normal)
            if isSel {
                s.cursor = (area.x, y)
                continue
            }
            if r.lane == .danger {
                s.put(DisplayWidth.fit(Words.lane(r.lane, m.language), width: cols[2] - 1), x: area.x + offset(2), y: y, role: .danger)
            }
            if late { s.put(DisplayWidth.fit(due, width: cols[4] - 1), x: area.x + offset(4), y: y, role: .warning) }
        }
    }

    /// Column widths: marker, id, lane, state, due, age; the place and summary take the rest.
    static let cols = [2, 9, 10, 14, 13, 7]
    static func offset(_ column: Int) -> Int { cols.prefix(column).reduce(0, +) }

    static func line(_ f: [String], width: Int, wide: Bool) -> String {
        var out = ""
        // Every column keeps at least one blank before the next.
        for (i, w) in cols.enumerated() { out += DisplayWidth.fit(DisplayWidth.truncate(f[i], width: w - 1), width: w) }
        return DisplayWidth.truncate(out + f[6], width: width)
    }
}

enum DetailPane {
    static func lines(_ m: Model, width: Int) -> [(String, StyleRole)] {
        guard let d = m.detail else { return [(m.selectedID == nil ? m.t(.selectCase) : m.t(.loading), .muted)] }
        var out: [(String, StyleRole)] = []
        func add(_ text: String, _ role: StyleRole = .normal) {
            for l in DisplayWidth.wrap(text, width: max(1, width)) { out.append((l, role)) }
        }
        func section(_ title: UIText) { out.append(("", .normal)); out.append(("-- " + m.t(title), .header)) }
        func untrusted(_ text: String) -> String { Sanitizer.visibleLines(text) }
        let r = d.summary
        add("\(r.id)  " + Sanitizer.visible([r.organization.rawValue, r.branch, r.store].compactMap { $0 }.joined(separator: " / ")), .title)
        add("\(m.t(.state)) \(Words.state(r.status, m.language))   \(m.t(.lane)) \(Words.lane(r.lane, m.language))   \(r.channel.rawValue) (\(r.language.rawValue))",
            r.lane == .danger ? .danger : .normal)
        add("\(m.t(.reportDue)) \(r.reportDueOn)" + (m.isOverdue(r) ? "  !\(m.t(.overdue))" : ""), m.isOverdue(r) ? .warning : .normal)
        if let a = r.assignee { add("\(m.t(.assignee)) " + Sanitizer.visible(a)) }
        if let others = m.viewers[r.id], !others.isEmpty {
            add("@ " + m.t(.alsoOpen) + ": " + others.map(Sanitizer.visible).joined(separator: ", "), .warning)
        }
        if let h = r.hold { add("[\(m.t(.hold)): \(h.rawValue)]", .warning) }
        for c in d.standings {
            let st = c.effective(on: m.today)
            guard st != .none, let until = c.until else { continue }
            let ja = m.language == .ja
            add((ja ? "相手方 " : "counterparty ") + "\(c.subject): "
                + (st == .banned ? (ja ? "利用禁止 \(until) まで" : "BANNED until \(until)") : (ja ? "警告済み \(until) まで" : "warned until \(until)")),
                st == .banned ? .danger : .warning)
        }
        var statements: [String] = [], timeline: [String] = [], facts: String?
        for e in d.events {
            timeline.append("\(Clock.short(e.recordedAt))  \(e.event.type)  \(Sanitizer.visible(e.actor.user))")
            switch e.event {
            case .intakeRecorded(let p):
                let a = p.applicant
                var who = a.anonymous ? (m.language == .ja ? "匿名" : "anonymous") : (a.name?.display ?? "-")
                if let ph = a.phone { who += "  ☎ " + ph.display }
                if let em = a.email { who += "  " + em.display }
                add("\(m.t(.applicant)): " + Sanitizer.visible(who))
                for st in p.staff { add("staff: " + Sanitizer.visible(st.name.display + (st.characteristics.map { " (\($0.display))" } ?? ""))) }
                section(.complaint)
                add(untrusted(p.complaint.display), p.complaint.text == nil ? .muted : .normal)
                if let q = p.requests {
                    section(.requests)
                    add(untrusted(q.display), q.text == nil ? .muted : .normal)
                }
                for (i, a) in (p.attachments ?? []).enumerated() {
                    add((m.language == .ja ? "添付 " : "attachment ") + "\(i + 1): " + Sanitizer.visible(a.name?.display ?? "-")
                        + "  \(Sanitizer.visible(a.mediaType)), \(a.bytes) bytes", .muted)
                }
            case .factsRecorded(let f):
                let yes = FactName.allCases.filter { $0.value(in: f) > 0 }.map { n in
                    n == .minutesSpent || n == .earlierContacts ? "\(n.rawValue)=\(n.value(in: f))" : n.rawValue
                }
                facts = yes.isEmpty ? m.t(.nothing) : yes.joined(separator: ", ")
            case .statementRecorded(let p):
                statements.append("「" + Sanitizer.visible(p.text.display) + "」 (\(p.speaker.rawValue))")
            case .noteAdded(let p):
                timeline[timeline.count - 1] += ": " + Sanitizer.visible(p.text.display)
            default: break
            }
        }
        // Seed 003: a threatening or slanderous submission is not accepted; point it out, a person decides.
        // Only submissions not yet dealt with: a threat at the counter goes up the police ladder instead.
        if let state = m.detailState, [.intake, .handedOver, .underReview].contains(state.status), d.summary.channel != .counter {
            let words = m.detailThreats
            if !words.isEmpty {
                out.insert(("! " + words.map { "「\(Sanitizer.visible($0))」" }.joined() + " " + m.t(.likelyThreat), .danger), at: 1)
            }
        }
        if let state = m.detailState, !state.openTasks.isEmpty {
            out.insert((m.t(.openTasks) + ": " + state.openTasks.map { $0.label(m.language) }.joined(separator: ", "), .warning), at: 1)
        }
        if let report = reportLine(m, d) { add(report) }
        if let facts { section(.facts); add(facts) }
        if !statements.isEmpty { section(.statements); statements.forEach { add($0) } }
        section(.timeline)
        timeline.forEach { add($0) }
        if !d.ledger.isEmpty {
            section(.ledger)
            for l in d.ledger { add("\(Clock.short(l.at))  \(l.caseID)  " + Sanitizer.visible("\(l.about) → \(l.answered)")) }
        }
        return out
    }

    /// Where the report to the organization stands: drafted, approved, sent, and the organization's decision.
    static func reportLine(_ m: Model, _ d: CaseDetail) -> String? {
        guard let state = m.detailState, state.draftVersion != nil || state.reported else { return nil }
        let ja = m.language == .ja
        var parts: [String] = []
        if state.reported { parts.append(ja ? "送付済み" : "sent") }
        else if state.approvedDraft == state.draftVersion { parts.append(ja ? "承認済み・未送付" : "approved, not sent") }
        else { parts.append(ja ? "下書き (未承認)" : "draft (not approved)") }
        let latest = d.events.reversed().lazy.compactMap { e -> OrganizationDecided? in
            if case .organizationDecided(let p) = e.event { p } else { nil }
        }.first
        if let decision = latest {
            parts.append((ja ? "組織の決定: " : "decision: ") + Sanitizer.visible(decision.decision.display)
                         + (decision.feedback ? (ja ? " (申出人へ連絡)" : " (applicant to be told)") : ""))
        }
        return m.t(.reportStage) + ": " + parts.joined(separator: " — ")
    }

    /// The case pane's area in the current layout (the same arithmetic as `view`).
    static func area(_ m: Model) -> Rect {
        let body = Rect(x: 0, y: 1, width: m.size.width, height: m.size.height - 2)
        if m.size.width >= 120 && m.size.height >= 30 {
            let left = body.width * 11 / 20
            let width = body.width - left - 1
            return Rect(x: left + 1, y: body.y, width: width, height: body.height * 3 / 5)
        }
        return Rect(x: 0, y: body.y + 1, width: body.width, height: body.height - 1)
    }

    /// How far the case pane can scroll: its lines less what fits.
    static func maxScroll(_ m: Model) -> Int {
        let a = area(m)
        return max(0, lines(m, width: a.width - 2).count - (a.height - 1))
    }

    static func render(_ m: Model, into s: inout Screen, area: Rect) {
        PaneTitle.render(.detail, m.t(.detail) + (m.detail.map { " \($0.summary.id)" } ?? ""), m, into: &s, area: area)
        let all = lines(m, width: area.width - 2)
        let height = area.height - 1
        let top = max(0, min(m.detailScroll, all.count - height))
        for (i, l) in all.dropFirst(top).prefix(height).enumerated() {
            if top + i == m.detailMatch {
                s.putPadded(">" + l.0, x: area.x, y: area.y + 1 + i, width: area.width, role: .selected)
                continue
            }
            s.put(l.0, x: area.x + 1, y: area.y + 1 + i, maxWidth: area.width - 1, role: l.1)
        }
    }
}

enum EscalationPane {
    /// The escalation pane's area in the current layout (the same arithmetic as `view`).
    static func area(_ m: Model) -> Rect {
        let d = DetailPane.area(m)
        if m.size.width >= 120 && m.size.height >= 30 {
            let bodyHeight = m.size.height - 2
            return Rect(x: d.x, y: d.maxY, width: d.width, height: bodyHeight - d.height)
        }
        return d
    }

    static func maxScroll(_ m: Model) -> Int { max(0, lines(m).count - (area(m).height - 1)) }

    static func render(_ m: Model, into s: inout Screen, area: Rect) {
        PaneTitle.render(.escalation, m.t(.escalation), m, into: &s, area: area)
        let all = lines(m)
        let height = area.height - 1
        let top = max(0, min(m.escalationScroll, all.count - height))
        for (i, l) in all.dropFirst(top).prefix(height).enumerated() {
            s.put(DisplayWidth.truncate(l.0, width: area.width - 2), x: area.x + 1, y: area.y + 1 + i, role: l.1)
        }
    }

    static func lines(_ m: Model) -> [(String, StyleRole)] {
        var lines: [(String, StyleRole)] = []
        if let d = m.detail {
            var handover: HandedOver?
            var escalations: [String] = []
            for e in d.events {
                if case .handedOver(let h) = e.event { handover = h }
                if case .escalated(let x) = e.event {
                    escalations.append("\(Clock.short(e.recordedAt)) \(x.target.rawValue) (\(Sanitizer.visible(e.actor.user)))")
                }
            }
            let lane = Words.lane(d.summary.lane, m.language)
            lines.append(("\(m.t(.lanePolicy)): \(lane)" + (handover.map { "  rule \($0.rule) (\($0.policyVersion))  script \($0.scripts.joined(separator: ","))  leaflet \($0.leaflet)" } ?? ""),
                          d.summary.lane == .danger ? .danger : .normal))
            lines.append(("\(m.t(.hold)): \(d.summary.hold?.rawValue ?? m.t(.nothing))", d.summary.hold == nil ? .normal : .warning))
            lines.append(("\(m.t(.escalations)): \(escalations.isEmpty ? m.t(.nothing) : escalations.joined(separator: ", "))", .normal))
            lines.append(("", .normal))
            let ladder = m.detailState?.ladder ?? LadderProgress()
            lines.append((m.t(.ladder) + ":", .header))
            if m.isDanger && ladder.times(.call110) == 0 { lines.append(("  " + m.t(.ladderDanger), .danger)) }
            let next = ladder.next(danger: m.isDanger)
            for (i, step) in LadderStep.allCases.enumerated() {
                let n = ladder.times(step)
                let box = ladder.checkbox(step)
                let label = m.language == .ja ? step.label.ja : step.label.en
                lines.append(("  \(box) \(i + 1) \(label)" + (step == next ? "   <- \(m.t(.ladderNext)) (p)" : ""),
                              step == next ? (step == .call110 ? .danger : .warning) : (n > 0 ? .normal : .muted)))
            }
            lines.append(("", .normal))
            lines.append((m.t(.actions) + ":", .header))
            var actions: [(String, String?)] = []
            actions.append(("a  " + m.t(.addNote), m.refusal(CaseIntent.addNote)))
            actions.append(("t  " + m.t(.take), m.refusal(.assign(Actor(m.me.user)))))
            for a in MenuAction.allCases {
                actions.append(("s  " + (m.language == .ja ? a.label.ja : a.label.en), m.refusal(a)))
            }
            for (label, why) in actions {
                lines.append(why == nil ? ("  " + label, .normal) : ("  " + label + "  — \(m.t(.notAllowed)): " + why!, .muted))
            }
        } else {
            lines.append((m.t(.selectCase), .muted))
        }
        return lines
    }
}

enum StatusLine {
    static func render(_ m: Model, into s: inout Screen) {
        let y = s.height - 1
        if let msg = m.message {
            s.putPadded(" " + Sanitizer.visible(msg.text), x: 0, y: y, width: s.width, role: msg.isError ? .error : .ok)
            return
        }
        s.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .hint)
        var x = 1
        let shown = KeyMap.bindings.filter { $0.hintIn == nil || $0.hintIn!.contains(m.focus) }
        let help = shown.first { $0.action == .openHelp }!
        let reserve = DisplayWidth.of("\(help.keys[0]) \(m.t(help.help))") + 2
        for b in shown where b.action != .openHelp {
            let key = b.keys[0].description, label = m.t(b.help)
            let w = DisplayWidth.of(key) + 1 + DisplayWidth.of(label) + 2
            if x + w > s.width - reserve { break }
            x += s.put(key, x: x, y: y, role: .key) + 1
            x += s.put(label, x: x, y: y, role: .hint) + 2
        }
        let hx = s.width - reserve + 1
        s.put(help.keys[0].description, x: hx, y: y, role: .key)
        s.put(m.t(help.help), x: hx + DisplayWidth.of(help.keys[0].description) + 1, y: y, role: .hint)
    }
}

enum Overlay {
    /// The monthly view's lines below its title (the same as `view` draws), and how far they can scroll.
    static func monthlyLines(_ m: Model, width: Int) -> [String] {
        guard let t = m.monthly else { return [] }
        let name = m.monthlyOrganizations.first { $0.id.rawValue == t.organization }?.name ?? t.organization
        return MonthlyChart.lines(t, language: m.language, organizationName: name, barWidth: max(1, width - 40))
    }

    static func monthlyMaxScroll(_ m: Model) -> Int {
        let h = m.size.height - 4, w = min(96, m.size.width - 4)
        return max(0, monthlyLines(m, width: w).count - (h - 2))
    }

    /// Who is on shift: a supervisor sees everyone on the desk's line, the others their own shift.
    static func shiftBoard(_ s: inout Screen, _ m: Model, scroll: Int, note: TextField?) {
        let inner = box(&s, width: 100, height: s.height)
        s.put(m.t(.shiftTitle), x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, role: .title)
        var lines: [(String, StyleRole)] = []
        for r in (m.shiftBoard ?? []) where m.me.role == .supervisor || r.member.user == m.me.user {
            let state = r.onShift ? "\(m.t(.onShift)) \(r.startedAt.map(Clock.japan) ?? "")"
                : "\(m.t(.offShift)) " + (r.endedAt.map(Clock.japan) ?? m.t(.noShiftYet))
            lines.append((Sanitizer.visible(r.member.user) + " (\(r.member.role.rawValue))  " + state + "  \(m.t(.holds)) \(r.held.count)",
                          r.onShift ? .ok : .dialog))
            if !r.held.isEmpty { lines.append(("    " + r.held.map(\.description).joined(separator: " "), .muted)) }
        }
        if m.shiftBoard == nil { lines = [(m.t(.loading), .muted)] }
        let height = max(1, inner.height - 2), top = max(0, min(scroll, lines.count - height))
        for (i, l) in lines.dropFirst(top).prefix(height).enumerated() {
            s.put(l.0, x: inner.x + 1, y: inner.y + 1 + i, maxWidth: inner.width - 2, role: l.1)
        }
        s.put(m.t(.shiftHint), x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, role: .key)
        if let note { input(&s, label: m.t(.shiftNotePrompt) + ": ", note, hint: m.t(.enterText)) }
    }

    static func box(_ s: inout Screen, width: Int, height: Int) -> Rect {
        let w = min(width, s.width - 4), h = min(height, s.height - 4)
        let r = Rect(x: (s.width - w) / 2, y: (s.height - h) / 2, width: w, height: h)
        s.fill(r, role: .dialog)
        for x in r.x..<(r.x + r.width) {
            s.put("-", x: x, y: r.y, role: .dialog)
            s.put("-", x: x, y: r.maxY - 1, role: .dialog)
        }
        for y in r.y..<r.maxY {
            s.put("|", x: r.x, y: y, role: .dialog)
            s.put("|", x: r.x + r.width - 1, y: y, role: .dialog)
        }
        return r.inset(1)
    }

    static func render(_ m: Model, into s: inout Screen) {
        switch m.prompt {
        case nil: return
        case .help?:
            // The focused pane's keys first, then those that work everywhere; other panes' keys are in their help.
            // Bindings that share a help text (PgUp/PgDn, 1 2 3, n/N) are one row with all their keys.
            func merged(_ list: [KeyBinding]) -> [KeyBinding] {
                var out: [KeyBinding] = []
                for b in list {
                    if let last = out.last, last.help == b.help {
                        out[out.count - 1] = KeyBinding(keys: last.keys + b.keys, action: last.action, help: last.help,
                                                        hintIn: last.hintIn, scope: last.scope)
                    } else {
                        out.append(b)
                    }
                }
                return out
            }
            let here = merged(KeyMap.bindings.filter { $0.scope?.contains(m.focus) == true })
            let everywhere = merged(KeyMap.bindings.filter { $0.scope == nil })
            let entries: [KeyBinding?] = [nil] + here + [nil] + everywhere
            let inner = box(&s, width: 100, height: entries.count + 3)
            let paneName = [m.t(.queue), m.t(.detail), m.t(.escalation)][m.focus.rawValue]
            s.put("\(m.t(.helpTitle)): \(paneName) — " + m.t(.closeHelp), x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, role: .title)
            let rows = max(1, inner.height - 1)
            let columns = (entries.count + rows - 1) / rows
            let colWidth = max(10, (inner.width - 1) / columns)
            let keyWidth = min(24, colWidth / 3)
            var headers = [m.t(.thisPane), m.t(.everyPane)].makeIterator()
            for (i, entry) in entries.enumerated() {
                let x = inner.x + 1 + (i / rows) * colWidth, y = inner.y + 1 + i % rows
                guard let b = entry else {
                    s.put("-- " + (headers.next() ?? ""), x: x, y: y, maxWidth: colWidth - 1, role: .header)
                    continue
                }
                let keys = b.keys.map(\.description).joined(separator: " ")
                let why = m.keyRefusal(b.action)
                s.put(DisplayWidth.fit(keys, width: keyWidth), x: x, y: y, maxWidth: keyWidth, role: why == nil ? .key : .muted)
                s.put(DisplayWidth.truncate(m.t(b.help) + (why.map { " (\(m.t(.notAllowed)): \($0))" } ?? ""),
                                            width: colWidth - keyWidth - 2),
                      x: x + keyWidth + 1, y: y, role: why == nil ? .dialog : .muted)
            }
        case .quitConfirm?:
            let inner = box(&s, width: 50, height: 4)
            s.put(m.t(.quitConfirm), x: inner.x + 1, y: inner.y, role: .dialog)
            s.put(m.t(.yesNo), x: inner.x + 1, y: inner.y + 1, role: .key)
        case .search(let f)?:
            input(&s, label: "/", f)
        case .note(let f, let id)?:
            input(&s, label: "\(m.t(.note)) \(id): ", f, hint: m.t(.notePrompt))
        case .text(let f, let a, _)?:
            input(&s, label: (m.language == .ja ? a.label.ja : a.label.en) + " — " + m.t(a.needsText ?? .reason) + ": ", f,
                  hint: m.t(.enterText))
        case .menu(let sel, let id)?:
            let inner = box(&s, width: 90, height: MenuAction.allCases.count + 2)
            s.put("\(m.t(.changeState)) \(id) — \(m.t(.actionMenu))", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1, role: .title)
            // A page at a time when the screen is shorter than the menu.
            let rows = max(1, inner.height - 2), start = (sel / rows) * rows
            for (i, a) in MenuAction.allCases.enumerated().dropFirst(start).prefix(rows) {
                let why = m.refusal(a), y = inner.y + 1 + i - start
                let label = (i == sel ? "> " : "  ") + (m.language == .ja ? a.label.ja : a.label.en)
                    + (why.map { "  — \(m.t(.notAllowed)): \($0)" } ?? "")
                s.putPadded(label, x: inner.x + 1, y: y, width: inner.width - 2,
                            role: i == sel ? .selected : (why == nil ? .dialog : .muted))
                if i == sel { s.cursor = (inner.x + 1, y) }
            }
            // More actions above or below this page.
            if start > 0 { s.put("↑", x: inner.x + inner.width - 2, y: inner.y + 1, role: .key) }
            if start + rows < MenuAction.allCases.count { s.put("↓", x: inner.x + inner.width - 2, y: inner.maxY - 2, role: .key) }
        case .subjects(let sel, let id, let list)?:
            let inner = box(&s, width: 90, height: list.count + 5)
            s.put("\(m.t(.eraseTitle)) \(id)", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, role: .title)
            let rows = max(1, inner.height - 2), start = (sel / rows) * rows
            for (i, r) in list.enumerated().dropFirst(start).prefix(rows).map({ ($0.offset - start, $0.element) }) {
                let name = r.name.map { "  " + Sanitizer.visible($0.display) } ?? ""
                let label = (start + i == sel ? "> " : "  ") + "\(r.id)  \(r.kind.rawValue)\(name)  "
                    + r.cases.map(\.description).joined(separator: " ") + (r.erasedAt == nil ? "" : "  [\(m.t(.alreadyErased))]")
                s.putPadded(label, x: inner.x + 1, y: inner.y + 1 + i, width: inner.width - 2,
                            role: start + i == sel ? .selected : (r.erasedAt == nil ? .dialog : .muted))
                if start + i == sel { s.cursor = (inner.x + 1, inner.y + 1 + i) }
            }
            s.put(m.t(.subjectsHint), x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, role: .key)
        case .assessForm(let f, let id)?:
            let inner = box(&s, width: 90, height: AssessForm.rows.count + 3)
            let ja = m.language == .ja
            s.put("\(id): " + (ja ? MenuAction.assess.label.ja : MenuAction.assess.label.en), x: inner.x + 1, y: inner.y,
                  maxWidth: inner.width - 2, role: .title)
            for (i, row) in AssessForm.rows.enumerated() where inner.y + 1 + i < inner.maxY {
                let y = inner.y + 1 + i, focused = i == f.focus
                let text: String
                switch row {
                case .validity: text = (ja ? "要求の妥当性: " : "demand: ") + "◀ \(f.validity.rawValue) ▶"
                case .means: text = (ja ? "手段: " : "means: ") + "◀ \(f.means.rawValue) ▶"
                case .behaviour(let b): text = (f.behaviours.contains(b) ? "[x] " : "[ ] ") + b.rawValue
                case .reason: text = m.t(.reason) + ": "
                case .submit: text = "[ " + (ja ? "記録する" : "Record") + " ]"
                }
                s.putPadded((focused ? "> " : "  ") + text, x: inner.x + 1, y: y, width: inner.width - 2, role: focused ? .selected : .dialog)
                if row == .reason {
                    let x = inner.x + 3 + DisplayWidth.of(text)
                    s.put(f.reason.text, x: x, y: y, maxWidth: (inner.x + inner.width) - x - 1, role: .input)
                    if focused { s.cursor = (min((inner.x + inner.width) - 2, x + DisplayWidth.of(String(f.reason.text.prefix(f.reason.caret)))), y) }
                } else if focused {
                    s.cursor = (inner.x + 1, y)
                }
            }
        case .counterForm(let f)?:
            CounterFormView.render(m, f, into: &s)
        case .discardForm(let f)?:
            CounterFormView.render(m, f, into: &s)
            let inner = box(&s, width: 50, height: 3)
            s.put(m.t(.discardForm), x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, role: .warning)
            s.cursor = (inner.x + 1, inner.y)
        case .decision(let d)?:
            DecisionView.render(m, d, into: &s)
        case .fixedScripts(let policy, _)?:
            let inner = box(&s, width: 110, height: s.height)
            s.put(m.t(.fixedScriptsTitle) + " — Esc", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, role: .title)
            var y = inner.y + 1
            for id in PolicyTable.fixedScripts {
                guard let sc = policy.script(id), y < inner.maxY else { continue }
                s.put(id, x: inner.x + 1, y: y, maxWidth: inner.width - 2, role: .header)
                y += 1
                for l in [sc.ja, sc.en] {
                    for w in DisplayWidth.wrap(l, width: inner.width - 4) where y < inner.maxY {
                        s.put(w, x: inner.x + 3, y: y, maxWidth: inner.width - 4, role: .dialog)
                        y += 1
                    }
                }
            }
        case .assign(let sel, let id, let staff)?:
            let inner = box(&s, width: 70, height: staff.count + 4)
            s.put("\(m.t(.assignTo)) \(id)", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, role: .title)
            let rows = max(1, inner.height - 2), start = (sel / rows) * rows
            for (i, st) in staff.dropFirst(start).prefix(rows).enumerated() {
                let isSel = start + i == sel
                let mark = st.user == m.detail?.summary.assignee ? "  *" : ""
                s.putPadded((isSel ? "> " : "  ") + Sanitizer.visible("\(st.displayName) (\(st.user), \(st.role.rawValue))") + mark,
                            x: inner.x + 1, y: inner.y + 1 + i, width: inner.width - 2, role: isSel ? .selected : .dialog)
                if isSel { s.cursor = (inner.x + 1, inner.y + 1 + i) }
            }
            s.put(m.t(.subjectsHint), x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, role: .key)
        case .handovers(let list, let scroll)?:
            let inner = box(&s, width: 100, height: s.height)
            s.put(m.t(.handoverTitle) + " (\(list.count))", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, role: .title)
            let lines = list.flatMap { HandoverText.lines($0, language: m.language) + [""] }
            let rows = max(1, inner.height - 2), top = max(0, min(scroll, lines.count - rows))
            for (i, l) in lines.dropFirst(top).prefix(rows).enumerated() {
                s.put(l, x: inner.x + 1, y: inner.y + 1 + i, maxWidth: inner.width - 2, role: .dialog)
            }
            s.put(m.t(.handoverHint), x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, role: .key)
        case .consultations(let sel)?:
            let inner = box(&s, width: 100, height: s.height)
            let rows = m.consultationRows ?? []
            s.put(m.t(.consultationsTitle) + " (\(rows.count))", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, role: .title)
            if m.consultationRows == nil { s.put(m.t(.loading), x: inner.x + 1, y: inner.y + 1, role: .muted) }
            else if rows.isEmpty { s.put(m.t(.noConsultations), x: inner.x + 1, y: inner.y + 1, role: .dialog) }
            let height = max(1, inner.height - 2), start = (sel / height) * height
            let today = m.today
            for (i, r) in rows.enumerated().dropFirst(start).prefix(height) {
                let isSel = i == sel, y = inner.y + 1 + i - start
                let due = r.careDue.map { "\($0.kind.rawValue) \($0.due)\($0.due < today ? " !" + m.t(.late) : "")" }.joined(separator: ", ")
                let flags = m.me.role != .counsellor ? "" :
                    [r.mentalHealth ? "mental-health" : nil, r.secondary.map { "secondary:\($0)" }].compactMap { $0 }.joined(separator: " ")
                let label = (isSel ? "> " : "  ") + "\(r.id)  \(r.state)  " + Sanitizer.visible(r.organization) + "  \(flags)  " + (due.isEmpty ? "-" : due)
                s.putPadded(label, x: inner.x + 1, y: y, width: inner.width - 2,
                            role: isSel ? .selected : (r.careDue.contains { $0.due < today } ? .warning : .dialog))
                if isSel { s.cursor = (inner.x + 1, y) }
            }
            s.put(m.t(.consultationsHint), x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, role: .key)
        case .consultation(let id, let events, let scroll)?:
            let inner = box(&s, width: 100, height: s.height)
            s.put("\(m.t(.consultationsTitle)) \(id)", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, role: .title)
            var lines: [String] = []
            for e in events {
                lines.append(Clock.short(e.recordedAt) + "  " + e.event.type + "  " + Sanitizer.visible(e.actor.user))
                for l in ConsultationText.lines(e.event) {
                    lines += DisplayWidth.wrap("    " + l, width: max(1, inner.width - 2))
                }
            }
            let height = max(1, inner.height - 2), top = max(0, min(scroll, lines.count - height))
            for (i, l) in lines.dropFirst(top).prefix(height).enumerated() {
                s.put(l, x: inner.x + 1, y: inner.y + 1 + i, maxWidth: inner.width - 2, role: .dialog)
            }
            s.put(m.t(.consultationHint), x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, role: .key)
        case .shiftBoard(let scroll)?:
            shiftBoard(&s, m, scroll: scroll, note: nil)
        case .shiftNote(let f)?:
            shiftBoard(&s, m, scroll: 0, note: f)
        case .monthly(_, let month, let scroll)?:
            let inner = box(&s, width: 96, height: s.height)
            let name = m.monthlyOrganizations.first { $0.id.rawValue == m.monthly?.organization }?.name ?? m.monthly?.organization ?? ""
            s.put("\(m.t(.monthlyTitle)) — " + Sanitizer.visible(name) + " — \(month)", x: inner.x + 1, y: inner.y,
                  maxWidth: inner.width - 2, role: .title)
            if let t = m.monthly, t.month == month {
                // The chart's heading (organization, month, as of) is the first line; the title already names the first two.
                let all = monthlyLines(m, width: inner.width)
                let lines = [all.first ?? ""] + all.dropFirst(1)
                let rows = max(1, inner.height - 2), top = max(0, min(scroll, lines.count - rows))
                for (i, l) in lines.dropFirst(top).prefix(rows).enumerated() {
                    s.put(l, x: inner.x + 1, y: inner.y + 1 + i, maxWidth: inner.width - 2, role: .dialog)
                }
            } else {
                s.put(m.t(.loading), x: inner.x + 1, y: inner.y + 1, role: .muted)
            }
            s.put(m.t(.monthlyHint), x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, role: .key)
        case .retention(let sel)?:
            let due = m.retentionDue ?? []
            let inner = box(&s, width: 90, height: max(1, due.count) + 5)
            s.put("\(m.t(.retentionDue)) (\(due.count))", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, role: .title)
            if m.retentionDue == nil {
                s.put(m.t(.loading), x: inner.x + 1, y: inner.y + 1, role: .muted)
            } else if due.isEmpty {
                s.put(m.t(.retentionNone), x: inner.x + 1, y: inner.y + 1, maxWidth: inner.width - 2, role: .dialog)
            }
            let rows = max(1, inner.height - 2)
            let start = (sel / rows) * rows
            for (i, d) in due.dropFirst(start).prefix(rows).enumerated() {
                let isSel = start + i == sel
                let wait = d.dueOn >= m.today.description ? "  (\(m.t(.notYetDueShort)))" : ""
                let label = (isSel ? "> " : "  ") + "\(d.subject)  \(d.kind.rawValue)  \(m.t(.due)) \(d.dueOn)  "
                    + d.cases.map(\.description).joined(separator: " ") + wait
                s.putPadded(label, x: inner.x + 1, y: inner.y + 1 + i, width: inner.width - 2, role: isSel ? .selected : .dialog)
                if isSel { s.cursor = (inner.x + 1, inner.y + 1 + i) }
            }
            let hint = m.t(.retentionHint) + (m.erasureRefusal.map { "  (\(m.t(.notAllowed)): \($0))" } ?? "")
            s.put(hint, x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, role: .key)
        case .eraseReason(let f, let row, let impact)?:
            let inner = box(&s, width: 90, height: impact.count + 6)
            erasureHeader(&s, m, inner, row, impact)
            input(&s, label: "\(m.t(.eraseTitle)) — \(m.t(.reason)): ", f, hint: m.t(.enterText))
        case .confirmErase(let row, let reason, let impact, let focused)?:
            let inner = box(&s, width: 90, height: impact.count + 8)
            let y = erasureHeader(&s, m, inner, row, impact)
            s.put("subjectErased \(row.id) — \(m.t(.reason)): " + Sanitizer.visible(reason), x: inner.x + 1, y: y,
                  maxWidth: inner.width - 2, role: .dialog)
            let cancel = (focused ? "  " : "> ") + "[ \(m.t(.cancel)) ]", erase = (focused ? "> " : "  ") + "[ \(m.t(.eraseButton)) ]"
            let by = inner.maxY - 1
            let cw = s.put(cancel, x: inner.x + 1, y: by, role: focused ? .dialog : .selected)
            s.put(erase, x: inner.x + 3 + cw, y: by, role: focused ? .danger : .dialog)
            s.cursor = (focused ? inner.x + 3 + cw : inner.x + 1, by)
        case .confirmLadder(let step, let id)?:
            let inner = box(&s, width: 70, height: 6)
            s.put("\(id): " + m.t(.ladder), x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, role: .title)
            s.put((m.language == .ja ? step.label.ja : step.label.en) + "  (ladderStepTaken \(step.rawValue))",
                  x: inner.x + 1, y: inner.y + 1, maxWidth: inner.width - 2, role: step == .call110 ? .danger : .dialog)
            s.put(m.t(.confirmAction), x: inner.x + 1, y: inner.y + 2, maxWidth: inner.width - 2, role: .dialog)
            s.put(m.t(.yesNo), x: inner.x + 1, y: inner.y + 3, role: .key)
        case .confirm(let a, let text, let id)?:
            let inner = box(&s, width: 70, height: 6)
            s.put("\(id): " + (m.language == .ja ? a.label.ja : a.label.en), x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, role: .title)
            if !text.isEmpty { s.put(Sanitizer.visible(text), x: inner.x + 1, y: inner.y + 1, maxWidth: inner.width - 2, role: .dialog) }
            s.put(m.t(.confirmAction), x: inner.x + 1, y: inner.y + 2, maxWidth: inner.width - 2, role: .dialog)
            s.put(m.t(.yesNo), x: inner.x + 1, y: inner.y + 3, role: .key)
        }
    }

    /// The subject, the warning and what becomes unreadable; returns the next free row.
    @discardableResult
    static func erasureHeader(_ s: inout Screen, _ m: Model, _ inner: Rect, _ row: SubjectRow, _ impact: [ErasureImpact]) -> Int {
        let name = row.name.map { "  " + Sanitizer.visible($0.display) } ?? ""
        s.put("\(m.t(.eraseTitle)): \(row.id) (\(row.kind.rawValue))\(name)", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, role: .title)
        s.put(m.t(.eraseWarning), x: inner.x + 1, y: inner.y + 1, maxWidth: inner.width - 2, role: .warning)
        var y = inner.y + 2
        for i in impact where y < inner.maxY - 2 {
            s.put("  \(i.record): \(i.fields.count)  " + i.fields.joined(separator: ", "), x: inner.x + 1, y: y,
                  maxWidth: inner.width - 2, role: .dialog)
            y += 1
        }
        return y
    }

    /// A one-line input above the status line, with the real cursor at the caret.
    static func input(_ s: inout Screen, label: String, _ f: TextField, hint: String? = nil) {
        let y = s.height - 2
        s.fill(Rect(x: 0, y: y, width: s.width, height: 1), role: .input)
        let lw = s.put(label, x: 0, y: y, role: .title)
        let room = s.width - lw - 1
        let before = String(f.text.prefix(f.caret))
        // Keep the caret in view: show the tail of long text.
        var shown = f.text, offset = 0
        while DisplayWidth.of(String(shown.prefix(f.caret - offset))) > room - 1 { shown.removeFirst(); offset += 1 }
        s.put(shown, x: lw, y: y, maxWidth: room, role: .input)
        s.cursor = (lw + min(room, DisplayWidth.of(String(before.dropFirst(offset)))), y)
        if let hint { s.putPadded(" " + hint, x: 0, y: s.height - 1, width: s.width, role: .hint) }
    }
}
