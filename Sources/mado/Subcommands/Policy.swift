import ArgumentParser
import DeskDomain
import DeskApp
import DeskIntake
import Foundation

extension Mado {
    struct Policy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a counter policy file, or show the policy mado ships with.",
            subcommands: [Check.self, Show.self, Adopt.self])

        /// Reads and validates a policy file; every problem named.
        static func load(_ file: String) throws -> PolicyTable {
            guard let data = try Privileges.asUser({ FileManager.default.contents(atPath: file) }) else {
                throw Refusal("cannot read \(Sanitizer.visible(file)): no such file or no permission")
            }
            guard data.count <= PolicyFile.maxBytes else {
                throw Refusal("\(Sanitizer.visible(file)) is \(data.count) bytes; the limit is \(PolicyFile.maxBytes) bytes")
            }
            do {
                return try PolicyFile.parse(data)
            } catch {
                throw Refusal(Sanitizer.visibleLines(error.description))
            }
        }

        struct Check: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Validate a policy file (TOML, the format of Policies/standard.toml); exit 1 with every problem named.")
            @Argument(help: "The policy file.") var file: String

            func run() throws {
                let t = try Policy.load(file)
                print("policy \(t.versionTag), effective \(t.effective): \(t.rules.count) rules, \(t.scripts.count) scripts, \(t.leaflets.count) leaflet(s); no problems")
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Print a policy: the questions, then the rules in order (the standard one, or an organization's).")
            @OptionGroup var store: StoreOptions
            @Option(help: "ja or en.") var language: Language = .en
            @Option(help: "Show the policy in force at this organization.") var org: String?

            func run() throws {
                var t = PolicyTable.standard
                if let org {
                    let desk = try store.desk()
                    defer { desk.close() }
                    t = try naming("--org") { try desk.policy(for: OrganizationID(org)) }
                }
                let ja = language == .ja
                print("policy \(t.versionTag), effective \(t.effective); end-of-call offered after \(t.minutesThreshold) minutes")
                print(ja ? "\n質問 (fact):" : "\nQuestions (fact):")
                for f in FactName.allCases { print("  \(f.rawValue)\(f.isCount ? " (number)" : ""): \(ja ? f.question.ja : f.question.en)") }
                print(ja ? "\nルール (上から順に、最初に当てはまったものが決める):" : "\nRules (in order; the first that matches decides):")
                for r in t.rules {
                    let when = r.anyOf.isEmpty ? (ja ? "ほかのすべて" : "everything else")
                        : r.anyOf.map { $0.fact.isCount ? "\($0.fact.rawValue) >= \($0.atLeast)" : $0.fact.rawValue }.joined(separator: " | ")
                    print("  \(r.id): \(when) -> \(r.lane.rawValue); scripts \(r.scripts.joined(separator: ", ")); actions \(r.actions.map(\.rawValue).joined(separator: ", "))")
                }
                print(ja ? "\n定型文:" : "\nScripts:")
                for s in t.scripts { print("  \(s.id): \(s.text(language))") }
            }
        }

        struct Adopt: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Put a policy file in force at an organization (supervisors only); the table is recorded in the log.",
                discussion: "The file is validated first; later hand-overs there are decided by it and record its id and version.")
            @OptionGroup var store: StoreOptions
            @Option(help: "The organization id.") var org: String
            @Argument(help: "The policy file (TOML).") var file: String

            func run() throws {
                let table = try Policy.load(file)
                let today = LocalDate(japanTime: Date())
                guard table.effective <= today else {
                    throw Refusal("policy \(table.versionTag) takes effect on \(table.effective); adopt it on or after that day")
                }
                // A version tag must name one table: every hand-over records it.
                if table.versionTag == PolicyTable.standard.versionTag && table != PolicyTable.standard {
                    throw Refusal("\(table.versionTag) is the shipped policy's id and version, but these rules differ; give the file its own id or version")
                }
                let desk = try store.desk()
                defer { desk.close() }
                let id = OrganizationID(org)
                try naming("--org") { try desk.adoptPolicy(table, at: id) }
                print("\(id): policy \(table.versionTag) (effective \(table.effective)) in force")
            }
        }
    }
}
