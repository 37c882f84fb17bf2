/// One event as read back from the log, decoded; its personal fields opened as far as the reader may.
public struct EventEnvelope: Equatable, Sendable {
    public let position: Position
    public let stream: StreamID
    public let version: Int
    public let actor: Actor
    public let recordedAt: String
    public let event: DeskEvent
    public init(position: Position, stream: StreamID, version: Int, actor: Actor, recordedAt: String, event: DeskEvent) {
        self.position = position
        self.stream = stream
        self.version = version
        self.actor = actor
        self.recordedAt = recordedAt
        self.event = event
    }
}

/// Everything `mado show` and the case pane display about one case.
public struct CaseDetail: Equatable, Sendable {
    public let summary: CaseSummary
    public let events: [EventEnvelope]
    /// The earlier contacts of the case's counterparties.
    public let ledger: [LedgerRow]
    /// Who at the organization receives the desk's reports.
    public let reportTo: String?
    /// The case's counterparties and where each stands (warned or banned until a day).
    public var standings: [CounterpartyStanding]
    /// The counter policy in force at the case's organization (for its scripts).
    public var policy: PolicyTable

    public init(summary: CaseSummary, events: [EventEnvelope], ledger: [LedgerRow], reportTo: String?,
                standings: [CounterpartyStanding] = [], policy: PolicyTable = .standard) {
        self.summary = summary
        self.events = events
        self.ledger = ledger
        self.reportTo = reportTo
        self.standings = standings
        self.policy = policy
    }

    /// The case's applicant: every personal text about the case is sealed under them.
    public var applicant: SubjectID? {
        for e in events { if case .intakeRecorded(let p) = e.event { return p.applicant.subject } }
        return nil
    }
}

/// A row of a counterparty's ledger: when, about what, what was answered.
public struct LedgerRow: Hashable, Sendable {
    public let counterparty: SubjectID
    public let caseID: CaseID
    public let at: String
    public let about: String
    public let answered: String
    public init(counterparty: SubjectID, caseID: CaseID, at: String, about: String, answered: String) {
        self.counterparty = counterparty
        self.caseID = caseID
        self.at = at
        self.about = about
        self.answered = answered
    }
}

/// A counterparty's standing as recorded; `effective(on:)` says whether it still applies.
public struct CounterpartyStanding: Hashable, Sendable {
    public let subject: SubjectID
    public let standing: Standing
    public let until: LocalDate?
    public init(subject: SubjectID, standing: Standing, until: LocalDate?) {
        self.subject = subject
        self.standing = standing
        self.until = until
    }
    public func effective(on day: LocalDate) -> Standing { standing.effective(until: until, on: day) }
}

/// A registered organization, for choosing one at the counter.
public struct OrganizationSummary: Hashable, Sendable {
    public let id: OrganizationID
    public let name: String
    public let branches: [Branch]
    /// The counter policy in force there: its own if it adopted one, else the standard table.
    public let policy: PolicyTable
    public init(id: OrganizationID, name: String, branches: [Branch], policy: PolicyTable = .standard) {
        self.id = id
        self.name = name
        self.branches = branches
        self.policy = policy
    }
}

/// What `verify` found.
public struct VerifyResult: Equatable, Sendable {
    public let events: Int
    /// The first position that does not hold (its hash, a checkpoint, the anchor, who recorded it), and why.
    public let firstBad: (position: Position, reason: String)?
    /// The signed checkpoints in the log, and the newest of them.
    public let checkpoints: Int
    public let newestCheckpoint: SignedHead?
    /// What a deep check found beside the chain (projections, keys, triggers, the file); empty when none or not asked.
    public let problems: [String]

    public init(events: Int, firstBad: (position: Position, reason: String)?, checkpoints: Int = 0, newestCheckpoint: SignedHead? = nil,
                problems: [String] = []) {
        self.events = events
        self.firstBad = firstBad
        self.checkpoints = checkpoints
        self.newestCheckpoint = newestCheckpoint
        self.problems = problems
    }

    /// The same, with another first problem or the deep check's findings.
    public func with(firstBad: (position: Position, reason: String)?) -> VerifyResult {
        VerifyResult(events: events, firstBad: firstBad, checkpoints: checkpoints, newestCheckpoint: newestCheckpoint, problems: problems)
    }
    public func with(problems: [String]) -> VerifyResult {
        VerifyResult(events: events, firstBad: firstBad, checkpoints: checkpoints, newestCheckpoint: newestCheckpoint, problems: problems)
    }

    public var isWhole: Bool { firstBad == nil && problems.isEmpty }

    public static func == (a: Self, b: Self) -> Bool {
        a.events == b.events && a.firstBad?.position == b.firstBad?.position && a.firstBad?.reason == b.firstBad?.reason
            && a.checkpoints == b.checkpoints && a.newestCheckpoint == b.newestCheckpoint && a.problems == b.problems
    }
}
