import Foundation

/// A calendar month in Japan time, `2026-10`.
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let year: Int, month: Int
    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]),
              (1970...2100).contains(y), (1...12).contains(m) else { return nil }
        year = y
        month = m
    }
    public init(_ day: LocalDate) {
        year = day.year
        month = day.month
    }
    public var description: String { String(format: "%04d-%02d", year, month) }
    public var first: LocalDate { LocalDate(year, month, 1) }
    public var next: Month { Month(LocalDate(year, month, LocalDate.daysIn(month: month, year: year)).adding(days: 1)) }
    public var previous: Month { Month(first.adding(days: -1)) }
    public func contains(_ day: LocalDate) -> Bool { day.year == year && day.month == month }
    public static func < (a: Month, b: Month) -> Bool { (a.year, a.month) < (b.year, b.month) }

    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let m = Month(s) else { throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a month: \(s)")) }
        self = m
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// One case as the monthly totals count it: where it stands as of the day the totals are made.
public struct MonthlyCase: Equatable, Sendable {
    public var channel: Channel
    public var lane: Lane?
    public var status: CaseStatus
    public var behaviours: [BehaviourType]
    public var classification: Classification?
    public var dueOn: LocalDate
    public var reportedOn: LocalDate?
    public init(channel: Channel, lane: Lane?, status: CaseStatus, behaviours: [BehaviourType], classification: Classification?,
                dueOn: LocalDate, reportedOn: LocalDate?) {
        self.channel = channel
        self.lane = lane
        self.status = status
        self.behaviours = behaviours
        self.classification = classification
        self.dueOn = dueOn
        self.reportedOn = reportedOn
    }

    /// Reported after its due day, or still unreported past it (a rejected threat has no report to send).
    public func late(asOf today: LocalDate) -> Bool {
        guard status != .rejectedThreat else { return false }
        if let r = reportedOn { return r > dueOn }
        return today > dueOn
    }
}

/// The totals the desk sends each organization at the start of a month (seed 003): the cases taken in during
/// the month, by channel, lane, behaviour type, state and conclusion, with the threats rejected and the reports late.
public struct MonthlyTotals: Codable, Equatable, Sendable {
    public var organization: String
    public var month: Month
    public var asOf: LocalDate
    public var cases = 0
    public var byChannel: [String: Int] = [:]
    public var byLane: [String: Int] = [:]
    public var byBehaviour: [String: Int] = [:]
    public var byState: [String: Int] = [:]
    public var byClassification: [String: Int] = [:]
    public var rejectedThreats = 0
    public var reportsLate = 0

    public static let noLane = "none"
    public static let unclassified = "unclassified"

    public init(organization: String, month: Month, asOf: LocalDate) {
        self.organization = organization
        self.month = month
        self.asOf = asOf
        // Every category appears, zero or not, so that months compare and a CSV has the same rows every month.
        for c in Channel.allCases { byChannel[c.rawValue] = 0 }
        for l in Lane.allCases { byLane[l.rawValue] = 0 }
        byLane[Self.noLane] = 0
        for b in BehaviourType.allCases { byBehaviour[b.rawValue] = 0 }
        for s in CaseStatus.allCases { byState[s.rawValue] = 0 }
        for c in Classification.allCases { byClassification[c.rawValue] = 0 }
        byClassification[Self.unclassified] = 0
    }

    public mutating func add(_ c: MonthlyCase) {
        cases += 1
        byChannel[c.channel.rawValue, default: 0] += 1
        byLane[c.lane?.rawValue ?? Self.noLane, default: 0] += 1
        for b in Set(c.behaviours) { byBehaviour[b.rawValue, default: 0] += 1 }
        byState[c.status.rawValue, default: 0] += 1
        byClassification[c.classification?.rawValue ?? Self.unclassified, default: 0] += 1
        if c.status == .rejectedThreat { rejectedThreats += 1 }
        if c.late(asOf: asOf) { reportsLate += 1 }
    }

    /// The sections in print order: (id, ja, en, rows of (key, ja, en, count)).
    public var sections: [(id: String, ja: String, en: String, rows: [(key: String, ja: String, en: String, count: Int)])] {
        func rows<T: Labelled & RawRepresentable & CaseIterable>(_ t: T.Type, _ d: [String: Int]) -> [(String, String, String, Int)]
            where T.RawValue == String {
            T.allCases.map { ($0.rawValue, $0.label.ja, $0.label.en, d[$0.rawValue] ?? 0) }
        }
        return [
            ("channel", "受付方法", "Channel", rows(Channel.self, byChannel)),
            ("lane", "区分", "Lane", rows(Lane.self, byLane) + [(Self.noLane, "区分なし", "no lane", byLane[Self.noLane] ?? 0)]),
            ("behaviour", "行為の類型", "Behaviour type", rows(BehaviourType.self, byBehaviour)),
            ("state", "状態", "State", rows(CaseStatus.self, byState)),
            ("classification", "判断", "Conclusion",
             rows(Classification.self, byClassification) + [(Self.unclassified, "未判断", "not yet decided", byClassification[Self.unclassified] ?? 0)]),
            ("summary", "集計", "Summary", [("cases", "受付件数", "cases taken in", cases),
                                            ("rejectedThreats", "脅迫等で不受理", "rejected as threats", rejectedThreats),
                                            ("reportsLate", "報告期限超過", "reports late", reportsLate)]),
        ]
    }

    /// One header row, then section,key,count: the same rows every month.
    public func csv() -> String {
        var out = "organization,month,section,key,count\n"
        for s in sections {
            for r in s.rows { out += "\(Self.csvField(organization)),\(month),\(s.id),\(r.key),\(r.count)\n" }
        }
        return out
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    public func json() -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? e.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

/// Folds the log, in position order, into the month's cases: nothing but events, so the totals can be checked
/// against the projections. Holds one small record per case of that organization and month.
public struct MonthlyTally: Sendable {
    public let organization: OrganizationID
    public let month: Month
    private var closedDays: [ClosedPeriod] = [.yearEnd]
    private typealias Counted = (state: CaseState, channel: Channel, behaviours: [BehaviourType], due: LocalDate, reported: LocalDate?)
    private var cases: [String: Counted] = [:]
    private var order: [String] = []

    public init(organization: OrganizationID, month: Month) {
        self.organization = organization
        self.month = month
    }

    /// The event types that move what the totals count (a case's state, lane, classification, behaviours, report day, an
    /// organization's closed days): a reader may hand `add` only these. A test holds the totals of these equal to those of
    /// the whole log.
    public static let eventTypes: Set<String> = ["organizationRegistered", "intakeRecorded", "handedOver", "reviewStarted", "assessed",
                                                 "classified", "laneOverridden", "escalated", "reported", "closed", "rejectedAsThreat"]

    public mutating func add(stream: String, at: Date, event: DeskEvent) {
        switch event {
        case .organizationRegistered(let o) where o.id == organization:
            closedDays = o.closedDays
        case .intakeRecorded(let p):
            let day = LocalDate(japanTime: at)
            guard p.organization == organization, month.contains(day) else { return }
            cases[stream] = (CaseState.evolve(.initial, event), p.channel, [],
                             BusinessCalendar(closed: closedDays).reportDue(intakeDay: day), nil)
            order.append(stream)
        case .handedOver(let h): follow(stream, event) { $0.behaviours = h.behaviours }
        case .assessed(let a): follow(stream, event) { $0.behaviours = a.behaviours }
        case .reported: follow(stream, event) { $0.reported = LocalDate(japanTime: at) }
        case .organizationRegistered, .factsRecorded, .statementRecorded, .counterpartyLinked, .reviewStarted, .classified,
             .laneOverridden, .escalated, .closed, .rejectedAsThreat, .enquiryLogged, .noteAdded, .applicantAdded, .caseAssigned,
             .legalHoldPlaced, .legalHoldLifted, .ladderStepTaken, .counterActionTaken, .contactSet, .reportDrafted, .reportApproved, .organizationDecided,
             .feedbackGiven, .taskOpened, .taskDone, .retentionSet, .policyAdopted, .staffAdded, .staffRemoved, .shiftStarted,
             .shiftEnded, .consultationOpened, .careTaskOpened, .careTaskDone, .consultationLinked, .consultationNoted,
             .consultationClosed, .restrictedAccess, .subjectErased, .subjectExported, .standingSet, .checkpointSigned:
            follow(stream, event) { _ in }
        }
    }

    /// A later event of a counted case: its state moves on, then `update` records what the totals take from it.
    private mutating func follow(_ stream: String, _ event: DeskEvent, _ update: (inout Counted) -> Void) {
        guard var c = cases[stream] else { return }
        c.state = CaseState.evolve(c.state, event)
        update(&c)
        cases[stream] = c
    }

    public func totals(asOf: LocalDate) -> MonthlyTotals {
        var t = MonthlyTotals(organization: organization.rawValue, month: month, asOf: asOf)
        for k in order {
            guard let c = cases[k], let status = c.state.status else { continue }
            t.add(MonthlyCase(channel: c.channel, lane: c.state.lane, status: status, behaviours: c.behaviours,
                              classification: c.state.classification, dueOn: c.due, reportedOn: c.reported))
        }
        return t
    }
}
