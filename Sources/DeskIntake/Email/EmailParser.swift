import DeskDomain
import Foundation

/// Reads one e-mail (an .eml file: RFC 5322 with MIME) into a checked submission. GMime parses it; this checks
/// what GMime found and reads it as the desk needs. Refuses, naming the header or the MIME part (numbered as
/// IMAP does: `1.2`) and the limit: oversized input, control characters, broken MIME, unknown charsets and
/// transfer encodings, too many or too large attachments. Never echoes the input raw.
public enum EmailParser {
    public static func parse(_ data: Data) throws(InputError) -> EmailSubmission {
        guard data.count <= IntakeLimits.submissionBytes else {
            throw .tooLarge(what: "the e-mail", limit: IntakeLimits.submissionBytes, actual: data.count)
        }
        let b = [UInt8](data)
        guard b.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A) }) else { throw .missing("the e-mail") }
        try ParseBudget.check(b)
        let noHeaders = InputError.invalid("the e-mail", expected: "header fields (From:, Subject: and so on) before its body")
        guard let mail = try MIMEMessage.parse(b) else { throw noHeaders }
        let message = PartName(path: "", isMessage: true)
        // GMime keeps the message's Content-* fields on its body; together they are the message's header section.
        try checkSection(b, mail.headers + mail.root.headers, message)
        guard !mail.headers.isEmpty || !mail.root.headers.isEmpty else { throw noHeaders }

        let parts = mail.root.descendants
        guard parts <= IntakeLimits.mimeParts else {
            throw .tooMany("the e-mail's MIME parts", limit: IntakeLimits.mimeParts, actual: parts)
        }
        try checkStructure(b, mail.root, depth: 0)
        var texts: [MIMEPart] = [], attached: [MIMEPart] = []
        classify(mail.root, keepText: true, texts: &texts, attachments: &attached)
        guard attached.count <= IntakeLimits.attachments else {
            throw .tooMany("the e-mail's attachments", limit: IntakeLimits.attachments, actual: attached.count)
        }

        var segments: [String] = []
        for p in texts {
            let what = PartName(path: p.path, isMessage: false).part
            // Our charset tables, not GMime's: glibc's ISO-2022-JP and SHIFT_JIS refuse ① and ㈱ (CP932).
            let decoded = try Charsets.decode(try content(b, p, what: what), label: p.parameters["charset"], what: what)
            var text = try bodyText(decoded, what: what)
            if p.mediaType == "text/html" { text = HTMLText.text(text) }
            if p.mediaType == "text/plain", p.parameters["format"]?.lowercased() == "flowed" {
                text = unflowed(text, deleteSpace: p.parameters["delsp"]?.lowercased() == "yes")
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
            let plain = "attachment \(k + 1) in \(PartName(path: p.path, isMessage: false).part)"
            let filename = try filename(p, what: "the file name of \(plain)")
            let what = filename.map { "attachment \(k + 1) (\"\($0)\") in \(PartName(path: p.path, isMessage: false).part)" } ?? plain
            attachments.append(.init(filename: filename, mediaType: p.mediaType,
                                     bytes: Data(try content(b, p, what: what, limit: IntakeLimits.attachmentBytes))))
        }

        var submission = EmailSubmission(to: [], text: text, attachments: attachments, original: data)
        func first(_ name: String) -> MIMEHeader? { mail.headers.first { $0.name.lowercased() == name } }
        if let h = first("subject") {
            let what = message.header(h.name)
            let s = try oneLine(try EncodedWords.decode(h.value, what: what), what: what)
            let n = max(s.count, s.unicodeScalars.count / 4)
            guard n <= IntakeLimits.subject else { throw .tooLong(what, limit: IntakeLimits.subject, actual: n) }
            submission.subject = s.isEmpty ? nil : s
        }
        if let h = first("from") {
            let what = message.header(h.name)
            guard let box = try mailboxes(h, what: what).first, isPlausible(box.address) else {
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
        for h in mail.headers where h.name.lowercased() == "to" {
            submission.to += try mailboxes(h, what: message.header(h.name)).map(display)
        }
        // GMime's date parser reads `JST` as UTC and a date without a zone as valid; ours does neither.
        if let h = first("date"), let d = EmailDate.parse(h.value) {
            submission.date = d.date
            submission.dateHeader = d.iso
        }
        if let h = first("message-id") {
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

    // MARK: what GMime found, checked

    /// Size and raw bytes of a header section, read from the input at the offsets GMime gives: GMime drops
    /// a NUL and what follows it from a value, and keeps 8-bit text it cannot read.
    static func checkSection(_ b: [UInt8], _ headers: [MIMEHeader], _ name: PartName) throws(InputError) {
        guard let start = headers.map(\.offset).min() else { return }
        let fields = headers.map { ($0, fieldRange(b, $0.offset)) }
        var end = fields.map(\.1.upperBound).max()!
        if end < b.count, b[end] == 0x0A { end += 1 } else if end + 1 < b.count, b[end] == 0x0D, b[end + 1] == 0x0A { end += 2 }
        guard end - start <= IntakeLimits.headerBytes else {
            throw .tooLarge(what: name.headerSection, limit: IntakeLimits.headerBytes, actual: end - start)
        }
        for (h, r) in fields {
            let what = name.header(h.name)
            let value = b[r].drop(while: { $0 != 0x3A }).dropFirst()
            var eightBit = false
            for i in value.indices {
                let c = value[i]
                if c >= 0x80 {
                    eightBit = true
                } else if c < 0x20 && c != 0x09 && c != 0x0A && !(c == 0x0D && i + 1 < r.upperBound && b[i + 1] == 0x0A) || c == 0x7F {
                    throw .invalid(what, expected: "no control characters")
                }
            }
            // RFC 6532 allows UTF-8 in headers; any other raw 8-bit text has no charset to read it by.
            if eightBit, WebFormParser.firstInvalidUTF8(Data(value)) != nil {
                throw .invalid(what, expected: "ASCII or UTF-8 text (other character sets must be RFC 2047 encoded)")
            }
        }
    }

    /// The field at `offset` with its continuation lines (those starting with white space), line ends included.
    static func fieldRange(_ b: [UInt8], _ offset: Int) -> Range<Int> {
        var i = max(0, min(offset, b.count))
        while i < b.count {
            while i < b.count, b[i] != 0x0A { i += 1 }
            if i < b.count { i += 1 }
            guard i < b.count, b[i] == 0x20 || b[i] == 0x09 else { break }
        }
        return max(0, min(offset, b.count))..<i
    }

    /// Multipart rules, and each part's header section, depth first in document order.
    static func checkStructure(_ b: [UInt8], _ p: MIMEPart, depth: Int) throws(InputError) {
        guard case let .multipart(children, boundary, closed) = p.body else { return }
        let name = PartName(path: p.path, isMessage: depth == 0)
        guard depth < IntakeLimits.mimeDepth else {
            throw .invalid(name.part, expected: "nested at most \(IntakeLimits.mimeDepth) multiparts deep")
        }
        guard try known(p.encoding, what: name.part) == .identity else {
            throw .invalid(name.part, expected: "a multipart without a transfer encoding (7bit, 8bit or binary)")
        }
        guard let boundary, !boundary.isEmpty, boundary.utf8.count <= 200 else {
            throw .invalid(name.part, expected: "a multipart with a boundary parameter (1 to 200 characters)")
        }
        guard closed || !children.isEmpty else {
            throw .invalid(name.part, expected: "a multipart whose boundary starts a line of its body (it never does)")
        }
        guard closed else {
            throw .invalid(name.part, expected: "a multipart that ends with its closing boundary line (--boundary--)")
        }
        for c in children {
            try checkSection(b, c.headers, PartName(path: c.path, isMessage: false))
            try checkStructure(b, c, depth: depth + 1)
        }
    }

    static func known(_ e: MIMEPart.TransferEncoding, what: String) throws(InputError) -> MIMEPart.TransferEncoding {
        guard case .unknown(let v) = e else { return e }
        throw .invalid(what, expected: "in a Content-Transfer-Encoding the desk can read (7bit, 8bit, binary, "
            + "quoted-printable or base64), not \"\(Sanitizer.visible(String(v.lowercased().prefix(40))))\"")
    }

    /// The part's content, transfer-decoded by GMime; a decoded size over `limit` is refused before decoding.
    static func content(_ b: [UInt8], _ p: MIMEPart, what: String, limit: Int = .max) throws(InputError) -> [UInt8] {
        let encoding = try known(p.encoding, what: what)
        switch p.body {
        case .multipart:
            return []
        case let .message(bytes, size):
            guard size <= limit, let bytes else { throw .tooLarge(what: what, limit: limit, actual: size) }
            return bytes
        case .content(let r):
            var raw = b[r.clamped(to: 0..<b.count)]
            if encoding == .identity {
                guard raw.count <= limit else { throw .tooLarge(what: what, limit: limit, actual: raw.count) }
                return Array(raw)
            }
            let base64 = encoding == .base64
            if base64 { try checkBase64(raw, what: what) } else { raw = softBreaksTrimmed(raw) }
            // Decoding never makes content larger, so only content over the limit needs counting.
            if raw.count > limit {
                let size = GMimeCodec.decodedCount(raw, base64: base64)
                guard size <= limit else { throw .tooLarge(what: what, limit: limit, actual: size) }
            }
            return GMimeCodec.decode(raw, base64: base64)
        }
    }

    /// The base64 alphabet, `=` and the white space and line ends base64 content may hold.
    private static let base64Bytes: [Bool] = (0...255).map { c in
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= \t\r\n".utf8.contains(UInt8(c))
    }

    /// The offset of the first byte base64 content cannot hold: GMime's decoder skips such bytes unseen.
    static func base64Junk(_ raw: ArraySlice<UInt8>) -> Int? {
        raw.withUnsafeBufferPointer { p in base64Bytes.withUnsafeBufferPointer { ok in p.firstIndex { !ok[Int($0)] } } }
    }

    /// Junk in an attachment is refused, naming where it is.
    static func checkBase64(_ raw: ArraySlice<UInt8>, what: String) throws(InputError) {
        if let bad = base64Junk(raw) { throw .invalid(what, expected: "valid base64 (byte \(bad) of its content is not)") }
    }

    /// RFC 2045 §6.7: white space at a line's end was added in transport. GMime's decoder keeps it, so `=  `
    /// at a line's end would not read as the soft line break it is; only white space after `=` goes.
    static func softBreaksTrimmed(_ raw: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var out: [UInt8]? = nil
        var i = raw.startIndex
        while i < raw.endIndex {
            if raw[i] == 0x3D {
                var j = i + 1
                while j < raw.endIndex, raw[j] == 0x20 || raw[j] == 0x09 { j += 1 }
                if j > i + 1, j == raw.endIndex || raw[j] == 0x0D || raw[j] == 0x0A {
                    if out == nil { out = Array(raw[raw.startIndex...i]) } else { out!.append(0x3D) }
                    i = j
                    continue
                }
            }
            out?.append(raw[i])
            i += 1
        }
        return out.map { $0[...] } ?? raw
    }

    /// Body text in order; in multipart/alternative the text/plain branch (else the first with text) is read
    /// and the other branches give only their attachments.
    static func classify(_ p: MIMEPart, keepText: Bool, texts: inout [MIMEPart], attachments: inout [MIMEPart]) {
        if case .multipart(let children, _, _) = p.body {
            let chosen = p.mediaType == "multipart/alternative"
                ? children.firstIndex(where: \.hasPlain) ?? children.firstIndex(where: \.hasText) : nil
            for (k, c) in children.enumerated() {
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

    /// GMime splits the list; the encoded words are decoded by `EncodedWords` first (see there why).
    static func mailboxes(_ h: MIMEHeader, what: String) throws(InputError) -> [GMimeAddresses.Mailbox] {
        var out: [GMimeAddresses.Mailbox] = []
        for var m in GMimeAddresses.mailboxes(try EncodedWords.asUTF8Words(h.value, what: what)) {
            m.address = try oneLine(m.address, what: what)
            if let n = m.name {
                let decoded = try oneLine(n, what: what)
                m.name = decoded.isEmpty ? nil : decoded
            }
            if !m.address.isEmpty { out.append(m) }
        }
        return out
    }

    static func display(_ m: GMimeAddresses.Mailbox) -> String { m.name.map { "\($0) <\(m.address)>" } ?? m.address }

    /// `local@domain`, neither part empty, no white space, controls or address punctuation outside quotes.
    /// GMime takes any word as a mailbox (`nobody`).
    static func isPlausible(_ address: String) -> Bool {
        guard let at = address.lastIndex(of: "@") else { return false }
        let local = address[..<at], domain = address[address.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty else { return false }
        let specials = Set(" \t<>()[],;:\\\"@".unicodeScalars)
        if !(domain.hasPrefix("[") && domain.hasSuffix("]")),
           domain.unicodeScalars.contains(where: { specials.contains($0) || $0.value < 0x20 || $0.value == 0x7F }) { return false }
        if local.hasPrefix("\""), local.hasSuffix("\""), local.count >= 2 {
            return !local.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
        }
        return !local.unicodeScalars.contains { specials.contains($0) || $0.value < 0x20 || $0.value == 0x7F }
    }

    /// Decoded by GMime (RFC 2231, RFC 2047), only its last path component (a name is a label, never a place
    /// to write), bidi overrides made visible; nil when absent or empty.
    static func filename(_ p: MIMEPart, what: String) throws(InputError) -> String? {
        guard let raw = p.filename else { return nil }
        var name = try oneLine(raw, what: what)
        if let cut = name.lastIndex(where: { $0 == "/" || $0 == "\\" }) { name = String(name[name.index(after: cut)...]) }
        name = name.trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name == "." || name == ".." { return nil }
        let n = max(name.count, name.unicodeScalars.count / 4)
        guard n <= IntakeLimits.filename else { throw .tooLong(what, limit: IntakeLimits.filename, actual: n) }
        return Sanitizer.visible(name)
    }
}

extension MIMEPart {
    var isAttachment: Bool { disposition == "attachment" || filename != nil }
    /// Read as the body: inline text/plain or text/html. Other text (calendars, CSV) is kept as an attachment.
    var isBodyText: Bool { !isAttachment && (mediaType == "text/plain" || mediaType == "text/html") }
    var children: [MIMEPart] { if case .multipart(let c, _, _) = body { c } else { [] } }
    var hasPlain: Bool { children.contains(where: \.hasPlain) || isBodyText && mediaType == "text/plain" }
    var hasText: Bool { children.contains(where: \.hasText) || isBodyText }
    /// Parts below this one, all levels.
    var descendants: Int { children.reduce(children.count) { $0 + $1.descendants } }
}
