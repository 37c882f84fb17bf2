import DeskDomain
import Foundation

/// What reached the desk, in plain text, from any channel: a web form, an e-mail, an answering-machine message typed in
/// by an operator. `Desk.takeIn` makes the people's subjects, seals every personal field and the original bytes, and
/// records the case. This is the one place intake is assembled.
public struct Submission: Sendable {
    public struct Applicant: Sendable {
        public var anonymous: Bool
        public var name: String?
        public var phone: String?
        public var email: String?
        public init(anonymous: Bool, name: String? = nil, phone: String? = nil, email: String? = nil) {
            self.anonymous = anonymous
            self.name = name
            self.phone = phone
            self.email = email
        }
    }
    public struct StaffMember: Sendable {
        public var name: String
        public var characteristics: String?
        public init(name: String, characteristics: String? = nil) {
            self.name = name
            self.characteristics = characteristics
        }
    }
    public struct Attachment: Sendable {
        public var name: String?
        public var mediaType: String
        public var bytes: Data
        public init(name: String?, mediaType: String, bytes: Data) {
            self.name = name
            self.mediaType = mediaType
            self.bytes = bytes
        }
    }

    public var organization: OrganizationID
    public var branch: String?
    public var store: String?
    public var channel: Channel
    public var language: Language
    public var occurredAt: String?
    public var applicant: Applicant
    public var staff: [StaffMember]
    public var complaint: String
    public var requests: String?
    public var feedbackWanted: Bool
    /// The bytes as received: kept exactly, sealed under the applicant, and fingerprinted so that the same submission
    /// taken in twice is recognised. Nil for intakes that have no original (the demo).
    public var original: Data?
    public var attachments: [Attachment]

    public init(organization: OrganizationID, branch: String? = nil, store: String? = nil, channel: Channel, language: Language,
                occurredAt: String? = nil, applicant: Applicant, staff: [StaffMember] = [], complaint: String, requests: String? = nil,
                feedbackWanted: Bool = false, original: Data? = nil, attachments: [Attachment] = []) {
        self.organization = organization
        self.branch = branch
        self.store = store
        self.channel = channel
        self.language = language
        self.occurredAt = occurredAt
        self.applicant = applicant
        self.staff = staff
        self.complaint = complaint
        self.requests = requests
        self.feedbackWanted = feedbackWanted
        self.original = original
        self.attachments = attachments
    }

    /// The texts in which the desk looks for threat words.
    var texts: [String] { [complaint] + (requests.map { [$0] } ?? []) }
}

extension Submission {
    /// An answering-machine message as the operator typed it: the reference, time and words are kept, sealed, as the
    /// original, so the same recording typed in twice is not a second case.
    public init(answeringMachine recording: String, at time: String, text: String, organization: OrganizationID, branch: String? = nil,
                store: String? = nil, language: Language = .ja) {
        self.init(organization: organization, branch: branch, store: store, channel: .answeringMachine, language: language,
                  occurredAt: time, applicant: Applicant(anonymous: true), complaint: text,
                  original: Data("recording: \(recording)\nat: \(time)\n\n\(text)".utf8))
    }
}

/// What `takeIn` did.
public enum IntakeOutcome: Equatable, Sendable {
    /// A new case; `threats` are words that suggest a threat or slander, for an operator to read (nothing is rejected by itself).
    /// `receipt` is the number the applicant is given; the desk keeps only its keyed hash.
    case new(CaseID, threats: [String], receipt: Receipt)
    /// The same bytes were taken in before, as this case; nothing was appended.
    case duplicate(CaseID)
}

/// A counter hand-over, recorded: the case and the policy's decision, with the table that decided (for its scripts).
public struct HandOverResult: Sendable {
    public let id: CaseID
    public let decision: HandedOver
    public let policy: PolicyTable
    public let organizationName: String
    /// The number printed on the customer's leaflet; the desk keeps only its keyed hash.
    public let receipt: Receipt
}
