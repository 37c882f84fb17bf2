import ArgumentParser
import DeskApp
import DeskDomain
import Foundation

extension HoldKind: ExpressibleByArgument {}

extension Mado {
    struct Hold: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put a case on legal hold, or lift it (supervisors only).",
            discussion: "While a case is held, no subject of it can be erased, by hand or by retention.",
            subcommands: [Place.self, Lift.self])

        struct Place: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Put a case on legal hold.")
            @OptionGroup var store: StoreOptions
            @Argument(help: "The case id.") var caseID: String
            @Option(help: "policeReport, lawsuit or workersCompensation.") var kind: HoldKind
            @Option(help: "Why (kept sealed with the case).") var reason: String

            func run() throws {
                try Hold.act(store, caseID, reason, .placeHold(kind, reason: reason))
            }
        }

        struct Lift: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Lift a case's legal hold.")
            @OptionGroup var store: StoreOptions
            @Argument(help: "The case id.") var caseID: String
            @Option(help: "Why.") var reason: String

            func run() throws {
                try Hold.act(store, caseID, reason, .liftHold(reason: reason))
            }
        }

        static func act(_ store: StoreOptions, _ caseID: String, _ reason: String, _ action: CaseAction) throws {
            let id = try parseCaseID(caseID)
            try checkReason(reason)
            let desk = try store.desk()
            defer { desk.close() }
            let events = try desk.act(action, on: id)
            print("\(id): " + DeskEvent.recorded(events, store.language))
        }
    }

    struct Retention: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Retention periods: erase the people whose cases closed longer ago than their organization keeps data.",
            subcommands: [Set.self, Run.self])

        struct Set: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Set an organization's retention period (default 3 years).")
            @OptionGroup var store: StoreOptions
            @Option(help: "The organization id.") var org: String
            @Option(help: "Years after a case closes (1-30).") var years: Int

            func validate() throws {
                guard (1...30).contains(years) else { throw ValidationError(say("--years must be 1 to 30", "--years は 1 から 30 です")) }
            }

            func run() throws {
                let desk = try store.desk()
                defer { desk.close() }
                let id = OrganizationID(org)
                try naming("--org") { try desk.setRetention(id, years: years) }
                print(store.language == .ja ? "組織 \(id): 個人データは案件の完了から \(years) 年保存します"
                                             : "\(id): personal data kept \(years) year(s) after a case closes")
            }
        }

        struct Run: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "List, then erase, the subjects whose every case is past its retention period and not on hold.")
            @OptionGroup var store: StoreOptions
            @Flag(help: "Only list what would be erased.") var dryRun = false

            func run() throws {
                let desk = try store.desk(requireKey: !dryRun)
                defer { desk.close() }
                let due = try desk.retentionDue()
                let ja = store.language == .ja
                for d in due {
                    print("\(d.subject)  \(column(d.kind.label(store.language), 16))" + (ja ? "期限 " : "due ")
                          + "\(d.dueOn)  \(d.cases.map(\.description).joined(separator: " "))")
                }
                if dryRun {
                    print(ja ? "消去期限を過ぎた対象者 \(due.count) 件。消去はしていません (--dry-run)" : "\(due.count) subject(s) due; nothing erased (--dry-run)")
                    return
                }
                var retained = false, erased = 0, failed = 0
                // One subject's refusal (a hold placed meanwhile, an erasure by someone else) does not stop the rest.
                for (d, outcome) in try desk.runRetention() {
                    switch outcome {
                    case .success(let o):
                        retained = retained || o == .walRetained
                        erased += 1
                    case .failure(let error):
                        warn("\(d.subject): \(humanMessage(error, store.language))")
                        failed += 1
                    }
                }
                print(ja ? "\(erased) 件を消去しました" + (failed > 0 ? "。\(failed) 件は拒否されました (上記参照)" : "")
                         : "\(erased) subject(s) erased" + (failed > 0 ? ", \(failed) refused (see above)" : ""))
                if retained {
                    warnWALRetained()
                }
                if failed > 0 { throw ExitCode.failure }
            }
        }
    }
}
