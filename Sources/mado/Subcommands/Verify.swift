import ArgumentParser
import DeskApp
import Foundation

extension Mado {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Walk the hash chain and name the first event that does not match.",
            discussion: "Needs no key file. Exit 0 when the whole chain verifies, 1 otherwise.")

        @OptionGroup var store: StoreOptions

        func run() throws {
            let desk = try store.desk()
            defer { desk.close() }
            let r = try desk.verify()
            if let bad = r.firstBad {
                warn("chain broken at position \(bad.position): \(bad.reason)")
                throw ExitCode.failure
            }
            print("chain verified: \(r.events) events")
        }
    }

    struct Rebuild: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Drop the projections (queue, ledger, subjects) and replay the log into them.",
            discussion: "Needs the key file: without it every personal field would be rebuilt as unreadable.")

        @OptionGroup var store: StoreOptions

        func run() throws {
            let desk = try store.desk(requireKey: true)
            defer { desk.close() }
            let n = try desk.rebuild()
            print("rebuilt the projections from \(n) events")
        }
    }
}
