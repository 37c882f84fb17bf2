import ArgumentParser
import DeskApp
import DeskDomain
import Foundation

extension Standing: ExpressibleByArgument {}

extension Mado {
    struct Counterparty: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The people who harass: link one to a case, warn or ban them until a day, list them.",
            subcommands: [Link.self, Standing.self, List.self])

        struct Link: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Link a counterparty to a case: a new one described by --label, or one already known (--subject).",
                discussion: "Their earlier contacts then show in the case (the ledger), so staff can say what was answered when.")
            @OptionGroup var store: StoreOptions
            @Argument(help: "The case id.") var caseID: String
            @Option(help: "How the desk recognizes them (e.g. 60代男性、常連); sealed under them.") var label: String
            @Option(help: "An existing counterparty's subject id.") var subject: String?

            func validate() throws {
                _ = try parseCaseID(caseID)
                guard !label.trimmingCharacters(in: .whitespaces).isEmpty, label.count <= 200 else {
                    throw ValidationError(say("--label must be 1 to 200 characters", "--label は 1-200 字です"))
                }
                if let subject, !SubjectID.isWellFormed(subject) { throw ValidationError(say("--subject is not a subject id", "--subject は対象者 ID ではありません")) }
            }

            func run() throws {
                let id = CaseID(caseID)!
                let desk = try store.desk(requireKey: true)
                defer { desk.close() }
                let events = try desk.act(.linkCounterparty(label: label, existing: subject.map(SubjectID.init)), on: id)
                let party = events.lazy.compactMap { e -> SubjectID? in if case .counterpartyLinked(let p) = e { p.counterparty } else { nil } }.first
                let ja = store.language == .ja
                print(party.map { ja ? "\($0) を \(id) の相手方として記録しました" : "\($0) linked to \(id)" }
                      ?? (ja ? "\(subject ?? "-") は \(id) の相手方として記録済みです" : "\(subject ?? "-") was already linked to \(id)"))
            }
        }

        struct Standing: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Warn or ban a counterparty until a day, or lift it (supervisors only; recorded with the reason).",
                discussion: "A warning or ban lapses by itself after --until (at most about three years ahead).")
            @OptionGroup var store: StoreOptions
            @Argument(help: "The counterparty's subject id.") var subject: String
            @Option(name: .customLong("set"), help: "warned, banned or none.") var standing: DeskDomain.Standing
            @Option(help: "The last day it applies, YYYY-MM-DD.") var until: String?
            @Option(help: "Why, in writing.") var reason: String

            func validate() throws {
                guard SubjectID.isWellFormed(subject) else { throw ValidationError(say("not a subject id: \(Sanitizer.visible(subject))", "対象者 ID ではありません: \(Sanitizer.visible(subject))")) }
                if let until, LocalDate(iso: until) == nil { throw ValidationError(say("--until must be a date, YYYY-MM-DD", "--until は日付 (YYYY-MM-DD) です")) }
                guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, reason.count <= 2_000 else {
                    throw ValidationError(say("--reason must be 1 to 2,000 characters", "--reason は 1-2,000 字です"))
                }
            }

            func run() throws {
                let desk = try store.desk(requireKey: true)
                defer { desk.close() }
                let id = SubjectID(subject)
                try desk.setStanding(id, standing, until: until.flatMap { LocalDate(iso: $0) }, reason: reason)
                let ja = store.language == .ja
                print(standing == .none ? "\(id): " + (ja ? "警告・利用禁止を解除しました" : "no longer warned or banned")
                      : "\(id): \(standing.label(store.language)) " + (ja ? "\(until ?? "") まで" : "until \(until ?? "")"))
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Every counterparty, where they stand today, and their cases.")
            @OptionGroup var store: StoreOptions

            func run() throws {
                let desk = try store.desk()
                defer { desk.close() }
                let today = LocalDate(japanTime: Date())
                for c in try desk.counterparties() {
                    let st = c.standing.effective(on: today)
                    let until = c.standing.until.map(\.description) ?? ""
                    let standing = st == .none ? "-" : st.label(store.language) + (store.language == .ja ? " \(until) まで" : " until \(until)")
                    let label = c.label.map { "  " + Sanitizer.visible($0.display) } ?? ""
                    print("\(c.standing.subject)  \(standing)  \(c.cases.map(\.description).joined(separator: " "))\(label)")
                }
            }
        }
    }
}
