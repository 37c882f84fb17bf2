import DeskApp
import DeskDomain
import Foundation
import MultipartKit
import NIOCore

/// What a `multipart/form-data` body held: its text fields by name and its files, in order.
struct MultipartForm: Sendable {
    struct File: Sendable {
        var name: String?
        var declaredType: String?
        var bytes: Data
    }
    var fields: [String: String] = [:]
    var files: [File] = []

    /// The fields as `a=b&c=d`, sorted by name: the submission's sealed original (the files are sealed on their own),
    /// and the same bytes again when the same form is sent twice.
    var canonicalFields: Data {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return Data(fields.sorted { $0.key < $1.key }.map { k, v in
            (k.addingPercentEncoding(withAllowedCharacters: allowed) ?? "") + "=" + (v.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&").utf8)
    }
}

/// The limits of one multipart body; each is checked as the bytes arrive, so nothing past a limit is kept.
struct MultipartLimits: Sendable {
    /// All text fields and part headers together.
    var fieldBytes: Int
    var fileBytes: Int
    var files: Int
}

/// Reads a multipart body chunk by chunk with MultipartKit's parser, keeping each limit as it goes.
final class MultipartCollector {
    enum Failure: Error, Equatable {
        case malformed
        case bodyTooLarge
        case fieldsTooLarge
        case fileTooLarge(String?)
        case tooManyFiles
        case notUTF8(String)
    }

    private let parser: MultipartParser
    private let limits: MultipartLimits
    private var headers: [String: String] = [:]
    private var body = Data()
    private var inPart = false
    private var parts = 0
    private var fieldBytes = 0
    private var failure: Failure?
    private var form = MultipartForm()

    /// The boundary of a `multipart/form-data` Content-Type, or nil when there is none or it is not one RFC 2046
    /// allows (1 to 70 characters).
    static func boundary(_ contentType: String) -> String? {
        let params = HeaderParameters(contentType)
        guard params.value.lowercased() == "multipart/form-data", let b = params["boundary"], (1...70).contains(b.utf8.count) else {
            return nil
        }
        return b
    }

    init(boundary: String, limits: MultipartLimits) {
        parser = MultipartParser(boundary: boundary)
        self.limits = limits
        parser.onHeader = { [unowned self] name, value in
            inPart = true
            fieldBytes += name.utf8.count + value.utf8.count
            if fieldBytes > limits.fieldBytes { fail(.fieldsTooLarge) }
            headers[name.lowercased()] = value
        }
        parser.onBody = { [unowned self] chunk in
            inPart = true
            guard failure == nil else { return }
            let isFile = disposition["filename"] != nil || disposition["filename*"] != nil
            if isFile {
                if body.count + chunk.readableBytes > limits.fileBytes { return fail(.fileTooLarge(fileName)) }
            } else {
                fieldBytes += chunk.readableBytes
                if fieldBytes > limits.fieldBytes { return fail(.fieldsTooLarge) }
            }
            body.append(contentsOf: chunk.readableBytesView)
        }
        parser.onPartComplete = { [unowned self] in
            defer { headers = [:]; body = Data(); inPart = false }
            guard failure == nil else { return }
            parts += 1
            finishPart()
        }
    }

    private var disposition: HeaderParameters { HeaderParameters(headers["content-disposition"] ?? "") }

    private var fileName: String? {
        let d = disposition
        if let star = d["filename*"], let quote = star.range(of: "''") {
            return String(star[quote.upperBound...]).removingPercentEncoding
        }
        return d["filename"].flatMap { $0.isEmpty ? nil : $0 }
    }

    private func fail(_ f: Failure) { if failure == nil { failure = f } }

    private func finishPart() {
        let d = disposition
        guard d.value.lowercased() == "form-data", let name = d["name"], !name.isEmpty else { return fail(.malformed) }
        if d["filename"] != nil || d["filename*"] != nil {
            // A file input left empty is still sent, with no name and no bytes.
            if body.isEmpty, fileName == nil { return }
            guard form.files.count < limits.files else { return fail(.tooManyFiles) }
            form.files.append(.init(name: fileName, declaredType: headers["content-type"], bytes: body))
        } else {
            guard form.fields[name] == nil else { return fail(.malformed) }   // a field given twice: not from our form
            guard let text = String(validating: body, as: UTF8.self) else { return fail(.notUTF8(name)) }
            form.fields[name] = text.replacingOccurrences(of: "\r\n", with: "\n")
        }
    }

    func feed(_ chunk: ByteBuffer) throws {
        do { try parser.execute(chunk) } catch { fail(.malformed) }
        if let failure { throw failure }
    }

    /// The form, once the body has ended; a body cut off inside a part, or with no part at all, is malformed.
    func finish() throws -> MultipartForm {
        if let failure { throw failure }
        guard !inPart, parts > 0 else { throw Failure.malformed }
        return form
    }
}

/// A header value with `; name=value` parameters (Content-Type, Content-Disposition); values may be quoted.
struct HeaderParameters {
    let value: String
    private var params: [String: String] = [:]

    init(_ header: String) {
        var items: [String] = []
        var current = "", quoted = false, escaped = false
        for c in header {
            if escaped { current.append(c); escaped = false; continue }
            if quoted, c == "\\" { escaped = true; continue }
            if c == "\"" { quoted.toggle(); continue }
            if c == ";", !quoted { items.append(current); current = ""; continue }
            current.append(c)
        }
        items.append(current)
        value = items[0].trimmingCharacters(in: .whitespaces)
        for item in items.dropFirst() {
            guard let eq = item.firstIndex(of: "=") else { continue }
            let k = item[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            if params[k] == nil { params[k] = String(item[item.index(after: eq)...]).trimmingCharacters(in: .whitespaces) }
        }
    }

    subscript(_ name: String) -> String? { params[name] }
}

/// The files the reception takes, known by their first bytes: what a browser or a partner declares is checked
/// against them, never trusted.
enum AttachmentType {
    static let accepted = ["image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "application/pdf",
                           "audio/mpeg", "audio/mp4", "audio/wav", "audio/ogg"]
    /// For the file input's `accept`: extensions too, which phones use to filter.
    static let acceptAttribute = accepted.joined(separator: ",") + ",.jpg,.jpeg,.png,.gif,.webp,.heic,.pdf,.mp3,.m4a,.wav,.ogg"

    private static let aliases = ["image/jpg": "image/jpeg", "image/pjpeg": "image/jpeg", "image/heif": "image/heic",
                                  "audio/mp3": "audio/mpeg", "audio/x-m4a": "audio/mp4", "audio/m4a": "audio/mp4",
                                  "audio/x-wav": "audio/wav", "audio/wave": "audio/wav", "audio/vnd.wave": "audio/wav",
                                  "application/x-pdf": "application/pdf"]

    /// What the bytes are, when they are one of the accepted types.
    static func sniff(_ b: Data) -> String? {
        func at(_ offset: Int, _ s: String) -> Bool { at(offset, Array(s.utf8)) }
        func at(_ offset: Int, _ s: [UInt8]) -> Bool {
            b.count >= offset + s.count && b[(b.startIndex + offset)..<(b.startIndex + offset + s.count)].elementsEqual(s)
        }
        if at(0, [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if at(0, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if at(0, "GIF87a") || at(0, "GIF89a") { return "image/gif" }
        if at(0, "RIFF"), at(8, "WEBP") { return "image/webp" }
        if at(0, "RIFF"), at(8, "WAVE") { return "audio/wav" }
        if at(0, "%PDF-") { return "application/pdf" }
        if at(0, "OggS") { return "audio/ogg" }
        if at(0, "ID3") || (b.count >= 2 && b[b.startIndex] == 0xFF && b[b.startIndex + 1] & 0xE0 == 0xE0) { return "audio/mpeg" }
        if at(4, "ftyp") {
            if ["heic", "heix", "mif1", "msf1", "heim", "heis"].contains(where: { at(8, $0) }) { return "image/heic" }
            if at(8, "M4A ") || at(8, "M4B ") { return "audio/mp4" }
        }
        return nil
    }

    enum Problem: Error, Equatable { case notAccepted, mismatch(declared: String, actual: String) }

    /// The type to keep for a file, or why it is refused. A declared generic type (or none) takes what the bytes are.
    static func check(declared: String?, bytes: Data) -> Result<String, Problem> {
        guard let actual = sniff(bytes) else { return .failure(.notAccepted) }
        let d = HeaderParameters(declared ?? "").value.lowercased()
        let normal = aliases[d] ?? d
        if normal.isEmpty || normal == "application/octet-stream" || normal == actual { return .success(actual) }
        return .failure(.mismatch(declared: normal, actual: actual))
    }
}
