import ArgumentParser
import DeskDomain
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Mado {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a desk database and its key file; you become its first supervisor.",
            discussion: """
                The key file (mode 0640, owned by the group of the database's directory) wraps every person's data key \
                and holds the desk's signing key. Without it personal data cannot be read, so back it up apart from the \
                database.

                --group GROUP (as root) makes a production desk for a set-group-id mado (installed with \
                `install -g GROUP -m 2755`): the database's directory is created 2770 for GROUP, the database 0660 and \
                the key file 0640, and the desk is registered in /etc/mado/desks.toml. The desk's users must not be \
                members of GROUP: they reach the files only through mado.
                """)

        @OptionGroup var store: StoreOptions

        @Option(help: "Your display name (default: from the OS account).")
        var name: String?

        @Option(help: ArgumentHelp("Make the desk for a set-group-id mado installed for this group (root only).", valueName: "group"))
        var group: String?

        func run() throws {
            if let group { return try forGroup(group) }
            let path = store.databasePath
            let (desk, keyFile) = try Wiring.initialize(path: path, keyFile: store.keyFilePath, displayName: name ?? Identity.osDisplayName,
                                                        at: Date())
            defer { desk.close() }
            print("initialized \(Sanitizer.visible(path))")
            print("key file    \(Sanitizer.visible(keyFile)) (mode 0640)")
            print("supervisor  \(Sanitizer.visible(Identity.osUser))")
        }

        private func forGroup(_ group: String) throws {
            guard getuid() == 0 else { throw Refusal("--group needs root: it creates the desk for the group and registers it in \(DeskRegistry.path)") }
            guard let gr = getgrnam(group) else { throw InputError.invalid("--group", expected: "an existing group (groupadd \(Sanitizer.visible(group)))") }
            let gid = gr.pointee.gr_gid
            let path = (store.databasePath as NSString).standardizingPath
            guard path.hasPrefix("/") else { throw InputError.invalid("--db", expected: "an absolute path with --group") }
            if store.keyFile != nil { throw ValidationError(say("--group keeps the key file beside the database; leave out --key-file", "--group では鍵ファイルをデータベースの隣に置きます。--key-file は指定しないでください")) }
            let dir = (path as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            // The directory is the fence: only the group (mado's own rights) may enter; files made in it get its group.
            guard chown(dir, uid_t.max, gid) == 0, chmod(dir, 0o2770) == 0 else {
                throw Refusal("cannot give \(Sanitizer.visible(dir)) to \(Sanitizer.visible(group)): \(String(cString: strerror(errno)))")
            }
            let (desk, keyFile) = try Wiring.initializeForGroup(path: path, keyFile: nil, displayName: name ?? Identity.osDisplayName, at: Date())
            desk.close()
            for (file, mode) in [(path, 0o660), (path + "-wal", 0o660), (path + "-shm", 0o660), (keyFile, 0o640)]
            where FileManager.default.fileExists(atPath: file) {
                guard chown(file, uid_t.max, gid) == 0, chmod(file, mode_t(mode)) == 0 else {
                    throw Refusal("cannot give \(Sanitizer.visible(file)) to \(Sanitizer.visible(group)): \(String(cString: strerror(errno)))")
                }
            }
            try DeskRegistry.register(DeskRegistry.Desk(db: path, keyFile: keyFile))
            print("initialized \(Sanitizer.visible(path)) for the group \(Sanitizer.visible(group)) (directory 2770, key file 0640)")
            print("registered  in \(DeskRegistry.path)")
            print("supervisor  \(Sanitizer.visible(Identity.osUser)); add the desk's users with `mado staff add` (they must not be in \(Sanitizer.visible(group)))")
        }
    }
}
