import ArgumentParser
import DeskApp
import DeskDomain
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Mado {
    struct Doctor: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Say whether the desk is installed so that its users reach its files only through mado, and name each weakness.",
            discussion: """
                Checks the binary (installed set-group-id?), /etc/mado/desks.toml, the desk's directory, database and key \
                file (who can open them besides mado), and the log's append-only guards. Needs no staff record. Exit 0 \
                when nothing is weak, 1 otherwise.
                """)

        @OptionGroup var store: StoreOptions

        func run() throws {
            var weak = 0
            func ok(_ s: String) { print("ok    " + s) }
            func weakness(_ s: String) { print("weak  " + s); weak += 1 }

            let binary = Self.binary()
            let installedGroup: gid_t?
            if let b = binary, b.st.st_mode & S_ISGID != 0 {
                installedGroup = b.st.st_gid
                ok("mado (\(b.path)) is installed set-group-id for the group \(Self.groupName(b.st.st_gid))")
            } else {
                installedGroup = nil
                weakness("mado (\(binary?.path ?? "?")) is not installed set-group-id: the desk's users must be in the files' group, "
                         + "so they can open the database with sqlite3 and read the key file (README, Install)")
            }
            let (registry, problem) = DeskRegistry.load()
            if let problem { weakness(problem) } else if registry.desks.isEmpty && installedGroup != nil {
                weakness("\(DeskRegistry.path) names no desk (mado init --group registers one)")
            } else if !registry.desks.isEmpty {
                ok("\(DeskRegistry.path) names \(registry.desks.count) desk(s), and only root can change it")
            }

            let place = try Wiring.place(store)
            let keyFile = place.keyFile ?? place.db + ".key"
            let dir = (place.db as NSString).deletingLastPathComponent
            if installedGroup != nil {
                if registry.desk(for: place.db) != nil { ok("\(place.db) is a registered desk") }
                else { weakness("\(place.db) is not in \(DeskRegistry.path): mado opens it with your own rights only") }
            }
            var st = stat()
            guard stat(place.db, &st) == 0 else { throw Refusal("there is no database at \(Sanitizer.visible(place.db))") }
            let deskGroup = st.st_gid
            let members = Self.members(of: deskGroup)
            if let g = installedGroup, g != deskGroup {
                weakness("the database's group is \(Self.groupName(deskGroup)), not mado's (\(Self.groupName(g)))")
            }
            if members.isEmpty {
                ok("no user is in the desk's group \(Self.groupName(deskGroup)): only mado opens its files")
            } else {
                weakness("users in the desk's group \(Self.groupName(deskGroup)) (\(members.prefix(8).joined(separator: ", "))"
                         + "\(members.count > 8 ? ", …" : "")) can open the database with sqlite3 and read the key file, outside mado")
            }
            for (path, what, limit) in [(dir, "directory", mode_t(0o2770)), (place.db, "database", mode_t(0o660)),
                                        (keyFile, "key file", mode_t(0o640))] {
                var s = stat()
                guard stat(path, &s) == 0 else { weakness("the \(what) \(path) cannot be examined"); continue }
                let mode = s.st_mode & 0o7777
                if mode & 0o007 != 0 {
                    weakness("the \(what) \(path) is open to every user (mode \(String(mode, radix: 8)))")
                } else if mode & ~limit & 0o777 != 0 {
                    weakness("the \(what) \(path) allows more than it needs (mode \(String(mode, radix: 8)), expected \(String(limit, radix: 8)))")
                } else {
                    ok("the \(what) \(path) is mode \(String(mode, radix: 8)), group \(Self.groupName(s.st_gid))")
                }
            }
            let desk = try store.desk()
            defer { desk.close() }
            let missing = try desk.missingGuards()
            if missing.isEmpty { ok("the log's append-only guards are in place") }
            for m in missing { weakness("the guard \(m) is missing: events can be changed or deleted in place (mado verify --deep)") }

            print(weak == 0 ? "nothing is weak" : "\(weak) weakness(es)")
            if weak > 0 { throw ExitCode.failure }
        }

        static func binary() -> (path: String, st: stat)? {
            guard let r = realpath("/proc/self/exe", nil) else { return nil }
            defer { free(r) }
            let path = String(cString: r)
            var st = stat()
            return stat(path, &st) == 0 ? (path, st) : nil
        }

        static func groupName(_ gid: gid_t) -> String {
            getgrgid(gid).flatMap { $0.pointee.gr_name.map { String(cString: $0) } } ?? String(gid)
        }

        /// Users in the group: its listed members and those whose primary group it is.
        static func members(of gid: gid_t) -> [String] {
            var out: Set<String> = []
            if let g = getgrgid(gid), var p = g.pointee.gr_mem {
                while let name = p.pointee {
                    out.insert(String(cString: name))
                    p += 1
                }
            }
            setpwent()
            while let pw = getpwent() {
                if pw.pointee.pw_gid == gid, let n = pw.pointee.pw_name { out.insert(String(cString: n)) }
            }
            endpwent()
            return out.sorted()
        }
    }
}
