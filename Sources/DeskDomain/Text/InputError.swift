/// Why outside input was refused. Names the field and the limit; never echoes the input.
public enum InputError: Error, Equatable, Sendable, CustomStringConvertible {
    case tooLarge(what: String, limit: Int, actual: Int)
    case malformed(what: String, detail: String)
    case badEncoding(field: String?, byteOffset: Int)
    case notAnObject(what: String)
    case unknownField(String)
    case missing(String)
    case wrongType(String, expected: String)
    case tooLong(String, limit: Int, actual: Int)
    case tooMany(String, limit: Int, actual: Int)
    case nul(String)
    /// A NUL where the byte offset helps (text given on the command line).
    case nulAt(String, byteOffset: Int)
    case invalid(String, expected: String)

    public var description: String {
        switch self {
        case let .tooLarge(w, l, a): "\(w) is \(a) bytes; the limit is \(l) bytes"
        case let .malformed(w, d): "\(w) is not valid JSON: \(d)"
        case let .badEncoding(f?, o): "\(f) is not valid UTF-8 (byte \(o) of the input)"
        case let .badEncoding(nil, o): "the input is not valid UTF-8 (byte \(o))"
        case .notAnObject(let w): "\(w) must be a JSON object"
        case .unknownField(let f): "\(Sanitizer.visible(f)) is not a field of this form"
        case .missing(let f): "\(f) is required"
        case let .wrongType(f, e): "\(f) must be \(e)"
        case let .tooLong(f, l, a): "\(f) is \(a) characters; the limit is \(l)"
        case let .tooMany(f, l, a): "\(f) has \(a) entries; the limit is \(l)"
        case .nul(let f): "\(f) contains a NUL character, which is not allowed"
        case let .nulAt(f, o): "\(f) contains a NUL character (byte \(o)), which is not allowed"
        case let .invalid(f, e): "\(f) must be \(e)"
        }
    }
}

/// A reason that stays in clear in the log (an erasure, a hold, a disclosure): a short reference on one line,
/// never personal data, so it must not need sealing.
public enum ClearReason {
    public static let limit = 500

    public static func check(_ reason: String, field: String = "reason") throws(InputError) {
        if reason.trimmingCharacters(in: .whitespaces).isEmpty { throw .missing(field) }
        if reason.count > limit { throw .tooLong(field, limit: limit, actual: reason.count) }
        if Sanitizer.visible(reason) != reason { throw .invalid(field, expected: "printable characters on one line") }
    }
}
