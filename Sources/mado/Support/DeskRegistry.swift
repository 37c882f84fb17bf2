import DeskDomain
import Foundation
import TOMLKit
#if canImport(Glibc)
import Glibc
#endif

/// The desks a set-group-id `mado` opens with the desk group's rights: `/etc/mado/desks.toml`, written by
/// `mado init --group` (as root) and trusted only while root alone can change it.
///
/// ```toml
/// [[desk]]
/// db = "/var/lib/mado/desk/desk.sqlite"
/// key_file = "/var/lib/mado/desk/desk.sqlite.key"
/// ```
struct DeskRegistry {
    struct Desk: Equatable {
        let db: String
        let keyFile: String
    }

    static let path = "/etc/mado/desks.toml"
    let desks: [Desk]

    /// The registry, or why it is not used (missing is not a problem: no desk is registered).
    static func load(from path: String = DeskRegistry.path) -> (registry: DeskRegistry, problem: String?) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return (DeskRegistry(desks: []), nil) }
        if let weak = weakness(path, st) { return (DeskRegistry(desks: []), "\(path) is not used: \(weak)") }
        var dirStat = stat()
        let dir = (path as NSString).deletingLastPathComponent
        if lstat(dir, &dirStat) == 0, let weak = weakness(dir, dirStat, directory: true) {
            return (DeskRegistry(desks: []), "\(path) is not used: \(weak)")
        }
        guard st.st_size <= 1 << 20, let data = FileManager.default.contents(atPath: path) else {
            return (DeskRegistry(desks: []), "\(path) cannot be read")
        }
        do {
            let root = try TOMLTable(string: String(decoding: data, as: UTF8.self))
            let desks = try (root["desk"]?.array ?? []).map { item -> Desk in
                guard let t = item.table, let db = t["db"]?.string, db.hasPrefix("/") else { throw Refusal("a [[desk]] without an absolute db") }
                let key = t["key_file"]?.string ?? db + ".key"
                guard key.hasPrefix("/") else { throw Refusal("a key_file that is not an absolute path") }
                return Desk(db: db, keyFile: key)
            }
            return (DeskRegistry(desks: desks), nil)
        } catch {
            return (DeskRegistry(desks: []), "\(path) is not used: it does not parse (\(Sanitizer.visible(String(describing: error))))")
        }
    }

    /// Why a file or directory of the registry cannot be trusted: only root may be able to change it.
    static func weakness(_ path: String, _ st: stat, directory: Bool = false) -> String? {
        let kind = st.st_mode & S_IFMT
        if kind != (directory ? S_IFDIR : S_IFREG) { return "\(path) is not a \(directory ? "directory" : "regular file")" }
        if st.st_uid != 0 { return "\(path) is not owned by root" }
        if st.st_mode & 0o022 != 0 { return "\(path) is writable by others than root" }
        return nil
    }

    /// The registered desk whose database is `path` (the same file, however it is named).
    func desk(for path: String) -> Desk? {
        let wanted = Self.canonical(path)
        return desks.first { Self.canonical($0.db) == wanted }
    }

    static func canonical(_ path: String) -> String {
        guard let r = realpath(path, nil) else { return (path as NSString).standardizingPath }
        defer { free(r) }
        return String(cString: r)
    }

    /// Adds a desk (root only): the file is rewritten whole and stays root's, mode 0644; desks whose database is gone
    /// are left out.
    static func register(_ desk: Desk, at path: String = DeskRegistry.path) throws {
        let (current, problem) = load(from: path)
        if let problem { throw Refusal(problem) }
        guard current.desk(for: desk.db) == nil else { return }
        let dir = (path as NSString).deletingLastPathComponent
        if mkdir(dir, 0o755) != 0 && errno != EEXIST { throw Refusal("cannot create \(dir): \(String(cString: strerror(errno)))") }
        func quoted(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        var text = "# The desks this machine's set-group-id mado opens with the desk group's rights (mado init --group).\n"
        for d in current.desks.filter({ FileManager.default.fileExists(atPath: $0.db) }) + [desk] { text += "\n[[desk]]\ndb = \(quoted(d.db))\nkey_file = \(quoted(d.keyFile))\n" }
        let temporary = path + ".new"
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw Refusal("cannot write \(path): \(String(cString: strerror(errno)))") }
        let ok = text.utf8CString.withUnsafeBufferPointer { p in write(fd, p.baseAddress, p.count - 1) == p.count - 1 }
        fchmod(fd, 0o644)
        let synced = fsync(fd) == 0
        close(fd)
        guard ok, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw Refusal("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}
