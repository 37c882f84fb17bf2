import DeskDomain
import DeskApp

/// `A`: whom to give the case on screen to (supervisors); the staff list comes first.
func openAssign(_ m: inout Model) -> [Command] {
    guard let id = m.selectedID, m.detail != nil else { return refuse(&m, m.t(.selectCase)) }
    // Refused up front if even a supervisor's assignment would be (closed case, read-only, role).
    if let why = m.refusal(.assign(.someoneElse)) { return refuse(&m, why) }
    return [.loadStaff(id)]
}

/// Only active operators and supervisors can hold a case; the one holding it now is chosen first.
func staffLoaded(_ m: inout Model, _ id: CaseID, _ staff: [StaffMember]) -> [Command] {
    guard id == m.selectedID, m.prompt == nil else { return [] }
    let holders = staff.filter { $0.active && $0.role.includes(.operator) }
    if holders.isEmpty { m.message = StatusMessage(text: m.t(.noStaff), isError: true); return [] }
    let current = m.detail?.summary.assignee
    m.prompt = .assign(selected: holders.firstIndex { $0.user == current } ?? 0, id, holders)
    return []
}

func assignKey(_ m: inout Model, _ sel: Int, _ id: CaseID, _ staff: [StaffMember], _ key: Key) -> [Command] {
    switch KeyMap.action(for: key, in: .pickList) {
    case .moveUp?: m.prompt = .assign(selected: max(0, sel - 1), id, staff)
    case .moveDown?: m.prompt = .assign(selected: min(staff.count - 1, sel + 1), id, staff)
    case .accept?:
        m.prompt = nil
        guard let d = m.detail, d.summary.id == id else { return [] }
        if let why = m.refusal(.assign(Actor(staff[sel].user))) { return refuse(&m, why) }
        return [.act(id, expected: d.summary.version, .assign(to: staff[sel].user))]
    case .close?: m.prompt = nil
    default: break
    }
    return []
}
