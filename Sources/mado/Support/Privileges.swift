import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `mado` installed set-group-id to a group of its own (`install -g mado -m 2755`) opens the desk's files with that
/// group's rights, which its users do not have: they reach the desk only through the binary's checks. The rights are
/// used for the desks `/etc/mado/desks.toml` names and nothing else: any other database is opened after the group is
/// dropped for good, and a file a user names (input, `--output`, `evidence --save`, a theme) is opened with the user's own
/// rights. Identity is always the real user.
enum Privileges {
    /// Whether this process runs with a group (or user) not its own, as started.
    static let isSetID: Bool = getegid() != getgid() || geteuid() != getuid()

    /// The group the binary is installed for, while it is kept.
    static var deskGroup: gid_t? { isSetID && getegid() != getgid() ? getegid() : nil }

    /// Environment a user could set to send the desk's files, or temporary copies of them, somewhere they chose.
    static let redirecting = ["MADO_KEY_FILE", "TMPDIR", "SQLITE_TMPDIR", "TMP", "TEMP"]

    /// Run first: while set-id, forgets the environment that could redirect files (`MADO_DB` is checked against the
    /// registered desks where it is read).
    static func start() {
        guard isSetID else { return }
        for name in redirecting { unsetenv(name) }
    }

    /// Gives up the desk group for good (before opening anything the registered desks do not name).
    static func dropGroup() throws {
        guard getegid() != getgid() else { return }
        guard setregid(getgid(), getgid()) == 0, getegid() == getgid() else {
            throw Refusal("cannot give up the desk group's rights: \(String(cString: strerror(errno)))")
        }
    }

    /// Whole copies of a registered desk (a backup, its key, a restore over it) are the administrator's while mado runs
    /// set-group-id: whoever holds a copy and the key reads and rewrites the desk around mado.
    static func requireAdministrator(_ what: String) throws {
        guard deskGroup != nil, getuid() != 0 else { return }
        throw Refusal("\(what) of an installed desk is the administrator's (root): a copy and its key would give whoever holds them the desk outside mado")
    }

    private typealias SetFSGID = @convention(c) (UInt32) -> Int32
    /// `setfsgid(2)`: the group the kernel checks file access against, for this thread only (other threads keep the
    /// desk's connections working). Not in Swift's Glibc module, so looked up once.
    private static let setfsgid: SetFSGID? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "setfsgid")
        .map { unsafeBitCast($0, to: SetFSGID.self) }

    /// Runs `body` with the user's own file rights: what it opens or creates is what the user could open or create.
    static func asUser<T>(_ body: () throws -> T) throws -> T {
        guard let group = deskGroup else { return try body() }
        guard let setfsgid else { throw Refusal("cannot open a file with your own rights on this system (no setfsgid)") }
        _ = setfsgid(getgid())
        defer { _ = setfsgid(group) }
        return try body()
    }
}
