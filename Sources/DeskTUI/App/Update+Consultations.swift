import DeskDomain
import DeskApp

/// `K`: the employee consultations, without their content.
func openConsultations(_ m: inout Model) -> [Command] {
    if let why = m.keyRefusal(.consultations) { return refuse(&m, why) }
    m.consultationRows = nil
    m.prompt = .consultations(selected: 0)
    return [.loadConsultations]
}

func consultationLoaded(_ m: inout Model, _ id: ConsultationID, _ events: [EventEnvelope]) -> [Command] {
    switch m.prompt {
    case .consultations?: m.prompt = .consultation(id, events, scroll: 0)
    case .consultation(let shown, _, let scroll)? where shown == id: m.prompt = .consultation(id, events, scroll: scroll)
    default: break
    }
    return []
}

func consultationsKey(_ m: inout Model, _ sel: Int, _ key: Key) -> [Command] {
    let count = m.consultationRows?.count ?? 0
    switch KeyMap.action(for: key, in: .consultations) {
    case .moveUp?: m.prompt = .consultations(selected: max(0, sel - 1))
    case .moveDown?: m.prompt = .consultations(selected: max(0, min(count - 1, sel + 1)))
    case .accept?:
        guard let rows = m.consultationRows, sel < rows.count else { return [] }
        // A supervisor or auditor asking is refused by the store, and the attempt recorded there.
        return [.loadConsultation(rows[sel].id)]
    case .close?: m.prompt = nil
    case .newConsultation?: return newConsultation(&m)
    default: break
    }
    return []
}

/// One consultation opened: scroll it, or go back to the list on the same row.
func consultationKey(_ m: inout Model, _ id: ConsultationID, _ events: [EventEnvelope], _ scroll: Int, _ key: Key) -> [Command] {
    let action = KeyMap.action(for: key, in: .consultation)
    if let action, let commands = consultationActionKey(&m, id, events, action) { return commands }
    switch action {
    case .moveUp?: m.prompt = .consultation(id, events, scroll: max(0, scroll - 1))
    case .moveDown?: m.prompt = .consultation(id, events, scroll: scroll + 1)
    case .close?: m.prompt = .consultations(selected: m.consultationRows?.firstIndex { $0.id == id } ?? 0)
    default: break
    }
    return []
}
