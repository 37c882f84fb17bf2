import ArgumentParser
import DeskApp
import DeskDomain
import Foundation

extension Mado {
    /// The answering machine: the operator types what the recording says, with its reference and time.
    struct Transcribe: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "transcribe",
            abstract: "Take in an answering-machine message: the operator's transcription, the recording's reference and time.",
            discussion: """
                The transcription becomes the complaint; the reference, time and transcription are kept, sealed, as \
                the case's original. The same recording typed in twice (same reference, time and text) is not taken \
                in again: the existing case id is printed.
                """)
        @OptionGroup var store: StoreOptions
        @Option(help: "The organization the message is about.") var org: String
        @Option(help: "The recording's reference (file name or number in the answering machine).") var recording: String
        @Option(help: "When the message was left, ISO 8601 (2026-11-24T22:15:00+09:00).") var at: String
        @Option(help: "What the caller said, as typed by the operator.") var text: String
        @Option(help: "Branch, if the message names one of the organization's.") var branch: String?
        @Option(name: .customLong("store"), help: "Store, if the message names one.") var storeName: String?
        @Option(help: "The message's language, ja or en.") var language: Language = .ja

        func validate() throws {
            guard !recording.isEmpty, recording.count <= 200, Sanitizer.visible(recording) == recording else {
                throw ValidationError(say("--recording must be 1-200 printable characters on one line", "--recording は表示できる文字 1-200 字の 1 行です"))
            }
            guard ISO8601DateFormatter().date(from: at) != nil else { throw ValidationError(say("--at must be an ISO 8601 time with its offset", "--at は時差つきの ISO 8601 の時刻です (2026-11-25T09:00:00+09:00 など)")) }
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ValidationError(say("--text is empty", "--text が空です")) }
            guard text.count <= 20_000 else { throw InputError.tooLong("--text", limit: 20_000, actual: text.count) }
            try refuseNUL(text, "--text")
        }

        func run() throws {
            let desk = try store.desk(requireKey: true)
            defer { desk.close() }
            try naming("--org") { try desk.checkPlace(OrganizationID(org), branch: branch, store: storeName, field: "--") }
            let outcome = try desk.takeIn(Submission(answeringMachine: recording, at: at, text: text, organization: OrganizationID(org),
                                                     branch: branch, store: storeName, language: language))
            switch outcome {
            case .new(let id, let threats, _):
                print(id)
                threatHint(id, threats)
            case .duplicate(let existing):
                warn(say("this recording was already taken in as case \(existing); nothing was appended",
                         "この録音は受付済みです (案件 \(existing))。何も追加していません"))
                print(existing)
            }
        }
    }
}
