import DeskDomain

/// Where a key is read while a dialog, menu, form or overlay is open. Each has its own bindings in the key table.
public enum KeyContext: String, CaseIterable, Sendable {
    /// The `?` help.
    case help
    /// A y/N question: an action or police-ladder step to record, quitting, discarding a form.
    case confirm
    /// Typing the search text (`/`).
    case search
    /// The `:` command line.
    case commandLine
    /// Typing a note (`a`).
    case note
    /// Typing a reason, a reference or the note for the next shift.
    case textInput
    /// The action menu (`s`).
    case menu
    /// Choosing the person to erase, or whom to assign a case to.
    case pickList
    /// Who falls due for erasure this month (`R`).
    case retention
    /// The employee consultations (`K`), and one of them opened.
    case consultations, consultation
    /// The handovers shown at login.
    case handovers
    /// Who is on shift (`W`).
    case shiftBoard
    /// The monthly totals (`M`).
    case monthly
    /// The two-axis assessment of a case.
    case assessForm
    /// The counter form (`H`), its decision screen and the fixed scripts (`F`).
    case counterForm, decision, fixedScripts
    /// Erasure's last dialog: Cancel (focused) or Erase.
    case confirmErase

    /// Between the keys of one binding in the hint line: "↓/Tab", but the help's title reads as a sentence,
    /// "Esc or ? closes".
    func keySeparator(_ lang: Language) -> String {
        guard self == .help else { return "/" }
        return lang == .ja ? " または " : " or "
    }

    /// Between a key and its help in the hint line: `y: yes` in questions and inputs, `Enter next` in lists and forms.
    var hintSeparator: String {
        switch self {
        case .confirm, .search, .note, .textInput, .menu, .commandLine: ": "
        default: " "
        }
    }
}
