import DeskDomain
import DeskApp

/// `A`: whom to give the case to; the one holding it now is marked `*`.
struct AssignDialog: Translated {
    let caseID: CaseID
    let staff: [StaffMember]
    let selected: Int
    let assignee: String?
    let language: Language

    func render(into s: inout Screen) {
        let inner = DialogBox.draw(&s, width: 70, height: staff.count + 4)
        s.put("\(t(.assignTo)) \(caseID)", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, role: .title)
        let rows = max(1, inner.height - 2), start = (selected / rows) * rows
        for (i, st) in staff.dropFirst(start).prefix(rows).enumerated() {
            let isSel = start + i == selected
            let mark = st.user == assignee ? "  *" : ""
            s.putPadded((isSel ? "> " : "  ") + Sanitizer.visible("\(st.displayName) (\(st.user), \(st.role.label(language)))") + mark,
                        x: inner.x + 1, y: inner.y + 1 + i, width: inner.width - 2, role: isSel ? .selected : .dialog)
            if isSel { s.cursor = (inner.x + 1, inner.y + 1 + i) }
        }
        s.put(KeyMap.hint(.pickList, language), x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, role: .key)
    }
}
