import DeskDomain
import DeskApp
import Foundation

/// The console's whole behaviour: pure, no clock, no store. Returns the work for the runtime.
/// A message for a dialog is handled in that dialog's file (`Update+Erasure.swift`, `Update+Shift.swift`, …).
public func update(_ m: inout Model, _ msg: Msg) -> [Command] {
    switch msg {
    case .keyPressed where !Layout(m.size).fits, .pasted where !Layout(m.size).fits:
        // The screen shows only the too-small notice: a key would act on what nobody can see.
        return []
    case .keyPressed(let key):
        if m.prompt != nil { return updatePrompt(&m, key) }
        m.message = nil
        guard let action = m.keys.action(for: key) else { return [] }
        return perform(&m, action)
    case .pasted(let text): return paste(&m, text)
    case .resized(let s):
        m.size = s
        clampScrolls(&m)
        return []
    case .tick(let d):
        let day = m.today
        m.now = d
        // Past midnight, cases may have become overdue and the filtered rows changed.
        return m.today == day ? [] : reselect(&m)
    case .queueHeadLoaded(let h): return queueHeadLoaded(&m, h)
    case .queueChanged(let changed, let through): return queueChanged(&m, changed, through: through)
    case .queueLoaded(let rows, let through): return queueLoaded(&m, rows, through: through)
    case .detailLoaded(let d): return detailLoaded(&m, d)
    case .logAdvanced:
        // Another console may also have opened or left a case.
        return [refresh(m)] + (m.roleRefusal(.seePresence) == nil ? [.loadViewers] : [])
    case .viewersLoaded(let list):
        m.viewers = Dictionary(grouping: list, by: \.caseID).mapValues { $0.map(\.user) }
        return []
    case .searchLoaded(let text, let ids):
        guard text == m.filter.text else { return [] }      // an answer to an older query
        m.filter.hits = ids
        return reselect(&m)
    case .appended(let id, let types): return appended(&m, id, types: types)
    case .appendFailed(let id, let reason): return refuse(&m, reason) + [.loadDetail(id)]
    case .appendConflicted(let id):
        m.message = StatusMessage(text: m.t(.conflict), isError: true)
        return [.loadQueue, .loadDetail(id)]
    case .loadFailed(let why): return loadFailed(&m, why)
    case .themeChanged(let name):
        m.message = StatusMessage(text: m.t(.themeSwitched) + ": " + Sanitizer.visible(name), isError: false)
        return []
    case .staffLoaded(let id, let staff): return staffLoaded(&m, id, staff)
    case .subjectsLoaded(let id, let list): return subjectsLoaded(&m, id, list)
    case .erasureImpactLoaded(let subject, let impact): return erasureImpactLoaded(&m, subject, impact)
    case .erased(let subject, let outcome): return erased(&m, subject, outcome)
    case .eraseFailed(_, let reason): return refuse(&m, reason)
    case .retentionLoaded(let due): m.retentionDue = due; return []
    case .organizationsLoaded(let orgs): return organizationsLoaded(&m, orgs)
    case .organizationNamesLoaded(let names): m.organizationNames = names; return []
    case .handedOver(let id, let decision, let org, let policy, let orgID, let contact, let receipt):
        return handedOver(&m, id, decision, organization: org, policy: policy, organizationID: orgID, contact: contact, receipt: receipt)
    case .handOverFailed(let why): return refuse(&m, why)
    case .leafletDelivered(let outcome):
        m.message = StatusMessage(text: CounterText.leaflet(outcome, m.language), isError: { if case .failed = outcome { true } else { false } }())
        return []
    case .monthlyLoaded(let totals, let orgs): return monthlyLoaded(&m, totals, orgs)
    case .consultationsLoaded(let rows): m.consultationRows = rows; return []
    case .consultationLoaded(let id, let events): return consultationLoaded(&m, id, events)
    case .consulted(let id): return consulted(&m, id)
    case .shiftLoaded(let board, let unseen, let login): return shiftLoaded(&m, board, unseen: unseen, login: login)
    case .shiftChanged(let started, let unseen): return shiftChanged(&m, started: started, unseen: unseen)
    }
}

private func queueHeadLoaded(_ m: inout Model, _ h: QueueHead) -> [Command] {
    guard !m.loaded else { return [] }
    m.head = h
    m.rows = h.rows
    return []
}

private func queueChanged(_ m: inout Model, _ changed: [CaseSummary], through: Int64) -> [Command] {
    guard m.loaded, let seen = m.seenPosition, through > seen else { return [] }
    holdSelection(&m)
    let fresh = m.merge(changed)
    m.newCount += fresh
    m.seenPosition = through
    let research: [Command] = m.filter.text.isEmpty ? [] : [.search(m.filter.text)]
    guard let sel = m.selectedRow else { m.detail = nil; return research }
    if m.detail?.summary != sel { return [.loadDetail(sel.id)] + research }
    return research
}

private func queueLoaded(_ m: inout Model, _ rows: [CaseSummary], through: Int64?) -> [Command] {
    m.head = nil
    holdSelection(&m)
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
}

private func detailLoaded(_ m: inout Model, _ d: CaseDetail) -> [Command] {
    if d.summary.id == m.selectedID {
        if m.detail?.summary.id != d.summary.id { m.detailScroll = 0; m.escalationScroll = 0; m.detailMatch = nil }
        m.detail = d
        clampScrolls(&m)
    }
    return []
}

private func appended(_ m: inout Model, _ id: CaseID, types: [String]) -> [Command] {
    m.message = StatusMessage(text: m.t(.saved) + ": \(id)", isError: false)
    // A progress enquiry is answered with the fixed script: show it to read out.
    if types.contains("enquiryLogged"), let script = (m.detail?.policy ?? .standard).script(Scripts.noProgressAnswers) {
        m.message = StatusMessage(text: m.t(.saved) + ": \(id) — " + script.text(m.language), isError: false)
    }
    return [refresh(m), .loadDetail(id)]
}

private func loadFailed(_ m: inout Model, _ why: String) -> [Command] {
    m.message = StatusMessage(text: why, isError: true)
    // A list that never arrived has nothing to show.
    if case .retention? = m.prompt, m.retentionDue == nil { m.prompt = nil }
    if case .monthly? = m.prompt, m.monthly == nil { m.prompt = nil }
    return []
}

/// New rows never move the selection to another case: the case on screen stays, marked when it has left the filter,
/// until the user moves.
private func holdSelection(_ m: inout Model) {
    if let id = m.selectedID, m.pinnedID != id { m.pinnedID = id }
}

/// Brings the queue up to date: only what changed when the position last seen is known.
func refresh(_ m: Model) -> Command {
    if m.loaded, let p = m.seenPosition { return .loadChanges(since: p) }
    return .loadQueue
}

/// After the filter changed: keep the selection if it is still shown, else take the first row.
func reselect(_ m: inout Model) -> [Command] {
    guard let sel = m.selectedRow else { m.detail = nil; return [] }
    return m.detail?.summary.id == sel.id ? [] : [.loadDetail(sel.id)]
}

/// Says why in the status line; nothing is done.
func refuse(_ m: inout Model, _ why: String) -> [Command] {
    m.message = StatusMessage(text: "\(m.t(.refused)): \(why)", isError: true)
    return []
}
