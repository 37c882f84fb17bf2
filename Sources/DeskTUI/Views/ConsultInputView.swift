import DeskApp
import DeskDomain

/// A counsellor's step over the consultation (or the list): a choice, a line of text, or a y/N question.
struct ConsultInputView {
    let input: ConsultInput
    let language: Language

    func render(into s: inout Screen) {
        let label = ConsultationWords.label(input.step, language)
        switch input.step {
        case .note, .close, .link, .careDue, .newName, .newContact, .newHarm, .newWants:
            InputLine(label: label + ": ", field: input.field, hint: KeyMap.hint(.textInput, after: .typeText, language)).render(into: &s)
        case .linkConsent, .newIdentified, .newMentalHealth:
            ConfirmDialog(width: 70, lines: [PaneLine(label, .dialog)], hint: KeyMap.hint(.confirm, language)).render(into: &s)
        case .careKind(let done):
            let kinds = done ? input.openCare : CareKind.allCases
            list(label, kinds.map { ConsultationWords.care($0, language) }, into: &s)
        case .newOrganization:
            list(label, input.organizations.map { Sanitizer.visible($0.name) }, into: &s)
        case .newParty:
            list(label, ConsultingParty.allCases.map { ConsultationWords.party($0, language) }, into: &s)
        case .newSecondary:
            list(label, [language == .ja ? "なし" : "none"] + SecondaryBy.allCases.map { ConsultationWords.secondary($0, language) }, into: &s)
        }
    }

    private func list(_ title: String, _ items: [String], into s: inout Screen) {
        let inner = DialogBox.draw(&s, width: 50, height: items.count + 4)
        s.put(title, x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, role: .title)
        for (i, item) in items.enumerated() {
            let selected = i == input.selected
            s.putPadded((selected ? "> " : "  ") + item, x: inner.x + 1, y: inner.y + 1 + i, width: inner.width - 2,
                        role: selected ? .selected : .dialog)
            if selected { s.cursor = (inner.x + 1, inner.y + 1 + i) }
        }
        if items.isEmpty { s.put(UIText.loading.text(language), x: inner.x + 1, y: inner.y + 1, maxWidth: inner.width - 2, role: .muted) }
        s.put(KeyMap.hint(.pickList, language), x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, role: .key)
    }
}
