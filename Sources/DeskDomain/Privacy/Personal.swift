import Foundation

/// Whose personal data a subject holds.
public enum SubjectKind: String, Codable, Sendable, CaseIterable {
    case applicant, counterparty, staffMember, employee
    /// A shift-handover note of the desk's own (one subject per note).
    case shiftNote
}

/// A personal value in an event: owned by one subject, sealed under that subject's key in storage.
///
/// Stored format: `{"sealed":{"subject":"<id>","nonce":"<base64>","box":"<base64>"}}`, with the
/// associated data `subject 0x1F event type 0x1F field path`. Never change it; add a schema version.
public struct Personal: Hashable, Sendable, Codable {
    public enum Content: Hashable, Sendable {
        case open(String)
        /// The subject's key was destroyed: the text can never be read again.
        case erased
        /// This process has no usable desk key file.
        case locked
        /// The reader's role may not see this field.
        case withheld
        /// The sealed bytes do not open under their subject's key: damaged, or moved from another field.
        case unreadable
    }

    public let subject: SubjectID
    public let content: Content

    public init(_ text: String, owner: SubjectID) {
        subject = owner
        content = .open(text)
    }

    public init(subject: SubjectID, content: Content) {
        self.subject = subject
        self.content = content
    }

    /// The opened text, or nil when it is not readable here.
    public var text: String? {
        if case .open(let s) = content { return s }
        return nil
    }

    /// The text, or a marker that says why it is not shown, in Japanese and English.
    public var display: String {
        switch content {
        case .open(let s): s
        case .erased: "削除済み / erased"
        case .locked: "鍵なし / no key"
        case .withheld: "非表示 / withheld"
        case .unreadable: "読めません / unreadable"
        }
    }

    /// The text, or the marker in one language: a screen in Japanese says only 非表示, not "非表示 / withheld".
    public func display(_ language: Language) -> String {
        let ja = language == .ja
        return switch content {
        case .open(let s): s
        case .erased: ja ? "削除済み" : "erased"
        case .locked: ja ? "鍵なし" : "no key"
        case .withheld: ja ? "非表示" : "withheld"
        case .unreadable: ja ? "読めません" : "unreadable"
        }
    }

    public static func sealingContext(eventType: String, codingPath: [CodingKey]) -> String {
        eventType + "\u{1F}" + fieldPath(codingPath)
    }

    /// `applicant.name`, `staff.0.name`.
    public static func fieldPath(_ codingPath: [CodingKey]) -> String {
        codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }

    private struct Sealed: Codable {
        var subject: SubjectID
        var nonce: String
        var box: String
    }
    private enum Keys: String, CodingKey { case sealed }

    public init(from decoder: Decoder) throws {
        // The log's own reader hands the sealer over directly and reads the stored shape without intermediate strings
        // (a replay opens every personal field of the log).
        let own = decoder as? SealedFieldReader
        let sealed: SealedValue
        if let plain = own?.plainSealedValue() {
            sealed = plain
        } else {
            let c = try decoder.container(keyedBy: Keys.self)
            let s = try c.decode(Sealed.self, forKey: .sealed)
            guard let nonce = Data(base64Encoded: s.nonce), let box = Data(base64Encoded: s.box) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "sealed value is not base64"))
            }
            sealed = SealedValue(subject: s.subject, nonce: nonce, box: box)
        }
        subject = sealed.subject
        guard let opener = own.map({ $0.sealer }) ?? decoder.userInfo[.fieldSealer] as? any FieldSealer,
              let type = own.map({ $0.eventType }) ?? decoder.userInfo[.eventType] as? String else {
            content = .locked
            return
        }
        content = opener.open(sealed, context: Personal.sealingContext(eventType: type, codingPath: decoder.codingPath))
    }

    public func encode(to encoder: Encoder) throws {
        guard case .open(let text) = content else {
            throw EncodingError.invalidValue(self, .init(codingPath: encoder.codingPath,
                                                          debugDescription: "only readable text can be sealed"))
        }
        let own = encoder as? SealedFieldWriter
        guard let sealer = own.map({ $0.sealer }) ?? encoder.userInfo[.fieldSealer] as? any FieldSealer,
              let type = own.map({ $0.eventType }) ?? encoder.userInfo[.eventType] as? String else {
            throw EncodingError.invalidValue(self, .init(codingPath: encoder.codingPath,
                                                          debugDescription: "no sealer: personal data is never stored in clear"))
        }
        let ad = Personal.sealingContext(eventType: type, codingPath: encoder.codingPath)
        let v = try sealer.seal(Data(text.utf8), subject: subject, context: ad)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(Sealed(subject: subject, nonce: v.nonce.base64EncodedString(), box: v.box.base64EncodedString()),
                     forKey: .sealed)
    }
}

/// A decoder that carries the sealer itself and can read a sealed value's stored shape directly (the log's own payload
/// reader derives from it): `Personal` takes this fast path without knowing the codec. A class, not a protocol: a replay
/// opens every personal field of the log, and a class cast costs less than a protocol cast.
open class SealedFieldReader {
    public let sealer: (any FieldSealer)?
    public let eventType: String?
    public init(sealer: (any FieldSealer)?, eventType: String?) {
        self.sealer = sealer
        self.eventType = eventType
    }
    /// The value being decoded, if it has the stored shape in plain strings; nil sends `Personal` the general way.
    open func plainSealedValue() -> SealedValue? { nil }
}

/// An encoder that carries the sealer itself (the log's own payload writer derives from it), so `Personal` need not
/// read `userInfo`.
open class SealedFieldWriter {
    public let sealer: (any FieldSealer)?
    public let eventType: String?
    public init(sealer: (any FieldSealer)?, eventType: String?) {
        self.sealer = sealer
        self.eventType = eventType
    }
}

/// One sealed value as stored.
public struct SealedValue: Hashable, Sendable {
    public let subject: SubjectID
    public let nonce: Data
    public let box: Data
    public init(subject: SubjectID, nonce: Data, box: Data) {
        self.subject = subject
        self.nonce = nonce
        self.box = box
    }
}

/// Seals and opens personal values; the store implements it with each subject's key.
public protocol FieldSealer: Sendable {
    /// Seals `plaintext` for `subject`; `context` is `event type 0x1F field path`.
    func seal(_ plaintext: Data, subject: SubjectID, context: String) throws -> SealedValue
    /// Opens a value; what cannot be opened comes back as `.erased`, `.locked` or `.withheld`. The context is
    /// built only when the sealer needs it.
    func open(_ value: SealedValue, context: @autoclosure () -> String) -> Personal.Content
}

extension CodingUserInfoKey {
    public static let fieldSealer = CodingUserInfoKey(rawValue: "mado.fieldSealer")!
    public static let eventType = CodingUserInfoKey(rawValue: "mado.eventType")!
}
