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
            @Option(help: "ja or en (default: --lang, else the locale's).") var language: Language?
            @Option(help: "Show the policy in force at this organization.") var org: String?
            @Flag(help: "Name the facts, rules, lanes, scripts and actions by their ids, as policy files do.") var ids = false

            func run() throws {
                var t = PolicyTable.standard
                if let org {
                    let desk = try store.desk()
                    defer { desk.close() }
                    t = try naming("--org") { try desk.policy(for: OrganizationID(org)) }
                }
                let language = language ?? store.language
                print(ids ? Self.withIDs(t, language) : Self.inWords(t, language), terminator: "")
            }

            /// The table as a person reads it: questions, rules by the facts they look for, scripts' and actions' words.
            static func inWords(_ t: PolicyTable, _ language: Language) -> String {
                let ja = language == .ja
                var out = ja ? "対応方針 \(t.versionTag) (\(t.effective) から適用)。\(t.minutesThreshold) 分を超えると終了の定型文を示します\n"
                    : "policy \(t.versionTag), effective \(t.effective); end-of-call offered after \(t.minutesThreshold) minutes\n"
                out += ja ? "\n質問:\n" : "\nQuestions:\n"
                for f in FactName.allCases {
                    out += "  \(ja ? f.question.ja : f.question.en)" + (f.isCount ? (ja ? " (数)" : " (number)") : (ja ? " (はい/いいえ)" : " (yes/no)")) + "\n"
                }
                out += ja ? "\n規則 (上から順に、最初に当てはまったものが決める):\n" : "\nRules (in order; the first that matches decides):\n"
                for (i, r) in t.rules.enumerated() {
                    out += "  \(i + 1). " + t.ruleReason(r.id, language) + " → " + r.lane.label(language) + (ja ? "\n" : " lane\n")
                    for id in r.scripts { out += "       " + (ja ? "読み上げ: 「" : "read aloud: 「") + (t.script(id)?.text(language) ?? id) + "」\n" }
                    if !r.actions.isEmpty {
                        out += "       " + (ja ? "今すること: " : "do now: ") + r.actions.map { $0.label(language) }.joined(separator: ja ? "、" : "; ") + "\n"
                    }
                }
                out += ja ? "\n定型文:\n" : "\nScripts:\n"
                for s in t.scripts { out += "  「\(s.text(language))」\n" }
                return out
            }

            /// The table by its ids (`--ids`), for whoever writes or checks a policy file.
            static func withIDs(_ t: PolicyTable, _ language: Language) -> String {
                let ja = language == .ja
                var out = "policy \(t.versionTag), effective \(t.effective); end-of-call offered after \(t.minutesThreshold) minutes\n"
                out += ja ? "\n質問 (fact):\n" : "\nQuestions (fact):\n"
                for f in FactName.allCases { out += "  \(f.rawValue)\(f.isCount ? " (number)" : ""): \(ja ? f.question.ja : f.question.en)\n" }
                out += ja ? "\nルール (上から順に、最初に当てはまったものが決める):\n" : "\nRules (in order; the first that matches decides):\n"
                for r in t.rules {
                    let when = r.anyOf.isEmpty ? (ja ? "ほかのすべて" : "everything else")
                        : r.anyOf.map { $0.fact.isCount ? "\($0.fact.rawValue) >= \($0.atLeast)" : $0.fact.rawValue }.joined(separator: " | ")
                    out += "  \(r.id): \(when) -> \(r.lane.rawValue); scripts \(r.scripts.joined(separator: ", ")); actions \(r.actions.map(\.rawValue).joined(separator: ", "))\n"
                }
                out += ja ? "\n定型文:\n" : "\nScripts:\n"
                for s in t.scripts { out += "  \(s.id): \(s.text(language))\n" }
                return out
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
