import DeskApp
import DeskDomain
@testable import DeskTUI
import Testing

/// Every dialog's hint line on screen is the one the key table generates for its context, in the console's language.
@Suite("dialog hints")
struct DialogHintTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let prompt: Prompt
        /// The hint the screen must show, in a language.
        let hint: @Sendable (Language) -> String
        var testDescription: String { name }
    }

    static let id = CaseID(number: 1)
    static let decision = HandoverDecision(caseID: id, decision: PolicyTable.standard.decide(FactSheet()), organization: "x",
                                           policy: .standard, scriptLanguage: .ja)

    static func hint(_ c: KeyContext) -> @Sendable (Language) -> String { { KeyMap.hint(c, $0) } }
    static func hint(_ c: KeyContext, after phrase: UIText) -> @Sendable (Language) -> String { { KeyMap.hint(c, after: phrase, $0) } }

    static let cases: [Case] = [
        Case(name: "help", prompt: .help, hint: hint(.help)),
        Case(name: "quit", prompt: .quitConfirm, hint: hint(.confirm)),
        Case(name: "confirm", prompt: .confirm(.startReview, text: "", id), hint: hint(.confirm)),
        Case(name: "ladder", prompt: .confirmLadder(.endResponse, id), hint: hint(.confirm)),
        Case(name: "note", prompt: .note(TextField(), id), hint: hint(.note, after: .typeNote)),
        Case(name: "reason", prompt: .text(TextField(), .close, id), hint: hint(.textInput, after: .typeText)),
        Case(name: "erase reason", prompt: .eraseReason(TextField(), ErasureTests.row, ErasureTests.impact),
             hint: hint(.textInput, after: .typeText)),
        Case(name: "shift note", prompt: .shiftNote(TextField()), hint: hint(.textInput, after: .typeText)),
        Case(name: "menu", prompt: .menu(selected: 0, id), hint: hint(.menu, after: .chooseAction)),
        Case(name: "subjects", prompt: .subjects(selected: 0, id, [ErasureTests.row]), hint: hint(.pickList)),
        Case(name: "assign", prompt: .assign(selected: 0, id, [StaffMember(user: "ito", displayName: "伊藤", role: .operator, active: true)]),
             hint: hint(.pickList)),
        Case(name: "retention", prompt: .retention(selected: 0), hint: hint(.retention)),
        Case(name: "consultations", prompt: .consultations(selected: 0), hint: hint(.consultations)),
        Case(name: "consultation", prompt: .consultation(ConsultationID(number: 1), [], scroll: 0), hint: hint(.consultation)),
        Case(name: "handovers", prompt: .handovers([], scroll: 0), hint: hint(.handovers)),
        Case(name: "shift board", prompt: .shiftBoard(scroll: 0), hint: hint(.shiftBoard)),
        Case(name: "monthly", prompt: .monthly(organization: nil, Month("2026-10")!, scroll: 0), hint: hint(.monthly)),
        Case(name: "counter form", prompt: .counterForm(CounterForm(organizations: [], openedAt: UpdateTests.now)), hint: hint(.counterForm)),
        Case(name: "discard form", prompt: .discardForm(CounterForm(organizations: [], openedAt: UpdateTests.now)),
             hint: { _ in KeyMap.keysHint(.confirm) }),
        Case(name: "decision", prompt: .decision(decision), hint: hint(.decision)),
        Case(name: "fixed scripts", prompt: .fixedScripts(.standard, returnTo: nil), hint: { _ in "— " + KeyMap.keyName(.close, in: .fixedScripts) }),
    ]

    @Test("the dialog shows its context's hint from the key table", arguments: cases, Language.allCases)
    func hintFromTable(_ c: Case, _ lang: Language) {
        var m = UpdateTests.model(role: .supervisor)
        m.size = Size(width: 160, height: 48)
        m.language = lang
        m.prompt = c.prompt
        let text = view(m).textLines.joined(separator: "\n")
        #expect(text.contains(c.hint(lang)), "\(c.name) \(lang): \(c.hint(lang))")
    }

    @Test("no hint is written by hand any more: no UI text is a hint line")
    func noHandWrittenHints() {
        #expect(!UIText.allCases.contains { "\($0)".hasSuffix("Hint") }, "\(UIText.allCases.filter { "\($0)".hasSuffix("Hint") })")
        // Key names belong to the table: no text names Esc, Enter or y/N by itself.
        for text in UIText.allCases {
            let words = Set(text.text(.en).split(separator: " ").map { $0.trimmingCharacters(in: .punctuationCharacters) })
            #expect(words.isDisjoint(with: ["Esc", "Enter", "y/N"]), "\(text)")
        }
    }
}
