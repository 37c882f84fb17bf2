import DeskDomain
import DeskApp

/// `W`: who is on shift, and starting or ending the user's own.
func openShiftBoard(_ m: inout Model) -> [Command] {
    if let why = m.keyRefusal(.shift) { return refuse(&m, why) }
    m.prompt = .shiftBoard(scroll: 0)
    return [.loadShift(login: false)]
}

/// At login, the handovers left since the user's last shift.
func shiftLoaded(_ m: inout Model, _ board: [ShiftBoardRow], unseen: [HandoverRecord], login: Bool) -> [Command] {
    m.shiftBoard = board
    if login, !unseen.isEmpty, m.prompt == nil { m.prompt = .handovers(unseen, scroll: 0) }
    return []
}

func shiftChanged(_ m: inout Model, started: Bool, unseen: [HandoverRecord]) -> [Command] {
    m.message = StatusMessage(text: m.t(started ? .shiftStarted : .shiftEnded), isError: false)
    // Started from the board: show the handovers now (from the login overlay they were read already).
    if started && !unseen.isEmpty, case .shiftBoard? = m.prompt { m.prompt = .handovers(unseen, scroll: 0) }
    return [.loadShift(login: false)]
}

func handoversKey(_ m: inout Model, _ list: [HandoverRecord], _ scroll: Int, _ key: Key) -> [Command] {
    switch KeyMap.action(for: key, in: .handovers) {
    case .moveUp?: m.prompt = .handovers(list, scroll: max(0, scroll - 1))
    case .moveDown?: m.prompt = .handovers(list, scroll: scroll + 1)
    case .startShift?:
        if m.readOnly { return refuse(&m, m.t(.readOnly)) }
        m.prompt = nil
        // Already on shift (it started in another terminal): reading it was the point.
        if m.shiftBoard?.first(where: { $0.member.user == m.me.user })?.onShift == true { return [] }
        return [.startShift]
    case .close?: m.prompt = nil
    default: break
    }
    return []
}

func shiftBoardKey(_ m: inout Model, _ scroll: Int, _ key: Key) -> [Command] {
    switch KeyMap.action(for: key, in: .shiftBoard) {
    case .moveUp?: m.prompt = .shiftBoard(scroll: max(0, scroll - 1))
    case .moveDown?: m.prompt = .shiftBoard(scroll: scroll + 1)
    case .startShift?:
        if m.readOnly { return refuse(&m, m.t(.readOnly)) }
        // A letter in an overlay: a stray s must not record a shift.
        m.prompt = .confirmStartShift
    case .endShift?:
        if m.readOnly { return refuse(&m, m.t(.readOnly)) }
        m.prompt = .shiftNote(TextField(limit: ShiftHandover.noteLimit))
    case .close?: m.prompt = nil
    default: break
    }
    return []
}

/// The note for the next operator; Enter ends the shift with it (or without, if blank).
func shiftNoteKey(_ m: inout Model, _ field: TextField, _ key: Key) -> [Command] {
    switch KeyMap.action(for: key, in: .textInput) {
    case .close?:
        if !field.isBlank { m.prompt = .discard(.shiftNote(field)); return [] }
        m.prompt = .shiftBoard(scroll: 0)
        m.message = StatusMessage(text: m.t(.cancelled), isError: false)
    case .accept?:
        m.prompt = .shiftBoard(scroll: 0)
        return [.endShift(note: field.isBlank ? nil : field.text)]
    default:
        var f = field
        edit(&f, key)
        m.prompt = .shiftNote(f)
    }
    return []
}
