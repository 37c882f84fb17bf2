import DeskDomain
import Foundation

/// A web-form submission (`mado.webform/1`), checked field by field; plain text, not yet sealed.
public struct WebFormSubmission: Equatable, Sendable {
    public struct Applicant: Equatable, Sendable {
        public var anonymous: Bool
        public var name: String?
        public var phone: String?
        public var email: String?
    }
    public struct Staff: Equatable, Sendable {
        public var name: String
        public var characteristics: String?
    }

    public var organization: OrganizationID
    public var branch: String?
    public var store: String?
    public var occurredAt: String?
    public var applicant: Applicant
    public var staff: [Staff]
    public var complaint: String
    public var requests: String?
    public var feedbackWanted: Bool
    public var language: Language
    /// The bytes as received, kept exactly as evidence.
    public var original: Data

    public static let formID = "mado.webform/1"
}
