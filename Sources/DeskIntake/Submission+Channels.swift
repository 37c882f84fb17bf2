import DeskApp
import DeskDomain
import Foundation

/// The checked web form and e-mail as the desk's one kind of submission (the parsers' output, mapped once).
extension Submission {
    /// A checked web-form submission (`mado.webform/1`).
    public init(webForm f: WebFormSubmission) {
        self.init(organization: f.organization, branch: f.branch, store: f.store, channel: .webForm, language: f.language,
                  occurredAt: f.occurredAt,
                  applicant: Applicant(anonymous: f.applicant.anonymous, name: f.applicant.name, phone: f.applicant.phone,
                                       email: f.applicant.email),
                  staff: f.staff.map { StaffMember(name: $0.name, characteristics: $0.characteristics) }, complaint: f.complaint,
                  requests: f.requests, feedbackWanted: f.feedbackWanted, original: f.original)
    }

    /// A checked e-mail about `organization`: the sender is the applicant (named when the mail gives a name, the address as
    /// their contact), the subject and text the complaint, the message and each attachment sealed evidence.
    public init(email mail: EmailSubmission, organization: OrganizationID, branch: String? = nil, store: String? = nil,
                language: Language? = nil) throws {
        var complaint = mail.text
        if let subject = mail.subject, !subject.isEmpty { complaint = subject + (complaint.isEmpty ? "" : "\n\n" + complaint) }
        guard !complaint.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw InputError.missing("the message body") }
        guard complaint.count <= IntakeLimits.complaint else {
            throw InputError.tooLong("the subject and message body", limit: IntakeLimits.complaint, actual: complaint.count)
        }
        if let n = mail.fromName, n.count > IntakeLimits.name { throw InputError.tooLong("the From name", limit: IntakeLimits.name, actual: n.count) }
        let name = mail.fromName.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        // The Date header says when the sender sent it (and is theirs to write), not when the problem occurred.
        self.init(organization: organization, branch: branch, store: store, channel: .email,
                  language: language ?? (Self.containsJapanese(complaint) ? .ja : .en), occurredAt: nil,
                  applicant: Applicant(anonymous: name == nil, name: name, email: mail.fromAddress), complaint: complaint,
                  original: mail.original,
                  attachments: mail.attachments.map { Attachment(name: $0.filename, mediaType: $0.mediaType, bytes: $0.bytes) })
    }

    static func containsJapanese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) }
    }
}
