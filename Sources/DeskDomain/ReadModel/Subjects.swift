import Foundation

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

/// One record's fields that an erasure makes unreadable (`eventType.path`).
public struct ErasureImpact: Hashable, Sendable {
    /// The case, consultation or handover that holds the fields.
    public let record: String
    public let caseID: CaseID?
    /// The OS user whose shift notes hold the fields (a handover is named in words, not by its stream).
    public let handoverWriter: String?
    public let fields: [String]
    public init(caseID: CaseID, fields: [String]) {
        record = caseID.description
        self.caseID = caseID
        handoverWriter = nil
        self.fields = fields
    }
    public init(record: String, fields: [String]) {
        self.record = record
        caseID = nil
        handoverWriter = nil
        self.fields = fields
    }
    public init(handoverBy writer: String, fields: [String]) {
        record = writer
        caseID = nil
        handoverWriter = writer
        self.fields = fields
    }

    /// The record as a person reads it: a case or consultation by its id, a handover by whose notes they are.
    public func recordLabel(_ language: Language) -> String {
        guard let handoverWriter else { return record }
        return language == .ja ? "\(handoverWriter) さんの勤務の申し送り" : "shift notes by \(handoverWriter)"
    }
}

/// What happened to old copies of erased data after an erasure.
public enum EraseOutcome: Equatable, Sendable {
    /// The WAL was truncated: no old copy is left in any database file.
    case complete
    /// Another process holds a read open; the WAL keeps old pages until it is released.
    case walRetained
}

/// A subject whose every case is past its organization's retention period.
public struct RetentionDue: Hashable, Sendable {
    public let subject: SubjectID
    public let kind: SubjectKind
    public let cases: [CaseID]
    /// The latest day any of their cases falls due, `YYYY-MM-DD`.
    public let dueOn: String

    public init(subject: SubjectID, kind: SubjectKind, cases: [CaseID], dueOn: String) {
        self.subject = subject
        self.kind = kind
        self.cases = cases
        self.dueOn = dueOn
    }
}

/// Everything the desk holds about one subject, opened, for a disclosure request.
public struct SubjectDisclosure: Sendable {
    public struct Field: Sendable {
        public let caseID: CaseID?
        public let position: Position
        public let recordedAt: String
        public let eventType: String
        public let path: String
        public let value: Personal
        public init(caseID: CaseID?, position: Position, recordedAt: String, eventType: String, path: String, value: Personal) {
            self.caseID = caseID
            self.position = position
            self.recordedAt = recordedAt
            self.eventType = eventType
            self.path = path
            self.value = value
        }
    }
    public let subject: SubjectID
    public let kind: SubjectKind
    public let cases: [CaseSummary]
    public let fields: [Field]
    /// Original submissions sealed under the subject's key, opened.
    public let originals: [(hash: String, bytes: Data)]
    public init(subject: SubjectID, kind: SubjectKind, cases: [CaseSummary], fields: [Field], originals: [(hash: String, bytes: Data)]) {
        self.subject = subject
        self.kind = kind
        self.cases = cases
        self.fields = fields
        self.originals = originals
    }
}
