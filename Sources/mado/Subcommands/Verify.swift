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
            abstract: "Replay the log into new projections (queue, ledger, subjects, search) and swap them in.",
            discussion: """
                Verifies the log first and refuses one that does not verify (exit 65; nothing is changed). The desk keeps \
                working meanwhile: the replay goes in short batches that each hold the write lock for about 0.2 s, the new \
                tables take the old ones' place in one short transaction, and the journal's space is given back at the \
                end. Needs the key file: without it every personal field would be rebuilt as unreadable.
                """)

        @OptionGroup var store: StoreOptions

        func run() throws {
            try SysExit.mapping {
                let desk = try store.desk(requireKey: true)
                defer { desk.close() }
                let r = try desk.rebuild()
                print("rebuilt the projections from \(r.events) events in \(r.transactions) transactions; "
                      + "the write lock was held at most \(Int((r.longestHold * 1000).rounded(.up))) ms at a time")
                if !r.reclaimed {
                    warn("the journal (WAL) is not cut back yet: another terminal holds a read open; its next write or exit does it")
                }
            }
        }
    }
}
