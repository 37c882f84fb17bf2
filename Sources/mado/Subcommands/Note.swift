import ArgumentParser
import DeskDomain
import DeskStore
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
            guard CaseID(caseID) != nil else { throw ValidationError("not a case id: \(Sanitizer.visible(caseID))") }
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ValidationError("--text is empty") }
            guard text.count <= 20_000 else { throw InputError.tooLong("--text", limit: 20_000, actual: text.count) }
            guard !text.unicodeScalars.contains("\0") else { throw InputError.nul("--text") }
        }

        func run() throws {
            let id = CaseID(caseID)!
            let s = try store.open(requireKey: true)
            defer { s.close() }
            let me = try Identity.require(.staff, in: s, to: "add a note")
            guard let applicant = try s.subjects(case: id, role: .auditor).first(where: { $0.kind == .applicant }) else {
                throw StoreError.noSuchCase(id.description)
            }
            try s.execute(.addNote(CaseText(text: Personal(text, owner: applicant.id))), on: id,
                          context: DecisionContext(actor: Actor(me.user), role: me.role), at: Date())
            print("note added to \(id)")
        }
    }
}
