import Foundation

/// One e-mail (.eml), checked part by part; plain text, not yet sealed.
public struct EmailSubmission: Equatable, Sendable {
    public struct Attachment: Equatable, Sendable {
        /// Decoded (RFC 2231 / RFC 2047), without any directory part, bidi overrides made visible; nil when the
        /// part names no file.
        public var filename: String?
        /// Lower-cased `type/subtype`.
        public var mediaType: String
        /// The decoded content.
        public var bytes: Data
    }

    /// `名前 <addr>`, or just the address when there is no display name.
    public var from: String?
    /// The addr-spec of the first From mailbox.
    public var fromAddress: String?
    public var fromName: String?
    /// Each To mailbox in the display form of `from`, every To header in order.
    public var to: [String]
    public var subject: String?
    /// Nil when the Date header is absent or cannot be read (a bad date is not a reason to refuse a complaint).
    public var date: Date?
    /// `date` in ISO 8601 with the header's own offset (`2026-11-24T22:15:03+09:00`), for `occurredAt`.
    public var dateHeader: String?
    /// As written, angle brackets included.
    public var messageID: String?
    /// text/plain parts in order (text/plain preferred in multipart/alternative; HTML reduced to text when it
    /// is all there is), line endings `\n`, no trailing whitespace.
    public var text: String
    public var attachments: [Attachment]
    /// The bytes as received, kept exactly as evidence.
    public var original: Data
}
