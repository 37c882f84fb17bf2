import ArgumentParser
import DeskApp
import DeskDomain
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
                if format == .csv { throw formatError("text or json for a case report") }
            }

            func run() throws {
                let id = try parseCaseID(caseID)
                let desk = try store.desk(requireKey: true)
                defer { desk.close() }
                let report = try desk.caseReport(id, language: language)
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
                do {
                    try onCase(store, caseID, .draftReport(opinion: opinion, includeName: withName, includeContact: withContact))
                } catch InputError.missing where opinion == nil {
                    // Nothing to take over from the assessment: the option is what the user can give.
                    throw InputError.missing("--opinion (the assessment recorded no opinion)")
                }
            }
        }

        struct Approve: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Approve the latest draft of a classified case's report (supervisors).")
            @OptionGroup var store: StoreOptions
            @Argument(help: "The case id.") var caseID: String
            func run() throws {
                try onCase(store, caseID, .approveReport)
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
                try onCase(store, caseID, .report(sentTo: to))
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
                if let month, Month(month) == nil { throw ValidationError(say("--month must be YYYY-MM, like 2026-10", "--month は YYYY-MM (2026-10 など) です")) }
            }

            func run() throws {
                let desk = try store.desk()
                defer { desk.close() }
                let m = month.flatMap(Month.init) ?? Month(LocalDate(japanTime: Date())).previous
                let (totals, o) = try naming("--org") { try desk.monthlyTotals(OrganizationID(org), month: m) }
                switch format {
                case .json: print(totals.json())
                case .csv: print(totals.csv(), terminator: "")
                case .text:
                    print(MonthlyChart.lines(totals, language: language ?? o.language, organizationName: o.name).joined(separator: "\n"))
                }
            }
        }
    }
}
