import DeskDomain
import DeskApp

/// `K`: the employee consultations without their content; care overdue in warning. Only a counsellor sees the flags.
struct ConsultationsOverlay: Translated {
    /// Nil until loaded.
    let rows: [ConsultationRow]?
    let selected: Int
    let showsFlags: Bool
    let today: LocalDate
    let language: Language
    /// The organizations' names by id (ids until loaded).
    var names: [OrganizationID: String] = [:]

    func render(into s: inout Screen) {
        let inner = DialogBox.draw(&s, width: 100, height: s.height)
        let list = rows ?? []
        s.put(t(.consultationsTitle) + " (\(list.count))", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, role: .title)
        if rows == nil { s.put(t(.loading), x: inner.x + 1, y: inner.y + 1, role: .muted) }
        else if list.isEmpty { s.put(t(.noConsultations), x: inner.x + 1, y: inner.y + 1, role: .dialog) }
        let height = max(1, inner.height - 2), start = (selected / height) * height
        for (i, r) in list.enumerated().dropFirst(start).prefix(height) {
            let isSel = i == selected, y = inner.y + 1 + i - start
            let due = r.careDue.map { "\($0.kind.label(language)) \($0.due)\($0.due < today ? " !" + t(.late) : "")" }.joined(separator: ", ")
            let flags = !showsFlags ? "" :
                [r.mentalHealth ? ConsultationWords.mentalHealth(language) : nil,
                 r.secondary.flatMap(SecondaryBy.init(rawValue:)).map { ConsultationWords.secondary($0, language) }].compactMap { $0 }.joined(separator: ", ")
            let label = (isSel ? "> " : "  ") + "\(r.id)  \(ConsultationWords.state(r.state, language))  " + Sanitizer.visible(names[OrganizationID(r.organization)] ?? r.organization) + "  \(flags)  " + (due.isEmpty ? "-" : due)
            s.putPadded(label, x: inner.x + 1, y: y, width: inner.width - 2,
                        role: isSel ? .selected : (r.careDue.contains { $0.due < today } ? .warning : .dialog))
            if isSel { s.cursor = (inner.x + 1, y) }
        }
        s.put(KeyMap.hint(.consultations, language), x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, role: .key)
    }
}
