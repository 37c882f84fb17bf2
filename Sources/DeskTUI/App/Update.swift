import DeskDomain
import DeskApp
import Foundation

/// The console's whole behaviour: pure, no clock, no store. Returns the work for the runtime.
public func update(_ m: inout Model, _ msg: Msg) -> [Command] {
    switch msg {
    case .resized(let s):
        m.size = s
        clampScrolls(&m)
        return []
    case .tick(let d):
        let day = m.today
        m.now = d
        // Past midnight, cases may have become overdue and the filtered rows changed.
        return m.today == day ? [] : reselect(&m)
    case .queueHeadLoaded(let h):
        guard !m.loaded else { return [] }
        m.head = h
        m.rows = h.rows
        return []
    case .queueChanged(let changed, let through):
        guard m.loaded, let seen = m.seenPosition, through > seen else { return [] }
        let fresh = m.merge(changed)
        m.newCount += fresh
        m.seenPosition = through
        let research: [Command] = m.filter.text.isEmpty ? [] : [.search(m.filter.text)]
        guard let sel = m.selectedRow else { m.detail = nil; return research }
        if m.detail?.summary != sel { return [.loadDetail(sel.id)] + research }
        return research
    case .queueLoaded(let rows, let through):
        m.head = nil
        m.seenPosition = through
        if m.loaded {
            let old = Set(m.rows.map(\.id))
            m.newCount += rows.filter { !old.contains($0.id) }.count
        }
        m.rows = rows
        m.loaded = true
        let research: [Command] = m.filter.text.isEmpty ? [] : [.search(m.filter.text)]
        guard let sel = m.selectedRow else {
            m.detail = nil
            return research
        }
        if m.detail?.summary != sel { return [.loadDetail(sel.id)] + research }
        return research
    case .detailLoaded(let d):
        if d.summary.id == m.selectedID {
            if m.detail?.summary.id != d.summary.id { m.detailScroll = 0; m.escalationScroll = 0; m.detailMatch = nil }
            m.detail = d
            clampScrolls(&m)
        }
        return []
    case .logAdvanced:
        // Another console may also have opened or left a case.
        return [refresh(m)] + (m.roleRefusal(.seePresence) == nil ? [.loadViewers] : [])
    case .viewersLoaded(let list):
        m.viewers = Dictionary(grouping: list, by: \.caseID).mapValues { $0.map(\.user) }
        return []
    case .subjectsLoaded(let id, let list):
        guard id == m.selectedID, m.prompt == nil else { return [] }
        if list.isEmpty { m.message = StatusMessage(text: m.t(.noSubjects), isError: false); return [] }
        m.prompt = .subjects(selected: list.firstIndex { $0.erasedAt == nil } ?? 0, id, list)
        return []
    case .erasureImpactLoaded(let subject, let impact):
        let row: SubjectRow?
        switch m.prompt {
        case .subjects(let sel, _, let list)?: row = list[sel].id == subject ? list[sel] : nil
        case .retention(let sel)?:
            row = m.retentionDue.flatMap { d in
                sel < d.count && d[sel].subject == subject
                    ? SubjectRow(id: subject, kind: d[sel].kind, cases: d[sel].cases, erasedAt: nil, name: nil) : nil
            }
        default: row = nil
        }
        guard let row else { return [] }       // the dialog was closed meanwhile
        m.prompt = .eraseReason(TextField(limit: ClearReason.limit), row, impact)
        return []
    case .erased(let subject, let outcome):
        m.message = StatusMessage(text: "\(subject): " + m.t(outcome == .complete ? .erased : .walRetained), isError: false)
        m.retentionDue?.removeAll { $0.subject == subject }
        return [refresh(m)] + (m.selectedID.map { [.loadDetail($0)] } ?? [])
    case .eraseFailed(_, let reason):
        m.message = StatusMessage(text: "\(m.t(.refused)): \(reason)", isError: true)
        return []
    case .organizationsLoaded(let orgs):
        guard m.prompt == nil else { return [] }
        if orgs.isEmpty { m.message = StatusMessage(text: m.t(.noOrganizations), isError: true); return [] }
        var f = CounterForm(organizations: orgs, openedAt: m.now)
        // Start on the selected case's organization: the counter usually belongs to one.
        if let o = m.selectedRow?.organization, let i = orgs.firstIndex(where: { $0.id == o }) { f.org = i }
        m.prompt = .counterForm(f)
        return []
    case .handedOver(let id, let decision, let org, let policy):
        m.prompt = .decision(HandoverDecision(caseID: id, decision: decision, organization: org, policy: policy,
                                              scriptLanguage: m.language))
        m.message = StatusMessage(text: "\(m.t(.saved)): \(id)", isError: false)
        return [refresh(m)]
    case .handOverFailed(let why):
        m.message = StatusMessage(text: "\(m.t(.refused)): \(why)", isError: true)
        return []
    case .leafletWritten(let path):
        m.message = StatusMessage(text: "\(m.t(.leafletWritten)) " + Sanitizer.visible(path), isError: false)
        return []
    case .staffLoaded(let id, let staff):
        guard id == m.selectedID, m.prompt == nil else { return [] }
        let holders = staff.filter { $0.active && $0.role.includes(.operator) }
        if holders.isEmpty { m.message = StatusMessage(text: m.t(.noStaff), isError: true); return [] }
        let current = m.detail?.summary.assignee
        m.prompt = .assign(selected: holders.firstIndex { $0.user == current } ?? 0, id, holders)
        return []
    case .monthlyLoaded(let totals, let orgs):
        m.monthly = totals
        m.monthlyOrganizations = orgs
        if case .monthly(_, let month, let scroll)? = m.prompt {
            m.prompt = .monthly(organization: OrganizationID(totals.organization), month, scroll: scroll)
        }
        return []
    case .consultationsLoaded(let rows):
        m.consultationRows = rows
        return []
    case .consultationLoaded(let id, let events):
        if case .consultations? = m.prompt { m.prompt = .consultation(id, events, scroll: 0) }
        return []
    case .shiftLoaded(let board, let unseen, let login):
        m.shiftBoard = board
        if login, !unseen.isEmpty, m.prompt == nil { m.prompt = .handovers(unseen, scroll: 0) }
        return []
    case .shiftChanged(let started, let unseen):
        m.message = StatusMessage(text: m.t(started ? .shiftStarted : .shiftEnded), isError: false)
        // Started from the board: show the handovers now (from the login overlay they were read already).
        if started && !unseen.isEmpty, case .shiftBoard? = m.prompt { m.prompt = .handovers(unseen, scroll: 0) }
        return [.loadShift(login: false)]
    case .retentionLoaded(let due):
        m.retentionDue = due
        return []
    case .loadFailed(let why):
        m.message = StatusMessage(text: why, isError: true)
        if case .retention? = m.prompt, m.retentionDue == nil { m.prompt = nil }
        if case .monthly? = m.prompt, m.monthly == nil { m.prompt = nil }
        return []
    case .searchLoaded(let text, let ids):
        guard text == m.filter.text else { return [] }      // an answer to an older query
        m.filter.hits = ids
        return reselect(&m)
    case .appended(let id, let types):
        m.message = StatusMessage(text: m.t(.saved) + ": \(id)", isError: false)
        // A progress enquiry is answered with the fixed script: show it to read out.
        if types.contains("enquiryLogged"), let script = (m.detail?.policy ?? .standard).script(Scripts.noProgressAnswers) {
            m.message = StatusMessage(text: m.t(.saved) + ": \(id) — " + script.text(m.language), isError: false)
        }
        return [refresh(m), .loadDetail(id)]
    case .appendFailed(let id, let reason):
        m.message = StatusMessage(text: "\(m.t(.refused)): \(reason)", isError: true)
        return [.loadDetail(id)]
    case .appendConflicted(let id):
        m.message = StatusMessage(text: m.t(.conflict), isError: true)
        return [.loadQueue, .loadDetail(id)]
    case .pasted(let text):
        switch m.prompt {
        case .search(var f)?:
            f.insert(text)
            m.prompt = .search(f)
            m.filter.text = f.text
            m.filter.hits = nil
            return reselect(&m) + [.search(f.text)]
        case .note(var f, let id)?: f.insert(text); m.prompt = .note(f, id)
        case .text(var f, let a, let id)?: f.insert(text); m.prompt = .text(f, a, id)
        case .eraseReason(var f, let row, let impact)?: f.insert(text); m.prompt = .eraseReason(f, row, impact)
        case .assessForm(var f, let id)?: if AssessForm.rows[f.focus] == .reason { f.reason.insert(text) }; m.prompt = .assessForm(f, id)
        case .counterForm(var f)?:
            switch f.field {
            case .complaint: f.complaint.insert(text)
            case .words: f.words.insert(text)
            case .demand: f.demand.insert(text)
            case .staff: f.staff.insert(text)
            default: break
            }
            m.prompt = .counterForm(f)
        default: break
        }
        return []
    case .keyPressed(let key):
        if m.prompt != nil { return updatePrompt(&m, key) }
        m.message = nil
        guard let action = KeyMap.action(for: key) else { return [] }
        return perform(&m, action)
    }
}

private func moveSelection(_ m: inout Model, by delta: Int?, to absolute: Int? = nil) -> [Command] {
    guard !m.visible.isEmpty else { return [] }
    let current = m.selectedIndex ?? 0
    let target = max(0, min(m.visible.count - 1, absolute ?? (current + (delta ?? 0))))
    let id = m.rows[m.visible[target]].id
    guard id != m.selectedID || m.detail?.summary.id != id else { return [] }
    m.select(at: target)
    m.detail = m.detail?.summary.id == id ? m.detail : nil
    m.detailScroll = 0
    m.detailMatch = nil
    m.escalationScroll = 0
    return [.loadDetail(id)]
}

private func perform(_ m: inout Model, _ action: KeyAction) -> [Command] {
    let page = max(1, m.size.height - 6)
    let inQueue = m.focus == .queue
    switch action {
    case .moveUp: if inQueue { return moveSelection(&m, by: -1) }; scroll(&m, by: -1)
    case .moveDown: if inQueue { return moveSelection(&m, by: 1) }; scroll(&m, by: 1)
    case .pageUp: if inQueue { return moveSelection(&m, by: -page) }; scroll(&m, by: -page)
    case .pageDown: if inQueue { return moveSelection(&m, by: page) }; scroll(&m, by: page)
    case .top: if inQueue { return moveSelection(&m, by: nil, to: 0) }; scroll(&m, by: Int.min / 2)
    case .bottom: if inQueue { return moveSelection(&m, by: nil, to: Int.max) }; scroll(&m, by: Int.max / 2)
    case .nextHit: if m.focus == .detail { findInDetail(&m, forward: true) } else { return moveSelection(&m, by: 1) }
    case .previousHit: if m.focus == .detail { findInDetail(&m, forward: false) } else { return moveSelection(&m, by: -1) }
    case .nextPane: m.focus = Pane(rawValue: (m.focus.rawValue + 1) % 3)!
    case .previousPane: m.focus = Pane(rawValue: (m.focus.rawValue + 2) % 3)!
    case .focusQueue: m.focus = .queue
    case .focusDetail: m.focus = .detail
    case .focusEscalation: m.focus = .escalation
    case .open: if inQueue, m.selectedID != nil { m.focus = .detail }
    case .back: m.focus = .queue
    case .search: m.prompt = .search(TextField(text: m.filter.text, limit: 200))
    case .cycleLane:
        let order: [Lane?] = [nil, .danger, .handover, .complaint]
        m.filter.lane = order[((order.firstIndex(of: m.filter.lane) ?? 0) + 1) % order.count]
        return reselect(&m)
    case .cycleOrganization:
        m.filter.organization = cycle(m.filter.organization, through: Set(m.rows.map(\.organization)).sorted())
        return reselect(&m)
    case .cycleState:
        let order = CaseStatus.allCases.filter { s in m.rows.contains { $0.status == s } }
        m.filter.state = cycle(m.filter.state, through: order)
        return reselect(&m)
    case .toggleOverdue: m.filter.overdueOnly.toggle(); return reselect(&m)
    case .toggleMine: m.filter.mineOnly.toggle(); return reselect(&m)
    case .clearFilter: m.filter = QueueFilter(); m.newCount = 0; return reselect(&m)
    case .openHelp: m.prompt = .help
    case .redraw: return [.redraw]
    case .suspend: return [.suspend]
    case .handOver:
        if let why = m.keyRefusal(.handOver) { return refuse(&m, why) }
        return [.loadOrganizations]
    case .fixedScripts:
        // The selected case's organization's wording, when it adopted its own policy.
        m.prompt = .fixedScripts(m.detail?.policy ?? .standard, returnTo: nil)
    case .assign:
        guard let id = m.selectedID, m.detail != nil else { return refuse(&m, m.t(.selectCase)) }
        // Refused up front if even a supervisor's assignment would be (closed case, read-only, role).
        if let why = m.refusal(.assign(.someoneElse)) { return refuse(&m, why) }
        return [.loadStaff(id)]
    case .eraseSubject:
        guard let id = m.selectedID, m.detail != nil else { return refuse(&m, m.t(.selectCase)) }
        if let why = m.erasureRefusal { return refuse(&m, why) }
        return [.loadSubjects(id)]
    case .consultations:
        if let why = m.keyRefusal(.consultations) { return refuse(&m, why) }
        m.consultationRows = nil
        m.prompt = .consultations(selected: 0)
        return [.loadConsultations]
    case .shift:
        if let why = m.keyRefusal(.shift) { return refuse(&m, why) }
        m.prompt = .shiftBoard(scroll: 0)
        return [.loadShift(login: false)]
    case .showMonthly:
        if let why = m.keyRefusal(.showMonthly) { return refuse(&m, why) }
        // Seed 003 sends last month's totals at the start of each month; the selected case's organization first.
        let org = m.detail.map(\.summary.organization)
        let month = Month(m.today).previous
        m.monthly = nil
        m.prompt = .monthly(organization: org, month, scroll: 0)
        return [.loadMonthly(org, month)]
    case .showRetention:
        if let why = m.keyRefusal(.showRetention) { return refuse(&m, why) }
        m.prompt = .retention(selected: 0)
        return [.loadRetention]
    case .quit: return [.quit]
    case .addNote:
        guard let id = m.selectedID, m.detail != nil else { return refuse(&m, m.t(.selectCase)) }
        if let why = m.refusal(CaseIntent.addNote) { return refuse(&m, why) }
        m.prompt = .note(TextField(), id)
    case .take:
        guard let id = m.selectedID, let d = m.detail else { return refuse(&m, m.t(.selectCase)) }
        if let why = m.refusal(.assign(Actor(m.me.user))) { return refuse(&m, why) }
        return [.act(id, expected: d.summary.version, .assign(to: m.me.user))]
    case .ladderStep:
        guard let id = m.selectedID, let state = m.detailState else { return refuse(&m, m.t(.selectCase)) }
        guard let step = state.ladder.next(danger: m.isDanger) else { return refuse(&m, "110 has already been called") }
        if let why = m.refusal(.takeLadderStep(step)) { return refuse(&m, why) }
        m.prompt = .confirmLadder(step, id)
    case .changeState:
        guard let id = m.selectedID, m.detail != nil else { return refuse(&m, m.t(.selectCase)) }
        m.prompt = .menu(selected: MenuAction.allCases.firstIndex { m.refusal($0) == nil } ?? 0, id)
    }
    return []
}

/// Scrolls the focused pane (case or escalation), never past its text.
private func scroll(_ m: inout Model, by delta: Int) {
    if m.focus == .escalation {
        m.escalationScroll = max(0, min(m.escalationScroll + delta, m.escalationMaxScroll))
    } else {
        m.detailScroll = max(0, min(m.detailScroll + delta, m.caseMaxScroll))
    }
}

/// Brings the queue up to date: only what changed when the position last seen is known.
private func refresh(_ m: Model) -> Command {
    if m.loaded, let p = m.seenPosition { return .loadChanges(since: p) }
    return .loadQueue
}

/// Keeps the case and escalation panes' scroll (and the marked line) inside their text after it re-wrapped.
private func clampScrolls(_ m: inout Model) {
    m.detailScroll = max(0, min(m.detailScroll, m.caseMaxScroll))
    m.escalationScroll = max(0, min(m.escalationScroll, m.escalationMaxScroll))
    m.detailMatch = nil
}

/// n/N in the case pane: the next line (after the marked one) that holds the search text, marked and scrolled to.
private func findInDetail(_ m: inout Model, forward: Bool) {
    let needle = SearchFold.fold(m.filter.text)
    guard !needle.isEmpty else { m.message = StatusMessage(text: m.t(.search) + ": /", isError: false); return }
    let lines = m.caseLines
    // The text may have re-wrapped since (a resize, a reload): start inside it.
    let from = min(m.detailMatch ?? (forward ? m.detailScroll - 1 : m.detailScroll + 1), lines.count)
    let order = forward ? Array(stride(from: from + 1, to: lines.count, by: 1)) : Array(stride(from: from - 1, through: 0, by: -1))
    guard let hit = order.first(where: { SearchFold.fold(lines[$0].text).contains(needle) }) else {
        m.message = StatusMessage(text: m.t(.noMatch), isError: false)
        return
    }
    m.detailMatch = hit
    m.detailScroll = min(max(0, hit - 2), m.caseMaxScroll)
}

/// nil → first → … → last → nil.
private func cycle<T: Equatable>(_ current: T?, through values: [T]) -> T? {
    guard let c = current, let i = values.firstIndex(of: c) else { return values.first }
    return i + 1 < values.count ? values[i + 1] : nil
}

/// After the filter changed: keep the selection if it is still shown, else take the first row.
private func reselect(_ m: inout Model) -> [Command] {
    guard let sel = m.selectedRow else { m.detail = nil; return [] }
    return m.detail?.summary.id == sel.id ? [] : [.loadDetail(sel.id)]
}

private func refuse(_ m: inout Model, _ why: String) -> [Command] {
    m.message = StatusMessage(text: "\(m.t(.refused)): \(why)", isError: true)
    return []
}

/// Keys while a prompt, menu or overlay is open.
private func updatePrompt(_ m: inout Model, _ key: Key) -> [Command] {
    if key == .ctrl("z") { return [.suspend] }       // what was typed stays
    let cancel = key == .escape || key == .ctrl("c")
    switch m.prompt! {
    case .help:
        if cancel || key == .char("?") || key == .f1 || key == .char("q") || key == .enter { m.prompt = nil }
    case .quitConfirm:
        if key == .char("y") || key == .char("Y") { return [.quit] }
        m.prompt = nil
    case .search(var f):
        if cancel { m.filter.text = ""; m.filter.hits = nil; m.prompt = nil; return reselect(&m) }
        if key == .enter { m.prompt = nil; return reselect(&m) }
        edit(&f, key)
        m.prompt = .search(f)
        guard f.text != m.filter.text else { return [] }
        m.filter.text = f.text
        m.filter.hits = nil
        return reselect(&m) + (f.text.isEmpty ? [] : [.search(f.text)])
    case .note(var f, let id):
        if cancel { m.prompt = nil; m.message = StatusMessage(text: m.t(.cancelled), isError: false); return [] }
        if key == .enter {
            guard !f.isBlank, let d = m.detail, d.summary.id == id else { return [] }
            m.prompt = nil
            return [.act(id, expected: d.summary.version, .addNote(f.text))]
        }
        edit(&f, key)
        m.prompt = .note(f, id)
    case .menu(let sel, let id):
        let items = MenuAction.allCases
        switch key {
        case .up, .char("k"): m.prompt = .menu(selected: max(0, sel - 1), id)
        case .down, .char("j"): m.prompt = .menu(selected: min(items.count - 1, sel + 1), id)
        case .enter:
            let action = items[sel]
            if let why = m.refusal(action) { m.prompt = nil; return refuse(&m, why) }
            if action == .assess {
                // Start from the behaviour types the policy saw at hand-over.
                var seen: [BehaviourType] = []
                for e in m.detail?.events ?? [] { if case .handedOver(let h) = e.event { seen = h.behaviours } }
                m.prompt = .assessForm(AssessForm(behaviours: seen), id)
                return []
            }
            m.prompt = action.needsText == nil ? .confirm(action, text: "", id) : .text(TextField(limit: 2_000), action, id)
        default: if cancel { m.prompt = nil }
        }
    case .assessForm(var f, let id):
        if cancel { m.prompt = nil; m.message = StatusMessage(text: m.t(.cancelled), isError: false); return [] }
        let n = AssessForm.rows.count
        switch (AssessForm.rows[f.focus], key) {
        case (_, .up), (_, .backTab): f.focus = (f.focus + n - 1) % n
        case (_, .down), (_, .tab): f.focus = (f.focus + 1) % n
        case (.validity, .left), (.validity, .right), (.validity, .char(" ")):
            let all = DemandValidity.allCases
            f.validity = all[((all.firstIndex(of: f.validity) ?? 0) + (key == .left ? all.count - 1 : 1)) % all.count]
        case (.means, .left), (.means, .right), (.means, .char(" ")):
            let all = Means.allCases
            f.means = all[((all.firstIndex(of: f.means) ?? 0) + (key == .left ? all.count - 1 : 1)) % all.count]
        case (.behaviour(let b), .char(" ")), (.behaviour(let b), .enter):
            if let i = f.behaviours.firstIndex(of: b) { f.behaviours.remove(at: i) } else { f.behaviours.append(b) }
        case (.reason, .enter): f.focus += 1
        case (.reason, _): edit(&f.reason, key)
        case (.submit, .enter):
            guard !f.reason.isBlank, let d = m.detail, d.summary.id == id else {
                m.message = StatusMessage(text: m.t(.reason) + ": " + m.t(.enterText), isError: true)
                return []
            }
            m.prompt = nil
            let ordered = BehaviourType.allCases.filter(f.behaviours.contains)
            return [.act(id, expected: d.summary.version, .assess(validity: f.validity, means: f.means, behaviours: ordered,
                                                                  reason: f.reason.text, opinion: nil))]
        default: break
        }
        m.prompt = .assessForm(f, id)
    case .text(var f, let action, let id):
        if cancel { m.prompt = nil; m.message = StatusMessage(text: m.t(.cancelled), isError: false); return [] }
        if key == .enter {
            if !f.isBlank { m.prompt = .confirm(action, text: f.text, id) }
            return []
        }
        edit(&f, key)
        m.prompt = .text(f, action, id)
    case .subjects(let sel, let id, let list):
        switch key {
        case .up, .char("k"): m.prompt = .subjects(selected: max(0, sel - 1), id, list)
        case .down, .char("j"): m.prompt = .subjects(selected: min(list.count - 1, sel + 1), id, list)
        case .enter:
            if list[sel].erasedAt != nil { return refuse(&m, m.t(.alreadyErased)) }
            return [.loadErasureImpact(list[sel].id)]
        default: if cancel || key == .char("q") { m.prompt = nil }
        }
    case .counterForm(var f):
        if cancel {
            m.prompt = f.isDirty ? .discardForm(f) : nil
            return []
        }
        let commands = updateForm(&m, &f, key)
        m.prompt = .counterForm(f)
        return commands
    case .discardForm(let f):
        if key == .char("y") || key == .char("Y") { m.prompt = nil; m.message = StatusMessage(text: m.t(.cancelled), isError: false) }
        else { m.prompt = .counterForm(f) }
    case .decision(var d):
        switch key {
        case .up, .char("k"): d.selected = max(0, d.selected - 1)
        case .down, .char("j"): d.selected = min(max(0, d.decision.actions.count - 1), d.selected + 1)
        case .char(" "):
            if d.decision.actions.indices.contains(d.selected) {
                let a = d.decision.actions[d.selected]
                if d.done.contains(a) { d.done.remove(a) } else { d.done.insert(a) }
            }
        case .char("L"): d.scriptLanguage = d.scriptLanguage == .ja ? .en : .ja
        case .char("w"):
            let text = d.policy.leafletText(d.decision.leaflet, organization: d.organization, caseID: d.caseID,
                                                        language: d.scriptLanguage)
            m.prompt = .decision(d)
            return [.writeLeaflet(d.caseID, text: text)]
        case .char("F"): m.prompt = .fixedScripts(d.policy, returnTo: d); return []
        default:
            if cancel || key == .char("q") || key == .enter { m.prompt = nil; return [] }
        }
        m.prompt = .decision(d)
    case .fixedScripts(_, let back):
        if cancel || key == .char("q") || key == .char("F") || key == .enter { m.prompt = back.map { .decision($0) } }
    case .assign(let sel, let id, let staff):
        switch key {
        case .up, .char("k"): m.prompt = .assign(selected: max(0, sel - 1), id, staff)
        case .down, .char("j"): m.prompt = .assign(selected: min(staff.count - 1, sel + 1), id, staff)
        case .enter:
            m.prompt = nil
            guard let d = m.detail, d.summary.id == id else { return [] }
            if let why = m.refusal(.assign(Actor(staff[sel].user))) { return refuse(&m, why) }
            return [.act(id, expected: d.summary.version, .assign(to: staff[sel].user))]
        default: if cancel || key == .char("q") { m.prompt = nil }
        }
    case .consultations(let sel):
        let count = m.consultationRows?.count ?? 0
        switch key {
        case .up, .char("k"): m.prompt = .consultations(selected: max(0, sel - 1))
        case .down, .char("j"): m.prompt = .consultations(selected: max(0, min(count - 1, sel + 1)))
        case .enter:
            guard let rows = m.consultationRows, sel < rows.count else { return [] }
            // A supervisor or auditor asking is refused by the store, and the attempt recorded there.
            return [.loadConsultation(rows[sel].id)]
        default: if cancel || key == .char("q") || key == .char("K") { m.prompt = nil }
        }
    case .consultation(let id, let events, let scroll):
        switch key {
        case .up, .char("k"): m.prompt = .consultation(id, events, scroll: max(0, scroll - 1))
        case .down, .char("j"): m.prompt = .consultation(id, events, scroll: scroll + 1)
        default:
            if cancel || key == .char("q") {
                let sel = m.consultationRows?.firstIndex { $0.id == id } ?? 0
                m.prompt = .consultations(selected: sel)
            }
        }
    case .handovers(let list, let scroll):
        switch key {
        case .up, .char("k"): m.prompt = .handovers(list, scroll: max(0, scroll - 1))
        case .down, .char("j"): m.prompt = .handovers(list, scroll: scroll + 1)
        case .enter:
            if m.readOnly { return refuse(&m, m.t(.readOnly)) }
            // Already on shift (it started in another terminal): reading it was the point.
            if m.shiftBoard?.first(where: { $0.member.user == m.me.user })?.onShift == true { m.prompt = nil; return [] }
            m.prompt = nil
            return [.startShift]
        default: if cancel || key == .char("q") { m.prompt = nil }
        }
    case .shiftBoard(let scroll):
        switch key {
        case .up, .char("k"): m.prompt = .shiftBoard(scroll: max(0, scroll - 1))
        case .down, .char("j"): m.prompt = .shiftBoard(scroll: scroll + 1)
        case .char("s"):
            if m.readOnly { return refuse(&m, m.t(.readOnly)) }
            return [.startShift]
        case .char("e"):
            if m.readOnly { return refuse(&m, m.t(.readOnly)) }
            m.prompt = .shiftNote(TextField(limit: ShiftHandover.noteLimit))
        default: if cancel || key == .char("q") || key == .char("W") { m.prompt = nil }
        }
    case .shiftNote(var f):
        if cancel { m.prompt = .shiftBoard(scroll: 0); m.message = StatusMessage(text: m.t(.cancelled), isError: false); return [] }
        if key == .enter {
            m.prompt = .shiftBoard(scroll: 0)
            return [.endShift(note: f.isBlank ? nil : f.text)]
        }
        edit(&f, key)
        m.prompt = .shiftNote(f)
    case .monthly(let org, let month, let scroll):
        let orgs = m.monthlyOrganizations
        switch key {
        case .up, .char("k"): m.prompt = .monthly(organization: org, month, scroll: max(0, scroll - 1))
        case .down, .char("j"): m.prompt = .monthly(organization: org, month, scroll: min(scroll + 1, m.monthlyMaxScroll))
        case .left, .right:
            let next = key == .left ? month.previous : month.next
            m.prompt = .monthly(organization: org, next, scroll: scroll)
            return [.loadMonthly(org, next)]
        case .char("o"):
            guard !orgs.isEmpty else { return [] }
            let i = orgs.firstIndex { $0.id.rawValue == m.monthly?.organization } ?? -1
            let next = orgs[(i + 1) % orgs.count].id
            m.prompt = .monthly(organization: next, month, scroll: 0)
            return [.loadMonthly(next, month)]
        default: if cancel || key == .char("q") || key == .char("M") { m.prompt = nil }
        }
    case .retention(let sel):
        let count = m.retentionDue?.count ?? 0
        switch key {
        case .up, .char("k"): m.prompt = .retention(selected: max(0, sel - 1))
        case .down, .char("j"): m.prompt = .retention(selected: max(0, min(count - 1, sel + 1)))
        case .enter:
            guard sel < count, let due = m.retentionDue else { return [] }
            if let why = m.erasureRefusal { return refuse(&m, why) }
            // Listed because the period ends this month; the desk must keep the data until it has.
            if due[sel].dueOn >= m.today.description { return refuse(&m, "\(m.t(.notYetDue)) \(due[sel].dueOn)") }
            return [.loadErasureImpact(due[sel].subject)]
        default: if cancel || key == .char("q") || key == .char("R") { m.prompt = nil }
        }
    case .eraseReason(var f, let row, let impact):
        if cancel { m.prompt = nil; m.message = StatusMessage(text: m.t(.cancelled), isError: false); return [] }
        if key == .enter {
            do {
                try ClearReason.check(f.text, field: m.t(.reason))
            } catch {
                m.message = StatusMessage(text: error.description, isError: true)
                return []
            }
            m.message = nil
            m.prompt = .confirmErase(row, reason: f.text, impact, eraseFocused: false)
            return []
        }
        edit(&f, key)
        m.prompt = .eraseReason(f, row, impact)
    case .confirmErase(let row, let reason, let impact, let focused):
        switch key {
        // Only Tab and the arrows move the focus: letters typed after an early Enter (h, l) must never reach Erase.
        case .tab, .backTab, .left, .right:
            m.prompt = .confirmErase(row, reason: reason, impact, eraseFocused: !focused)
        case .enter where focused:
            m.prompt = nil
            return [.erase(row.id, reason: reason)]
        case .enter, .escape, .ctrl("c"), .char("q"), .char("n"), .char("N"):
            m.prompt = nil
            m.message = StatusMessage(text: m.t(.cancelled), isError: false)
        default: break
        }
    case .confirmLadder(let step, let id):
        m.prompt = nil
        guard key == .char("y") || key == .char("Y"), let d = m.detail, d.summary.id == id else {
            m.message = StatusMessage(text: m.t(.cancelled), isError: false)
            return []
        }
        return [.act(id, expected: d.summary.version, .takeLadderStep(step))]
    case .confirm(let action, let text, let id):
        m.prompt = nil
        guard key == .char("y") || key == .char("Y") else {
            // No keeps what was typed: back to the reason, not to an empty field.
            if !text.isEmpty && !cancel { m.prompt = .text(TextField(text: text, limit: 2_000), action, id); return [] }
            m.message = StatusMessage(text: m.t(.cancelled), isError: false)
            return []
        }
        guard let d = m.detail, d.summary.id == id, let act = action.action(text: text) else { return [] }
        return [.act(id, expected: d.summary.version, act)]
    }
    return []
}

func edit(_ f: inout TextField, _ key: Key) {
    switch key {
    case .char(let c): f.insert(String(c))
    case .backspace: f.backspace()
    case .delete: f.deleteForward()
    case .left: f.caret = max(0, f.caret - 1)
    case .right: f.caret = min(f.text.count, f.caret + 1)
    case .home, .ctrl("a"): f.caret = 0
    case .end, .ctrl("e"): f.caret = f.text.count
    case .ctrl("u"): f = TextField(limit: f.limit)
    default: break
    }
}
