/// What a clerk records at the counter or on the phone before handing over: facts and the customer's
/// words, never a judgement. The same for the console's form and `mado handover`.
public struct CounterReport: Hashable, Sendable {
    public var organization: OrganizationID
    public var branch: String?
    public var store: String?
    public var channel: Channel
    public var language: Language
    public var occurredAt: String?
    /// What happened, in facts.
    public var complaint: String
    /// The customer's words, verbatim.
    public var words: String?
    /// What the customer demands.
    public var demand: String?
    /// Staff members involved, by name.
    public var staff: [String]
    public var facts: FactSheet

    public init(organization: OrganizationID, branch: String? = nil, store: String? = nil, channel: Channel = .counter,
                language: Language = .ja, occurredAt: String? = nil, complaint: String, words: String? = nil,
                demand: String? = nil, staff: [String] = [], facts: FactSheet = FactSheet()) {
        self.organization = organization
        self.branch = branch
        self.store = store
        self.channel = channel
        self.language = language
        self.occurredAt = occurredAt
        self.complaint = complaint
        self.words = words
        self.demand = demand
        self.staff = staff
        self.facts = facts
    }

    /// The limits a report must keep; each refusal names the field.
    public func check() throws(InputError) {
        if complaint.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw .missing("complaint") }
        for (name, text) in [("complaint", complaint), ("words", words ?? ""), ("demand", demand ?? "")] {
            if text.count > 20_000 { throw .tooLong(name, limit: 20_000, actual: text.count) }
            if text.unicodeScalars.contains(where: { $0.value == 0 }) { throw .nul(name) }
        }
        if staff.count > 20 { throw .tooMany("staff", limit: 20, actual: staff.count) }
        for n in staff where n.count > 200 || n.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .invalid("staff", expected: "names of 1 to 200 characters")
        }
        for (name, v) in [("minutesSpent", facts.minutesSpent), ("earlierContacts", facts.earlierContacts)] where !(0...10_000).contains(v) {
            throw .invalid(name, expected: "a whole number from 0 to 10,000")
        }
    }

    /// The commands that record the report and hand it over, with the people's subjects already chosen.
    /// `receipt`: the keyed hash of the receipt printed on the customer's leaflet, which their later web follow-up quotes.
    public func commands(applicant: SubjectID, staffSubjects: [SubjectID], receipt: String? = nil) -> [CaseCommand] {
        let staff = zip(self.staff, staffSubjects).map { NamedStaff(subject: $1, name: Personal($0, owner: $1)) }
        let intake = IntakeRecorded(organization: organization, branch: branch, store: store, channel: channel,
                                    occurredAt: occurredAt, language: language,
                                    applicant: Applicant(subject: applicant, anonymous: true), staff: staff,
                                    complaint: Personal(complaint, owner: applicant),
                                    requests: demand.map { Personal($0, owner: applicant) }, receipt: receipt)
        var out: [CaseCommand] = [.recordIntake(intake)]
        if let words, !words.isEmpty {
            out.append(.recordStatement(StatementRecorded(speaker: .applicant, text: Personal(words, owner: applicant), verbatim: true)))
        }
        return out + [.recordFacts(facts), .handOver]
    }
}

extension CaseDecider {
    /// Decides commands one after another on a state that folds each result; all or nothing.
    public static func decideAll(_ commands: [CaseCommand], _ s: CaseState, _ ctx: DecisionContext) throws(DecideError) -> [DeskEvent] {
        var state = s
        var out: [DeskEvent] = []
        for c in commands {
            let events = try decide(c, state, ctx)
            state = events.reduce(state, CaseState.evolve)
            out += events
        }
        return out
    }
}
