import DeskDomain
import Foundation

/// Reads one e-mail (an .eml file: RFC 5322 with MIME) into a checked submission. Refuses, naming the header or
/// the MIME part (numbered as IMAP does: `1.2`) and the limit: oversized input, control characters, broken MIME,
/// unknown charsets and transfer encodings, too many or too large attachments. Never echoes the input raw.
public enum EmailParser {
    public static func parse(_ data: Data) throws(InputError) -> EmailSubmission {
        guard data.count <= IntakeLimits.submissionBytes else {
            throw .tooLarge(what: "the e-mail", limit: IntakeLimits.submissionBytes, actual: data.count)
        }
        let b = [UInt8](data)
        guard b.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A) }) else { throw .missing("the e-mail") }
        var start = 0
        // The mbox separator (`From sender date`) that some mail programs save before the headers.
        if b.starts(with: Array("From ".utf8)) {
            let lf = Bytes.find(0x0A, in: b, from: 0, to: b.count)
            if !HeaderSection.isFieldStart(b, 0, lf) { start = min(lf + 1, b.count) }
        }
        let (headers, bodyStart) = try HeaderSection.read(b, start..<b.count, PartName(path: "", isMessage: true))
        guard !headers.fields.isEmpty else {
            throw .invalid("the e-mail", expected: "header fields (From:, Subject: and so on) before its body")
        }

        var count = 0
        let root = try part(b, headers, bodyStart..<b.count, nil, depth: 0, defaultType: "text/plain", count: &count)
        var texts: [MIMEPart] = [], attached: [MIMEPart] = []
        classify(root, keepText: true, texts: &texts, attachments: &attached)
        guard attached.count <= IntakeLimits.attachments else {
            throw .tooMany("the e-mail's attachments", limit: IntakeLimits.attachments, actual: attached.count)
        }

        var segments: [String] = []
        for p in texts {
            let what = p.name.part
            let encoding = try TransferEncoding.named(p.encoding, what: what)
            let decoded = try Charsets.decode(try encoding.decode(b, p.body, what: what), label: p.type.params["charset"], what: what)
            var text = try bodyText(decoded, what: what)
            if p.type.value == "text/html" { text = HTMLText.text(text) }
            if p.type.value == "text/plain", p.type.params["format"]?.lowercased() == "flowed" {
                text = unflowed(text, deleteSpace: p.type.params["delsp"]?.lowercased() == "yes")
            }
            text = trimEnd(text)
            if !text.isEmpty { segments.append(text) }
        }
        // Leading white space stays (indentation means something); trailing does not.
        let text = trimEnd(segments.joined(separator: "\n\n"))
        let length = max(text.count, text.unicodeScalars.count / 4)
        guard length <= IntakeLimits.complaint else {
            throw .tooLong("the message body", limit: IntakeLimits.complaint, actual: length)
        }

        var attachments: [EmailSubmission.Attachment] = []
        for (k, p) in attached.enumerated() {
            let plain = "attachment \(k + 1) in \(p.name.part)"
            let filename = try filename(p, what: "the file name of \(plain)")
            let what = filename.map { "attachment \(k + 1) (\"\($0)\") in \(p.name.part)" } ?? plain
            let encoding = try TransferEncoding.named(p.encoding, what: what)
            // Measured first: an oversized attachment is refused before any of it is decoded.
            let size = try encoding.decodedSize(b, p.body, what: what)
            guard size <= IntakeLimits.attachmentBytes else {
                throw .tooLarge(what: what, limit: IntakeLimits.attachmentBytes, actual: size)
            }
            attachments.append(.init(filename: filename, mediaType: p.type.value,
                                     bytes: Data(try encoding.decode(b, p.body, what: what))))
        }

        let message = PartName(path: "", isMessage: true)
        var submission = EmailSubmission(to: [], text: text, attachments: attachments, original: data)
        if let h = headers.first("subject") {
            let what = message.header(h.name)
            let s = try oneLine(try EncodedWords.decode(h.value, what: what), what: what)
            let n = max(s.count, s.unicodeScalars.count / 4)
            guard n <= IntakeLimits.subject else { throw .tooLong(what, limit: IntakeLimits.subject, actual: n) }
            submission.subject = s.isEmpty ? nil : s
        }
        if let h = headers.first("from") {
            let what = message.header(h.name)
            guard let box = try mailboxes(h, what: what).first, AddressList.isPlausible(box.address) else {
                throw .invalid(what, expected: "a mailbox like 名前 <name@example.jp>")
            }
            guard box.address.count <= IntakeLimits.email else {
                throw .tooLong("the e-mail's From address", limit: IntakeLimits.email, actual: box.address.count)
            }
            if let name = box.name {
                let n = max(name.count, name.unicodeScalars.count / 4)
                guard n <= IntakeLimits.name else { throw .tooLong("the e-mail's From name", limit: IntakeLimits.name, actual: n) }
            }
            submission.from = display(box)
            submission.fromAddress = box.address
            submission.fromName = box.name
        }
        for h in headers.all("to") {
            submission.to += try mailboxes(h, what: message.header(h.name)).map(display)
        }
        if let h = headers.first("date"), let d = EmailDate.parse(h.value) {
            submission.date = d.date
            submission.dateHeader = d.iso
        }
        if let h = headers.first("message-id") {
            var id = h.value
            if let open = id.firstIndex(of: "<"), let close = id[open...].firstIndex(of: ">") { id = String(id[open...close]) }
            guard id.count <= IntakeLimits.messageID else {
                throw .tooLong(message.header(h.name), limit: IntakeLimits.messageID, actual: id.count)
            }
            submission.messageID = id.isEmpty ? nil : id
        }
        if submission.text.isEmpty, submission.subject == nil { throw .missing("the message body") }
        return submission
    }

    // MARK: MIME structure

    struct MIMEPart {
        var name: PartName
        var type: MIMEValue
        var disposition: MIMEValue?
        var encoding: String?
        var body: Range<Int>
        var children: [MIMEPart] = []

        var isMultipart: Bool { type.value.hasPrefix("multipart/") }
        var isAttachment: Bool {
            disposition?.value == "attachment" || disposition?.params["filename"] != nil || type.params["name"] != nil
        }
        /// Read as the body: inline text/plain or text/html. Other text (calendars, CSV) is kept as an attachment.
        var isBodyText: Bool { !isAttachment && (type.value == "text/plain" || type.value == "text/html") }
        var hasPlain: Bool { isMultipart ? children.contains(where: \.hasPlain) : isBodyText && type.value == "text/plain" }
        var hasText: Bool { isMultipart ? children.contains(where: \.hasText) : isBodyText }
    }

    /// `name` nil: the message's own body (its headers are the message's).
    static func part(_ b: [UInt8], _ headers: HeaderSection, _ body: Range<Int>, _ given: PartName?, depth: Int,
                     defaultType: String, count: inout Int) throws(InputError) -> MIMEPart {
        var type = MIMEValue(value: defaultType, params: [:])
        var name = given ?? PartName(path: "1", isMessage: true)
        if let h = headers.first("content-type") {
            let v = try MIMEValue.parse(h.value, what: name.header(h.name))
            // RFC 2045 §5.2: a type that cannot be read is text/plain; its charset still counts.
            type = isMediaType(v.value) ? v : MIMEValue(value: "text/plain", params: v.params)
        }
        if given == nil, type.value.hasPrefix("multipart/") { name.path = "" }
        var disposition: MIMEValue? = nil
        if let h = headers.first("content-disposition") { disposition = try MIMEValue.parse(h.value, what: name.header(h.name)) }
        var p = MIMEPart(name: name, type: type, disposition: disposition,
                         encoding: headers.first("content-transfer-encoding")?.value, body: body)
        guard p.isMultipart else { return p }

        guard depth < IntakeLimits.mimeDepth else {
            throw .invalid(name.part, expected: "nested at most \(IntakeLimits.mimeDepth) multiparts deep")
        }
        guard try TransferEncoding.named(p.encoding, what: name.part) == .identity else {
            throw .invalid(name.part, expected: "a multipart without a transfer encoding (7bit, 8bit or binary)")
        }
        guard let boundary = type.params["boundary"], !boundary.isEmpty, boundary.utf8.count <= 200 else {
            throw .invalid(name.part, expected: "a multipart with a boundary parameter (1 to 200 characters)")
        }
        let ranges = try split(b, body, boundary: Array(boundary.utf8), name, count: &count)
        let childType = type.value == "multipart/digest" ? "message/rfc822" : "text/plain"
        for (k, r) in ranges.enumerated() {
            let childName = name.child(k + 1)
            let (h, start) = try HeaderSection.read(b, r, childName)
            p.children.append(try part(b, h, start..<r.upperBound, childName, depth: depth + 1, defaultType: childType,
                                       count: &count))
        }
        return p
    }

    static func isMediaType(_ v: String) -> Bool {
        let halves = v.split(separator: "/", omittingEmptySubsequences: false)
        let token = Set("abcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-.^_`{|}~")
        return halves.count == 2 && halves.allSatisfy { !$0.isEmpty && $0.allSatisfy { token.contains($0) } }
    }

    /// The body parts between delimiter lines (`--boundary` at a line start, then only white space; `--boundary--`
    /// closes). The line break before a delimiter belongs to it. Preamble and epilogue are skipped.
    static func split(_ b: [UInt8], _ r: Range<Int>, boundary: [UInt8], _ name: PartName,
                      count: inout Int) throws(InputError) -> [Range<Int>] {
        let delimiter = Array("--".utf8) + boundary
        var parts: [Range<Int>] = []
        var extra = 0                                  // parts past the limit, counted only
        var partStart: Int? = nil, closed = false
        var line = r.lowerBound
        while line < r.upperBound {
            let lf = Bytes.find(0x0A, in: b, from: line, to: r.upperBound)
            let end = lf > line && b[lf - 1] == 0x0D ? lf - 1 : lf
            let next = lf < r.upperBound ? lf + 1 : lf
            if end - line >= delimiter.count, b[line] == 0x2D, b[line..<(line + delimiter.count)].elementsEqual(delimiter) {
                let rest = (line + delimiter.count)..<end
                let isClose = rest.count >= 2 && b[rest.lowerBound] == 0x2D && b[rest.lowerBound + 1] == 0x2D
                if isClose || b[rest].allSatisfy(Bytes.isWSP) {
                    if let s = partStart {
                        var e = line
                        if e > s { e -= 1; if e > s, b[e - 1] == 0x0D { e -= 1 } }
                        if count < IntakeLimits.mimeParts { parts.append(s..<e); count += 1 } else { extra += 1 }
                    }
                    if isClose { closed = true; break }
                    partStart = next
                }
            }
            line = next
        }
        if extra > 0 { throw .tooMany("the e-mail's MIME parts", limit: IntakeLimits.mimeParts, actual: count + extra) }
        guard partStart != nil || closed else {
            throw .invalid(name.part, expected: "a multipart whose boundary starts a line of its body (it never does)")
        }
        guard closed else {
            throw .invalid(name.part, expected: "a multipart that ends with its closing boundary line (--boundary--)")
        }
        return parts
    }

    /// Body text in order; in multipart/alternative the text/plain branch (else the first with text) is read
    /// and the other branches give only their attachments.
    static func classify(_ p: MIMEPart, keepText: Bool, texts: inout [MIMEPart], attachments: inout [MIMEPart]) {
        if p.isMultipart {
            let chosen = p.type.value == "multipart/alternative"
                ? p.children.firstIndex(where: \.hasPlain) ?? p.children.firstIndex(where: \.hasText) : nil
            for (k, c) in p.children.enumerated() {
                classify(c, keepText: keepText && (chosen == nil || chosen == k), texts: &texts, attachments: &attachments)
            }
        } else if p.isBodyText {
            if keepText { texts.append(p) }
        } else {
            attachments.append(p)
        }
    }

    // MARK: text checks

    /// Decoded body text: NUL and other controls (but tab and line ends) refused; line ends made `\n`.
    static func bodyText(_ s: String, what: String) throws(InputError) -> String {
        var out = String.UnicodeScalarView()
        var afterCR = false
        for u in s.unicodeScalars {
            let v = u.value
            if v == 0 { throw .nul(what) }
            if v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D || (0x7F...0x9F).contains(v) {
                throw .invalid(what, expected: "text without control characters")
            }
            if v == 0x0D { out.append("\n"); afterCR = true; continue }
            if v == 0x0A, afterCR { afterCR = false; continue }
            afterCR = false
            out.append(u)
        }
        return String(out)
    }

    /// A decoded header value or file name: no controls but tab (an encoded-word can hide any byte).
    static func oneLine(_ s: String, what: String) throws(InputError) -> String {
        if s.unicodeScalars.contains(where: { $0.value < 0x20 && $0.value != 0x09 || (0x7F...0x9F).contains($0.value) }) {
            throw .invalid(what, expected: "no control characters")
        }
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// RFC 3676 format=flowed: a line ending in a space continues on the next line of the same quote depth
    /// (with delsp=yes, as for Japanese, that space goes); a space-stuffed line loses its first space.
    static func unflowed(_ text: String, deleteSpace: Bool) -> String {
        var out: [String] = [], current: String? = nil, currentDepth = 0
        func quote(_ depth: Int) -> String { depth == 0 ? "" : String(repeating: ">", count: depth) + " " }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = raw[...], depth = 0
            while line.first == ">" { depth += 1; line = line.dropFirst() }
            if line.first == " " { line = line.dropFirst() }
            let soft = line.hasSuffix(" ") && line != "-- "
            if soft, deleteSpace { line = line.dropLast() }
            if let c = current, depth == currentDepth {
                current = c + line
            } else {
                if let c = current { out.append(quote(currentDepth) + c) }
                current = String(line); currentDepth = depth
            }
            if !soft { out.append(quote(depth) + current!); current = nil }
        }
        if let c = current { out.append(quote(currentDepth) + c) }
        return out.joined(separator: "\n")
    }

    static func trimEnd(_ s: String) -> String {
        var scalars = s.unicodeScalars[...]
        while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    static func mailboxes(_ h: HeaderField, what: String) throws(InputError) -> [AddressList.Mailbox] {
        var out: [AddressList.Mailbox] = []
        for var m in AddressList.parse(h.value) {
            m.address = try oneLine(m.address, what: what)
            if let n = m.name {
                let decoded = try oneLine(try EncodedWords.decode(n, what: what), what: what)
                m.name = decoded.isEmpty ? nil : decoded
            }
            if !m.address.isEmpty { out.append(m) }
        }
        return out
    }

    static func display(_ m: AddressList.Mailbox) -> String { m.name.map { "\($0) <\(m.address)>" } ?? m.address }

    /// Decoded, only its last path component (a name is a label, never a place to write), bidi overrides
    /// made visible; nil when absent or empty.
    static func filename(_ p: MIMEPart, what: String) throws(InputError) -> String? {
        guard let raw = p.disposition?.params["filename"] ?? p.type.params["name"] else { return nil }
        var name = try oneLine(try EncodedWords.decode(raw, what: what), what: what)
        if let cut = name.lastIndex(where: { $0 == "/" || $0 == "\\" }) { name = String(name[name.index(after: cut)...]) }
        name = name.trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name == "." || name == ".." { return nil }
        let n = max(name.count, name.unicodeScalars.count / 4)
        guard n <= IntakeLimits.filename else { throw .tooLong(what, limit: IntakeLimits.filename, actual: n) }
        return Sanitizer.visible(name)
    }
}
