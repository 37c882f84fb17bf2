import ArgumentParser
import DeskApp
import Foundation

extension Mado {
    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put a backup in place of the desk database, once it verifies.",
            discussion: """
                Opens the copy read-only and verifies it as `mado verify` does, plus SQLite's own check of every page: a \
                copy that does not verify is refused (exit 65) and nothing is replaced. The database (--db) is created \
                when missing; one that exists is replaced only with --replace and only by a copy of the same desk, and \
                what was recorded in it after the copy was taken is lost. Terminals that have it open wait meanwhile, told \
                that a restore runs. Supervisors only (in the copy, and in the database it replaces when that can be \
                read). Personal data opens with the desk key file beside the database (DB.key) or named by --key-file.
                Exit 66 when the copy is missing, 73 when the database cannot be created, 74 on an I/O error.
                """)

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: ArgumentHelp("The backup to restore.", valueName: "file"))
        var from: String

        @Flag(help: "Replace the database when it exists (what was recorded in it after the copy was taken is lost).")
        var replace = false

        func validate() throws {
            let target = URL(fileURLWithPath: store.databasePath).standardizedFileURL.resolvingSymlinksInPath().path
            if URL(fileURLWithPath: from).standardizedFileURL.resolvingSymlinksInPath().path == target {
                throw ValidationError(say("--from is the database itself", "--from がデータベースそのものです"))
            }
        }

        func run() throws {
            let target = try Wiring.place(store).db
            try Privileges.requireAdministrator("a restore")
            let exists = FileManager.default.fileExists(atPath: target)
            if exists && !replace {
                throw ValidationError(say("\(target) exists: --replace puts the copy in its place (what was recorded in it after the copy was taken is lost)", "\(target) はすでにあります: --replace で写しと置き換えます (写しを取った後に記録されたものは失われます)"))
            }
            try SysExit.mapping {
                let copy = try Wiring.copyDesk(from)
                defer { copy.close() }
                try copy.check(.restore)
                // The database it replaces asks too, when it can be read at all (a damaged one cannot).
                if exists, let current = try? store.desk() {
                    defer { current.close() }
                    try current.check(.restore)
                }
                let outcome = try copy.restore(over: target, copy: from)
                let restored = try store.desk()
                defer { restored.close() }
                if let bad = try restored.verify().firstBad {
                    throw LogError.doesNotVerify(what: target, reason: "after the restore, position \(bad.position): \(bad.reason)")
                }
                print("restored \(outcome.events) events (through position \(outcome.lastPosition)) from \(from) to \(target); it verifies")
                if let problem = restored.keyProblem {
                    warn("personal data stays locked until the desk key file is in place: \(problem)")
                }
            }
        }
    }
}
