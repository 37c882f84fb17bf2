import DeskDomain
import DeskApp

/// The open dialog, menu, form or overlay, drawn over the panes with the values it shows.
func drawPrompt(_ prompt: Prompt, _ m: Model, into s: inout Screen) {
    let lang = m.language
    switch prompt {
    case .help:
        let refusals = KeyAction.allCases.compactMap { a in m.keyRefusal(a).map { (a, $0) } }
        HelpOverlay(focus: m.focus, refusals: Dictionary(uniqueKeysWithValues: refusals), language: lang, keys: m.keys).render(into: &s)
    case .command(let f, let candidates):
        // What Tab offered, cut by width with the count of those left out.
        let hint = candidates.isEmpty ? KeyMap.hint(.commandLine, after: .typeCommand, lang) : ListFit.line(candidates, width: s.width - 2)
        InputLine(label: ":", field: f, hint: hint).render(into: &s)
    case .discard(let back):
        drawPrompt(back, m, into: &s)
        let cursor = s.cursor
        ConfirmDialog(width: 60, lines: [PaneLine(m.t(.discardQuestion), .warning), PaneLine(m.t(.discardKeep), .dialog)],
                      hint: KeyMap.hint(.confirm, lang)).render(into: &s)
        s.cursor = cursor
    case .confirmTake(let id):
        ConfirmDialog(width: 70, lines: [PaneLine("\(id): " + m.t(.takeConfirm), .title), PaneLine(m.t(.confirmAction), .dialog)],
                      hint: KeyMap.hint(.confirm, lang)).render(into: &s)
    case .confirmStartShift:
        shiftBoard(m, scroll: 0, note: nil).render(into: &s)
        ConfirmDialog(width: 60, lines: [PaneLine(m.t(.startShiftConfirm), .dialog)], hint: KeyMap.hint(.confirm, lang)).render(into: &s)
    case .quitConfirm:
        ConfirmDialog(width: 50, lines: [PaneLine(m.t(.quitConfirm), .dialog)], hint: KeyMap.hint(.confirm, lang)).render(into: &s)
    case .search(let f): InputLine(label: "/", field: f).render(into: &s)
    case .note(let f, let id): InputLine(label: "\(m.t(.note)) \(id): ", field: f, hint: KeyMap.hint(.note, after: .typeNote, lang)).render(into: &s)
    case .text(let f, let a, _):
        InputLine(label: (lang == .ja ? a.label.ja : a.label.en) + " — " + m.t(a.needsText ?? .reason) + ": ", field: f,
                  hint: KeyMap.hint(.textInput, after: .typeText, lang)).render(into: &s)
    case .menu(let sel, let id):
        MenuOverlay(caseID: id, selected: sel, refusals: m.menuRefusals ?? MenuAction.allCases.map { m.refusal($0) }, language: lang).render(into: &s)
    case .subjects(let sel, let id, let list): SubjectsDialog(caseID: id, subjects: list, selected: sel, language: lang).render(into: &s)
    case .assessForm(let f, let id): AssessFormView(caseID: id, form: f, language: lang).render(into: &s)
    case .counterForm(let f): CounterFormView(form: f, now: m.now, language: lang).render(into: &s)
    case .discardForm(let f):
        CounterFormView(form: f, now: m.now, language: lang).render(into: &s)
        let inner = DialogBox.draw(&s, width: 50, height: 3)
        s.put(m.t(.discardQuestion) + " " + KeyMap.keysHint(.confirm), x: inner.x + 1, y: inner.y, maxWidth: inner.width - 2, role: .warning)
        s.cursor = (inner.x + 1, inner.y)
    case .decision(let d): DecisionView(decision: d, language: lang, message: m.message).render(into: &s)
    case .fixedScripts(let policy, _): FixedScriptsOverlay(policy: policy, language: lang).render(into: &s)
    case .assign(let sel, let id, let staff):
        AssignDialog(caseID: id, staff: staff, selected: sel, assignee: m.detail?.summary.assignee, language: lang).render(into: &s)
    case .handovers(let list, let scroll): HandoversOverlay(handovers: list, scroll: scroll, language: lang).render(into: &s)
    case .consultations(let sel):
        ConsultationsOverlay(rows: m.consultationRows, selected: sel, showsFlags: m.roleRefusal(.seeConsultationFlags) == nil, today: m.today,
                             language: lang, names: m.organizationNames).render(into: &s)
    case .consultation(let id, let events, let scroll):
        ConsultationOverlay(id: id, events: events, scroll: scroll, language: lang, names: m.organizationNames).render(into: &s)
    case .consult(let c):
        if let id = c.id {
            ConsultationOverlay(id: id, events: c.events, scroll: 0, language: lang, names: m.organizationNames).render(into: &s)
        } else {
            ConsultationsOverlay(rows: m.consultationRows, selected: 0, showsFlags: m.roleRefusal(.seeConsultationFlags) == nil, today: m.today,
                                 language: lang, names: m.organizationNames).render(into: &s)
        }
        ConsultInputView(input: c, language: lang).render(into: &s)
    case .shiftBoard(let scroll): shiftBoard(m, scroll: scroll, note: nil).render(into: &s)
    case .shiftNote(let f): shiftBoard(m, scroll: 0, note: f).render(into: &s)
    case .monthly(_, let month, let scroll):
        let name = m.monthlyOrganizations.first { $0.id.rawValue == m.monthly?.organization }?.name ?? m.monthly?.organization ?? ""
        MonthlyOverlay(organizationName: name, month: month, lines: m.monthly?.month == month ? m.monthlyLines : nil, scroll: scroll,
                       language: lang).render(into: &s)
    case .retention(let sel):
        let chosen = m.retentionDue.flatMap { sel < $0.count ? $0[sel] : nil }
        RetentionOverlay(due: m.retentionDue, selected: sel, today: m.today, refusal: chosen.flatMap { m.erasureRefusal($0.kind) },
                         language: lang).render(into: &s)
    case .eraseReason(let f, let row, let impact):
        ErasureDialog(subject: row, impact: impact, stage: .reason(f), language: lang).render(into: &s)
    case .confirmErase(let row, let reason, let impact, let focused):
        ErasureDialog(subject: row, impact: impact, stage: .confirm(reason: reason, eraseFocused: focused), language: lang).render(into: &s)
    case .confirmLadder(let step, let id):
        ConfirmDialog(width: 70, lines: [PaneLine("\(id): " + m.t(.ladder), .title),
                                         PaneLine(step.label(lang) + "  (\(DeskEvent.ladderStepTaken(LadderStepTaken(step: step)).recorded(lang)))",
                                                  step == .call110 ? .danger : .dialog),
                                         PaneLine(m.t(.confirmAction), .dialog)], hint: KeyMap.hint(.confirm, lang)).render(into: &s)
    case .confirm(let a, let text, let id):
        ConfirmDialog(width: 70, lines: [PaneLine("\(id): " + (lang == .ja ? a.label.ja : a.label.en), .title),
                                         text.isEmpty ? nil : PaneLine(Sanitizer.visible(text), .dialog),
                                         PaneLine(m.t(.confirmAction), .dialog)], hint: KeyMap.hint(.confirm, lang)).render(into: &s)
    }
}

/// A supervisor sees everyone on the desk's line, the others their own shift.
private func shiftBoard(_ m: Model, scroll: Int, note: TextField?) -> ShiftBoardOverlay {
    let everyone = m.roleRefusal(.seeWholeShiftBoard) == nil
    let rows = m.shiftBoard.map { $0.filter { everyone || $0.member.user == m.me.user } }
    return ShiftBoardOverlay(rows: rows, scroll: scroll, note: note, language: m.language)
}
