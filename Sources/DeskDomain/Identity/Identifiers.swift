import Foundation

/// A case number as people say it: `C-000123`.
public struct CaseID: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let number: Int
    public init(number: Int) { self.number = number }

    /// Parses `C-000123`, `C-123` or `123`.
    public init?(_ text: String) {
        var t = Substring(text)
        if t.hasPrefix("C-") || t.hasPrefix("c-") { t = t.dropFirst(2) }
        guard !t.isEmpty, t.count <= 9, t.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(t), n > 0 else {
            return nil
        }
        number = n
    }

    public var description: String { "C-" + number.padded(6) }
    public var streamID: StreamID { StreamID("case-\(description)") }
    public static func < (a: CaseID, b: CaseID) -> Bool { a.number < b.number }

    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let id = CaseID(s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad case id"))
        }
        self = id
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// A stream of the log: `case-C-000001`, `org-demo-hotel`, `staff-tanaka`, `subject-…`.
public struct StreamID: Hashable, Codable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }

    /// The case this stream belongs to, if it is a case stream.
    public var caseID: CaseID? {
        rawValue.hasPrefix("case-") ? CaseID(String(rawValue.dropFirst(5))) : nil
    }

    /// A staff member's own stream: their staff record, shifts and handovers.
    public static func staff(_ user: String) -> StreamID { StreamID("staff-" + user) }
    /// A user's attempts to open restricted records (their own stream: no contention between desks).
    public static func access(_ user: String) -> StreamID { StreamID("access-" + user) }

    /// The log's signed checkpoints (`mado anchor`).
    public static let checkpoints = StreamID("checkpoints")
    /// The desk's own settings (its contact details for the leaflet).
    public static let desk = StreamID("desk")

    /// The user whose staff stream this is, if it is one.
    public var staffUser: String? { rawValue.hasPrefix("staff-") ? String(rawValue.dropFirst(6)) : nil }
}

/// A version within one stream; the first event is version 1.
public struct StreamVersion: Hashable, Comparable, Codable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    public let value: Int
    public init(_ value: Int) { self.value = value }
    public init(integerLiteral value: Int) { self.value = value }
    public static func < (a: StreamVersion, b: StreamVersion) -> Bool { a.value < b.value }
    public var description: String { String(value) }
    public var next: StreamVersion { StreamVersion(value + 1) }
}

/// What an append expects the stream to be at.
public enum ExpectedVersion: Hashable, Sendable, CustomStringConvertible {
    case noStream
    case exact(StreamVersion)

    public var value: Int {
        switch self {
        case .noStream: 0
        case .exact(let v): v.value
        }
    }
    public var description: String {
        switch self {
        case .noStream: "no stream"
        case .exact(let v): "version \(v.value)"
        }
    }
}

/// A global position in the log.
public struct Position: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let value: Int64
    public init(_ value: Int64) { self.value = value }
    public static func < (a: Position, b: Position) -> Bool { a.value < b.value }
    public var description: String { String(value) }
}

/// The OS user who did something.
public struct Actor: Hashable, Codable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let user: String
    public init(_ user: String) { self.user = user }
    public init(stringLiteral value: String) { user = value }
    public var description: String { user }

    public init(from decoder: Decoder) throws { user = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(user)
    }
}

/// An organization the desk serves, e.g. `demo-hotel`.
public struct OrganizationID: Hashable, Comparable, Codable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
    public var streamID: StreamID { StreamID("org-\(rawValue)") }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// Lower-case letters, digits and '-', 2 to 40 characters.
    public static func isValid(_ s: String) -> Bool {
        (2...40).contains(s.count) && s.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }
    public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

/// A person whose data the desk holds; their personal fields are sealed under their own key.
public struct SubjectID: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public var streamID: StreamID { StreamID("subject-\(rawValue)") }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// `s-` and 16 lower-case hex digits.
    public static func isWellFormed(_ s: String) -> Bool {
        s.count == 18 && s.hasPrefix("s-") && s.dropFirst(2).allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
    public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
