import DeskDomain
import Foundation

/// Reads web-form JSON v1. Refuses unknown fields, wrong types, missing required fields, oversized
/// text, NUL and invalid UTF-8, naming the field's path; never echoes the input.
public enum WebFormParser {
    /// The fields of web-form JSON v1, at the top, in `applicant` and in each `staff` entry (the OpenAPI document lists them).
    public static let topFields = ["form", "organization", "branch", "store", "occurredAt", "applicant", "staff", "complaint",
                                   "requests", "feedbackWanted", "language"]
    public static let applicantFields = ["anonymous", "name", "phone", "email"]
    public static let staffFields = ["name", "characteristics"]

    public static func parse(_ data: Data) throws(InputError) -> WebFormSubmission {
        guard data.count <= IntakeLimits.submissionBytes else {
            throw .tooLarge(what: "the submission", limit: IntakeLimits.submissionBytes, actual: data.count)
        }
        if let offset = firstInvalidUTF8(data) {
            throw .badEncoding(field: fieldBefore(offset, in: data), byteOffset: offset)
        }
        let root: JSONValue
        do { root = try JSONDecoder().decode(JSONValue.self, from: data) } catch {
            throw .malformed(what: "the submission", detail: describe(error))
        }
        if let dup = duplicateKey(in: data) { throw .invalid(dup, expected: "given once (it appears twice)") }
        guard case .object(let top) = root else { throw .notAnObject(what: "the submission") }

        try onlyKnown(top, topFields, prefix: "")
        guard try string(top, "form", required: true, limit: 40) == WebFormSubmission.formID else {
            throw .invalid("form", expected: "\"\(WebFormSubmission.formID)\"")
        }
        let org = try string(top, "organization", required: true, limit: 40)!
        guard OrganizationID.isValid(org) else {
            throw .invalid("organization", expected: "an organization id (lower-case letters, digits and '-')")
        }
        let occurredAt = try string(top, "occurredAt", limit: 40)
        if let o = occurredAt, !isISO8601WithOffset(o) {
            throw .invalid("occurredAt", expected: "an ISO 8601 date and time with an offset, like 2026-10-01T14:30:00+09:00")
        }
        guard case .object(let app)? = top["applicant"] else {
            if top["applicant"] == nil || top["applicant"] == .some(.null) { throw .missing("applicant") }
            throw .wrongType("applicant", expected: "an object")
        }
        try onlyKnown(app, applicantFields, prefix: "applicant.")
        guard let anonymous = try bool(app, "anonymous", path: "applicant.anonymous") else { throw .missing("applicant.anonymous") }
        let applicant = WebFormSubmission.Applicant(
            anonymous: anonymous,
            name: try string(app, "name", path: "applicant.name", limit: IntakeLimits.name),
            phone: try string(app, "phone", path: "applicant.phone", limit: IntakeLimits.phone),
            email: try string(app, "email", path: "applicant.email", limit: IntakeLimits.email))
        if anonymous, applicant.name != nil {
            throw .invalid("applicant.name", expected: "absent when applicant.anonymous is true")
        }
        var staff: [WebFormSubmission.Staff] = []
        switch top["staff"] {
        case nil, .null?: break
        case .array(let items)?:
            guard items.count <= IntakeLimits.staffEntries else {
                throw .tooMany("staff", limit: IntakeLimits.staffEntries, actual: items.count)
            }
            for (i, item) in items.enumerated() {
                guard case .object(let o) = item else { throw .wrongType("staff[\(i)]", expected: "an object") }
                try onlyKnown(o, staffFields, prefix: "staff[\(i)].")
                staff.append(.init(
                    name: try nonBlank(try string(o, "name", path: "staff[\(i)].name", required: true, limit: IntakeLimits.name)!,
                                       "staff[\(i)].name"),
                    characteristics: try string(o, "characteristics", path: "staff[\(i)].characteristics",
                                                limit: IntakeLimits.characteristics)))
            }
        case let other?: throw .wrongType("staff", expected: "an array, not \(other.typeName)")
        }
        let complaint = try string(top, "complaint", required: true, limit: IntakeLimits.complaint, multiline: true)!
        guard !complaint.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .invalid("complaint", expected: "some text")
        }
        let lang = try string(top, "language", required: true, limit: 2)!
        guard let language = Language(rawValue: lang) else { throw .invalid("language", expected: "\"ja\" or \"en\"") }
        return WebFormSubmission(
            organization: OrganizationID(org),
            branch: try string(top, "branch", limit: IntakeLimits.place),
            store: try string(top, "store", limit: IntakeLimits.place),
            occurredAt: occurredAt, applicant: applicant, staff: staff, complaint: complaint,
            requests: try string(top, "requests", limit: IntakeLimits.requests, multiline: true),
            feedbackWanted: try bool(top, "feedbackWanted", path: "feedbackWanted") ?? false,
            language: language, original: data)
    }

    private static func onlyKnown(_ o: [String: JSONValue], _ known: [String], prefix: String) throws(InputError) {
        if let unknown = o.keys.sorted().first(where: { !known.contains($0) }) {
            throw .unknownField(prefix + unknown)
        }
    }

    private static func string(_ o: [String: JSONValue], _ key: String, path: String? = nil, required: Bool = false,
                               limit: Int, multiline: Bool = false) throws(InputError) -> String? {
        let field = path ?? key
        switch o[key] {
        case nil, .null?:
            if required { throw .missing(field) }
            return nil
        case .string(let s)?:
            if s.unicodeScalars.contains("\0") { throw .nul(field) }
            // Limits count characters as people do, but never fewer than the scalars / 4: a letter
            // followed by 100,000 combining marks is not one character's worth of storage.
            let n = max(s.count, s.unicodeScalars.count / 4)
            guard n <= limit else { throw .tooLong(field, limit: limit, actual: n) }
            if !multiline, s.contains(where: \.isNewline) { throw .invalid(field, expected: "one line") }
            return s
        case let other?:
            throw .wrongType(field, expected: "a string, not \(other.typeName)")
        }
    }

    private static func nonBlank(_ s: String, _ field: String) throws(InputError) -> String {
        guard !s.trimmingCharacters(in: .whitespaces).isEmpty else { throw .invalid(field, expected: "a name, not blank") }
        return s
    }

    private static func bool(_ o: [String: JSONValue], _ key: String, path: String) throws(InputError) -> Bool? {
        switch o[key] {
        case nil, .null?: return nil
        case .bool(let b)?: return b
        case let other?: throw .wrongType(path, expected: "true or false, not \(other.typeName)")
        }
    }

    /// `YYYY-MM-DDTHH:MM[:SS[.fff]]` then `Z` or `±HH:MM`, with a date that exists.
    public static func isISO8601WithOffset(_ s: String) -> Bool {
        let pattern = #"^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$"#
        guard let re = try? NSRegularExpression(pattern: pattern),
              let m = re.firstMatch(in: s, range: NSRange(location: 0, length: (s as NSString).length)) else { return false }
        let ns = s as NSString
        func part(_ i: Int) -> Int? {
            let r = m.range(at: i)
            return r.location == NSNotFound ? nil : Int(ns.substring(with: r))
        }
        guard LocalDate(iso: ns.substring(with: m.range(at: 1))) != nil,
              let h = part(2), h < 24, let mi = part(3), mi < 60, (part(4) ?? 0) < 60 else { return false }
        if let oh = part(6), let om = part(7) { return oh <= 14 && om < 60 }
        return true
    }

    /// Byte offset of the first invalid UTF-8 sequence (overlong forms and surrogates included), if any.
    public static func firstInvalidUTF8(_ data: Data) -> Int? {
        let b = [UInt8](data)
        var i = 0
        while i < b.count {
            let c = b[i]
            let (n, lo): (Int, UInt32) = c < 0x80 ? (0, 0) : c & 0xE0 == 0xC0 ? (1, 0x80)
                : c & 0xF0 == 0xE0 ? (2, 0x800) : c & 0xF8 == 0xF0 ? (3, 0x10000) : (-1, 0)
            guard n >= 0, i + n < b.count else { return i }
            var v = n == 0 ? UInt32(c) : UInt32(c) & (0x3F >> UInt32(n))
            for k in 0..<n {
                let cc = b[i + 1 + k]
                guard cc & 0xC0 == 0x80 else { return i }
                v = v << 6 | UInt32(cc & 0x3F)
            }
            if n > 0, v < lo || v > 0x10FFFF || (0xD800...0xDFFF).contains(v) { return i }
            i += n + 1
        }
        return nil
    }

    /// The path (`staff[0].name`) of the JSON value that holds `offset`, by scanning the text before it.
    static func fieldBefore(_ offset: Int, in data: Data) -> String? {
        var scanner = JSONPathScanner()
        for c in data.prefix(offset) { scanner.feed(c) }
        guard scanner.inValueString else { return nil }
        return scanner.path.map(Sanitizer.visible)
    }

    /// The path of the first key that appears twice in one object (JSON parsers disagree on which one wins).
    public static func duplicateKey(in data: Data) -> String? {
        var scanner = JSONPathScanner()
        for c in data {
            if let dup = scanner.feed(c) { return Sanitizer.visible(dup) }
        }
        return nil
    }

    private static func describe(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let c) = error {
            if let u = c.underlyingError as NSError?, let d = u.userInfo["NSDebugDescription"] as? String {
                return Sanitizer.visible(String(d.prefix(120)))
            }
            return Sanitizer.visible(String(c.debugDescription.prefix(120)))
        }
        return "unexpected content"
    }
}
