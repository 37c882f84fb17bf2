import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why this process may not reach a desk file, in words that name the real cause: a group the user is not in, a
/// file or directory without the write bit, a read-only mount. Never "run mado init" for a file that is only hidden.
enum FileAccess {
    /// Whether this process may open `path` so, by its effective ids; the errno when it may not.
    static func check(_ path: String, _ mode: Int32) -> Int32? {
        faccessat(AT_FDCWD, path, mode, AT_EACCESS) == 0 ? nil : errno
    }

    /// The first directory on the way to `path` that this process may not search (nil: none).
    static func unsearchableDirectory(on path: String) -> String? {
        let dir = (path as NSString).deletingLastPathComponent
        var prefix = dir.hasPrefix("/") ? "" : "."
        for part in dir.split(separator: "/") {
            prefix += "/" + part
            if check(prefix, X_OK) == EACCES { return prefix }
        }
        return nil
    }

    /// Whether the process (real or effective, or a supplementary group) is in group `gid`.
    static func inGroup(_ gid: gid_t) -> Bool {
        if getegid() == gid || getgid() == gid { return true }
        let n = getgroups(0, nil)
        guard n > 0 else { return false }
        var groups = [gid_t](repeating: 0, count: Int(n))
        return getgroups(n, &groups) > 0 && groups.contains(gid)
    }

    static func groupName(_ gid: gid_t) -> String { getgrgid(gid).map { String(cString: $0.pointee.gr_name) } ?? "\(gid)" }

    static var userName: String { getpwuid(getuid()).map { String(cString: $0.pointee.pw_name) } ?? "uid \(getuid())" }

    /// Why `path` cannot be read or searched (EACCES): the group the user is not in, or its mode.
    static func denied(_ path: String) -> String {
        var st = stat()
        guard stat(path, &st) == 0 else { return "permission denied on \(path)" }
        let group = groupName(st.st_gid), mode = String(format: "%04o", Int(st.st_mode & 0o7777))
        if !inGroup(st.st_gid), st.st_uid != geteuid() {
            return "you (\(userName)) are not in the group \(group), which \(path) belongs to (mode \(mode)): ask the desk's administrator"
                + " to add you to \(group) (then log in again)"
        }
        return "permission denied on \(path) (mode \(mode), group \(group))"
    }

    /// Why `path` cannot be written (nil: it can): a read-only mount, a file without write bits, a group.
    static func notWritable(_ path: String, directory: Bool = false) -> String? {
        guard let err = check(path, W_OK) else { return nil }
        let what = directory ? "its directory \(path)" : "it"
        if err == EROFS { return "\(directory ? "its directory \(path) is" : "it is") on a read-only file system (mounted read-only)" }
        var st = stat()
        guard stat(path, &st) == 0 else { return "you may not write to \(what)" }
        let mode = String(format: "%04o", Int(st.st_mode & 0o7777))
        if st.st_mode & 0o222 == 0 { return "\(directory ? "its directory \(path)" : "the file") is read-only (mode \(mode))" }
        if st.st_uid != geteuid(), st.st_mode & 0o020 != 0, !inGroup(st.st_gid) {
            return "you (\(userName)) are not in the group \(groupName(st.st_gid)), which may write to \(what) (mode \(mode))"
        }
        return "you may not write to \(what) (mode \(mode), group \(groupName(st.st_gid)))"
    }
}
