import ArgumentParser
import DeskDomain
import DeskIntake
import Foundation

extension Mado {
    struct Policy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a counter policy file, or show the policy mado ships with.",
            subcommands: [Check.self, Show.self])

        struct Check: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Validate a policy file (TOML, the format of Policies/standard.toml); exit 1 with every problem named.")
            @Argument(help: "The policy file.") var file: String

            func run() throws {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw Refusal("cannot read \(Sanitizer.visible(file)): no such file or no permission")
                }
                guard data.count <= PolicyFile.maxBytes else {
                    throw Refusal("\(Sanitizer.visible(file)) is \(data.count) bytes; the limit is \(PolicyFile.maxBytes) bytes")
                }
                do {
                    let t = try PolicyFile.parse(data)
                    print("policy \(t.versionTag), effective \(t.effective): \(t.rules.count) rules, \(t.scripts.count) scripts, \(t.leaflets.count) leaflet(s); no problems")
                } catch {
                    throw Refusal(Sanitizer.visibleLines(error.description))
                }
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Print the standard policy: the questions, then the rules in order.")
            @Option(help: "ja or en.") var language: Language = .en

            func run() throws {
                let t = PolicyTable.standard
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
    }
}
