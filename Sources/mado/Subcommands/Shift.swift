import ArgumentParser
import DeskApp
import DeskDomain
import DeskTUI
import Foundation

extension Mado {
    struct Shift: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Shifts: start yours (and read the handovers left since your last), end it with a handover, see who is on.",
            discussion: """
                A handover lists the cases you hold, the desk's open cases whose report is due by the next business \
                day or overdue, and those in the danger lane, with your note. It is kept in the log, and shown to \
                the next operator when they start their shift (and in the console when they open it).
                """,
            subcommands: [Start.self, End.self, Board.self, Handovers.self])

        struct Start: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Start your shift and print the handovers left since your last.")
            @OptionGroup var store: StoreOptions
            @Option(name: .customLong("language"), help: "ja or en (else --lang, else the locale's).") var language: Language?

            func run() throws {
                let desk = try store.desk()
                defer { desk.close() }
                let unseen = try desk.startShift(), language = self.language ?? store.language
                print(language == .ja ? "勤務を開始しました。" : "Your shift has started.")
                for h in unseen { print(""); print(HandoverText.lines(h, language: language).joined(separator: "\n")) }
            }
        }

        struct End: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "End your shift, leaving a handover for the next operator.")
            @OptionGroup var store: StoreOptions
            @Option(help: "What the next operator should know (sealed: it may name people).") var note: String?
            @Option(name: .customLong("language"), help: "ja or en (else --lang, else the locale's).") var language: Language?

            func validate() throws {
                if let note {
                    guard note.count <= ShiftHandover.noteLimit else { throw InputError.tooLong("--note", limit: ShiftHandover.noteLimit, actual: note.count) }
                    try refuseNUL(note, "--note")
                }
            }

            func run() throws {
                let desk = try store.desk(requireKey: note != nil)
                defer { desk.close() }
                let h = try desk.endShift(note: note), language = self.language ?? store.language
                print(language == .ja ? "勤務を終了しました。引継ぎを記録しました:" : "Your shift has ended. Handover recorded:")
                print(HandoverText.lines(h, language: language).joined(separator: "\n"))
            }
        }

        struct Board: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "board", abstract: "Who is on shift and the open cases each holds (supervisors).")
            @OptionGroup var store: StoreOptions

            func run() throws {
                let desk = try store.desk()
                defer { desk.close() }
                let lang = store.language, ja = lang == .ja
                for r in try desk.shiftBoard(everyone: true) {
                    let since = r.onShift ? (ja ? "勤務中 " : "ON   since ") + (r.startedAt.map(HandoverText.time) ?? "-") + (ja ? " から" : "")
                        : (ja ? "勤務外 " : "off  ") + (r.endedAt.map { ja ? "\(HandoverText.time($0)) から" : "since \(HandoverText.time($0))" }
                                                       ?? (ja ? "(勤務の記録なし)" : "(no shift yet)"))
                    let held = r.held.isEmpty ? "-" : r.held.map(\.description).joined(separator: " ")
                    print(column(Sanitizer.visible(r.member.user), 16) + column(r.member.role.label(lang), 14) + since
                          + (ja ? "  担当 \(r.held.count) 件: " : "  holds \(r.held.count): ") + held)
                }
            }
        }

        struct Handovers: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "handovers", abstract: "The latest handovers, oldest first (operators and supervisors).")
            @OptionGroup var store: StoreOptions
            @Option(help: "How many.") var last: Int = 3
            @Option(name: .customLong("language"), help: "ja or en (else --lang, else the locale's).") var language: Language?

            func validate() throws { guard (1...100).contains(last) else { throw ValidationError(say("--last must be 1 to 100", "--last は 1 から 100 です")) } }

            func run() throws {
                let desk = try store.desk()
                defer { desk.close() }
                let list = try desk.handovers(last: last), language = self.language ?? store.language
                if list.isEmpty { print(language == .ja ? "引継ぎはまだありません" : "no handovers yet") }
                print(list.map { HandoverText.lines($0, language: language).joined(separator: "\n") }.joined(separator: "\n\n"))
            }
        }
    }
}

extension Mado {
    struct Who: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Who has which case open in a console now (so two operators don't take the same call).",
            discussion: "A console says which case it shows within a second of a change and every 30 seconds; one silent for 90 seconds is gone.")
        @OptionGroup var store: StoreOptions

        func run() throws {
            let desk = try store.desk()
            defer { desk.close() }
            let list = try desk.viewers(excludingMe: false)
            let ja = store.language == .ja
            if list.isEmpty { print(ja ? "どのコンソールでも案件は開かれていません" : "no case is open in any console") }
            for v in list {
                print("\(v.caseID)  \(Sanitizer.visible(v.user))  " + (ja ? "\(HandoverText.time(v.since)) から表示中" : "seen \(HandoverText.time(v.since))"))
            }
        }
    }
}
