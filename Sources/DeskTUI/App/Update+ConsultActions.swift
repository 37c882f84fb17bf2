import DeskApp
import DeskDomain

/// In an opened consultation: the counsellor's actions, each a step of `ConsultInput` (what `mado consult` does).
func consultationActionKey(_ m: inout Model, _ id: ConsultationID, _ events: [EventEnvelope], _ action: DialogAction) -> [Command]? {
    let step: ConsultInput.Step
    switch action {
    case .consultNote: step = .note
    case .consultClose: step = .close
    case .consultLink: step = .link
    case .consultCare: step = .careKind(done: false)
    case .consultCareDone: step = .careKind(done: true)
    default: return nil
    }
    if let why = m.roleRefusal(.handleConsultation) ?? (m.readOnly ? m.t(.readOnly) : nil) { return refuse(&m, why) }
    let input = ConsultInput(id: id, events: events, step: step)
    if step == .careKind(done: true) && input.openCare.isEmpty { return refuse(&m, ConsultWords.noOpenCare(m.language)) }
    m.prompt = .consult(input)
    return []
}

/// `o` on the list: a new consultation, starting with its organization.
func newConsultation(_ m: inout Model) -> [Command] {
    if let why = m.roleRefusal(.openConsultation) ?? (m.readOnly ? m.t(.readOnly) : nil) { return refuse(&m, why) }
    m.prompt = .consult(ConsultInput(id: nil, events: [], step: .newOrganization))
    return [.loadOrganizations]
}

/// Keys while a consultation step is open: lists choose, fields take text, questions take y/N; Esc goes back.
func consultKey(_ m: inout Model, _ input: ConsultInput, _ key: Key) -> [Command] {
    var c = input
    func back() { m.prompt = c.id.map { .consultation($0, c.events, scroll: 0) } ?? .consultations(selected: 0) }
    switch c.step {
    case .careKind, .newOrganization:
        switch KeyMap.action(for: key, in: .pickList) {
        case .moveUp?: c.selected = max(0, c.selected - 1)
        case .moveDown?: c.selected = max(0, min(c.choices.count - 1, c.selected + 1))
        case .close?: back(); return []
        case .accept?:
            guard c.choices.indices.contains(c.selected) else { return [] }
            switch c.step {
            case .careKind(done: false):
                c.step = .careDue(CareKind.allCases[c.selected])
                c.field = TextField(text: m.today.adding(days: 7).description, limit: 10)
            case .careKind(done: true):
                guard let id = c.id else { return [] }
                back()
                return [.consult(id, .completeCareTask(c.openCare[c.selected]))]
            default:
                c.step = .newHarm(c.organizations[c.selected].id)
                c.field = TextField(limit: 20_000)
            }
        default: break
        }
    case .linkConsent, .newMentalHealth:
        let answer = KeyMap.action(for: key, in: .confirm)
        switch (c.step, answer) {
        case (_, .close?): back(); return []
        case (.linkConsent(let caseID), .confirm?):
            guard let id = c.id else { return [] }
            back()
            return [.consult(id, .link(caseID, consent: true))]
        case (.linkConsent, .decline?):
            back()
            m.message = StatusMessage(text: ConsultWords.notLinked(m.language), isError: false)
            return []
        case (.newMentalHealth(let org, let harm), .confirm?), (.newMentalHealth(let org, let harm), .decline?):
            back()
            return [.openConsultation(ConsultationRequest(organization: org, anonymous: true, harm: harm, mentalHealth: answer == .confirm))]
        default: break
        }
    case .note, .close, .link, .careDue, .newHarm:
        switch KeyMap.action(for: key, in: .textInput) {
        case .close?: back(); return []
        case .accept?:
            let text = c.field.text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return [] }
            switch c.step {
            case .note: if let id = c.id { back(); return [.consult(id, .addNote(c.field.text))] }
            case .close: if let id = c.id { back(); return [.consult(id, .close(reason: c.field.text))] }
            case .link:
                guard let caseID = CaseID(text) else { return refuse(&m, ConsultWords.badCase(m.language)) }
                c.step = .linkConsent(caseID)
            case .careDue(let kind):
                guard let due = LocalDate(iso: text), let id = c.id else { return refuse(&m, ConsultWords.badDate(m.language)) }
                back()
                return [.consult(id, .openCareTask(kind, due: due))]
            case .newHarm(let org): c.step = .newMentalHealth(org, harm: c.field.text)
            default: break
            }
        default: edit(&c.field, key)
        }
    }
    m.prompt = .consult(c)
    return []
}

/// The desk recorded the counsellor's action (or a new consultation): reload the list and the consultation.
func consulted(_ m: inout Model, _ id: ConsultationID) -> [Command] {
    m.message = StatusMessage(text: "\(m.t(.saved)): \(id)", isError: false)
    return [.loadConsultations, .loadConsultation(id)]
}

/// The consultation desk's sentences in both languages.
enum ConsultWords {
    static func noOpenCare(_ l: Language) -> String { l == .ja ? "完了にできるケアがありません" : "no care task is open" }
    static func notLinked(_ l: Language) -> String {
        l == .ja ? "本人の同意がないため関連付けませんでした" : "not linked: the employee's consent is needed"
    }
    static func badCase(_ l: Language) -> String { l == .ja ? "案件番号は C-000123 の形で入力してください" : "a case number looks like C-000123" }
    static func badDate(_ l: Language) -> String { l == .ja ? "期日は YYYY-MM-DD で入力してください" : "the due date is YYYY-MM-DD" }

    /// What the step asks, as the input line's or the dialog's label.
    static func label(_ step: ConsultInput.Step, _ l: Language) -> String {
        let ja = l == .ja
        switch step {
        case .note: return ja ? "相談メモ" : "consultation note"
        case .close: return ja ? "相談を終える理由" : "why the consultation closes"
        case .link: return ja ? "関連付ける案件番号 (本人の同意が必要)" : "case to link (needs the employee's consent)"
        case .linkConsent(let c): return ja ? "\(c) と関連付けることに本人が同意していますか？" : "Has the employee consented to linking \(c)?"
        case .careKind(let done): return done ? (ja ? "完了したケア" : "care task done") : (ja ? "始めるケア" : "care task to open")
        case .careDue(let k): return (ja ? "期日 (YYYY-MM-DD) — " : "due (YYYY-MM-DD) — ") + careLabel(k, l)
        case .newOrganization: return ja ? "新しい相談: 組織" : "new consultation: organization"
        case .newHarm: return ja ? "新しい相談: 何があったか" : "new consultation: what happened"
        case .newMentalHealth: return ja ? "心身の不調がありますか？ (匿名で記録します)" : "Is their health affected? (recorded anonymously)"
        }
    }
}
