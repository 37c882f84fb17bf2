import DeskDomain
import Foundation

/// One event as read back from the log, decoded.
public struct EventEnvelope: Equatable, Sendable {
    public let position: Position
    public let stream: StreamID
    public let version: Int
    public let actor: Actor
    public let recordedAt: String
    public let event: DeskEvent
}

/// A row of the case queue projection.
public struct CaseRow: Hashable, Sendable, Codable {
    public let id: CaseID
    public let organization: String
    public let branch: String?
    public let store: String?
    public let channel: String
    public let language: String
    public let lane: String?
    public let state: String
    public let openedAt: String
    public let reportDueOn: String
    public let lastActivity: String
    public let summary: String
    public let assignee: String?
    public let version: Int
    public let hold: String?
    public let closedAt: String?
}

/// The first rows of the queue and the counts of all of it.
public struct QueueHead: Equatable, Sendable {
    public let rows: [CaseRow]
    public let total: Int, danger: Int, overdue: Int
    public init(rows: [CaseRow], total: Int, danger: Int, overdue: Int) {
        self.rows = rows
        self.total = total
        self.danger = danger
        self.overdue = overdue
    }
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

/// A row of a counterparty's ledger: when, about what, what was answered.
public struct LedgerRow: Hashable, Sendable {
    public let counterparty: SubjectID
    public let caseID: CaseID
    public let at: String
    public let about: String
    public let answered: String
}

/// A subject the desk holds data about.
public struct SubjectRow: Hashable, Sendable {
    public let id: SubjectID
    public let kind: SubjectKind
    public let cases: [CaseID]
    public let erasedAt: String?
    /// The subject's name, for roles that may see it (nil if none, or erased).
    public let name: Personal?

    public init(id: SubjectID, kind: SubjectKind, cases: [CaseID], erasedAt: String?, name: Personal?) {
        self.id = id
        self.kind = kind
        self.cases = cases
        self.erasedAt = erasedAt
        self.name = name
    }
}

/// A staff record: an OS user, their display name and role.
public struct StaffMember: Hashable, Sendable {
    public let user: String
    public let displayName: String
    public let role: Role
    public let active: Bool
}

/// What `verify` found.
public struct VerifyResult: Equatable, Sendable {
    public let events: Int
    /// The first position whose hash does not match, and why.
    public let firstBad: (position: Position, reason: String)?

    public static func == (a: Self, b: Self) -> Bool {
        a.events == b.events && a.firstBad?.position == b.firstBad?.position && a.firstBad?.reason == b.firstBad?.reason
    }
}

enum Timestamp {
    /// `YYYY-MM-DDTHH:MM:SS.mmmZ`, UTC, always 24 characters.
    static func string(_ date: Date) -> String {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let secs = Int(ms.quotientFloor(1000)), milli = Int(ms - Int64(secs) * 1000)
        let day = LocalDate(dayNumber: Int(Int64(secs).quotientFloor(86400)))
        let sod = secs - (Int(Int64(secs).quotientFloor(86400)) * 86400)
        return day.description + "T" + (sod / 3600).padded(2) + ":" + (sod / 60 % 60).padded(2) + ":" + (sod % 60).padded(2)
            + "." + milli.padded(3) + "Z"
    }

    static func date(_ s: String) -> Date? {
        let u = Array(s.utf8)
        guard u.count == 24, let d = LocalDate(iso: String(s.prefix(10))),
              let h = Int(s.dropFirst(11).prefix(2)), let m = Int(s.dropFirst(14).prefix(2)),
              let sec = Int(s.dropFirst(17).prefix(2)), let ms = Int(s.dropFirst(20).prefix(3)) else { return nil }
        let t = Double(d.dayNumber) * 86400 + Double(h * 3600 + m * 60 + sec) + Double(ms) / 1000
        return Date(timeIntervalSince1970: t)
    }
}

extension Int64 {
    func quotientFloor(_ d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}
