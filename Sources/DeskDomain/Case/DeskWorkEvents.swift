// Stored format: see DeskEvent.swift. These are the desk's work after verification (seed 003): the report
// to the organization, its decision, feedback to the applicant, and the tasks a rejected threat opens.

/// The desk's draft of its report to the organization. The report's other fields (seed 003) come from the case
/// as recorded; the draft says what the desk adds and what it may disclose.
public struct ReportDrafted: Hashable, Codable, Sendable {
    /// The applicant's name goes into the report (only with their consent; never for an anonymous applicant).
    public var includeName: Bool
    /// Their phone and e-mail go into the report (only with their consent).
    public var includeContact: Bool
    /// The desk's opinion and advice to the organization; sealed under the applicant.
    public var opinion: Personal
    /// Who wrote it (set by the decider): someone else approves it.
    public var draftedBy: String?
    public init(includeName: Bool, includeContact: Bool, opinion: Personal, draftedBy: String? = nil) {
        self.includeName = includeName
        self.includeContact = includeContact
        self.opinion = opinion
        self.draftedBy = draftedBy
    }
}

/// A supervisor approves the draft written at stream version `draft`; a later draft needs a new approval.
public struct ReportApproved: Hashable, Codable, Sendable {
    public var draft: Int
    public init(draft: Int) { self.draft = draft }
}

/// What the organization decided about the reported case, and whether it wants the applicant told.
public struct OrganizationDecided: Hashable, Codable, Sendable {
    /// Sealed under the applicant: it is about their matter.
    public var decision: Personal
    /// The organization deems feedback to the applicant necessary (seed 003: only then).
    public var feedback: Bool
    public init(decision: Personal, feedback: Bool) {
        self.decision = decision
        self.feedback = feedback
    }
}

/// Feedback given to the applicant, after the organization decided it was needed.
public struct FeedbackGiven: Hashable, Codable, Sendable {
    public var channel: Channel
    public var text: Personal
    public init(channel: Channel, text: Personal) {
        self.channel = channel
        self.text = text
    }
}

/// Work a case requires outside the log: done is recorded with a reference.
public enum TaskKind: String, Codable, Sendable, CaseIterable {
    /// Report a threatening or slanderous submission to the police (seed 003).
    case policeReport
    /// Tell the organization that a submission about it was rejected as a threat.
    case notifyOrganization
}

public struct TaskOpened: Hashable, Codable, Sendable {
    public var kind: TaskKind
    public init(kind: TaskKind) { self.kind = kind }
}

/// A task done; the reference (a police report number, who was told and how) stays in clear like a hold's.
public struct TaskDone: Hashable, Codable, Sendable {
    public var kind: TaskKind
    public var reference: String
    public init(kind: TaskKind, reference: String) {
        self.kind = kind
        self.reference = reference
    }
}
