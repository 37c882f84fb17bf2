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
    if step == .careKind(done: true) && input.openCare.isEmpty { return refuse(&m, ConsultationWords.noOpenCare(m.language)) }
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
    func back() { m.prompt = c.returnTo }
    // Esc or Ctrl-C with typed text asks first, on every step: the answers of a new consultation are typed text too.
    func leave() -> [Command] {
        if c.hasTypedText { m.prompt = .discard(.consult(c)) } else { back() }
        return []
    }
    /// The next question of a new consultation, with an empty field where it asks for text.
    func ask(_ step: ConsultInput.Step, limit: Int = 20_000) {
        c.step = step
        c.selected = 0
        c.field = TextField(limit: limit)
        c.proposed = ""
    }
    switch c.step {
    case .careKind, .newOrganization, .newParty, .newSecondary:
        switch KeyMap.action(for: key, in: .pickList) {
        case .moveUp?: c.selected = max(0, c.selected - 1)
        case .moveDown?: c.selected = max(0, min(c.choiceCount - 1, c.selected + 1))
        case .close?: return leave()
        case .accept?:
            guard c.selected < c.choiceCount else { return [] }
            switch c.step {
            case .careKind(done: false):
                c.step = .careDue(CareKind.allCases[c.selected])
                c.field = TextField(text: m.today.adding(days: 7).description, limit: 10)
                c.proposed = c.field.text
            case .careKind(done: true):
                guard let id = c.id else { return [] }
                back()
                return [.consult(id, .completeCareTask(c.openCare[c.selected]))]
            case .newOrganization:
                c.draft.organization = c.organizations[c.selected].id
                ask(.newParty)
            case .newParty:
                c.draft.openedBy = ConsultingParty.allCases[c.selected]
                ask(.newIdentified)
            default:
                c.draft.secondary = c.selected == 0 ? nil : SecondaryBy.allCases[c.selected - 1]
                back()
                return [.openConsultation(c.draft)]
            }
        default: break
        }
    case .linkConsent, .newIdentified, .newMentalHealth:
        let answer = KeyMap.action(for: key, in: .confirm)
        switch (c.step, answer) {
        case (_, .close?): return leave()
        case (.linkConsent(let caseID), .confirm?):
            guard let id = c.id else { return [] }
            back()
            return [.consult(id, .link(caseID, consent: true))]
        case (.linkConsent, .decline?):
            back()
            m.message = StatusMessage(text: ConsultationWords.notLinked(m.language), isError: false)
            return []
        // No keeps no name or contact: the anonymous consultation is the default.
        case (.newIdentified, .confirm?): c.draft.anonymous = false; ask(.newName, limit: 200)
        case (.newIdentified, .decline?): c.draft.anonymous = true; ask(.newHarm)
        case (.newMentalHealth, .confirm?), (.newMentalHealth, .decline?):
            c.draft.mentalHealth = answer == .confirm
            ask(.newSecondary)
        default: break
        }
    case .note, .close, .link, .careDue, .newName, .newContact, .newHarm, .newWants:
        switch KeyMap.action(for: key, in: .textInput) {
        case .close?: return leave()
        case .accept?:
            let text = c.field.text.trimmingCharacters(in: .whitespaces)
            let optional: String? = text.isEmpty ? nil : c.field.text
            switch c.step {
            // Name, contact and what they want may stay empty, as in `mado consult open`.
            case .newName: c.draft.name = optional; ask(.newContact, limit: 254)
            case .newContact: c.draft.contact = optional; ask(.newHarm)
            case .newWants: c.draft.wants = optional; ask(.newMentalHealth)
            default:
                guard !text.isEmpty else { return [] }
                switch c.step {
                case .note: if let id = c.id { back(); return [.consult(id, .addNote(c.field.text))] }
                case .close: if let id = c.id { back(); return [.consult(id, .close(reason: c.field.text))] }
                case .link:
                    guard let caseID = CaseID(text) else { return refuse(&m, ConsultationWords.badCase(m.language)) }
                    c.step = .linkConsent(caseID)
                case .careDue(let kind):
                    guard let due = LocalDate(iso: text), let id = c.id else { return refuse(&m, ConsultationWords.badDate(m.language)) }
                    back()
                    return [.consult(id, .openCareTask(kind, due: due))]
                case .newHarm: c.draft.harm = c.field.text; ask(.newWants)
                default: break
                }
            }
        default: edit(&c.field, key)
        }
    }
    m.prompt = .consult(c)
    return []
}

extension ConsultInput {
    /// Where Esc leads: the consultation it acts on, or the list for a new one.
    var returnTo: Prompt { id.map { .consultation($0, events, scroll: 0) } ?? .consultations(selected: 0) }
}

/// The desk recorded the counsellor's action (or a new consultation): reload the list and the consultation.
func consulted(_ m: inout Model, _ id: ConsultationID) -> [Command] {
    m.message = StatusMessage(text: "\(m.t(.saved)): \(id)", isError: false)
    return [.loadConsultations, .loadConsultation(id)]
}

/// The questions and refusals of a counsellor's steps.
extension ConsultationWords {
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
        case .careDue(let k): return (ja ? "期日 (YYYY-MM-DD) — " : "due (YYYY-MM-DD) — ") + ConsultationWords.care(k, l)
        case .newOrganization: return ja ? "新しい相談: 組織" : "new consultation: organization"
        case .newParty: return ja ? "相談しているのは" : "who is consulting"
        case .newIdentified: return ja ? "氏名と連絡先を記録しますか？ (いいえ: 匿名で記録)" : "Record their name and contact? (No: anonymous)"
        case .newName: return ja ? "氏名 (空でも可)" : "name (may be empty)"
        case .newContact: return ja ? "連絡先 (電話かメール、空でも可)" : "contact (phone or e-mail, may be empty)"
        case .newHarm: return ja ? "何があったか (本人の言葉で)" : "what happened (in their words)"
        case .newWants: return ja ? "会社に望むこと (空でも可)" : "what they want the company to do (may be empty)"
        case .newMentalHealth: return ja ? "心身の不調がありますか？" : "Is their health affected?"
        case .newSecondary: return ja ? "二次被害 (相談したことなどによる)" : "secondary harassment (for having consulted, or been harassed)"
        }
    }
}
