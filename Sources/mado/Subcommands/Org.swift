import ArgumentParser
import DeskApp
import DeskDomain
import Foundation

extension Mado {
    struct Org: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "org",
            abstract: "The organizations the desk serves: register one, set its contact details, list them, show one.",
            subcommands: [Add.self, SetContact.self, List.self, Show.self])

        /// What the leaflet prints for people to reach the desk (shared by add and set).
        struct ContactOptions: ParsableArguments {
            @Option(help: "The phone number the leaflet gives (digits, spaces, + - and parentheses).") var phone: String?
            @Option(help: "The e-mail address the leaflet gives.") var email: String?
            @Option(help: "The web form's address the leaflet gives (http:// or https://).") var url: String?

            var change: ContactSet { ContactSet(phone: phone, email: email, url: url) }

            func validate() throws {
                do { try change.validate() } catch { throw ValidationError(error.description) }
            }
        }

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
            @OptionGroup var contact: ContactOptions

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
                if !contact.change.isEmpty { try desk.setContact(contact.change, of: oid) }
                print("\(id) registered")
            }
        }

        struct SetContact: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "set",
                abstract: "Set an organization's contact details and printer, or the desk's own with --desk (supervisors only).",
                discussion: """
                    The leaflet the counter prints names the organization's phone, e-mail and web form, and the desk's \
                    where the organization has none. An empty value clears a field (--url ""). --printer is the printer \
                    its counters' leaflets go to (lp -d NAME), or an absolute directory the leaflet files are written to; \
                    without one the console's setting (MADO_PRINTER) holds.
                    """)
            @OptionGroup var store: StoreOptions
            @Argument(help: "The organization id (or --desk).") var id: String?
            @Flag(help: "Set the desk's own contact details, printed for organizations that have none.") var desk = false
            @OptionGroup var contact: ContactOptions
            @Option(help: "A printer name for lp -d, or an absolute directory for the leaflet files.") var printer: String?

            var change: ContactSet {
                var c = contact.change
                c.printer = printer
                return c
            }

            func validate() throws {
                guard (id == nil) == desk else { throw ValidationError("name one organization, or --desk for the desk's own details") }
                if desk && printer != nil {
                    throw ValidationError("--printer is per organization; the desk-wide printer is the console's setting (MADO_PRINTER)")
                }
                do { try change.validate() } catch { throw ValidationError(error.description) }
                guard !change.isEmpty else { throw ValidationError("give at least one of --phone, --email, --url or --printer") }
            }

            func run() throws {
                let d = try store.desk()
                defer { d.close() }
                try d.setContact(change, of: id.map { OrganizationID($0) })
                print("\(id ?? "the desk"): contact details recorded")
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
                let c = try desk.contact(of: o.id)
                print("leaflet      phone \(c.phone ?? "-"), e-mail \(c.email ?? "-"), web \(c.url ?? "-")  (the desk's where the organization has none)")
                print("printer      \(c.printer ?? "the console's (MADO_PRINTER), else lp's default")")
                for b in o.branches {
                    print("  \(Sanitizer.visible(b.name))" + (b.stores.isEmpty ? "" : ": " + b.stores.map(Sanitizer.visible).joined(separator: ", ")))
                }
            }
        }
    }
}
