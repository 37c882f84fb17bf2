import ArgumentParser
import DeskApp
import DeskDomain
import Foundation

extension TaskKind: ExpressibleByArgument {}

extension Mado {
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start verifying a case (operators): legitimate complaint or harassment, then `mado assess`.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The case id.") var caseID: String
        func run() throws {
            try onCase(store, caseID, .startReview)
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close a reported, escalated or rejected case (supervisors), with its outcome.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The case id.") var caseID: String
        @Option(help: "The outcome, e.g. resolved, serviceRefused, withdrawn (kept in clear: no personal data).") var outcome: String

        func validate() throws {
            try checkClear(outcome, "--outcome")
        }

        func run() throws {
            try onCase(store, caseID, .close(outcome: outcome))
        }
    }

    struct Evidence: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a case's evidence (the original submission and its attachments), or save one to a file (operators).",
            discussion: """
                0 is the submission exactly as received (the .eml, the web form's JSON); 1.. are the files that came \
                with it. --save writes one to --out, readable by you only, and never over an existing file.
                """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The case id.") var caseID: String
        @Option(help: "The number of the item to save.") var save: Int?
        @Option(help: "Where to write it (a new file).") var out: String?

        func validate() throws {
            if (save == nil) != (out == nil) { throw ValidationError(say("--save and --out go together", "--save と --out は一緒に指定します")) }
        }

        func run() throws {
            let id = try parseCaseID(caseID)
            let desk = try store.desk(requireKey: true)
            defer { desk.close() }
            let items = try desk.evidence(of: id)
            guard let save, let out else {
                let ja = store.language == .ja
                if items.isEmpty { print("\(id): " + (ja ? "証拠は保管されていません" : "no evidence kept")) }
                for i in items {
                    let state = i.content == nil ? (ja ? "  (開けません: 消去済みか鍵がありません)" : "  (cannot be opened: erased or no key)") : ""
                    print("\(i.index)  \(Sanitizer.visible(i.label))  \(i.mediaType)  \(i.bytes) " + (ja ? "バイト" : "bytes")
                          + "  sha256:\(i.hash.prefix(16))\(state)")
                }
                return
            }
            guard let item = items.first(where: { $0.index == save }) else {
                throw Refusal(items.isEmpty ? say("--save: this case keeps no evidence", "--save: この案件には証拠が保管されていません")
                                      : say("--save must be one of 0...\(items.count - 1)", "--save は 0 から \(items.count - 1) のどれかです"))
            }
            guard let content = item.content else { throw Refusal(say("item \(save) cannot be opened: its owner's data was erased or the key is missing",
                                                                           "\(save) 番は開けません: 持ち主のデータが消去されたか、鍵がありません")) }
            // Created readable by its owner only and never over anything that exists (O_EXCL, no symlink followed).
            let fd = try Privileges.asUser { open(out, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600) }
            guard fd >= 0 else {
                throw Refusal(errno == EEXIST ? say("\(Sanitizer.visible(out)) exists; choose a new file", "\(Sanitizer.visible(out)) はすでにあります。新しいファイル名を指定してください")
                                              : say("cannot create \(Sanitizer.visible(out))", "\(Sanitizer.visible(out)) を作れません"))
            }
            let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
            do { try handle.write(contentsOf: content) } catch {
                unlink(out)
                throw Refusal(say("cannot write \(Sanitizer.visible(out)): \(error.localizedDescription)", "\(Sanitizer.visible(out)) に書き込めません: \(error.localizedDescription)"))
            }
            print(store.language == .ja ? "\(id): \(save) 番を \(Sanitizer.visible(out)) に保存しました (\(content.count) バイト)"
                                         : "\(id): item \(save) written to \(Sanitizer.visible(out)) (\(content.count) bytes)")
        }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Do not accept a threatening or slanderous submission (operators).",
            discussion: """
                Seed 003: such a submission is not accepted and is reported to the police. The case leaves the \
                queue, its original stays as evidence, and two tasks open: report to the police, and notify the \
                organization (`mado task`). The console points out likely threats; a person always decides.
                """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The case id.") var caseID: String
        @Option(help: "Why, in writing (what in the submission threatens or slanders).") var reason: String

        func validate() throws { try checkText(reason, "--reason") }

        func run() throws {
            try onCase(store, caseID, .rejectAsThreat(reason: reason))
        }
    }

    struct Enquiry: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Log an applicant's progress enquiry and print the fixed answer to read (no progress answers).",
            discussion: "Seed 003: neither the desk nor the organization answers enquiries about a case's progress.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The case id.") var caseID: String
        @Option(help: "How they asked: phone, answeringMachine, webForm, email or counter.") var channel: Channel = .phone
        @Option(name: .customLong("language"), help: "The script's language, ja or en.") var language: Language = .ja

        func run() throws {
            let id = try parseCaseID(caseID)
            let desk = try store.desk(requireKey: true)
            defer { desk.close() }
            let events = try desk.act(.logEnquiry(channel), on: id)
            print("\(id): " + DeskEvent.recorded(events, store.language))
            // The organization's own wording of the fixed answer, if it adopted a policy.
            let org = try desk.caseSummary(id)?.organization
            let policy = try org.map { try desk.policy(for: $0) } ?? .standard
            if let script = policy.script(Scripts.noProgressAnswers) { print(script.text(language)) }
        }
    }

    struct Decision: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the organization's decision on a reported case (operators), and whether the applicant is to be told.",
            discussion: "Seed 003: the applicant hears back only when the organization deems it necessary (--feedback).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The case id.") var caseID: String
        @Option(help: "What the organization decided.") var text: String
        @Flag(help: "The organization wants the applicant told.") var feedback = false

        func validate() throws { try checkText(text, "--text") }

        func run() throws {
            try onCase(store, caseID, .recordDecision(text, feedback: feedback))
        }
    }

    struct Feedback: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record feedback given to the applicant (operators): only after the organization decided it was needed.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The case id.") var caseID: String
        @Option(help: "How: phone, email, ...") var channel: Channel
        @Option(help: "What was said or sent.") var text: String

        func validate() throws { try checkText(text, "--text") }

        func run() throws {
            try onCase(store, caseID, .giveFeedback(channel, text: text))
        }
    }

    struct Task: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The tasks cases have opened (a rejected threat: police report, notify the organization).",
            subcommands: [ListTasks.self, Open.self, Done.self], defaultSubcommand: ListTasks.self)

        struct Open: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Open a task on a rejected case that has none (cases rejected before rejections opened tasks; operators).")
            @OptionGroup var store: StoreOptions
            @Argument(help: "The case id.") var caseID: String
            @Option(help: "policeReport or notifyOrganization.") var kind: TaskKind

            func run() throws {
                try onCase(store, caseID, .openTask(kind))
            }
        }

        struct ListTasks: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "Open tasks, oldest first (--all: done ones too).")
            @OptionGroup var store: StoreOptions
            @Flag(help: "Include the tasks already done.") var all = false
            @Option(help: "text or json.") var format: OutputFormat = .text

            func run() throws {
                let desk = try store.desk()
                defer { desk.close() }
                let rows = try desk.tasks(openOnly: !all)
                switch format {
                case .json:
                    let e = JSONEncoder()
                    e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                    let japan = rows.map {
                        TaskRow(caseID: $0.caseID, organization: $0.organization, kind: $0.kind, openedAt: StoredTime.isoJapan($0.openedAt),
                                doneAt: $0.doneAt.map(StoredTime.isoJapan), doneBy: $0.doneBy, reference: $0.reference)
                    }
                    print(String(decoding: try e.encode(japan), as: UTF8.self))
                case .csv:
                    // Times as ISO 8601 with Japan's offset, like every time mado writes for a program.
                    print("case_id,organization,kind,opened_at,done_at,done_by,reference")
                    for r in rows {
                        print([r.caseID.description, r.organization, r.kind.rawValue, StoredTime.isoJapan(r.openedAt),
                               r.doneAt.map(StoredTime.isoJapan) ?? "", r.doneBy ?? "",
                               r.reference ?? ""].map(csvField).joined(separator: ","))
                    }
                default:
                    let ja = store.language == .ja
                    if rows.isEmpty { print(ja ? (all ? "タスクはありません" : "未完了のタスクはありません") : (all ? "no tasks" : "no open tasks")) }
                    for r in rows {
                        let done = r.doneAt.map {
                            (ja ? "完了 \(StoredTime.display($0)) \(Sanitizer.visible(r.doneBy ?? "-")): " : "done \(StoredTime.display($0)) by \(Sanitizer.visible(r.doneBy ?? "-")): ")
                                + Sanitizer.visible(r.reference ?? "")
                        } ?? (ja ? "未完了" : "OPEN")
                        print("\(r.caseID)  \(r.kind.label(store.language))  " + (ja ? "開始 " : "opened ") + StoredTime.display(r.openedAt)
                              + "  \(Sanitizer.visible(r.organization))  \(done)")
                    }
                }
            }
        }

        struct Done: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Record a task as done, with its reference (operators).")
            @OptionGroup var store: StoreOptions
            @Argument(help: "The case id.") var caseID: String
            @Option(help: "policeReport or notifyOrganization.") var kind: TaskKind
            @Option(help: "A reference kept in clear: the police report number, who was told and how (no personal data).")
            var reference: String

            func validate() throws {
                try checkClear(reference, "--reference")
            }

            func run() throws {
                try onCase(store, caseID, .completeTask(kind, reference: reference))
            }
        }
    }
}

/// Points out a submission that may threaten or slander (seed 003), for the operator to read and decide.
func threatHint(_ id: CaseID, _ words: [String]) {
    guard !words.isEmpty else { return }
    let found = words.map { Sanitizer.visible($0) }.joined(separator: say(", ", "、"))
    warn(say("\(id) may be threatening or slanderous (\(found)): read it and, if it is, do not accept it: mado reject \(id) --reason TEXT",
             "\(id) は脅迫や誹謗中傷かもしれません (\(found))。読んで、そうであれば受け付けないでください: mado reject \(id) --reason 理由"))
}
