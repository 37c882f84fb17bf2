import Foundation

/// A staff record: an OS user, their display name and role.
public struct StaffMember: Hashable, Sendable {
    public let user: String
    public let displayName: String
    public let role: Role
    public let active: Bool
    public init(user: String, displayName: String, role: Role, active: Bool) {
        self.user = user
        self.displayName = displayName
        self.role = role
        self.active = active
    }
}

/// A task a case has opened, as the task list shows it.
public struct TaskRow: Hashable, Sendable, Codable {
    public let caseID: CaseID
    public let organization: String
    public let kind: TaskKind
    public let openedAt: String
    public let doneAt: String?
    public let doneBy: String?
    public let reference: String?
    public init(caseID: CaseID, organization: String, kind: TaskKind, openedAt: String, doneAt: String?, doneBy: String?,
                reference: String?) {
        self.caseID = caseID
        self.organization = organization
        self.kind = kind
        self.openedAt = openedAt
        self.doneAt = doneAt
        self.doneBy = doneBy
        self.reference = reference
    }
}

/// One piece of a case's evidence: the original submission (index 0) or a file that came with it.
public struct EvidenceItem: Sendable {
    public let index: Int
    public let hash: String
    /// "original" or the attachment's name as the role may read it.
    public let label: String
    public let mediaType: String
    public let bytes: Int
    /// The opened bytes; nil when the key is missing or the subject was erased.
    public let content: Data?
    public init(index: Int, hash: String, label: String, mediaType: String, bytes: Int, content: Data?) {
        self.index = index
        self.hash = hash
        self.label = label
        self.mediaType = mediaType
        self.bytes = bytes
        self.content = content
    }
}

/// A consultation as a list shows it: no word of its content, so supervisors and auditors may see it.
public struct ConsultationRow: Hashable, Sendable {
    public let id: ConsultationID
    public let organization: String
    public let state: String
    public let openedAt: String
    public let openedBy: String
    public let mentalHealth: Bool
    public let secondary: String?
    public let counsellor: String
    /// Open care tasks and their due dates, earliest first.
    public let careDue: [(kind: CareKind, due: LocalDate)]

    public init(id: ConsultationID, organization: String, state: String, openedAt: String, openedBy: String, mentalHealth: Bool,
                secondary: String?, counsellor: String, careDue: [(kind: CareKind, due: LocalDate)]) {
        self.id = id
        self.organization = organization
        self.state = state
        self.openedAt = openedAt
        self.openedBy = openedBy
        self.mentalHealth = mentalHealth
        self.secondary = secondary
        self.counsellor = counsellor
        self.careDue = careDue
    }

    public static func == (a: ConsultationRow, b: ConsultationRow) -> Bool {
        a.id == b.id && a.state == b.state && a.careDue.map(\.kind) == b.careDue.map(\.kind) && a.careDue.map(\.due) == b.careDue.map(\.due)
    }
    public func hash(into h: inout Hasher) { h.combine(id) }
}

/// A handover as the next operator reads it.
public struct HandoverRecord: Equatable, Sendable {
    public let position: Int64
    public let user: String
    public let at: String
    public let handover: ShiftEnded
    public init(position: Int64, user: String, at: String, handover: ShiftEnded) {
        self.position = position
        self.user = user
        self.at = at
        self.handover = handover
    }
}

/// Who is on the desk, and what each holds (the supervisor's shift view).
public struct ShiftBoardRow: Equatable, Sendable {
    public let member: StaffMember
    public let onShift: Bool
    public let startedAt: String?
    public let endedAt: String?
    public let held: [CaseID]
    public init(member: StaffMember, onShift: Bool, startedAt: String?, endedAt: String?, held: [CaseID]) {
        self.member = member
        self.onShift = onShift
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.held = held
    }
}

/// Someone else's console showing a case.
public struct Viewer: Hashable, Sendable {
    public let user: String
    public let caseID: CaseID
    public let since: String
    public init(user: String, caseID: CaseID, since: String) {
        self.user = user
        self.caseID = caseID
        self.since = since
    }
}
