import DeskDomain
import DeskApp

/// A key of the panes' table, with no dialog open: move, scroll, filter, act on the case, or open a dialog.
func perform(_ m: inout Model, _ action: KeyAction) -> [Command] {
    switch action {
    case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom, .nextHit, .previousHit: return navigate(&m, action)
    case .nextPane: m.focus = Pane.allCases[(m.focus.rawValue + 1) % Pane.allCases.count]
    case .previousPane: m.focus = Pane.allCases[(m.focus.rawValue + 2) % Pane.allCases.count]
    case .focusQueue: m.focus = .queue
    case .focusDetail: m.focus = .detail
    case .focusEscalation: m.focus = .escalation
    case .open: if m.focus == .queue, m.selectedID != nil { m.focus = .detail }
    case .back: m.focus = .queue
    case .search: m.prompt = .search(TextField(text: m.filter.text, limit: 200))
    case .cycleLane, .cycleOrganization, .cycleState, .toggleOverdue, .toggleMine, .clearFilter: return changeFilter(&m, action)
    case .openHelp: m.prompt = .help
    case .redraw: return [.redraw]
    case .suspend: return [.suspend]
    case .quit: return [.quit]
    case .handOver: return openCounterForm(&m)
    case .fixedScripts:
        // The selected case's organization's wording, when it adopted its own policy.
        m.prompt = .fixedScripts(m.detail?.policy ?? .standard, returnTo: nil)
    case .assign: return openAssign(&m)
    case .eraseSubject: return openErasure(&m)
    case .consultations: return openConsultations(&m)
    case .shift: return openShiftBoard(&m)
    case .showMonthly: return openMonthly(&m)
    case .showRetention: return openRetention(&m)
    case .changeState: return openMenu(&m)
    case .addNote:
        guard let id = m.selectedID, m.detail != nil else { return refuse(&m, m.t(.selectCase)) }
        if let why = m.refusal(CaseIntent.addNote) { return refuse(&m, why) }
        m.prompt = .note(TextField(), id)
    case .take:
        guard let id = m.selectedID, m.detail != nil else { return refuse(&m, m.t(.selectCase)) }
        if let why = m.refusal(.assign(Actor(m.me.user))) { return refuse(&m, why) }
        // Recorded for good in the log: a stray t must not do it (y/N).
        m.prompt = .confirmTake(id)
    case .commandLine: return openCommandLine(&m)
    case .ladderStep:
        guard let id = m.selectedID, let state = m.detailState else { return refuse(&m, m.t(.selectCase)) }
        guard let step = state.ladder.next(danger: m.isDanger) else { return refuse(&m, "110 has already been called") }
        if let why = m.refusal(.takeLadderStep(step)) { return refuse(&m, why) }
        m.prompt = .confirmLadder(step, id)
    }
    return []
}

/// In the queue the keys move the selection; in the case and escalation panes they scroll.
private func navigate(_ m: inout Model, _ action: KeyAction) -> [Command] {
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
    default: break
    }
    return []
}

private func changeFilter(_ m: inout Model, _ action: KeyAction) -> [Command] {
    switch action {
    case .cycleLane:
        let order: [Lane?] = [nil, .danger, .handover, .complaint]
        m.filter.lane = order[((order.firstIndex(of: m.filter.lane) ?? 0) + 1) % order.count]
    case .cycleOrganization: m.filter.organization = cycle(m.filter.organization, through: Set(m.rows.map(\.organization)).sorted())
    case .cycleState: m.filter.state = cycle(m.filter.state, through: CaseStatus.allCases.filter { s in m.rows.contains { $0.status == s } })
    case .toggleOverdue: m.filter.overdueOnly.toggle()
    case .toggleMine: m.filter.mineOnly.toggle()
    case .clearFilter: m.filter = QueueFilter(); m.newCount = 0
    default: break
    }
    return reselect(&m)
}

private func moveSelection(_ m: inout Model, by delta: Int?, to absolute: Int? = nil) -> [Command] {
    guard !m.visible.isEmpty else { return [] }
    let current = m.selectedIndex ?? 0
    let target = max(0, min(m.visible.count - 1, absolute ?? (current + (delta ?? 0))))
    var id = m.rows[m.visible[target]].id
    if m.pinnedID != nil {
        // Moving lets go of a case kept on screen after an action; if that was where the move ended, it may have left
        // the list, and the selection is where the list puts it now.
        m.pinnedID = nil
        if !m.visible.contains(where: { m.rows[$0].id == id }) {
            guard let first = m.selectedRow?.id else { m.detail = nil; return [] }
            id = first
        }
        m.selectedID = id
    } else {
        guard id != m.selectedID || m.detail?.summary.id != id else { return [] }
        m.select(at: target)
    }
    guard m.detail?.summary.id != id else { return [] }
    m.detail = nil
    m.detailScroll = 0
    m.detailMatch = nil
    m.escalationScroll = 0
    return [.loadDetail(id)]
}

/// Scrolls the focused pane (case or escalation), never past its text.
private func scroll(_ m: inout Model, by delta: Int) {
    if m.focus == .escalation {
        m.escalationScroll = max(0, min(m.escalationScroll + delta, m.escalationMaxScroll))
    } else {
        m.detailScroll = max(0, min(m.detailScroll + delta, m.caseMaxScroll))
    }
}

/// Keeps the case and escalation panes' scroll (and the marked line) inside their text after it re-wrapped.
func clampScrolls(_ m: inout Model) {
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
