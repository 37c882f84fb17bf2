import DeskDomain
import DeskApp
import Foundation

/// Draws the whole console for a model. Pure: the same model gives the same screen.
/// The one place that reads the model: each pane and dialog is handed the few values it draws.
public func view(_ m: Model) -> Screen {
    var s = Screen(width: m.size.width, height: m.size.height)
    guard s.width > 0, s.height > 0 else { return s }
    IdentityLine(me: m.me, database: m.databaseName, readOnly: m.readOnly, now: m.now, language: m.language).render(into: &s)
    let layout = Layout(m.size)
    guard layout.fits else {
        TooSmall(size: m.size).render(into: &s)
        return s
    }
    if layout.isWide {
        queuePane(m).render(into: &s, area: layout.queue)
        for y in layout.body.y..<layout.body.maxY { s.put("|", x: layout.divider, y: y, role: .muted) }
        detailPane(m).render(into: &s, area: layout.detail)
        escalationPane(m).render(into: &s, area: layout.escalation)
    } else {
        PaneTitle.tabs(focus: m.focus, m.language, into: &s, y: layout.body.y)
        switch m.focus {
        case .queue: queuePane(m).render(into: &s, area: layout.single)
        case .detail: detailPane(m).render(into: &s, area: layout.single)
        case .escalation: escalationPane(m).render(into: &s, area: layout.single)
        }
    }
    StatusLine(message: m.message, focus: m.focus, language: m.language, keys: m.keys).render(into: &s)
    if let prompt = m.prompt { drawPrompt(prompt, m, into: &s) }
    return s
}

private func queuePane(_ m: Model) -> QueuePane {
    let title = QueuePane.Title(head: m.head, counts: m.counts, total: m.rows.count, filter: m.filter, newCount: m.newCount,
                                retentionDue: m.retentionDue?.count ?? 0, retentionKey: m.keys.keyName(.showRetention))
    return QueuePane(title: title, rows: m.rows, visible: m.visible, selected: m.selectedIndex, loaded: m.loaded, viewers: m.viewers,
                     names: m.organizationNames, hidesText: m.roleRefusal(.readCaseText) != nil, outside: m.pinnedOutside ? m.pinnedID : nil,
                     now: m.now, today: m.today, language: m.language, focused: m.focus == .queue)
}

private func detailPane(_ m: Model) -> DetailPane {
    // The case acted on, kept on screen though it has left the filter, says so where the next key acts.
    let outside = m.pinnedOutside && m.detail?.summary.id == m.pinnedID ? "  [\(m.t(.outsideFilter))]" : ""
    return DetailPane(title: m.t(.detail) + (m.detail.map { " \($0.summary.id)" } ?? "") + outside, lines: m.caseLines, scroll: m.detailScroll,
               match: m.detailMatch, focused: m.focus == .detail)
}

private func escalationPane(_ m: Model) -> EscalationPane {
    EscalationPane(title: m.t(.escalation), lines: m.escalationLines, scroll: m.escalationScroll, focused: m.focus == .escalation)
}
