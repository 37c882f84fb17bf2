import DeskDomain
import DeskApp

/// `E`: the people whose data the case holds, one to pick for erasure; those already erased are greyed.
struct SubjectsDialog: Translated {
    let caseID: CaseID
    let subjects: [SubjectRow]
    let selected: Int
    let language: Language

    func render(into s: inout Screen) {
        let inner = DialogBox.draw(&s, width: 90, height: subjects.count + 5)
        s.put("\(t(.eraseTitle)) \(caseID)", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, role: .title)
        let rows = max(1, inner.height - 2), start = (selected / rows) * rows
        for (i, r) in subjects.enumerated().dropFirst(start).prefix(rows).map({ ($0.offset - start, $0.element) }) {
            let isSel = start + i == selected
            let name = r.name.map { "  " + Sanitizer.visible($0.display(language)) } ?? ""
            let label = (isSel ? "> " : "  ") + "\(r.id)  \(r.kind.label(language))\(name)  "
                + r.cases.map(\.description).joined(separator: " ") + (r.erasedAt == nil ? "" : "  [\(t(.alreadyErased))]")
            s.putPadded(label, x: inner.x + 1, y: inner.y + 1 + i, width: inner.width - 2,
                        role: isSel ? .selected : (r.erasedAt == nil ? .dialog : .muted))
            if isSel { s.cursor = (inner.x + 1, inner.y + 1 + i) }
        }
        s.put(KeyMap.hint(.pickList, language), x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, role: .key)
    }
}
