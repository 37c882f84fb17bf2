import DeskDomain
import DeskApp
import Foundation

/// Draws the whole console for a model. Pure: the same model gives the same screen.
public func view(_ m: Model) -> Screen {
    var s = Screen(width: m.size.width, height: m.size.height)
    guard s.width > 0, s.height > 0 else { return s }
    IdentityLine.render(m, into: &s)
    let layout = Layout(m.size)
    guard layout.fits else {
        TooSmall.render(m, into: &s)
        return s
    }
    let body = layout.body
    if layout.isWide {
        QueuePane.render(m, into: &s, area: layout.queue)
        for y in body.y..<body.maxY { s.put("|", x: layout.divider, y: y, role: .muted) }
        DetailPane.render(m, into: &s, area: layout.detail)
        EscalationPane.render(m, into: &s, area: layout.escalation)
    } else {
        var x = 0
        for p in Pane.allCases {
            let label = " \(p.rawValue + 1) \(PaneTitle.name(p, m)) "
            x += s.put(label, x: x, y: body.y, role: p == m.focus ? .focusedTitle : .muted) + 1
        }
        switch m.focus {
        case .queue: QueuePane.render(m, into: &s, area: layout.single)
        case .detail: DetailPane.render(m, into: &s, area: layout.single)
        case .escalation: EscalationPane.render(m, into: &s, area: layout.single)
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
    static func render(_ m: Model, into s: inout Screen, area: Rect) {
        PaneTitle.render(.detail, m.t(.detail) + (m.detail.map { " \($0.summary.id)" } ?? ""), m, into: &s, area: area)
        let all = m.caseLines
        let height = area.height - 1
        let top = max(0, min(m.detailScroll, all.count - height))
        for (i, l) in all.dropFirst(top).prefix(height).enumerated() {
            if top + i == m.detailMatch {
                s.putPadded(">" + l.text, x: area.x, y: area.y + 1 + i, width: area.width, role: .selected)
                continue
            }
            s.put(l.text, x: area.x + 1, y: area.y + 1 + i, maxWidth: area.width - 1, role: l.role)
        }
    }
}

enum EscalationPane {
    static func render(_ m: Model, into s: inout Screen, area: Rect) {
        PaneTitle.render(.escalation, m.t(.escalation), m, into: &s, area: area)
        let all = m.escalationLines
        let height = area.height - 1
        let top = max(0, min(m.escalationScroll, all.count - height))
        for (i, l) in all.dropFirst(top).prefix(height).enumerated() {
            s.put(DisplayWidth.truncate(l.text, width: area.width - 2), x: area.x + 1, y: area.y + 1 + i, role: l.role)
        }
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
        let r = Layout(Size(width: s.width, height: s.height)).dialog(width: width, height: height)
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
            let inner = box(&s, width: 96, height: s.height)       // Layout.monthly, which the model scrolls by
            let name = m.monthlyOrganizations.first { $0.id.rawValue == m.monthly?.organization }?.name ?? m.monthly?.organization ?? ""
            s.put("\(m.t(.monthlyTitle)) — " + Sanitizer.visible(name) + " — \(month)", x: inner.x + 1, y: inner.y,
                  maxWidth: inner.width - 2, role: .title)
            if m.monthly?.month == month {
                let lines = m.monthlyLines
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
