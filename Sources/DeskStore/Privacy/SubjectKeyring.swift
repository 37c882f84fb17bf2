import Crypto
import DeskDomain
import Foundation

/// Each subject's AES-256-GCM data key, unwrapped with the desk key on first use.
/// Implements `FieldSealer` for the domain's `Personal` values.
public final class SubjectKeyring: FieldSealer, @unchecked Sendable {
    let deskKey: DeskKey?
    /// Values are stored unencrypted (a database created for benchmarks only; see `SQLiteEventStore.initialize`).
    let passThrough: Bool
    private let lock = NSLock()
    private var keys: [SubjectID: SymmetricKey] = [:]
    private var pending: [SubjectID: (kind: SubjectKind, key: SymmetricKey)] = [:]
    private var missing: Set<SubjectID> = []
    private var corrupt: Set<SubjectID> = []
    /// Loads one wrapped key row (nil when there is none).
    private let loadWrapped: @Sendable (SubjectID) -> Data?
    /// Which personal fields the reader may see; nil means all.
    let visibility: (@Sendable (String) -> Bool)?

    init(deskKey: DeskKey?, passThrough: Bool = false, visibility: (@Sendable (String) -> Bool)? = nil,
         loadWrapped: @escaping @Sendable (SubjectID) -> Data?) {
        self.deskKey = deskKey
        self.passThrough = passThrough
        self.visibility = visibility
        self.loadWrapped = loadWrapped
    }

    /// A keyring that shares this one's keys but withholds fields the reader may not see.
    func restricted(to visibility: @escaping @Sendable (String) -> Bool) -> SubjectKeyring {
        let k = SubjectKeyring(deskKey: deskKey, passThrough: passThrough, visibility: visibility, loadWrapped: loadWrapped)
        lock.lock(); k.keys = keys; lock.unlock()
        return k
    }

    public var isUnlocked: Bool { deskKey != nil || passThrough }

    /// A new subject with a fresh random key; the key is written with the next append.
    public func newSubject(_ kind: SubjectKind) -> SubjectID {
        var bytes = [UInt8](repeating: 0, count: 8)
        var g = SystemRandomNumberGenerator()
        for i in bytes.indices { bytes[i] = g.next() }
        let id = SubjectID("s-" + bytes.map { String(format: "%02x", $0) }.joined())
        lock.lock(); defer { lock.unlock() }
        pending[id] = (kind, SymmetricKey(size: .bits256))
        return id
    }

    /// The keys of these new subjects, wrapped for storage (an append writes exactly the subjects it introduces, never
    /// another caller's that are still pending).
    func pendingKeys(_ ids: [SubjectID]) throws -> [(SubjectID, Data)] {
        lock.lock(); defer { lock.unlock() }
        guard let deskKey else { return [] }
        return try ids.map { id in
            // Sealing under a key that is not stored would lose the data: an id that is not pending stops the append.
            guard let p = pending[id] else { throw StoreError.io("subject \(id) has no new key in this process; nothing was written") }
            return (id, try wrap(p.key, subject: id, with: deskKey))
        }
    }

    /// The pending keys were committed: they are ordinary keys now.
    func commitPending(_ ids: [SubjectID]) {
        lock.lock(); defer { lock.unlock() }
        for id in ids { if let p = pending.removeValue(forKey: id) { keys[id] = p.key } }
    }

    /// Forgets keys created for an append that did not happen.
    func discardPending(_ ids: [SubjectID]) {
        lock.lock(); defer { lock.unlock() }
        for id in ids { pending[id] = nil }
    }

    func pendingKind(_ id: SubjectID) -> SubjectKind? {
        lock.lock(); defer { lock.unlock() }
        return pending[id]?.kind
    }

    /// Forget a key (after erasure) so that this process cannot open the subject either.
    func forget(_ id: SubjectID) {
        lock.lock(); defer { lock.unlock() }
        keys[id] = nil
        missing.insert(id)
    }

    /// Puts an already-loaded wrapped key into the cache (rebuild and replay open every field).
    func preload(_ id: SubjectID, wrapped: Data) {
        guard let deskKey else { return }
        lock.lock(); defer { lock.unlock() }
        guard keys[id] == nil else { return }
        if let k = try? unwrap(wrapped, subject: id, with: deskKey) { keys[id] = k } else { corrupt.insert(id) }
    }

    enum Lookup { case key(SymmetricKey), erased, locked, corrupt }

    func key(for id: SubjectID) -> Lookup {
        guard let deskKey else { return .locked }
        lock.lock()
        if let k = keys[id] ?? pending[id]?.key { lock.unlock(); return .key(k) }
        if missing.contains(id) { lock.unlock(); return .erased }
        if corrupt.contains(id) { lock.unlock(); return .corrupt }
        lock.unlock()
        guard let w = loadWrapped(id) else {
            lock.lock(); missing.insert(id); lock.unlock()
            return .erased
        }
        guard let k = try? unwrap(w, subject: id, with: deskKey) else {
            lock.lock(); corrupt.insert(id); lock.unlock()
            return .corrupt
        }
        lock.lock(); keys[id] = k; lock.unlock()
        return .key(k)
    }

    // MARK: FieldSealer

    public func seal(_ plaintext: Data, subject: SubjectID, context: String) throws -> SealedValue {
        if passThrough { return SealedValue(subject: subject, nonce: Data(), box: plaintext) }
        let k: SymmetricKey
        switch key(for: subject) {
        case .key(let found): k = found
        case .erased: throw StoreError.subjectWasErased(subject.rawValue)
        case .locked, .corrupt: throw StoreError.keyRequired(what: "sealing personal data")
        }
        let box = try AES.GCM.seal(plaintext, using: k, nonce: AES.GCM.Nonce(), authenticating: Self.ad(subject, context))
        return SealedValue(subject: subject, nonce: Data(box.nonce), box: box.ciphertext + box.tag)
    }

    public func open(_ value: SealedValue, context makeContext: @autoclosure () -> String) -> Personal.Content {
        if let visibility, !visibility(makeContext()) { return .withheld }
        // An empty nonce marks a pass-through value: readable only in a pass-through database, never trusted elsewhere.
        if passThrough || value.nonce.isEmpty {
            return passThrough && value.nonce.isEmpty ? .open(String(decoding: value.box, as: UTF8.self)) : .unreadable
        }
        switch key(for: value.subject) {
        case .locked: return .locked
        case .erased: return .erased
        case .corrupt: return .unreadable
        case .key(let k):
            guard let data = try? openBytes(value, key: k, ad: Self.ad(value.subject, makeContext())) else { return .unreadable }
            return .open(String(decoding: data, as: UTF8.self))
        }
    }

    /// Seals bytes outside an event (original submissions): associated data names the evidence.
    func sealEvidence(_ bytes: Data, subject: SubjectID) throws -> Data {
        if passThrough { return bytes }
        guard case .key(let k) = key(for: subject) else { throw StoreError.keyRequired(what: "sealing evidence") }
        return try AES.GCM.seal(bytes, using: k, authenticating: Self.ad(subject, "evidence")).combined ?? Data()
    }

    func openEvidence(_ sealed: Data, subject: SubjectID) -> Data? {
        if passThrough { return sealed }
        guard case .key(let k) = key(for: subject), let box = try? AES.GCM.SealedBox(combined: sealed) else { return nil }
        return try? AES.GCM.open(box, using: k, authenticating: Self.ad(subject, "evidence"))
    }

    private func openBytes(_ v: SealedValue, key: SymmetricKey, ad: Data) throws -> Data {
        guard v.box.count >= 16 else { throw CryptoKitError.incorrectParameterSize }
        let box = try AES.GCM.SealedBox(nonce: AES.GCM.Nonce(data: v.nonce), ciphertext: v.box.dropLast(16),
                                        tag: v.box.suffix(16))
        return try AES.GCM.open(box, using: key, authenticating: ad)
    }

    static func ad(_ subject: SubjectID, _ context: String) -> Data {
        Data((subject.rawValue + "\u{1F}" + context).utf8)
    }

    private func wrap(_ key: SymmetricKey, subject: SubjectID, with desk: DeskKey) throws -> Data {
        let raw = key.withUnsafeBytes { Data($0) }
        return try AES.GCM.seal(raw, using: desk.key, authenticating: Data("mado subject key\u{1F}\(subject)".utf8)).combined ?? Data()
    }

    private func unwrap(_ wrapped: Data, subject: SubjectID, with desk: DeskKey) throws -> SymmetricKey {
        let box = try AES.GCM.SealedBox(combined: wrapped)
        let raw = try AES.GCM.open(box, using: desk.key, authenticating: Data("mado subject key\u{1F}\(subject)".utf8))
        guard raw.count == 32 else { throw CryptoKitError.incorrectKeySize }
        return SymmetricKey(data: raw)
    }
}
