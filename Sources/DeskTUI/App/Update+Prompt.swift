import DeskDomain
import DeskApp

/// Keys while a prompt, menu or overlay is open. Each dialog reads its keys as the actions of its `KeyContext`.
func updatePrompt(_ m: inout Model, _ key: Key) -> [Command] {
    if m.keys.action(for: key) == .suspend { return [.suspend] }       // what was typed stays
    guard let prompt = m.prompt else { return [] }
    switch prompt {
    case .help: if KeyMap.action(for: key, in: .help) == .close { m.prompt = nil }
    case .command(let f, _): return commandKey(&m, f, key)
    case .discard(let back): return discardKey(&m, back, key)
    case .confirmTake(let id):
        m.prompt = nil
        guard KeyMap.action(for: key, in: .confirm) == .confirm, let d = m.detail, d.summary.id == id else { return cancelled(&m) }
        return [.act(id, expected: d.summary.version, .assign(to: m.me.user))]
    case .confirmStartShift:
        m.prompt = .shiftBoard(scroll: 0)
        if KeyMap.action(for: key, in: .confirm) == .confirm { return [.startShift] }
        m.message = StatusMessage(text: m.t(.cancelled), isError: false)
    case .quitConfirm:
        if KeyMap.action(for: key, in: .confirm) == .confirm { return [.quit] }
        m.prompt = nil
    case .search(let f): return searchKey(&m, f, key)
    case .note(let f, let id): return noteKey(&m, f, id, key)
    case .menu(let sel, let id): return menuKey(&m, sel, id, key)
    case .text(let f, let action, let id): return reasonKey(&m, f, action, id, key)
    case .confirm(let action, let text, let id): return confirmKey(&m, action, text: text, id, key)
    case .confirmLadder(let step, let id): return confirmLadderKey(&m, step, id, key)
    case .assessForm(let f, let id): return assessKey(&m, f, id, key)
    case .subjects(let sel, let id, let list): return subjectsKey(&m, sel, id, list, key)
    case .eraseReason(let f, let row, let impact): return eraseReasonKey(&m, f, row, impact, key)
    case .confirmErase(let row, let reason, let impact, let focused): return confirmEraseKey(&m, row, reason, impact, focused, key)
    case .retention(let sel): return retentionKey(&m, sel, key)
    case .assign(let sel, let id, let staff): return assignKey(&m, sel, id, staff, key)
    case .consultations(let sel): return consultationsKey(&m, sel, key)
    case .consultation(let id, let events, let scroll): return consultationKey(&m, id, events, scroll, key)
    case .consult(let input): return consultKey(&m, input, key)
    case .handovers(let list, let scroll): return handoversKey(&m, list, scroll, key)
    case .shiftBoard(let scroll): return shiftBoardKey(&m, scroll, key)
    case .shiftNote(let f): return shiftNoteKey(&m, f, key)
    case .monthly(let org, let month, let scroll): return monthlyKey(&m, org, month, scroll, key)
    case .counterForm(let f): return counterFormKey(&m, f, key)
    case .discardForm(let f):
        if KeyMap.action(for: key, in: .confirm) == .confirm { return cancelled(&m) }
        m.prompt = .counterForm(f)
    case .decision(let d): return decisionKey(&m, d, key)
    case .fixedScripts(_, let back):
        // Back to the decision screen it was opened from, if any.
        if KeyMap.action(for: key, in: .fixedScripts) == .close { m.prompt = back.map { .decision($0) } }
    }
    return []
}

/// Closes the dialog and says so.
func cancelled(_ m: inout Model) -> [Command] {
    m.prompt = nil
    m.message = StatusMessage(text: m.t(.cancelled), isError: false)
    return []
}

/// The queue filters as the search text is typed; Esc clears it.
private func searchKey(_ m: inout Model, _ field: TextField, _ key: Key) -> [Command] {
    switch KeyMap.action(for: key, in: .search) {
    case .close?:
        m.filter.text = ""
        m.filter.hits = nil
        m.prompt = nil
        return reselect(&m)
    case .accept?:
        m.prompt = nil
        return reselect(&m)
    default: break
    }
    var f = field
    edit(&f, key)
    m.prompt = .search(f)
    guard f.text != m.filter.text else { return [] }
    m.filter.text = f.text
    m.filter.hits = nil
    return reselect(&m) + (f.text.isEmpty ? [] : [.search(f.text)])
}

private func noteKey(_ m: inout Model, _ field: TextField, _ id: CaseID, _ key: Key) -> [Command] {
    switch KeyMap.action(for: key, in: .note) {
    case .close?: return leave(&m, field, from: .note(field, id))
    case .accept?:
        guard !field.isBlank, let d = m.detail, d.summary.id == id else { return [] }
        m.prompt = nil
        return [.act(id, expected: d.summary.version, .addNote(field.text))]
    default:
        var f = field
        edit(&f, key)
        m.prompt = .note(f, id)
        return []
    }
}

/// Pasted text goes into the field being typed in, never read as keys.
func paste(_ m: inout Model, _ text: String) -> [Command] {
    switch m.prompt {
    case .search(var f)?:
        f.insert(text)
        m.prompt = .search(f)
        m.filter.text = f.text
        m.filter.hits = nil
        return reselect(&m) + [.search(f.text)]
    case .note(var f, let id)?: f.insert(text); m.prompt = .note(f, id)
    case .command(var f, _)?: f.insert(text); m.prompt = .command(f, candidates: [])
    case .consult(var c)?: c.field.insert(text); m.prompt = .consult(c)
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
}

/// Text entry in a field: characters, Backspace and Delete, the caret. Not commands, so not in the key table.
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
