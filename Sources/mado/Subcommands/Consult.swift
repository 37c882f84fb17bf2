import ArgumentParser
import DeskApp
import DeskDomain
import DeskTUI
import Foundation

extension ConsultingParty: ExpressibleByArgument {}
extension SecondaryBy: ExpressibleByArgument {}
extension CareKind: ExpressibleByArgument {}

extension Mado {
    /// Seed 003's employee consultation desk: harassment, mental health, secondary harassment by superiors or co-workers.
    struct Consult: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The employee consultation desk (counsellors): consultations and their care tasks, apart from the customer file.",
            discussion: """
                Only counsellors open, read and change consultations; supervisors and auditors may list them without \
                their content; staff and operators see nothing. Every attempt to open one is recorded in the log. A \
                consultation links to a customer case only with the employee's consent, and the case never shows it. \
                One about secondary harassment stays with the counsellors, never with the superior or co-worker named.
                """,
            subcommands: [Open.self, ListConsultations.self, Show.self, Care.self, Done.self, Link.self, Note.self, Close.self])

        static func id(_ text: String) throws -> ConsultationID {
            guard let id = ConsultationID(text) else { throw ValidationError(say("not a consultation id: \(Sanitizer.visible(text)) (like K-000012)", "相談番号ではありません: \(Sanitizer.visible(text)) (K-000012 の形です)")) }
            return id
        }

        /// Runs an action on a consultation as the current user; the desk refuses anyone but a counsellor.
        static func run(_ store: StoreOptions, _ text: String, _ action: ConsultationAction) throws {
            let id = try id(text)
            let desk = try store.desk(requireKey: true)
            defer { desk.close() }
            let events = try desk.consult(action, on: id)
            print("\(id): " + DeskEvent.recorded(events, store.language))
        }

        struct Open: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Open a consultation for an employee, anonymously if they wish.")
            @OptionGroup var store: StoreOptions
            @Option(help: "The organization the employee works for.") var org: String
            @Flag(help: "Keep no name or contact.") var anonymous = false
            @Option(help: "The employee's name.") var name: String?
            @Option(help: "How to reach them (phone or e-mail).") var contact: String?
            @Option(name: .customLong("by"), help: "employee or colleague: who is consulting.") var openedBy: ConsultingParty = .employee
            @Option(help: "The harm suffered, in their words.") var harm: String
            @Option(help: "What they want the company to do.") var wants: String?
            @Flag(help: "They raise a mental-health concern.") var mentalHealth = false
            @Option(help: "Secondary harassment by a superior or a co-worker (for having been harassed or for consulting).")
            var secondary: SecondaryBy?

            func validate() throws {
                try checkText(harm, "--harm")
                if let wants { try checkText(wants, "--wants") }
                if let name { try checkText(name, "--name"); guard name.count <= 200 else { throw InputError.tooLong("--name", limit: 200, actual: name.count) } }
                if let contact { try checkText(contact, "--contact"); guard contact.count <= 254 else { throw InputError.tooLong("--contact", limit: 254, actual: contact.count) } }
                if anonymous && (name != nil || contact != nil) { throw ValidationError(say("--anonymous keeps no --name or --contact", "--anonymous では --name も --contact も記録しません")) }
            }

            func run() throws {
                let desk = try store.desk(requireKey: true)
                defer { desk.close() }
                print(try naming("--org") { try desk.openConsultation(ConsultationRequest(organization: OrganizationID(org), anonymous: anonymous, name: name,
                                                                    contact: contact, openedBy: openedBy, harm: harm, wants: wants,
                                                                    mentalHealth: mentalHealth, secondary: secondary)) })
            }
        }

        struct ListConsultations: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "list", abstract: "The consultations, without their content (counsellors, supervisors, auditors).")
            @OptionGroup var store: StoreOptions

            func run() throws {
                let desk = try store.desk()
                defer { desk.close() }
                // Health and who harassed them are the counsellors' to know: the desk leaves them out for the list's other readers.
                let rows = try desk.consultations()
                let lang = store.language, ja = lang == .ja
                if rows.isEmpty { print(ja ? "相談はありません" : "no consultations") }
                let today = LocalDate(japanTime: Date())
                for r in rows {
                    let due = r.careDue.map { "\($0.kind.label(lang)) \($0.due)\($0.due < today ? (ja ? " 期限超過" : " OVERDUE") : "")" }
                        .joined(separator: ja ? "、" : ", ")
                    let state = r.state == "open" ? (ja ? "対応中" : "open") : (ja ? "終了" : "closed")
                    let by = ConsultingParty(rawValue: r.openedBy).map { $0.label(lang) } ?? Sanitizer.visible(r.openedBy)
                    let secondary = r.secondary.map { s in
                        (ja ? "二次被害: " : "secondary harassment by ") + (SecondaryBy(rawValue: s).map { $0.label(lang) } ?? Sanitizer.visible(s))
                    }
                    let flags = [r.mentalHealth ? (ja ? "心の健康" : "mental health") : nil, secondary].compactMap { $0 }.joined(separator: ja ? "、" : ", ")
                    print("\(r.id)  \(column(state, 8))\(Sanitizer.visible(r.organization))  " + (ja ? "相談者 " : "by ") + by + "  \(flags)  "
                          + (ja ? "ケア: " : "care: ") + (due.isEmpty ? "-" : due))
                }
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Print a consultation (counsellors; every attempt is recorded).")
            @OptionGroup var store: StoreOptions
            @Argument(help: "The consultation id, e.g. K-000001.") var consultationID: String

            func run() throws {
                let id = try Consult.id(consultationID)
                let desk = try store.desk()
                defer { desk.close() }
                if let p = desk.keyProblem { warn(say("personal fields are hidden: \(p)", "個人データの項目は表示しません: \(p)")) }
                for e in try desk.consultation(id) {
                    print("\(StoredTime.display(e.recordedAt))  \(e.event.summary(store.language))  "
                          + (store.language == .ja ? "記録者 " : "by ") + Sanitizer.visible(e.actor.user) + Self.detail(e.event, store.language))
                }
            }

            static func detail(_ e: DeskEvent, _ language: Language) -> String {
                let lines = ConsultationText.lines(e, language: language)
                return lines.isEmpty ? "" : "\n" + lines.map { "  " + $0 }.joined(separator: "\n")
            }
        }

        struct Care: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Open a care task with its due date: counselling, leave, reassignment, workersCompensation.")
            @OptionGroup var store: StoreOptions
            @Argument(help: "The consultation id.") var consultationID: String
            @Option(help: "counselling, leave, reassignment or workersCompensation.") var kind: CareKind
            @Option(help: "Due date, YYYY-MM-DD.") var due: String

            func validate() throws { guard LocalDate(iso: due) != nil else { throw ValidationError(say("--due must be a date, YYYY-MM-DD", "--due は日付 (YYYY-MM-DD) です")) } }

            func run() throws {
                try Consult.run(store, consultationID, .openCareTask(kind, due: LocalDate(iso: due)!))
            }
        }

        struct Done: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Record a care task as done.")
            @OptionGroup var store: StoreOptions
            @Argument(help: "The consultation id.") var consultationID: String
            @Option(help: "The task's kind.") var kind: CareKind
            func run() throws { try Consult.run(store, consultationID, .completeCareTask(kind)) }
        }

        struct Link: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Link the consultation to the customer case it arose from, with the employee's consent (the case never shows it).")
            @OptionGroup var store: StoreOptions
            @Argument(help: "The consultation id.") var consultationID: String
            @Option(name: .customLong("case"), help: "The customer case.") var caseID: String
            @Flag(help: "The employee agreed to the link.") var consent = false

            func run() throws {
                let c = try parseCaseID(caseID)
                try Consult.run(store, consultationID, .link(c, consent: consent))
            }
        }

        struct Note: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Add a counsellor's note (sealed under the employee).")
            @OptionGroup var store: StoreOptions
            @Argument(help: "The consultation id.") var consultationID: String
            @Option(help: "The note.") var text: String
            func validate() throws { try checkText(text, "--text") }
            func run() throws { try Consult.run(store, consultationID, .addNote(text)) }
        }

        struct Close: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Close a consultation whose care tasks are done, with the reason.")
            @OptionGroup var store: StoreOptions
            @Argument(help: "The consultation id.") var consultationID: String
            @Option(help: "Why it closes.") var reason: String
            func validate() throws { try checkText(reason, "--reason") }
            func run() throws { try Consult.run(store, consultationID, .close(reason: reason)) }
        }
    }
}

extension Mado {
    struct Access: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Who tried to open a restricted record (an employee consultation or an employee's data), when, and whether it was allowed (supervisors, auditors).")
        @OptionGroup var store: StoreOptions
        @Option(help: "Only this user's attempts.") var user: String?

        func run() throws {
            let desk = try store.desk()
            defer { desk.close() }
            let rows = try desk.accessLog(user: user)
            let ja = store.language == .ja
            if rows.isEmpty { print(ja ? "閲覧の試みは記録されていません" : "no attempts recorded") }
            for (at, a) in rows {
                print("\(StoredTime.display(at))  \(Sanitizer.visible(a.user)) (\(a.role.label(store.language)))  \(Sanitizer.visible(a.record))  "
                      + (a.allowed ? (ja ? "許可" : "allowed") : (ja ? "拒否" : "REFUSED")))
            }
        }
    }
}
