import DeskDomain
import DeskApp

/// `E`: the people whose data the case holds, to pick one to erase (supervisors).
func openErasure(_ m: inout Model) -> [Command] {
    guard let id = m.selectedID, m.detail != nil else { return refuse(&m, m.t(.selectCase)) }
    if let why = m.erasureRefusal { return refuse(&m, why) }
    return [.loadSubjects(id)]
}

/// `R`: who falls due for erasure this month.
func openRetention(_ m: inout Model) -> [Command] {
    if let why = m.keyRefusal(.showRetention) { return refuse(&m, why) }
    m.prompt = .retention(selected: 0)
    return [.loadRetention]
}

func subjectsLoaded(_ m: inout Model, _ id: CaseID, _ list: [SubjectRow]) -> [Command] {
    guard id == m.selectedID, m.prompt == nil else { return [] }
    if list.isEmpty { m.message = StatusMessage(text: m.t(.noSubjects), isError: false); return [] }
    m.prompt = .subjects(selected: list.firstIndex { $0.erasedAt == nil } ?? 0, id, list)
    return []
}

/// What erasing the chosen person makes unreadable: next, the reason.
func erasureImpactLoaded(_ m: inout Model, _ subject: SubjectID, _ impact: [ErasureImpact]) -> [Command] {
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
}

func erased(_ m: inout Model, _ subject: SubjectID, _ outcome: EraseOutcome) -> [Command] {
    m.message = StatusMessage(text: "\(subject): " + m.t(outcome == .complete ? .erased : .walRetained), isError: false)
    m.retentionDue?.removeAll { $0.subject == subject }
    return [refresh(m)] + (m.selectedID.map { [.loadDetail($0)] } ?? [])
}

func subjectsKey(_ m: inout Model, _ sel: Int, _ id: CaseID, _ list: [SubjectRow], _ key: Key) -> [Command] {
    switch KeyMap.action(for: key, in: .pickList) {
    case .moveUp?: m.prompt = .subjects(selected: max(0, sel - 1), id, list)
    case .moveDown?: m.prompt = .subjects(selected: min(list.count - 1, sel + 1), id, list)
    case .accept?:
        if list[sel].erasedAt != nil { return refuse(&m, m.t(.alreadyErased)) }
        return [.loadErasureImpact(list[sel].id)]
    case .close?: m.prompt = nil
    default: break
    }
    return []
}

func retentionKey(_ m: inout Model, _ sel: Int, _ key: Key) -> [Command] {
    let count = m.retentionDue?.count ?? 0
    switch KeyMap.action(for: key, in: .retention) {
    case .moveUp?: m.prompt = .retention(selected: max(0, sel - 1))
    case .moveDown?: m.prompt = .retention(selected: max(0, min(count - 1, sel + 1)))
    case .accept?:
        guard sel < count, let due = m.retentionDue else { return [] }
        if let why = m.erasureRefusal(due[sel].kind) { return refuse(&m, why) }
        // Listed because the period ends this month; the desk must keep the data until it has.
        if due[sel].dueOn >= m.today.description { return refuse(&m, "\(m.t(.notYetDue)) \(due[sel].dueOn)") }
        return [.loadErasureImpact(due[sel].subject)]
    case .close?: m.prompt = nil
    default: break
    }
    return []
}

/// The reason is kept in clear in the log: checked before the last dialog.
func eraseReasonKey(_ m: inout Model, _ field: TextField, _ row: SubjectRow, _ impact: [ErasureImpact], _ key: Key) -> [Command] {
    switch KeyMap.action(for: key, in: .textInput) {
    case .close?: return leave(&m, field, from: .eraseReason(field, row, impact))
    case .accept?:
        do {
            try ClearReason.check(field.text, field: m.t(.reason))
        } catch {
            m.message = StatusMessage(text: error.message(m.language), isError: true)
            return []
        }
        m.message = nil
        m.prompt = .confirmErase(row, reason: field.text, impact, eraseFocused: false)
    default:
        var f = field
        edit(&f, key)
        m.prompt = .eraseReason(f, row, impact)
    }
    return []
}

/// Erasure is irreversible: Enter erases only once Tab or an arrow has moved the focus from Cancel to Erase.
func confirmEraseKey(_ m: inout Model, _ row: SubjectRow, _ reason: String, _ impact: [ErasureImpact], _ focused: Bool,
                     _ key: Key) -> [Command] {
    switch KeyMap.action(for: key, in: .confirmErase) {
    case .switchButton?: m.prompt = .confirmErase(row, reason: reason, impact, eraseFocused: !focused)
    case .accept? where focused:
        m.prompt = nil
        return [.erase(row.id, reason: reason)]
    case .accept?, .close?: return cancelled(&m)
    default: break
    }
    return []
}
