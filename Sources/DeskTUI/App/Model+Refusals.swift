import DeskDomain
import DeskApp

/// Why the user may not do something now, in the console's language: `update` refuses with it, the view greys with it.
extension Model {
    /// Erasing personal data from a case is the supervisors' (the role matrix), and never in review-only mode.
    public var erasureRefusal: String? { refusal(.eraseSubject) }

    /// Erasing a person of this kind: the customer file's are the supervisors', employees the counsellors'.
    public func erasureRefusal(_ kind: SubjectKind) -> String? { refusal(Desk.subjectAction(kind, erase: true)) }

    /// Why the user may not do `action` at all (nil: they may), in the console's language.
    public func refusal(_ action: DeskAction) -> String? {
        if readOnly && action.writes { return t(.readOnly) }
        return roleRefusal(action)
    }

    /// Why the user's role may not do `action`, review-only or not: what opens a list (the retention list, the shift
    /// board) is refused by role only, the actions inside it by `refusal`.
    public func roleRefusal(_ action: DeskAction) -> String? {
        Desk.refusal(action, role: me.role) == nil ? nil : Words.rolesOnly(RoleMatrix.roles(for: action), language)
    }

    /// Why `intent` would be refused on the case on screen now (nil: allowed): review-only, the role matrix, then the case.
    public func refusal(_ intent: CaseIntent) -> String? {
        if readOnly { return t(.readOnly) }
        guard let state = detailState else { return t(.selectCase) }
        // The case's refusals leave out the action: it is named beside them (menu, pane) or was just pressed.
        switch Desk.refusal(intent, on: state, by: me) {
        case nil: return nil
        case .decided(let e)?: return e.reason(language)
        case let e?: return humanMessage(e, language)
        }
    }

    /// The action menu's refusals for the case on screen, worked out once when the case changes (the view asks per frame).
    public func refusal(_ action: MenuAction) -> String? {
        menuRefusals.flatMap { $0[MenuAction.allCases.firstIndex(of: action) ?? 0] } ?? refusal(action.intent)
    }

    /// Why a key of the table is refused now (nil: allowed, or not a question of permission): `update` refuses it and
    /// the help greys it with this reason.
    public func keyRefusal(_ a: KeyAction) -> String? {
        switch a {
        case .handOver:
            if readOnly { return t(.readOnly) }
            return Desk.refusal(.recordIntake, role: me.role).map { humanMessage($0, language) }
        case .eraseSubject: return erasureRefusal
        case .assign: return detail == nil ? nil : refusal(.assign(.someoneElse))
        case .showRetention: return roleRefusal(.runRetention)
        case .showMonthly: return roleRefusal(.readMonthlyTotals)
        case .shift: return roleRefusal(.workShift)
        case .consultations: return roleRefusal(.listConsultations)
        case .addNote: return detail == nil ? nil : refusal(CaseIntent.addNote)
        case .take: return detail == nil ? nil : refusal(.assign(Actor(me.user)))
        case .changeState, .ladderStep: return readOnly ? t(.readOnly) : nil
        default: return nil
        }
    }
}

extension Actor {
    /// Anyone but the user, for asking whether they may assign a case to someone else before choosing whom.
    static let someoneElse = Actor("")
}
