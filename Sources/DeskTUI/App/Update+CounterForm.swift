import DeskDomain
import DeskApp

/// `H`: the counter form, once the organizations it offers have loaded.
func openCounterForm(_ m: inout Model) -> [Command] {
    if let why = m.keyRefusal(.handOver) { return refuse(&m, why) }
    return [.loadOrganizations]
}

func organizationsLoaded(_ m: inout Model, _ orgs: [OrganizationSummary]) -> [Command] {
    // A new consultation asks for its organization from the same list.
    if case .consult(var c)? = m.prompt, c.step == .newOrganization {
        guard !orgs.isEmpty else {
            m.prompt = .consultations(selected: 0)
            m.message = StatusMessage(text: m.t(.noOrganizations), isError: true)
            return []
        }
        c.organizations = orgs
        m.prompt = .consult(c)
        return []
    }
    guard m.prompt == nil else { return [] }
    if orgs.isEmpty { m.message = StatusMessage(text: m.t(.noOrganizations), isError: true); return [] }
    var f = CounterForm(organizations: orgs, openedAt: m.now)
    // Start on the selected case's organization: the counter usually belongs to one.
    if let o = m.selectedRow?.organization, let i = orgs.firstIndex(where: { $0.id == o }) { f.org = i }
    m.prompt = .counterForm(f)
    return []
}

/// The store recorded the report and the policy decided: the decision screen.
func handedOver(_ m: inout Model, _ id: CaseID, _ decision: HandedOver, organization: String, policy: PolicyTable,
                organizationID: OrganizationID? = nil, contact: ContactDetails = ContactDetails(), receipt: Receipt? = nil) -> [Command] {
    m.prompt = .decision(HandoverDecision(caseID: id, decision: decision, organization: organization, policy: policy,
                                          scriptLanguage: m.language, organizationID: organizationID, contact: contact, receipt: receipt))
    m.message = StatusMessage(text: "\(m.t(.saved)): \(id)", isError: false)
    return [refresh(m)]
}

/// Esc leaves the form, asking first if anything was typed.
func counterFormKey(_ m: inout Model, _ form: CounterForm, _ key: Key) -> [Command] {
    var f = form
    let action = KeyMap.action(for: key, in: .counterForm)
    if action == .close {
        m.prompt = f.isDirty ? .discardForm(f) : nil
        return []
    }
    let commands = updateForm(&m, &f, action, key)
    m.prompt = .counterForm(f)
    return commands
}

/// Full-width digits from a Japanese input method count as the digits they are.
private func asciiDigit(_ key: Key) -> Key {
    guard case .char(let c) = key, let u = c.unicodeScalars.first, c.unicodeScalars.count == 1,
          (0xFF10...0xFF19).contains(u.value), let d = Unicode.Scalar(u.value - 0xFF10 + 0x30) else { return key }
    return .char(Character(d))
}

private extension Key {
    var isDigit: Bool { if case .char(let c) = self { c.isASCII && c.isNumber } else { false } }
}

/// Keys in the counter form. Arrows and Tab move between fields (letters are text); Space answers yes/no.
private func updateForm(_ m: inout Model, _ f: inout CounterForm, _ action: DialogAction?, _ key: Key) -> [Command] {
    let count = CounterForm.fields.count
    switch action {
    case .previousField?: f.focus = (f.focus + count - 1) % count; return []
    case .nextField?: f.focus = (f.focus + 1) % count; return []
    case .accept? where f.field != .submit: f.focus += 1; return []
    default: break
    }
    let choose = action == .previousOption || action == .nextOption || action == .toggle
    let back = action == .previousOption
    switch f.field {
    case .organization:
        guard choose, !f.organizations.isEmpty else { return [] }
        f.org = (f.org + (back ? f.organizations.count - 1 : 1)) % f.organizations.count
        f.place = nil
    case .place:
        let n = f.places.count
        guard choose, n > 0 else { return [] }
        // nil → 0 → … → n-1 → nil
        let all = [nil] + (0..<n).map { Optional($0) }
        let i = all.firstIndex(of: f.place) ?? 0
        f.place = all[(i + (back ? all.count - 1 : 1)) % all.count]
    case .channel: if choose { f.channel = f.channel == .counter ? .phone : .counter }
    case .complaint: edit(&f.complaint, key)
    case .words: edit(&f.words, key)
    case .demand: edit(&f.demand, key)
    case .staff: edit(&f.staff, key)
    case .fact(let fact) where fact == .minutesSpent:
        // Only a digit or Backspace takes over from the timer; moving the caret does not freeze it.
        let key = asciiDigit(key)
        guard key.isDigit || key == .backspace || f.minutesTyped else { return [] }
        if !f.minutesTyped {
            f.minutes = TextField(text: key == .backspace ? String(f.elapsedMinutes(at: m.now)) : "", limit: 5)
            f.minutesTyped = true
        }
        if case .char(let c) = key, !c.isASCII || !c.isNumber { return [] }
        edit(&f.minutes, key)
        if f.minutes.text.isEmpty { f.minutesTyped = false }      // an empty field gives the timer back
    case .fact(let fact) where fact == .earlierContacts:
        let key = asciiDigit(key)
        if case .char(let c) = key, !c.isASCII || !c.isNumber { return [] }
        edit(&f.contacts, key)
    case .fact(let fact):
        // Enter moves on, as everywhere in the form; only Space, y and n answer.
        switch action {
        case .toggle?: f.facts.set(fact, fact.value(in: f.facts) >= 1 ? 0 : 1)
        case .answerYes?: f.facts.set(fact, 1)
        case .answerNo?: f.facts.set(fact, 0)
        default: break
        }
    case .submit:
        guard action == .accept else { return [] }
        guard let report = f.report(language: m.language, now: m.now) else {
            m.message = StatusMessage(text: m.t(.complaintNeeded), isError: true)
            f.focus = CounterForm.fields.firstIndex(of: .complaint) ?? 0
            return []
        }
        return [.handOver(report)]
    }
    return []
}

/// The decision screen: tick what was done, switch the scripts' language, write the leaflet, show the fixed scripts.
func decisionKey(_ m: inout Model, _ decision: HandoverDecision, _ key: Key) -> [Command] {
    var d = decision
    switch KeyMap.action(for: key, in: .decision) {
    case .moveUp?: d.selected = max(0, d.selected - 1)
    case .moveDown?: d.selected = min(max(0, d.decision.actions.count - 1), d.selected + 1)
    case .toggle?:
        if d.decision.actions.indices.contains(d.selected) {
            let a = d.decision.actions[d.selected]
            if d.done.contains(a) { d.done.remove(a) } else { d.done.insert(a) }
            d.warnedUnrecorded = false
        }
    case .switchScriptLanguage?: d.scriptLanguage = d.scriptLanguage == .ja ? .en : .ja
    case .writeLeaflet?:
        m.prompt = .decision(d)
        return [.printLeaflet(d.caseID, organization: d.organizationID, text: d.leafletText)]
    case .showFixedScripts?:
        m.prompt = .fixedScripts(d.policy, returnTo: d)
        return []
    case .accept?:
        // Enter confirms: each ticked item becomes an event (a ticked 110 call the ladder's call110 step), then back.
        let ticks = d.unrecorded
        m.prompt = nil
        return ticks.isEmpty ? [] : [.recordCounterActions(d.caseID, ticks)]
    case .close?:
        if !d.unrecorded.isEmpty && !d.warnedUnrecorded {
            d.warnedUnrecorded = true
            m.prompt = .decision(d)
            m.message = StatusMessage(text: CounterText.unrecordedWarning(m.language), isError: true)
            return []
        }
        m.prompt = nil
        return []
    default: break
    }
    m.prompt = .decision(d)
    return []
}
