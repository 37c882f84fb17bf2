import ArgumentParser
import DeskApp
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Mado {
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a whole copy of the desk database to a new file while the desk keeps working, and verify it.",
            discussion: """
                Back up with this, not cp: a cp of a database being written can be torn (and the last commits can sit in \
                its -wal file). This uses SQLite's online backup: the copy is taken from one moment while appends go on, \
                written beside FILE, verified as `mado verify` does plus SQLite's own check of every page, and only then \
                given the name FILE. It is one file, no more readable than the database. Supervisors only. Exit 65 when \
                the copy does not verify, 73 when FILE cannot be created, 74 on an I/O error: nothing is left behind then.
                The desk key file is not in the copy, and nothing is written beside it: keep a copy of the key apart from \
                the backups (--key-to writes one where you say).
                """)

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: ArgumentHelp("The new file to write the copy to.", valueName: "file"))
        var to: String

        @Option(name: .long, help: ArgumentHelp("Also copy the desk key file to this new file (mode 0600); keep it apart from the backup.",
                                                valueName: "file"))
        var keyTo: String?

        func validate() throws {
            if to.isEmpty { throw ValidationError(say("--to needs a file name", "--to にはファイル名が必要です")) }
            if let keyTo, keyTo == to { throw ValidationError(say("--key-to must not be the backup itself", "--key-to はバックアップ自体とは別のファイルです")) }
        }

        func run() throws {
            try SysExit.mapping {
                let desk = try store.desk()
                defer { desk.close() }
                try Privileges.requireAdministrator("a backup")
                let outcome = try desk.backup(to: to) { copy in try Wiring.verifyCopy(copy, naming: to) }
                print("backed up \(outcome.events) events (through position \(outcome.lastPosition)) to \(to), \(outcome.bytes) bytes; the copy verifies")
                let key = Wiring.keyFile(store)
                if let keyTo {
                    try Self.copyKey(key, to: keyTo)
                    print("copied the desk key file \(key) to \(keyTo) (mode 0600)")
                    if Self.directory(keyTo) == Self.directory(to) {
                        warn("the key is in the backup's directory: whoever gets both reads every person's data; keep them apart")
                    }
                } else {
                    print("""
                        the desk key file is not in the backup: keep a copy of \(key) apart from it (another medium or place; \
                        whoever holds both reads every person's data). To use the backup, put the key beside the restored \
                        database as DB.key (mode 0640), or name it with --key-file.
                        """)
                }
            }
        }

        static func directory(_ path: String) -> String {
            URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
        }

        /// Copies the key file's bytes to a new file only its owner may read.
        static func copyKey(_ key: String, to path: String) throws {
            guard let bytes = FileManager.default.contents(atPath: key) else {
                throw Refusal("cannot read the desk key file \(key); the backup itself was written")
            }
            let fd = Glibc.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            guard fd >= 0 else {
                warn("cannot create \(path): \(String(cString: strerror(errno))); the backup itself was written")
                throw ExitCode(SysExit.cannotCreate)
            }
            defer { Glibc.close(fd) }
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard written == bytes.count, fsync(fd) == 0 else {
                unlink(path)
                warn("cannot write \(path); the backup itself was written")
                throw ExitCode(SysExit.ioError)
            }
        }
    }
}
