import DeskDomain
import DeskApp

/// `s`: the action menu on the case on screen, opened on the first action the user may take.
func openMenu(_ m: inout Model) -> [Command] {
    guard let id = m.selectedID, m.detail != nil else { return refuse(&m, m.t(.selectCase)) }
    m.prompt = .menu(selected: MenuAction.allCases.firstIndex { m.refusal($0) == nil } ?? 0, id)
    return []
}

func menuKey(_ m: inout Model, _ sel: Int, _ id: CaseID, _ key: Key) -> [Command] {
    let items = MenuAction.allCases
    switch KeyMap.action(for: key, in: .menu) {
    case .moveUp?: m.prompt = .menu(selected: nextEnabled(m, from: sel, by: -1), id)
    case .moveDown?: m.prompt = .menu(selected: nextEnabled(m, from: sel, by: 1), id)
    case .accept?: return choose(&m, items[sel], id)
    case .close?: m.prompt = nil
    default:
        // Each action's letter chooses it at once (a greyed one says why on the status line).
        if let action = MenuAction.chosen(by: key) { return choose(&m, action, id) }
    }
    return []
}

/// The cursor skips the rows the user may not choose; it stays put when there is none further that way.
private func nextEnabled(_ m: Model, from sel: Int, by step: Int) -> Int {
    let items = MenuAction.allCases
    var i = sel + step
    while items.indices.contains(i) {
        if m.refusal(items[i]) == nil { return i }
        i += step
    }
    return sel
}

/// Enter on a menu item: refused, the assessment form, a reason to type, or straight to y/N.
private func choose(_ m: inout Model, _ action: MenuAction, _ id: CaseID) -> [Command] {
    if let why = m.refusal(action) { m.prompt = nil; return refuse(&m, why) }
    if action == .assess {
        // Start from the behaviour types the policy saw at hand-over.
        var seen: [BehaviourType] = []
        for e in m.detail?.events ?? [] { if case .handedOver(let h) = e.event { seen = h.behaviours } }
        m.prompt = .assessForm(AssessForm(behaviours: seen), id)
        return []
    }
    m.prompt = action.needsText == nil ? .confirm(action, text: "", id) : .text(TextField(limit: 2_000), action, id)
    return []
}

/// The reason (or outcome, reference…) a menu action asks for.
func reasonKey(_ m: inout Model, _ field: TextField, _ action: MenuAction, _ id: CaseID, _ key: Key) -> [Command] {
    switch KeyMap.action(for: key, in: .textInput) {
    case .close?: return leave(&m, field, from: .text(field, action, id))
    case .accept?: if !field.isBlank { m.prompt = .confirm(action, text: field.text, id) }
    default:
        var f = field
        edit(&f, key)
        m.prompt = .text(f, action, id)
    }
    return []
}

/// y records the action against the version on screen; anything else is No.
func confirmKey(_ m: inout Model, _ action: MenuAction, text: String, _ id: CaseID, _ key: Key) -> [Command] {
    m.prompt = nil
    switch KeyMap.action(for: key, in: .confirm) {
    case .confirm?:
        guard let d = m.detail, d.summary.id == id, let act = action.action(text: text) else { return [] }
        return [.act(id, expected: d.summary.version, act)]
    // Esc here would drop the typed reason as well: asked like Esc in the field.
    case .close?: return leave(&m, TextField(text: text, limit: 2_000), from: .text(TextField(text: text, limit: 2_000), action, id))
    default:
        // No keeps what was typed: back to the reason, not to an empty field.
        if !text.isEmpty { m.prompt = .text(TextField(text: text, limit: 2_000), action, id); return [] }
        return cancelled(&m)
    }
}

/// A police-ladder step leaves the desk: only y records it.
func confirmLadderKey(_ m: inout Model, _ step: LadderStep, _ id: CaseID, _ key: Key) -> [Command] {
    m.prompt = nil
    guard KeyMap.action(for: key, in: .confirm) == .confirm, let d = m.detail, d.summary.id == id else { return cancelled(&m) }
    return [.act(id, expected: d.summary.version, .takeLadderStep(step))]
}
