import DeskDomain
import Foundation

/// A stand-in for the store's sealer: XORs the bytes with a fixed key, binds the box to its context
/// through the nonce, and records every context it is given (and, for sealing, the subject).
final class RecordingSealer: FieldSealer, @unchecked Sendable {
    private let lock = NSLock()
    private var sealed: [(subject: SubjectID, context: String)] = []
    private var opened: [String] = []
    static let key: UInt8 = 0xA5

    var sealContexts: [String] { lock.withLock { sealed.map(\.context) } }
    /// `subject context` for every value sealed.
    var sealSubjectsAndContexts: [String] { lock.withLock { sealed.map { "\($0.subject.rawValue) \($0.context)" } } }
    var openContexts: [String] { lock.withLock { opened } }

    static func nonce(for context: String) -> Data { Data(context.utf8.reversed()) }

    func seal(_ plaintext: Data, subject: SubjectID, context: String) throws -> SealedValue {
        lock.withLock { sealed.append((subject, context)) }
        return SealedValue(subject: subject, nonce: Self.nonce(for: context), box: Data(plaintext.map { $0 ^ Self.key }))
    }

    func open(_ value: SealedValue, context makeContext: @autoclosure () -> String) -> Personal.Content {
        let context = makeContext()
        lock.withLock { opened.append(context) }
        guard value.nonce == Self.nonce(for: context) else { return .unreadable }
        return .open(String(decoding: value.box.map { $0 ^ Self.key }, as: UTF8.self))
    }
}
