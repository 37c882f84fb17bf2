/// One case as the queue shows it: a row of the queue projection, typed.
public struct CaseSummary: Hashable, Sendable {
    public let id: CaseID
    public let organization: OrganizationID
    public let branch: String?
    public let store: String?
    public let channel: Channel
    public let language: Language
    public let lane: Lane?
    public let status: CaseStatus
    /// Stored UTC timestamps (`YYYY-MM-DDTHH:MM:SS.mmmZ`).
    public let openedAt: String
    public let reportDueOn: LocalDate
    public let lastActivity: String
    /// The start of the complaint's first line, or why it cannot be read.
    public let summary: String
    public let assignee: String?
    /// The case stream's version: what a decision taken on this row expects.
    public let version: StreamVersion
    public let hold: HoldKind?
    public let closedAt: String?
    /// Who recorded the case's intake (a clerk's console shows theirs only).
    public let openedBy: String?

    public init(id: CaseID, organization: OrganizationID, branch: String? = nil, store: String? = nil, channel: Channel,
                language: Language, lane: Lane?, status: CaseStatus, openedAt: String, reportDueOn: LocalDate, lastActivity: String,
                summary: String, assignee: String? = nil, version: StreamVersion, hold: HoldKind? = nil, closedAt: String? = nil,
                openedBy: String? = nil) {
        self.id = id
        self.organization = organization
        self.branch = branch
        self.store = store
        self.channel = channel
        self.language = language
        self.lane = lane
        self.status = status
        self.openedAt = openedAt
        self.reportDueOn = reportDueOn
        self.lastActivity = lastActivity
        self.summary = summary
        self.assignee = assignee
        self.version = version
        self.hold = hold
        self.closedAt = closedAt
        self.openedBy = openedBy
    }

    /// Still in the desk's queue (not closed, not rejected).
    public var isOpen: Bool { status.isOpen }

    /// Open and in the danger lane: what the queue counts as danger.
    public var isOpenDanger: Bool { isOpen && lane == .danger }

    /// The report to the organization is owed and its day has passed (Japan's calendar day `today`).
    public func isOverdue(on today: LocalDate) -> Bool { status.awaitsReport && reportDueOn < today }

    /// Queue order: open cases first, the danger lane first, then by report due date, then by number.
    /// The store's SQL order is built from the same `CaseStatus` properties; a test holds the two equal.
    public static func queueOrder(_ a: CaseSummary, _ b: CaseSummary) -> Bool {
        if a.isOpen != b.isOpen { return a.isOpen }
        let ad = a.lane == .danger, bd = b.lane == .danger
        if ad != bd { return ad }
        if a.reportDueOn != b.reportDueOn { return a.reportDueOn < b.reportDueOn }
        return a.id.number < b.id.number
    }
}

extension CaseStatus {
    /// The report to the organization is still owed, so its 3-business-day deadline runs.
    public var awaitsReport: Bool { isOpen && self != .reported }
}

/// The first rows of the queue and the counts of all of it.
public struct QueueHead: Equatable, Sendable {
    public let rows: [CaseSummary]
    public let total: Int, danger: Int, overdue: Int
    public init(rows: [CaseSummary], total: Int, danger: Int, overdue: Int) {
        self.rows = rows
        self.total = total
        self.danger = danger
        self.overdue = overdue
    }
}
