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
                do { try change.validate() } catch { throw ValidationError(error.message(MessageLanguage.current)) }
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
                    throw ValidationError(say("the id must be 1-40 lowercase letters, digits and '-', not starting with '-'",
                                              "組織の ID は英小文字・数字・'-' の 1-40 字で、'-' で始まりません"))
                }
                for (field, v) in [("--name", name), ("--report-to", reportTo)] {
                    try refuseNUL(v, field)
                    guard !v.trimmingCharacters(in: .whitespaces).isEmpty, v.count <= 200, Sanitizer.visible(v) == v else {
                        throw ValidationError(say("\(field) must be 1-200 printable characters on one line", "\(field) は表示できる文字 1-200 字の 1 行です"))
                    }
                }
                _ = try parsedBranches()
                for c in closed where ClosedPeriod(c) == nil { throw ValidationError(say("--closed \(Sanitizer.visible(c)) is not MM-DD or MM-DD..MM-DD",
                                                                                                     "--closed \(Sanitizer.visible(c)) は MM-DD か MM-DD..MM-DD ではありません")) }
                guard (1...30).contains(retentionYears) else { throw ValidationError(say("--retention-years must be 1 to 30", "--retention-years は 1 から 30 です")) }
            }

            func parsedBranches() throws -> [Branch] {
                guard branches.count <= 500 else { throw ValidationError(say("--branch may be given at most 500 times", "--branch は 500 回までです")) }
                var seen: Set<String> = []
                return try branches.map { spec in
                    let parts = spec.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    let stores = parts.count == 2 ? parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } : []
                    for n in [parts.first ?? ""] + stores {
                        guard !n.isEmpty, n.count <= 100, Sanitizer.visible(n) == n, !n.contains(":") else {
                            throw ValidationError(say("--branch \(Sanitizer.visible(spec)): names must be 1-100 printable characters",
                                                      "--branch \(Sanitizer.visible(spec)): 名前は表示できる文字 1-100 字です"))
                        }
                    }
                    guard seen.insert(parts[0]).inserted else { throw ValidationError(say("--branch \(Sanitizer.visible(parts[0])) is given twice",
                                                                                                        "--branch \(Sanitizer.visible(parts[0])) が 2 回指定されています")) }
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
                print(store.language == .ja ? "組織を登録しました (ID: \(id))" : "organization \(id) registered")
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
                guard (id == nil) == desk else { throw ValidationError(say("name one organization, or --desk for the desk's own details",
                                                                            "組織の ID を 1 つ、または窓口自体の連絡先なら --desk を指定してください")) }
                if desk && printer != nil {
                    throw ValidationError(say("--printer is per organization; the desk-wide printer is the console's setting (MADO_PRINTER)",
                                              "--printer は組織ごとです。窓口全体のプリンターはコンソールの設定 (MADO_PRINTER) です"))
                }
                do { try change.validate() } catch { throw ValidationError(error.message(MessageLanguage.current)) }
                guard !change.isEmpty else { throw ValidationError(say("give at least one of --phone, --email, --url or --printer",
                                                                           "--phone、--email、--url、--printer のどれかを指定してください")) }
            }

            func run() throws {
                let d = try store.desk()
                defer { d.close() }
                try d.setContact(change, of: id.map { OrganizationID($0) })
                let ja = store.language == .ja
                print(id.map { ja ? "組織 \($0) の連絡先を記録しました" : "\($0): contact details recorded" }
                      ?? (ja ? "窓口の連絡先を記録しました" : "the desk: contact details recorded"))
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Every organization the desk serves.")
            @OptionGroup var store: StoreOptions
            @Option(help: "text or json.") var format: OutputFormat = .text

            func validate() throws { guard format != .csv else { throw formatError("text or json") } }

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
                // The id is what the other commands take (--org), so it is shown, labelled.
                let ja = store.language == .ja
                for o in orgs {
                    let stores = o.branches.reduce(0) { $0 + $1.stores.count }
                    print("\(Sanitizer.visible(o.name))  " + (ja ? "ID \(o.id)  支店 \(o.branches.count)、店舗 \(stores)  方針 \(o.policy.versionTag)"
                                                             : "id \(o.id)  \(o.branches.count) branch(es), \(stores) store(s)  policy \(o.policy.versionTag)"))
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
                let c = try desk.contact(of: o.id)
                let lang = store.language
                if lang == .ja {
                    print("\(Sanitizer.visible(o.name))  (ID: \(o.id))")
                    print("報告先      \(Sanitizer.visible(d.reportTo)) (\(d.language.label(lang))で報告)")
                    print("休業日      \(d.closedDays)  (土日・祝日のほか)")
                    print("保存期間    案件の完了から \(d.retentionYears) 年")
                    print("対応方針    \(o.policy.versionTag) (\(o.policy.effective) から適用)")
                    print("ご案内      電話 \(c.phone ?? "-")、メール \(c.email ?? "-")、Web \(c.url ?? "-")  (組織にないものは窓口のもの)")
                    print("プリンター  \(c.printer ?? "コンソールの設定 (MADO_PRINTER)、なければ lp の既定")")
                    print("支店と店舗:")
                } else {
                    print("\(Sanitizer.visible(o.name))  (id: \(o.id))")
                    print("reports to   \(Sanitizer.visible(d.reportTo)) (in \(d.language.label(lang)))")
                    print("closed days  \(d.closedDays)  (besides Japan's national holidays and weekends)")
                    print("retention    \(d.retentionYears) year(s) after a case closes")
                    print("policy       \(o.policy.versionTag), effective \(o.policy.effective)")
                    print("leaflet      phone \(c.phone ?? "-"), e-mail \(c.email ?? "-"), web \(c.url ?? "-")  (the desk's where the organization has none)")
                    print("printer      \(c.printer ?? "the console's (MADO_PRINTER), else lp's default")")
                    print("branches and stores:")
                }
                for b in o.branches {
                    print("  \(Sanitizer.visible(b.name))" + (b.stores.isEmpty ? "" : ": " + b.stores.map(Sanitizer.visible).joined(separator: ", ")))
                }
            }
        }
    }
}
