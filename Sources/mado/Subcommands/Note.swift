import ArgumentParser
import DeskApp
import DeskDomain
import Foundation

extension Mado {
    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a note to a case (sealed with the applicant's data; erased with it).",
            discussion: "Several terminals may add notes to one case at once: a note retries by itself on a conflict.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The case id, e.g. C-000012.") var caseID: String
        @Option(help: "The note (facts, not opinions; up to 20,000 characters).") var text: String

        func validate() throws {
            _ = try parseCaseID(caseID)
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ValidationError(say("--text is empty", "--text が空です")) }
            guard text.count <= 20_000 else { throw InputError.tooLong("--text", limit: 20_000, actual: text.count) }
            try refuseNUL(text, "--text")
        }

        func run() throws {
            let id = CaseID(caseID)!
            let desk = try store.desk(requireKey: true)
            defer { desk.close() }
            let events = try desk.act(.addNote(text), on: id)
            print("\(id): " + DeskEvent.recorded(events, store.language))
        }
    }
}
