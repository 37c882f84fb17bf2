import Crypto
import DeskDomain
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The desk key: wraps every subject key. Lives in a file beside the database, mode 0640, group of
/// the database directory, never inside the database.
public struct DeskKey: @unchecked Sendable {  // immutable; SymmetricKey is not marked Sendable
    let key: SymmetricKey
    static let header = "mado-desk-key-v1"

    init(key: SymmetricKey) { self.key = key }

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

    /// Creates a new key file; refuses to overwrite one.
    static func create(at path: String, groupOf directory: String) throws(StoreError) -> DeskKey {
        let key = SymmetricKey(size: .bits256)
        let body = header + "\n" + key.withUnsafeBytes { Data($0).base64EncodedString() } + "\n"
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL, 0o640)
        if fd < 0 {
            if errno == EEXIST { throw .keyFileExists(path: path) }
            throw .io("cannot create the key file \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var st = stat()
        if stat(directory, &st) == 0 { _ = fchown(fd, uid_t.max, st.st_gid) }   // the desk's group
        _ = fchmod(fd, 0o640)                                                   // umask must not widen it
        let ok = body.utf8CString.withUnsafeBufferPointer { p in write(fd, p.baseAddress, p.count - 1) == p.count - 1 }
        guard ok, fsync(fd) == 0 else { throw .io("cannot write the key file \(path)") }
        return DeskKey(key: key)
    }

    /// Reads a key file, refusing one that others may read or write.
    static func load(from path: String) throws(StoreError) -> DeskKey {
        var st = stat()
        guard stat(path, &st) == 0 else { throw .keyFileMissing(path: path) }
        if st.st_mode & 0o007 != 0 {
            throw .keyFileMode(path: path, mode: String(format: "%04o", Int(st.st_mode & 0o7777)))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .io("cannot read the key file \(path): permission denied (you must be in the desk's group)")
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        guard lines.count == 2, lines[0] == header, let raw = Data(base64Encoded: String(lines[1])), raw.count == 32 else {
            throw .keyFileMalformed(path: path)
        }
        return DeskKey(key: SymmetricKey(data: raw))
    }
}
