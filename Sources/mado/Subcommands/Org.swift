import ArgumentParser
import DeskApp
import DeskDomain
import Foundation

extension Mado {
    struct Org: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "org",
            abstract: "The organizations the desk serves: register one, list them, show one.",
            subcommands: [Add.self, List.self, Show.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Register an organization (supervisors only).",
                discussion: """
                    Branches and stores are the only place names a case may carry in clear, so register them all: \
                    --branch "新宿:本館,別館" (a branch and its stores), repeated. Closed days extend the Japanese \
                    calendar for report deadlines: --closed 12-29..01-03 (the default), --closed 08-13..08-16.
                    """)
            @OptionGroup var store: StoreOptions
            @Argument(help: "The id: 1-40 lowercase letters, digits and '-' (e.g. city-hall).") var id: String
            @Option(help: "The organization's name.") var name: String
            @Option(help: "Who receives the desk's reports there: a role or department, not a person's name.") var reportTo: String
            @Option(help: "The reports' language, ja or en.") var language: Language = .ja
            @Option(name: .customLong("branch"), help: "BRANCH[:STORE,STORE...] (repeat).") var branches: [String] = []
            @Option(name: .customLong("closed"), help: "Extra closed days, MM-DD or MM-DD..MM-DD (repeat).") var closed: [String] = []
            @Option(help: "Years personal data is kept after a case closes (1-30).") var retentionYears: Int = 3

            func validate() throws {
                guard id.count <= 40, !id.isEmpty, id.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }),
                      !id.hasPrefix("-") else {
                    throw ValidationError("the id must be 1-40 lowercase letters, digits and '-', not starting with '-'")
                }
                for (field, v) in [("--name", name), ("--report-to", reportTo)] {
                    try refuseNUL(v, field)
                    guard !v.trimmingCharacters(in: .whitespaces).isEmpty, v.count <= 200, Sanitizer.visible(v) == v else {
                        throw ValidationError("\(field) must be 1-200 printable characters on one line")
                    }
                }
                _ = try parsedBranches()
                for c in closed where ClosedPeriod(c) == nil { throw ValidationError("--closed \(Sanitizer.visible(c)) is not MM-DD or MM-DD..MM-DD") }
                guard (1...30).contains(retentionYears) else { throw ValidationError("--retention-years must be 1 to 30") }
            }

            func parsedBranches() throws -> [Branch] {
                guard branches.count <= 500 else { throw ValidationError("--branch may be given at most 500 times") }
                var seen: Set<String> = []
                return try branches.map { spec in
                    let parts = spec.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    let stores = parts.count == 2 ? parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } : []
                    for n in [parts.first ?? ""] + stores {
                        guard !n.isEmpty, n.count <= 100, Sanitizer.visible(n) == n, !n.contains(":") else {
                            throw ValidationError("--branch \(Sanitizer.visible(spec)): names must be 1-100 printable characters")
                        }
                    }
                    guard seen.insert(parts[0]).inserted else { throw ValidationError("--branch \(Sanitizer.visible(parts[0])) is given twice") }
                    return Branch(name: parts[0], stores: stores)
                }
            }

            func run() throws {
                let desk = try store.desk()
                defer { desk.close() }
                let oid = OrganizationID(id)
                let org = OrganizationRegistered(id: oid, name: name, branches: try parsedBranches(), reportTo: reportTo,
                                                 language: language, closedDays: closed.isEmpty ? [.yearEnd] : closed.compactMap(ClosedPeriod.init),
                                                 retentionYears: retentionYears)
                try desk.registerOrganization(org)
                print("\(id) registered")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Every organization the desk serves.")
            @OptionGroup var store: StoreOptions
            @Option(help: "text or json.") var format: OutputFormat = .text

            func validate() throws { guard format != .csv else { throw ValidationError("--format must be text or json") } }

            func run() throws {
                let desk = try store.desk()
                defer { desk.close() }
                let orgs = try desk.organizations()
                if format == .json {
                    print("[" + orgs.map { o in
                        "{\"id\":\(jsonString(o.id.rawValue)),\"name\":\(jsonString(o.name)),\"branches\":\(o.branches.count),\"policy\":\(jsonString(o.policy.versionTag))}"
                    }.joined(separator: ",") + "]")
                    return
                }
                for o in orgs {
                    print("\(o.id)  \(Sanitizer.visible(o.name))  \(o.branches.count) branch(es), \(o.branches.reduce(0) { $0 + $1.stores.count }) store(s)  policy \(o.policy.versionTag)")
                }
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "One organization: branches and stores, reports, closed days, retention, policy.")
            @OptionGroup var store: StoreOptions
            @Argument(help: "The organization id.") var id: String

            func run() throws {
                let desk = try store.desk()
                defer { desk.close() }
                let d = try desk.organization(OrganizationID(id))
                let o = d.summary
                print("\(o.id)  \(Sanitizer.visible(o.name))")
                print("reports to   \(Sanitizer.visible(d.reportTo)) (\(d.language.rawValue))")
                print("closed days  \(d.closedDays)  (besides Japan's national holidays and weekends)")
                print("retention    \(d.retentionYears) year(s) after a case closes")
                print("policy       \(o.policy.versionTag), effective \(o.policy.effective)")
                for b in o.branches {
                    print("  \(Sanitizer.visible(b.name))" + (b.stores.isEmpty ? "" : ": " + b.stores.map(Sanitizer.visible).joined(separator: ", ")))
                }
            }
        }
    }
}
