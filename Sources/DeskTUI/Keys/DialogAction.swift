/// What a key does in a dialog, menu, form or overlay. Each `KeyContext` binds the ones it offers.
public enum DialogAction: String, CaseIterable, Sendable {
    /// Through a list, or scrolling an overlay's text.
    case moveUp, moveDown
    /// Between a form's fields, and through the choices of one.
    case previousField, nextField, previousOption, nextOption
    /// Space: tick a box or answer a yes/no fact; y and n answer one outright.
    case toggle, answerYes, answerNo
    /// Enter: open, choose, save, go on.
    case accept
    /// A y/N question: y, and the No that keeps what was typed.
    case confirm, decline
    /// Leave the dialog (Esc, Ctrl-C, and q or the key that opened it where nothing is typed).
    case close
    /// Tab on the `:` line: complete the command or its value from the key table.
    case complete
    /// Move between Cancel and Erase.
    case switchButton
    /// A counsellor's actions on a consultation, and a new one from the list.
    case consultNote, consultCare, consultCareDone, consultLink, consultClose, newConsultation
    case switchScriptLanguage, writeLeaflet, showFixedScripts, startShift, endShift, previousMonth, nextMonth, nextOrganization
}
