import ArgumentParser
import DeskDomain
import DeskStore
import DeskTUI
import Foundation

extension Mado {
    /// Seed 003's reports: each case's report within 3 business days, and each organization's monthly totals.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The desk's reports to the organization: draft, approve, record the sending, print; monthly totals.",
            discussion: """
                A case's report is drafted by an operator after assessing it (`draft`), approved by a supervisor \
                after classifying it (`approve`), and its sending recorded (`sent`). `case` prints it in the \
                organization's report language; `monthly` counts a month's cases from the log.
                """,
            subcommands: [CaseReportCommand.self, Draft.self, Approve.self, Sent.self, Monthly.self])

        struct CaseReportCommand: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "case",
                abstract: "Print a case's report (text or JSON), in the organization's report language.",
                discussion: """
                    The applicant's name and contact appear only when the draft includes them (their consent) and \
                    only to operators and supervisors. A draft not yet approved is marked as such.
                    """)
            @OptionGroup var store: StoreOptions
            @Argument(help: "The case id.") var caseID: String
            @Option(help: "text or json.") var format: OutputFormat = .text
            @Option(name: .customLong("language"), help: "ja or en (default: the organization's report language).")
            var language: Language?

            func validate() throws {
                if format == .csv { throw ValidationError("--format must be text or json for a case report") }
            }

            func run() throws {
                guard let id = CaseID(caseID) else { throw ValidationError("not a case id: \(Sanitizer.visible(caseID))") }
                let s = try store.open(requireKey: true)
                defer { s.close() }
                let me = try Identity.require(.operator, in: s, to: "print a case's report")
                let report = try s.caseReport(id, role: me.role, language: language)
                print(format == .json ? report.json() : report.text(), terminator: format == .json ? "\n" : "")
            }
        }

        struct Draft: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Draft the report of an assessed case (operators): the desk's opinion and advice, and what to disclose.",
                discussion: """
                    The report's other fields come from the case as recorded. Include the applicant's name or \
                    contact only with their consent. A new draft replaces the last one and needs a new approval.
                    """)
            @OptionGroup var store: StoreOptions
            @Argument(help: "The case id.") var caseID: String
            @Option(help: "The desk's opinion and advice (default: the assessment's opinion).") var opinion: String?
            @Flag(help: "Put the applicant's name in the report (they agreed).") var withName = false
            @Flag(help: "Put the applicant's phone and e-mail in the report (they agreed).") var withContact = false

            func validate() throws { if let opinion { try checkText(opinion, "--opinion") } }

            func run() throws {
                guard let id = CaseID(caseID) else { throw ValidationError("not a case id: \(Sanitizer.visible(caseID))") }
                let s = try store.open(requireKey: true)
                defer { s.close() }
                let me = try Identity.require(.operator, in: s, to: "draft a report")
                let ctx = DecisionContext(actor: Actor(me.user), role: me.role)
                let d = try s.caseDetail(id, role: me.role)
                let state = d.events.map(\.event).reduce(CaseState.initial, CaseState.evolve)
                guard let applicant = state.applicant else { throw StoreError.noSuchCase(id.description) }
                func draft(_ o: Personal) -> CaseCommand {
                    .draftReport(ReportDrafted(includeName: withName, includeContact: withContact, opinion: o))
                }
                let text: Personal
                if let opinion {
                    text = Personal(opinion, owner: applicant)
                } else {
                    // The case's own refusal first (its state, the assessment), then the missing opinion.
                    _ = try CaseDecider.decide(draft(Personal("-", owner: applicant)), state, ctx)
                    let latest = d.events.reversed().lazy.compactMap { e -> Assessed? in
                        if case .assessed(let a) = e.event { a } else { nil }
                    }.first
                    guard let o = latest?.opinion, o.text?.isEmpty == false else {
                        throw InputError.missing("--opinion (the assessment recorded no opinion)")
                    }
                    text = o
                }
                let events = try s.execute(draft(text), on: id, context: ctx, at: Date(), expectedVersion: d.events.count)
                print("\(id): " + events.map(\.type).joined(separator: ", ") + " recorded")
            }
        }

        struct Approve: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Approve the latest draft of a classified case's report (supervisors).")
            @OptionGroup var store: StoreOptions
            @Argument(help: "The case id.") var caseID: String
            func run() throws {
                try onCase(store, caseID, needs: .supervisor, to: "approve a report") { _ in .approveReport }
            }
        }

        struct Sent: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Record that the approved report was sent to the organization (operators).")
            @OptionGroup var store: StoreOptions
            @Argument(help: "The case id.") var caseID: String
            @Option(help: "Who it went to (default: the organization's report recipient).") var to: String?

            func validate() throws {
                if let to { try checkClear(to, "--to") }
            }

            func run() throws {
                guard let id = CaseID(caseID) else { throw ValidationError("not a case id: \(Sanitizer.visible(caseID))") }
                let recipient: String
                if let to { recipient = to } else {
                    let s = try store.open()
                    defer { s.close() }
                    recipient = try s.caseDetail(id, role: .auditor).reportTo ?? ""
                }
                try onCase(store, caseID, needs: .operator, to: "record a report's sending") { _ in .report(Reported(sentTo: recipient)) }
            }
        }

        struct Monthly: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "An organization's totals for a month, counted from the log (supervisors and auditors).",
                discussion: """
                    Counts the cases taken in during the month (Japan time) by channel, lane, behaviour type, state \
                    and conclusion, the threats rejected and the reports late, as they stand today. text draws a \
                    bar per row; csv has one header row and the same rows every month; json is one object. \
                    Needs no key: no personal field is opened.
                    """)
            @OptionGroup var store: StoreOptions
            @Option(help: "The organization's id.") var org: String
            @Option(help: "The month, YYYY-MM (default: last month).") var month: String?
            @Option(help: "text, csv or json.") var format: OutputFormat = .text
            @Option(name: .customLong("language"), help: "ja or en for text (default: the organization's report language).")
            var language: Language?

            func validate() throws {
                if let month, Month(month) == nil { throw ValidationError("--month must be YYYY-MM, like 2026-10") }
            }

            func run() throws {
                let s = try store.open()
                defer { s.close() }
                let me = try s.staffMember(Identity.osUser)
                guard me.role == .supervisor || me.role == .auditor else {
                    throw StoreError.notAllowed(action: "count the monthly totals", role: me.role, needs: "a supervisor or an auditor")
                }
                let oid = OrganizationID(org)
                guard try s.organizationExists(oid) else {
                    throw InputError.invalid("--org", expected: "a registered organization (\(try s.organizationIDs().map(\.rawValue).joined(separator: ", ")))")
                }
                let today = LocalDate(japanTime: Date())
                let m = month.flatMap(Month.init) ?? Month(today).previous
                let totals = try s.monthlyTotalsFromLog(organization: oid, month: m, asOf: today)
                switch format {
                case .json: print(totals.json())
                case .csv: print(totals.csv(), terminator: "")
                case .text:
                    let details = try s.organizationDetails(oid)
                    let lang = language ?? details.flatMap { Language(rawValue: $0.language) } ?? .ja
                    let name = try s.organizationName(oid) ?? org
                    print(MonthlyChart.lines(totals, language: lang, organizationName: name).joined(separator: "\n"))
                }
            }
        }
    }
}
