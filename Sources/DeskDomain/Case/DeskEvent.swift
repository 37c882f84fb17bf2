import Foundation

// Stored format: the case names of `DeskEvent` are the `type` strings in the log and the payload
// structs are its JSON. Never rename either; change a payload by raising its schema version (DeskCodec's
// `DeskEvent.schemaVersion`) and reading the old shape there.

/// Observable facts a clerk answers with yes/no or a count; never an opinion.
public struct FactSheet: Hashable, Codable, Sendable {
    public var weaponOrPhysicalContact = false
    public var threatToLifeOrArson = false
    public var refusesToLeave = false
    public var minutesSpent = 0
    public var earlierContacts = 0
    public var apologyDemand = false
    public var demandAboutEmployee = false
    public var sexualRemarksOrFollowing = false
    public var filmingOrPosting = false
    public var discriminatoryRemarks = false
    public var excessiveMoneyDemand = false
    public var offSiteSummons = false
    public var reviewOrMediaThreat = false
    public var shoutingOrAbuse = false
    public init() {}

    /// Sets a fact by name (yes/no facts: 0 or 1).
    public mutating func set(_ f: FactName, _ v: Int) {
        let b = v >= 1
        switch f {
        case .weaponOrPhysicalContact: weaponOrPhysicalContact = b
        case .threatToLifeOrArson: threatToLifeOrArson = b
        case .refusesToLeave: refusesToLeave = b
        case .minutesSpent: minutesSpent = v
        case .earlierContacts: earlierContacts = v
        case .apologyDemand: apologyDemand = b
        case .demandAboutEmployee: demandAboutEmployee = b
        case .sexualRemarksOrFollowing: sexualRemarksOrFollowing = b
        case .filmingOrPosting: filmingOrPosting = b
        case .discriminatoryRemarks: discriminatoryRemarks = b
        case .excessiveMoneyDemand: excessiveMoneyDemand = b
        case .offSiteSummons: offSiteSummons = b
        case .reviewOrMediaThreat: reviewOrMediaThreat = b
        case .shoutingOrAbuse: shoutingOrAbuse = b
        }
    }

    /// The yes answers and the counts, by name: what a person reads back.
    public var answered: [FactName] { FactName.allCases.filter { $0.value(in: self) >= 1 } }
}

public struct Applicant: Hashable, Codable, Sendable {
    public var subject: SubjectID
    public var anonymous: Bool
    public var name: Personal?
    public var phone: Personal?
    public var email: Personal?
    public init(subject: SubjectID, anonymous: Bool, name: Personal? = nil, phone: Personal? = nil, email: Personal? = nil) {
        self.subject = subject
        self.anonymous = anonymous
        self.name = name
        self.phone = phone
        self.email = email
    }
}

/// A member of the organization's staff named in a case (a subject of their own).
public struct NamedStaff: Hashable, Codable, Sendable {
    public var subject: SubjectID
    public var name: Personal
    public var characteristics: Personal?
    public init(subject: SubjectID, name: Personal, characteristics: Personal? = nil) {
        self.subject = subject
        self.name = name
        self.characteristics = characteristics
    }
}

/// A file that came with a submission (an e-mail attachment), kept sealed in the evidence table.
public struct AttachmentRef: Hashable, Codable, Sendable {
    /// SHA-256 (hex) of the sealed bytes in the evidence table.
    public var evidence: String
    /// The file's name as sent; sealed under the applicant (a name can say who sent it).
    public var name: Personal?
    public var mediaType: String
    public var bytes: Int
    public init(evidence: String, name: Personal?, mediaType: String, bytes: Int) {
        self.evidence = evidence
        self.name = name
        self.mediaType = mediaType
        self.bytes = bytes
    }
}

/// More from the applicant after intake, quoting their receipt: text and files, sealed as theirs. Nothing about the
/// case is shown to them, so nothing here depends on its state.
public struct ApplicantAdded: Hashable, Codable, Sendable {
    public var channel: Channel
    public var text: Personal?
    public var attachments: [AttachmentRef]?
    public init(channel: Channel, text: Personal?, attachments: [AttachmentRef]? = nil) {
        self.channel = channel
        self.text = text
        self.attachments = attachments
    }
}

public struct IntakeRecorded: Hashable, Codable, Sendable {
    public var organization: OrganizationID
    public var branch: String?
    public var store: String?
    public var channel: Channel
    public var occurredAt: String?
    public var language: Language
    public var applicant: Applicant
    public var staff: [NamedStaff]
    public var complaint: Personal
    public var requests: Personal?
    public var feedbackWanted: Bool
    /// SHA-256 (hex) of the sealed original submission in the evidence table.
    public var evidence: String?
    /// Files that came with it (e-mail attachments); absent in events written before attachments were kept.
    public var attachments: [AttachmentRef]?
    /// The keyed hash (hex) of the receipt the applicant was given (`Receipt`); absent in events written before receipts.
    public var receipt: String?

    public init(organization: OrganizationID, branch: String? = nil, store: String? = nil, channel: Channel,
                occurredAt: String? = nil, language: Language, applicant: Applicant, staff: [NamedStaff] = [],
                complaint: Personal, requests: Personal? = nil, feedbackWanted: Bool = false, evidence: String? = nil,
                attachments: [AttachmentRef]? = nil, receipt: String? = nil) {
        self.organization = organization
        self.branch = branch
        self.store = store
        self.channel = channel
        self.occurredAt = occurredAt
        self.language = language
        self.applicant = applicant
        self.staff = staff
        self.complaint = complaint
        self.requests = requests
        self.feedbackWanted = feedbackWanted
        self.evidence = evidence
        self.attachments = attachments
        self.receipt = receipt
    }
}

public enum Speaker: String, Codable, Sendable, CaseIterable { case applicant, counterparty, staff }

public struct StatementRecorded: Hashable, Codable, Sendable {
    public var speaker: Speaker
    public var text: Personal
    public var verbatim: Bool
    public init(speaker: Speaker, text: Personal, verbatim: Bool) {
        self.speaker = speaker
        self.text = text
        self.verbatim = verbatim
    }
}

public struct CounterpartyLinked: Hashable, Codable, Sendable {
    /// The customer as identified by the desk; one subject across all their cases.
    public var counterparty: SubjectID
    /// How the desk recognizes them ("60代男性、常連"); sealed under the counterparty.
    public var label: Personal
    public init(counterparty: SubjectID, label: Personal) {
        self.counterparty = counterparty
        self.label = label
    }
}

/// The policy's decision at the counter: the answers it was given, the rule that matched and what follows.
public struct HandedOver: Hashable, Codable, Sendable {
    public var lane: Lane
    public var rule: String
    /// `policy-id/version` of the table that decided.
    public var policyVersion: String
    public var behaviours: [BehaviourType]
    public var scripts: [String]
    public var leaflet: String
    public var actions: [RequiredAction]
    /// The counter's answers, as the rule saw them.
    public var answers: FactSheet
    public init(lane: Lane, rule: String, policyVersion: String, behaviours: [BehaviourType], scripts: [String],
                leaflet: String, actions: [RequiredAction] = [], answers: FactSheet = FactSheet()) {
        self.lane = lane
        self.rule = rule
        self.policyVersion = policyVersion
        self.behaviours = behaviours
        self.scripts = scripts
        self.leaflet = leaflet
        self.actions = actions
        self.answers = answers
    }
}

/// The desk's two-axis assessment (validity of the demand, means used), with the behaviour types seen
/// and a written reason. It does not classify: that is a supervisor's decision (`Classified`).
public struct Assessed: Hashable, Codable, Sendable {
    public var validity: DemandValidity
    public var means: Means
    public var behaviours: [BehaviourType]
    /// Why, in the desk's words; sealed under the applicant (it is about their case).
    public var reason: Personal
    /// The desk's opinion and advice for the report; sealed under the applicant.
    public var opinion: Personal?
    public init(validity: DemandValidity, means: Means, behaviours: [BehaviourType], reason: Personal, opinion: Personal? = nil) {
        self.validity = validity
        self.means = means
        self.behaviours = behaviours
        self.reason = reason
        self.opinion = opinion
    }
}

/// A supervisor's classification of an assessed case.
public struct Classified: Hashable, Codable, Sendable {
    public var classification: Classification
    public var reason: Personal
    public init(classification: Classification, reason: Personal) {
        self.classification = classification
        self.reason = reason
    }
}

/// A supervisor moves a case to another lane than the policy chose; its own event, with the reason.
public struct LaneOverridden: Hashable, Codable, Sendable {
    public var from: Lane?
    public var to: Lane
    public var reason: Personal
    public init(from: Lane?, to: Lane, reason: Personal) {
        self.from = from
        self.to = to
        self.reason = reason
    }
}

/// Desk-written free text about a case (notes, reasons), sealed under the case's applicant so that
/// erasing the applicant erases what was written about their matter.
public struct CaseText: Hashable, Codable, Sendable {
    public var text: Personal
    public init(text: Personal) { self.text = text }
}

public struct Escalated: Hashable, Codable, Sendable {
    public var target: EscalationTarget
    public var reason: Personal
    public init(target: EscalationTarget, reason: Personal) {
        self.target = target
        self.reason = reason
    }
}

public struct Reported: Hashable, Codable, Sendable {
    public var sentTo: String
    public init(sentTo: String) { self.sentTo = sentTo }
}

public struct Closed: Hashable, Codable, Sendable {
    public var outcome: String
    public init(outcome: String) { self.outcome = outcome }
}

public struct EnquiryLogged: Hashable, Codable, Sendable {
    public var channel: Channel
    /// Always the fixed "no progress answers" script (seed 003).
    public var answeredWith: String
    public init(channel: Channel, answeredWith: String = Scripts.noProgressAnswers) {
        self.channel = channel
        self.answeredWith = answeredWith
    }
}

public struct CaseAssigned: Hashable, Codable, Sendable {
    public var assignee: Actor
    public init(assignee: Actor) { self.assignee = assignee }
}

public struct Branch: Hashable, Codable, Sendable {
    public var name: String
    public var stores: [String]
    public init(name: String, stores: [String]) {
        self.name = name
        self.stores = stores
    }
}

public struct OrganizationRegistered: Hashable, Codable, Sendable {
    public var id: OrganizationID
    public var name: String
    public var branches: [Branch]
    /// Who at the organization receives the desk's reports (a role or department).
    public var reportTo: String
    public var language: Language
    public var closedDays: [ClosedPeriod]
    public var retentionYears: Int
    public init(id: OrganizationID, name: String, branches: [Branch], reportTo: String, language: Language,
                closedDays: [ClosedPeriod] = [.yearEnd], retentionYears: Int = 3) {
        self.id = id
        self.name = name
        self.branches = branches
        self.reportTo = reportTo
        self.language = language
        self.closedDays = closedDays
        self.retentionYears = retentionYears
    }
}

public struct StaffAdded: Hashable, Codable, Sendable {
    public var user: String
    public var displayName: String
    public var role: Role
    public init(user: String, displayName: String, role: Role) {
        self.user = user
        self.displayName = displayName
        self.role = role
    }
}

public struct StaffRemoved: Hashable, Codable, Sendable {
    public var user: String
    public init(user: String) { self.user = user }
}

public struct SubjectErased: Hashable, Codable, Sendable {
    public var subject: SubjectID
    public var reason: String
    public init(subject: SubjectID, reason: String) {
        self.subject = subject
        self.reason = reason
    }
}

/// Why a case is kept beyond erasure and retention.
public enum HoldKind: String, Codable, Sendable, CaseIterable {
    case policeReport, lawsuit, workersCompensation
}

/// A hold's reason is a reference (a police report number, a court case), kept in clear: a hold must
/// outlive the erasure of anyone in the case, so it cannot be sealed under one of them.
public struct LegalHoldPlaced: Hashable, Codable, Sendable {
    public var kind: HoldKind
    public var reason: String
    public init(kind: HoldKind, reason: String) {
        self.kind = kind
        self.reason = reason
    }
}

public struct LegalHoldLifted: Hashable, Codable, Sendable {
    public var reason: String
    public init(reason: String) { self.reason = reason }
}

/// An organization adopts its own counter policy (validated); the whole table is recorded, so every later
/// decision can be traced to the exact rules.
public struct PolicyAdopted: Hashable, Codable, Sendable {
    public var table: PolicyTable
    public init(table: PolicyTable) { self.table = table }
}

public struct RetentionSet: Hashable, Codable, Sendable {
    public var years: Int
    public init(years: Int) { self.years = years }
}

/// A disclosure to the subject (an access request); records who, when and why, never what.
public struct SubjectExported: Hashable, Codable, Sendable {
    public var subject: SubjectID
    public var reason: String
    public init(subject: SubjectID, reason: String) {
        self.subject = subject
        self.reason = reason
    }
}

public struct LadderStepTaken: Hashable, Codable, Sendable {
    public var step: LadderStep
    public init(step: LadderStep) { self.step = step }
}

/// Something the decision screen asked the counter to do, ticked by the clerk (calling 110 is a ladder step instead).
public struct CounterActionTaken: Hashable, Codable, Sendable {
    public var action: RequiredAction
    public init(action: RequiredAction) { self.action = action }
}

/// How the leaflet tells people to reach the desk, and which printer a counter's leaflets go to: on an organization's
/// stream for that organization, on the desk stream for the desk itself. A nil field stays as it was; "" clears it.
public struct ContactSet: Hashable, Codable, Sendable {
    public var phone: String?
    public var email: String?
    public var url: String?
    public var printer: String?
    public init(phone: String? = nil, email: String? = nil, url: String? = nil, printer: String? = nil) {
        self.phone = phone
        self.email = email
        self.url = url
        self.printer = printer
    }
}

/// Everything that can happen, as stored in the log.
public enum DeskEvent: Hashable, Sendable {
    // case streams
    case intakeRecorded(IntakeRecorded)
    case factsRecorded(FactSheet)
    case statementRecorded(StatementRecorded)
    case counterpartyLinked(CounterpartyLinked)
    case handedOver(HandedOver)
    case reviewStarted
    case assessed(Assessed)
    case classified(Classified)
    case laneOverridden(LaneOverridden)
    case escalated(Escalated)
    case reported(Reported)
    case closed(Closed)
    case rejectedAsThreat(CaseText)
    case enquiryLogged(EnquiryLogged)
    case noteAdded(CaseText)
    case applicantAdded(ApplicantAdded)
    case caseAssigned(CaseAssigned)
    case legalHoldPlaced(LegalHoldPlaced)
    case legalHoldLifted(LegalHoldLifted)
    case ladderStepTaken(LadderStepTaken)
    case counterActionTaken(CounterActionTaken)
    case reportDrafted(ReportDrafted)
    case reportApproved(ReportApproved)
    case organizationDecided(OrganizationDecided)
    case feedbackGiven(FeedbackGiven)
    case taskOpened(TaskOpened)
    case taskDone(TaskDone)
    // organization streams
    case organizationRegistered(OrganizationRegistered)
    case retentionSet(RetentionSet)
    case policyAdopted(PolicyAdopted)
    /// An organization's contact details and printer (its stream), or the desk's own (the desk stream).
    case contactSet(ContactSet)
    // staff streams
    case staffAdded(StaffAdded)
    case staffRemoved(StaffRemoved)
    case shiftStarted(ShiftStarted)
    case shiftEnded(ShiftEnded)
    // consultation streams (the employee consultation desk)
    case consultationOpened(ConsultationOpened)
    case careTaskOpened(CareTaskOpened)
    case careTaskDone(CareTaskDone)
    case consultationLinked(ConsultationLinked)
    case consultationNoted(ConsultationText)
    case consultationClosed(ConsultationText)
    case restrictedAccess(RestrictedAccess)
    // subject streams
    case subjectErased(SubjectErased)
    case subjectExported(SubjectExported)
    /// A counterparty warned or banned until a day (or lifted), on the counterparty's subject stream.
    case standingSet(StandingSet)
    // the checkpoint stream
    /// The log's head signed by the desk's key (`mado anchor`).
    case checkpointSigned(SignedHead)

    public var type: String {
        switch self {
        case .intakeRecorded: "intakeRecorded"
        case .factsRecorded: "factsRecorded"
        case .statementRecorded: "statementRecorded"
        case .counterpartyLinked: "counterpartyLinked"
        case .handedOver: "handedOver"
        case .reviewStarted: "reviewStarted"
        case .assessed: "assessed"
        case .classified: "classified"
        case .laneOverridden: "laneOverridden"
        case .escalated: "escalated"
        case .reported: "reported"
        case .closed: "closed"
        case .rejectedAsThreat: "rejectedAsThreat"
        case .enquiryLogged: "enquiryLogged"
        case .noteAdded: "noteAdded"
        case .applicantAdded: "applicantAdded"
        case .caseAssigned: "caseAssigned"
        case .organizationRegistered: "organizationRegistered"
        case .staffAdded: "staffAdded"
        case .staffRemoved: "staffRemoved"
        case .subjectErased: "subjectErased"
        case .legalHoldPlaced: "legalHoldPlaced"
        case .legalHoldLifted: "legalHoldLifted"
        case .retentionSet: "retentionSet"
        case .policyAdopted: "policyAdopted"
        case .subjectExported: "subjectExported"
        case .ladderStepTaken: "ladderStepTaken"
        case .counterActionTaken: "counterActionTaken"
        case .contactSet: "contactSet"
        case .standingSet: "standingSet"
        case .reportDrafted: "reportDrafted"
        case .reportApproved: "reportApproved"
        case .organizationDecided: "organizationDecided"
        case .feedbackGiven: "feedbackGiven"
        case .taskOpened: "taskOpened"
        case .taskDone: "taskDone"
        case .shiftStarted: "shiftStarted"
        case .shiftEnded: "shiftEnded"
        case .consultationOpened: "consultationOpened"
        case .careTaskOpened: "careTaskOpened"
        case .careTaskDone: "careTaskDone"
        case .consultationLinked: "consultationLinked"
        case .consultationNoted: "consultationNoted"
        case .consultationClosed: "consultationClosed"
        case .restrictedAccess: "restrictedAccess"
        case .checkpointSigned: "checkpointSigned"
        }
    }

    /// Every personal value the event holds, with its field path.
    public var personalFields: [(path: String, value: Personal)] {
        var out: [(String, Personal)] = []
        func add(_ path: String, _ v: Personal?) { if let v { out.append((path, v)) } }
        switch self {
        case .intakeRecorded(let p):
            add("applicant.name", p.applicant.name)
            add("applicant.phone", p.applicant.phone)
            add("applicant.email", p.applicant.email)
            for (i, s) in p.staff.enumerated() {
                add("staff.\(i).name", s.name)
                add("staff.\(i).characteristics", s.characteristics)
            }
            add("complaint", p.complaint)
            add("requests", p.requests)
            for (i, a) in (p.attachments ?? []).enumerated() { add("attachments.\(i).name", a.name) }
        case .statementRecorded(let p): add("text", p.text)
        case .applicantAdded(let p):
            add("text", p.text)
            for (i, a) in (p.attachments ?? []).enumerated() { add("attachments.\(i).name", a.name) }
        case .counterpartyLinked(let p): add("label", p.label)
        case .assessed(let p):
            add("reason", p.reason)
            add("opinion", p.opinion)
        case .classified(let p): add("reason", p.reason)
        case .standingSet(let p): add("reason", p.reason)
        case .laneOverridden(let p): add("reason", p.reason)
        case .escalated(let p): add("reason", p.reason)
        case .rejectedAsThreat(let p), .noteAdded(let p): add("text", p.text)
        case .reportDrafted(let p): add("opinion", p.opinion)
        case .organizationDecided(let p): add("decision", p.decision)
        case .feedbackGiven(let p): add("text", p.text)
        case .shiftEnded(let p): add("note", p.note)
        case .consultationOpened(let p):
            add("name", p.name)
            add("contact", p.contact)
            add("harm", p.harm)
            add("wants", p.wants)
        case .consultationNoted(let p), .consultationClosed(let p): add("text", p.text)
        case .factsRecorded, .handedOver, .reviewStarted, .reported, .closed, .enquiryLogged, .caseAssigned, .legalHoldPlaced,
             .legalHoldLifted, .ladderStepTaken, .counterActionTaken, .contactSet, .reportApproved, .taskOpened, .taskDone, .organizationRegistered, .retentionSet,
             .policyAdopted, .staffAdded, .staffRemoved, .shiftStarted, .careTaskOpened, .careTaskDone, .consultationLinked,
             .restrictedAccess, .subjectErased, .subjectExported, .checkpointSigned:
            break  // nothing personal in these payloads
        }
        return out
    }
}

/// Fixed texts the console and the leaflets refer to by id.
public enum Scripts {
    public static let noProgressAnswers = "no-progress-answers"
}
