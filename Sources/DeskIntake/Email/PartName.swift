import DeskDomain

/// Names the message or one of its MIME parts in errors, numbering parts as IMAP does (`1.2`).
struct PartName {
    /// `1.2`; empty for a multipart that is the message's own body.
    var path: String
    /// The headers are the message's own (`the e-mail's Subject header`).
    var isMessage: Bool

    var part: String { path.isEmpty ? "the e-mail's top-level multipart" : "the e-mail's MIME part \(path)" }

    func header(_ name: String) -> String {
        let n = Sanitizer.visible(String(name.prefix(80)))
        return isMessage ? "the e-mail's \(n) header" : "the \(n) header of \(part)"
    }

    var headerSection: String { isMessage ? "the e-mail's header section" : "the header section of \(part)" }
}
