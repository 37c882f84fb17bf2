import DeskApp
import DeskDomain

/// What the console opens on, by role: a clerk on the hand-over form (their own cases behind it), a counsellor on the
/// employee consultations; operators, supervisors and auditors on the queue.
public func openForRole(_ m: inout Model) -> [Command] {
    guard m.prompt == nil, !m.readOnly else { return [] }
    switch m.me.role {
    case .staff: return m.keyRefusal(.handOver) == nil ? [.loadOrganizations] : []
    case .counsellor: return openConsultations(&m)
    case .operator, .supervisor, .auditor: return []
    }
}
