import DeskDomain
import DeskApp

/// The assessment form: ↑↓ between rows, ←→ or Space through a row's choices, Space ticks a behaviour type, Enter
/// on the last row records it.
func assessKey(_ m: inout Model, _ form: AssessForm, _ id: CaseID, _ key: Key) -> [Command] {
    var f = form
    let n = AssessForm.rows.count
    let action = KeyMap.action(for: key, in: .assessForm)
    switch (AssessForm.rows[f.focus], action) {
    case (_, .close?): return leave(&m, f.reason, from: .assessForm(f, id))
    case (_, .previousField?): f.focus = (f.focus + n - 1) % n
    case (_, .nextField?): f.focus = (f.focus + 1) % n
    case (.validity, .previousOption?), (.validity, .nextOption?), (.validity, .toggle?):
        f.validity = step(f.validity, in: DemandValidity.allCases, back: action == .previousOption)
    case (.means, .previousOption?), (.means, .nextOption?), (.means, .toggle?):
        f.means = step(f.means, in: Means.allCases, back: action == .previousOption)
    case (.behaviour(let b), .toggle?), (.behaviour(let b), .accept?):
        if let i = f.behaviours.firstIndex(of: b) { f.behaviours.remove(at: i) } else { f.behaviours.append(b) }
    case (.reason, .accept?): f.focus += 1
    case (.reason, _): edit(&f.reason, key)
    case (.submit, .accept?):
        guard !f.reason.isBlank, let d = m.detail, d.summary.id == id else {
            m.message = StatusMessage(text: m.t(.reason) + ": " + KeyMap.hint(.textInput, after: .typeText, m.language), isError: true)
            return []
        }
        m.prompt = nil
        let ordered = BehaviourType.allCases.filter(f.behaviours.contains)
        return [.act(id, expected: d.summary.version, .assess(validity: f.validity, means: f.means, behaviours: ordered,
                                                              reason: f.reason.text, opinion: nil))]
    default: break
    }
    m.prompt = .assessForm(f, id)
    return []
}

/// The next (or previous) of `all`, round.
private func step<T: Equatable>(_ value: T, in all: [T], back: Bool) -> T {
    all[((all.firstIndex(of: value) ?? 0) + (back ? all.count - 1 : 1)) % all.count]
}
