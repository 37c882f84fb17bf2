import DeskDomain
import DeskApp

/// The dialog, menu, form or overlay open over the panes (nil: none).
public indirect enum Prompt: Equatable, Sendable {
    case help
    /// The `:` command line, and what Tab offered last.
    case command(TextField, candidates: [String])
    /// `t`: taking a case is recorded, so it asks first (y/N).
    case confirmTake(CaseID)
    /// `s` on the shift board: starting a shift is recorded, so it asks first (y/N).
    case confirmStartShift
    /// Esc or Ctrl-C on a field with text in it: discard it (y) or go back to it (No).
    case discard(Prompt)
    case search(TextField)
    case note(TextField, CaseID)
    case menu(selected: Int, CaseID)
    case text(TextField, MenuAction, CaseID)
    case confirm(MenuAction, text: String, CaseID)
    /// A police-ladder step leaves the desk: a dialog that names the event, No by default.
    case confirmLadder(LadderStep, CaseID)
    case quitConfirm
    /// The desk's two-axis assessment of the case on screen.
    case assessForm(AssessForm, CaseID)
    /// The people of a case, one to pick for erasure.
    case subjects(selected: Int, CaseID, [SubjectRow])
    /// The reason for an erasure, with what it will make unreadable.
    case eraseReason(TextField, SubjectRow, [ErasureImpact])
    /// Erasure is irreversible: a dialog naming the event, with Cancel focused until the user moves to Erase.
    case confirmErase(SubjectRow, reason: String, [ErasureImpact], eraseFocused: Bool)
    /// Whom to assign a case to.
    case assign(selected: Int, CaseID, [StaffMember])
    /// Who falls due for erasure this month.
    case retention(selected: Int)
    /// An organization's monthly totals (supervisors and auditors): which organization, which month, how far scrolled.
    case monthly(organization: OrganizationID?, Month, scroll: Int)
    /// Handovers left since the user's last shift, shown when the console opens (Enter starts the shift).
    case handovers([HandoverRecord], scroll: Int)
    /// Who is on shift and what each holds (supervisors see everyone, others themselves).
    case shiftBoard(scroll: Int)
    /// The note for the next operator, before the shift ends.
    case shiftNote(TextField)
    /// The employee consultations (no content), and one opened by a counsellor.
    case consultations(selected: Int)
    case consultation(ConsultationID, [EventEnvelope], scroll: Int)
    /// A counsellor's action on a consultation, or a new one, one question at a time.
    case consult(ConsultInput)
    /// The counter form (H); the interaction's timer runs from when it opened.
    case counterForm(CounterForm)
    /// Leaving a form with input asks first (No keeps it).
    case discardForm(CounterForm)
    /// The policy's decision after a hand-over.
    case decision(HandoverDecision)
    /// The fixed scripts, for the phone and the counter (F), in a policy's words; Esc goes back to the decision
    /// screen it was opened from, if any.
    case fixedScripts(PolicyTable, returnTo: HandoverDecision?)
}
