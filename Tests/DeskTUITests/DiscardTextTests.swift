import DeskApp
import DeskDomain
@testable import DeskTUI
import Testing

/// Esc and Ctrl-C never drop typed text unasked, in every prompt that takes text (issue 18: "unsaved text asks before it
/// is dropped"). The search line is exempt (Esc clears the filter), and so is the `:` line, as in vi.
@Suite("typed text asks before it is dropped")
struct DiscardTextTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        /// The prompt as it opens, before anything is typed.
        let start: Prompt
        /// Typed into it (nothing: the prompt holds text already).
        var typed = "下書き"
        /// Where y on the question leads; also where Esc leads from the prompt as it opened, when `emptyLeaves`.
        var dropped: Prompt? = nil
        /// What No goes back to, when not the prompt as typed.
        var kept: Prompt? = nil
        /// The counter form asks its own question over the form.
        var question: @Sendable (Prompt) -> Prompt = { .discard($0) }
        var emptyLeaves = true
        var testDescription: String { name }
    }

    static let id = CaseID(number: 1)
    static let kid = ConsultationID(number: 7)
    static let row = SubjectRow(id: SubjectID("s-00000000000000a1"), kind: .applicant, cases: [id], erasedAt: nil, name: nil)
    static let consultation = Prompt.consultation(kid, [], scroll: 0)

    static func consult(_ step: ConsultInput.Step, new: Bool = false, draft: (inout ConsultationRequest) -> Void = { _ in }) -> Prompt {
        var c = ConsultInput(id: new ? nil : kid, events: [], step: step)
        draft(&c.draft)
        return .consult(c)
    }

    static var assessOnReason: Prompt {
        var f = AssessForm()
        f.focus = AssessForm.rows.firstIndex(of: .reason)!
        return .assessForm(f, id)
    }

    static var counterOnComplaint: Prompt {
        var f = CounterForm(organizations: [], openedAt: UpdateTests.now)
        f.focus = CounterForm.fields.firstIndex(of: .complaint)!
        return .counterForm(f)
    }

    static let cases: [Case] = [
        Case(name: "case note", start: .note(TextField(), id)),
        Case(name: "escalation to the police: the reason", start: .text(TextField(limit: 2_000), .escalatePolice, id)),
        Case(name: "classification: the reason", start: .text(TextField(limit: 2_000), .classifyHarassment, id)),
        Case(name: "police report done: the reference", start: .text(TextField(limit: 2_000), .policeReportDone, id)),
        Case(name: "what was said on the phone", start: .text(TextField(limit: 2_000), .feedbackPhone, id)),
        Case(name: "the y/N after a typed reason", start: .confirm(.escalateLawyer, text: "下書き", id), typed: "",
             kept: .text(TextField(text: "下書き", limit: 2_000), .escalateLawyer, id), emptyLeaves: false),
        Case(name: "assessment reason", start: assessOnReason),
        Case(name: "erasure reason", start: .eraseReason(TextField(limit: ClearReason.limit), row, [])),
        Case(name: "shift note", start: .shiftNote(TextField(limit: ShiftHandover.noteLimit)), dropped: .shiftBoard(scroll: 0)),
        Case(name: "counter form, free text", start: counterOnComplaint, question: {
            if case .counterForm(let f) = $0 { .discardForm(f) } else { $0 }
        }),
        Case(name: "consultation note", start: consult(.note), dropped: consultation),
        Case(name: "consultation close reason", start: consult(.close), dropped: consultation),
        Case(name: "consultation link: the case number", start: consult(.link), typed: "C-00", dropped: consultation),
        Case(name: "new consultation: name", start: consult(.newName, new: true), dropped: .consultations(selected: 0)),
        Case(name: "new consultation: contact", start: consult(.newContact, new: true), dropped: .consultations(selected: 0)),
        Case(name: "new consultation: what happened", start: consult(.newHarm, new: true), dropped: .consultations(selected: 0)),
        Case(name: "new consultation: what they want", start: consult(.newWants, new: true), dropped: .consultations(selected: 0)),
        // The typed answers of a new consultation are dropped by Esc on a later question too.
        Case(name: "new consultation: a question after what happened", start: consult(.newMentalHealth, new: true) { $0.harm = "怒鳴られた" },
             typed: "", dropped: .consultations(selected: 0), emptyLeaves: false),
        Case(name: "new consultation: the list after what happened", start: consult(.newSecondary, new: true) { $0.harm = "怒鳴られた" },
             typed: "", dropped: .consultations(selected: 0), emptyLeaves: false),
    ]

    @Test("Esc and Ctrl-C with typed text ask (y/N); No goes back to the text intact, y drops it", arguments: cases)
    func asks(_ c: Case) {
        var m = UpdateTests.model(role: .supervisor)
        m.prompt = c.start
        for ch in c.typed { _ = update(&m, .keyPressed(.char(ch))) }
        let typed = m.prompt!
        if !c.typed.isEmpty { #expect(typed != c.start && String(describing: typed).contains(c.typed), "the text did not go in") }
        let kept = c.kept ?? typed
        for cancel in [Key.escape, .ctrl("c")] {
            #expect(update(&m, .keyPressed(cancel)) == [])
            #expect(m.prompt == c.question(kept), "\(cancel) did not ask")
            for no in [Key.char("n"), .enter, .escape] {
                #expect(update(&m, .keyPressed(no)) == [])
                #expect(m.prompt == kept, "\(no) did not go back to the text")
                _ = update(&m, .keyPressed(cancel))
            }
            #expect(update(&m, .keyPressed(.char("y"))) == [])
            #expect(m.prompt == c.dropped)
            #expect(m.message == StatusMessage(text: "Cancelled", isError: false))
            m.prompt = kept
        }
    }

    @Test("with nothing typed, Esc leaves at once", arguments: cases.filter(\.emptyLeaves))
    func nothingTyped(_ c: Case) {
        var m = UpdateTests.model(role: .supervisor)
        m.prompt = c.start
        _ = update(&m, .keyPressed(.escape))
        #expect(m.prompt == c.dropped)
    }

    @Test("the proposed due date of a care task is not typed text: Esc leaves; a changed date asks")
    func proposedDate() {
        var m = UpdateTests.model(role: .supervisor)
        m.prompt = Self.consult(.careKind(done: false))
        _ = update(&m, .keyPressed(.enter))
        guard case .consult(let c)? = m.prompt, case .careDue = c.step, !c.field.text.isEmpty else { Issue.record("no due date"); return }
        _ = update(&m, .keyPressed(.escape))
        #expect(m.prompt == Self.consultation)
        m.prompt = .consult(c)
        _ = update(&m, .keyPressed(.backspace))
        _ = update(&m, .keyPressed(.char("9")))
        guard case .consult(let changed)? = m.prompt else { return }
        _ = update(&m, .keyPressed(.escape))
        #expect(m.prompt == .discard(.consult(changed)))
    }
}
