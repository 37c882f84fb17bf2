import Crypto
import DeskDomain
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The desk key: wraps every subject key. Lives in a file beside the database, mode 0640, group of
/// the database directory, never inside the database. The same file holds the desk's Ed25519 signing key, which signs
/// the log's checkpoints (a third line, `sign BASE64`; key files written before it have two lines and get one the
/// first time the head is signed).
public struct DeskKey: @unchecked Sendable {  // immutable; SymmetricKey is not marked Sendable
    let key: SymmetricKey
    let signing: Curve25519.Signing.PrivateKey?
    static let header = "mado-desk-key-v1"
    static let signingTag = "sign "

    init(key: SymmetricKey, signing: Curve25519.Signing.PrivateKey? = nil) {
        self.key = key
        self.signing = signing
    }

    private var fileBody: String {
        var body = Self.header + "\n" + key.withUnsafeBytes { Data($0).base64EncodedString() } + "\n"
        if let signing { body += Self.signingTag + signing.rawRepresentation.base64EncodedString() + "\n" }
        return body
    }

    /// Value stored in the database so that a key file of another desk is recognized.
    var checkValue: String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("mado key check v1".utf8), using: key)
        return Data(mac).map { String(format: "%02x", $0) }.joined()
    }

    /// HMAC of an original submission, for duplicate detection.
    func fingerprint(_ bytes: Data) -> Data {
        var input = Data("mado intake fingerprint v1\u{1F}".utf8)
        input.append(bytes)
        return Data(HMAC<SHA256>.authenticationCode(for: input, using: key))
    }

    /// HMAC of a receipt's digits, kept in the log instead of the receipt.
    func receiptTag(_ digits: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("mado receipt v1\u{1F}\(digits)".utf8), using: key)
        return Data(mac).map { String(format: "%02x", $0) }.joined()
    }

    /// Creates a new key file; refuses to overwrite one.
    static func create(at path: String, groupOf directory: String) throws(StoreError) -> DeskKey {
        let key = DeskKey(key: SymmetricKey(size: .bits256), signing: Curve25519.Signing.PrivateKey())
        var st = stat()
        try write(key.fileBody, to: path, group: stat(directory, &st) == 0 ? st.st_gid : nil)
        return key
    }

    /// Writes a new key file (refusing to overwrite one): mode 0640, the desk's group, on disk before it returns.
    private static func write(_ body: String, to path: String, group: gid_t?) throws(StoreError) {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL, 0o640)
        if fd < 0 {
            if errno == EEXIST { throw .keyFileExists(path: path) }
            throw .io("cannot create the key file \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        if let group { _ = fchown(fd, uid_t.max, group) }   // the desk's group
        _ = fchmod(fd, 0o640)                               // umask must not widen it
        let ok = body.utf8CString.withUnsafeBufferPointer { p in Glibc.write(fd, p.baseAddress, p.count - 1) == p.count - 1 }
        guard ok, fsync(fd) == 0 else { throw .io("cannot write the key file \(path)") }
    }

    /// The signing key of the key file at `path`, adding one to a key file written before signing keys existed: the
    /// file is replaced whole (same mode and group), never left half-written.
    static func signingKey(of path: String) throws(StoreError) -> Curve25519.Signing.PrivateKey {
        if let s = try load(from: path).signing { return s }
        // Two processes adding one at once must not each install their own: the second waits, then finds the first's.
        let lock = Glibc.open(path, O_RDONLY)
        guard lock >= 0 else { throw .keyFileMissing(path: path) }
        defer { close(lock) }
        flock(lock, LOCK_EX)
        let current = try load(from: path)
        if let s = current.signing { return s }
        let fresh = Curve25519.Signing.PrivateKey()
        var st = stat()
        guard fstat(lock, &st) == 0 else { throw .keyFileMissing(path: path) }
        let temporary = path + ".new"
        unlink(temporary)
        try write(DeskKey(key: current.key, signing: fresh).fileBody, to: temporary, group: st.st_gid)
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw .io("cannot replace the key file \(path): \(String(cString: strerror(errno)))")
        }
        return fresh
    }

    /// Reads a key file, refusing one that others may read or write.
    static func load(from path: String) throws(StoreError) -> DeskKey {
        var st = stat()
        guard stat(path, &st) == 0 else { throw .keyFileMissing(path: path) }
        if st.st_mode & 0o007 != 0 {
            throw .keyFileMode(path: path, mode: String(format: "%04o", Int(st.st_mode & 0o7777)))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .io("cannot read the key file \(path): \(FileAccess.denied(path))")
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        guard lines.count == 2 || lines.count == 3, lines[0] == header, let raw = Data(base64Encoded: String(lines[1])), raw.count == 32
        else { throw .keyFileMalformed(path: path) }
        var signing: Curve25519.Signing.PrivateKey?
        if lines.count == 3 {
            guard lines[2].hasPrefix(signingTag), let seed = Data(base64Encoded: String(lines[2].dropFirst(signingTag.count))),
                  let k = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed)
            else { throw .keyFileMalformed(path: path) }
            signing = k
        }
        return DeskKey(key: SymmetricKey(data: raw), signing: signing)
    }
}
