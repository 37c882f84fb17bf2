/// The key table's part for dialogs, menus, forms and overlays: one list of bindings per context, in hint order.
extension KeyMap {
    public static func bindings(in context: KeyContext) -> [DialogBinding] { dialogBindings[context] ?? [] }

    /// The action `key` does in `context` (nil: none; text fields take such keys as text).
    public static func action(for key: Key, in context: KeyContext) -> DialogAction? { dialogActions[context]?[key] }

    private static let dialogBindings = Dictionary(uniqueKeysWithValues: KeyContext.allCases.map { ($0, table($0)) })

    /// Looked up per key; the first binding of a key wins (the tests allow none twice).
    private static let dialogActions = dialogBindings.mapValues { list in
        Dictionary(list.flatMap { b in b.keys.map { ($0, b.action) } }, uniquingKeysWith: { first, _ in first })
    }

    /// Esc and Ctrl-C leave every dialog; Ctrl-C never drops what was typed elsewhere than its own field.
    private static let cancel: [Key] = [.escape, .ctrl("c")]

    /// ↑/k and ↓/j, named "↑↓" in the hint line.
    private static func upDown(_ help: UIText, hinted: Int = 1) -> [DialogBinding] {
        [DialogBinding([.up, .char("k")], .moveUp, help, hinted: hinted),
         DialogBinding([.down, .char("j")], .moveDown, help, hinted: hinted)]
    }

    private static func table(_ c: KeyContext) -> [DialogBinding] {
        switch c {
        case .help: [DialogBinding([.escape, .char("?"), .f1, .char("q"), .enter, .ctrl("c")], .close, .closes, hinted: 2)]
        case .confirm:
            [DialogBinding([.char("y"), .char("Y")], .confirm, .yes),
             DialogBinding([.char("N"), .char("n"), .enter], .decline, .no),
             DialogBinding(cancel, .close, .dismiss, hinted: 0)]
        case .search: [DialogBinding([.enter], .accept, .keepFilter), DialogBinding(cancel, .close, .clearFilter)]
        case .note: [DialogBinding([.enter], .accept, .saveNote), DialogBinding(cancel, .close, .dismiss)]
        case .commandLine:
            [DialogBinding([.enter], .accept, .run), DialogBinding([.tab], .complete, .complete), DialogBinding(cancel, .close, .dismiss)]
        case .textInput: [DialogBinding([.enter], .accept, .confirmText), DialogBinding(cancel, .close, .dismiss)]
        case .menu: upDown(.choose, hinted: 0) + [DialogBinding([.enter], .accept, .doIt), DialogBinding(cancel, .close, .dismiss)]
        case .pickList:
            upDown(.choose) + [DialogBinding([.enter], .accept, .next), DialogBinding(cancel + [.char("q")], .close, .dismiss)]
        case .retention:
            upDown(.choose, hinted: 0) + [DialogBinding([.enter], .accept, .eraseNext),
                                          DialogBinding(cancel + [.char("q"), .char("R")], .close, .close)]
        case .consultations:
            upDown(.choose) + [DialogBinding([.enter], .accept, .openConsultation), DialogBinding([.char("o")], .newConsultation, .newConsultationKey),
                               DialogBinding(cancel + [.char("q"), .char("K")], .close, .close)]
        case .consultation:
            upDown(.scroll) + [DialogBinding([.char("a")], .consultNote, .consultNoteKey), DialogBinding([.char("c")], .consultCare, .consultCareKey),
                               DialogBinding([.char("d")], .consultCareDone, .consultCareDoneKey),
                               DialogBinding([.char("L")], .consultLink, .consultLinkKey), DialogBinding([.char("x")], .consultClose, .consultCloseKey),
                               DialogBinding(cancel + [.char("q")], .close, .backToList)]
        case .handovers:
            [DialogBinding([.enter], .startShift, .startShiftNow)] + upDown(.scroll) + [DialogBinding(cancel + [.char("q")], .close, .close)]
        case .shiftBoard:
            upDown(.scroll, hinted: 0) + [DialogBinding([.char("s")], .startShift, .startShift), DialogBinding([.char("e")], .endShift, .endShift),
                                          DialogBinding(cancel + [.char("q"), .char("W")], .close, .close)]
        case .monthly:
            [DialogBinding([.left], .previousMonth, .month), DialogBinding([.right], .nextMonth, .month),
             DialogBinding([.char("o")], .nextOrganization, .changeOrganization)]
                + upDown(.scroll) + [DialogBinding(cancel + [.char("q"), .char("M")], .close, .close)]
        case .assessForm: fields + [DialogBinding([.char(" ")], .toggle, .tick), DialogBinding([.left], .previousOption, .choose),
                                    DialogBinding([.right], .nextOption, .choose), DialogBinding([.enter], .accept, .nextOrRecord),
                                    DialogBinding(cancel, .close, .dismiss)]
        case .counterForm:
            fields + [DialogBinding([.char(" ")], .toggle, .yesNoAnswer), DialogBinding([.left], .previousOption, .choose),
                      DialogBinding([.right], .nextOption, .choose), DialogBinding([.char("y"), .char("Y")], .answerYes, .yes, hinted: 0),
                      DialogBinding([.char("n"), .char("N")], .answerNo, .no, hinted: 0),
                      DialogBinding([.enter], .accept, .nextOrHandOver), DialogBinding(cancel, .close, .close)]
        case .decision:
            upDown(.item) + [DialogBinding([.char(" ")], .toggle, .done), DialogBinding([.char("L")], .switchScriptLanguage, .scriptLanguage),
                             DialogBinding([.char("w")], .writeLeaflet, .printLeaflet), DialogBinding([.char("F")], .showFixedScripts, .fixedScriptsKey),
                             DialogBinding([.enter], .accept, .recordTicked), DialogBinding(cancel + [.char("q")], .close, .close)]
        case .fixedScripts: [DialogBinding(cancel + [.char("q"), .char("F"), .enter], .close, .close)]
        case .confirmErase:
            // Only Tab and the arrows move to Erase: letters typed after an early Enter (h, l) must never reach it.
            [DialogBinding([.tab, .backTab, .left, .right], .switchButton, .switchButton), DialogBinding([.enter], .accept, .pressButton),
             DialogBinding(cancel + [.char("q"), .char("n"), .char("N")], .close, .dismiss)]
        }
    }

    /// Between the fields of a form: ↑ and Shift-Tab back, ↓ and Tab on ("↑↓/Tab" in the hint line).
    private static let fields = [DialogBinding([.up, .backTab], .previousField, .field),
                                 DialogBinding([.down, .tab], .nextField, .field, hinted: 2)]
}
