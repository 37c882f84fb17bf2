/// What a key does in a dialog, menu, form or overlay. Each `KeyContext` binds the ones it offers.
public enum DialogAction: String, CaseIterable, Sendable {
    case moveUp, moveDown, previousField, nextField, previousOption, nextOption, toggle, answerYes, answerNo, accept,
         confirm, decline, close, switchButton, switchScriptLanguage, writeLeaflet, showFixedScripts, startShift, endShift,
         previousMonth, nextMonth, nextOrganization
}
