import ArgumentParser
import DeskApp
import DeskDomain
import DeskTUI
import Foundation

extension Language: ExpressibleByArgument {}

@main
struct Mado: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mado",
        abstract: "Madoguchi (窓口): the customer-harassment consultation desk's console and case log.",
        discussion: """
            Without a subcommand, opens the console on the desk database. Press ? in it for the keys.
            Exit codes: 0 success, 1 failure (a refusal, bad input), 64 bad usage, 65 a log or copy that does not verify,
            66 a missing copy, 73 a file that cannot be created, 74 an I/O error;
            the console: 0 when quit or hung up (SIGHUP, a dropped connection), 74 when its terminal failed.
            The database is --db, else $MADO_DB, else ~/.local/share/mado/desk.sqlite.
            """,
        subcommands: [Init.self, Staff.self, Demo.self, Intake.self, Note.self, List.self, Show.self, Verify.self, Anchor.self, Rebuild.self,
                      Backup.self, Restore.self,
                      Org.self, Transcribe.self, Subject.self, Hold.self, Retention.self, Ladder.self, Handover.self, Assess.self, Classify.self, LaneCommand.self, Counterparty.self, Policy.self, Report.self, Review.self, Reject.self, Close.self, Enquiry.self,
                      Decision.self, Feedback.self, Task.self, Evidence.self, Shift.self, Who.self, Consult.self, Access.self, Doctor.self, Serve.self, Bench.self])

    /// The entry point. Core dumps go off before anything else runs: this process will hold the desk key and decrypted
    /// names. A set-group-id mado then forgets the environment that could send its files elsewhere. Then the arguments
    /// are checked as bytes, and every message goes out through the sanitizer (`Entry`).
    static func main() {
        CoreDumps.forbid()
        Privileges.start()
        Entry.run(Mado.self)
    }

    @OptionGroup var store: StoreOptions

    @Flag(help: "Open the console on a throw-away demo database, deleted on exit.")
    var demo = false

    @Option(help: ArgumentHelp("Console theme: default, high-contrast, mono, or a file in ~/.config/mado/themes/ (default: the config file's, else default).",
                               valueName: "name"))
    var theme: String?

    @Flag(help: "Review only: every action is shown greyed out.")
    var readOnly = false

    func run() throws {
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            throw Refusal(say("the console needs a terminal; for scripts use a subcommand (see `mado --help`)",
                              "コンソールには端末が必要です。スクリプトからはサブコマンドを使ってください (`mado --help` を参照)"))
        }
        // Before the database is opened and before anything is written to the terminal.
        if let refusal = NcursesBackend.check(environment: ProcessInfo.processInfo.environment) {
            throw Refusal(refusal.message(language))
        }
        // The user's configuration, with the user's own rights (never the desk group's).
        let config = try Privileges.asUser { try ConsoleConfig.load(language: store.language) }
        let language = store.lang ?? config.language ?? store.language
        let t = try Privileges.asUser { try Theme.named(theme ?? config.theme ?? "default") }
        if demo {
            try Privileges.dropGroup()   // a throw-away desk of the user's own
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mado-demo-\(UUID().uuidString.prefix(8))")
            defer { try? FileManager.default.removeItem(at: dir) }
            let now = Date()
            let desk = try Wiring.initialize(path: dir.appendingPathComponent("desk.sqlite").path, keyFile: nil,
                                             displayName: Identity.osDisplayName, at: now).desk
            defer { desk.close() }
            _ = try DemoData(seed: 1, now: now).fill(desk)
            try Console.open(desk, theme: t, language: language, readOnly: readOnly, name: "demo", config: config)
            return
        }
        let desk = try store.desk()
        defer { desk.close() }
        try Console.open(desk, theme: t, language: language, readOnly: readOnly,
                         name: (store.databasePath as NSString).lastPathComponent, config: config)
    }

    var language: Language { store.language }
}

enum Console {
    /// The leaflet printer: `MADO_PRINTER` for this session, else the config file's; an organization's own printer wins over both.
    static func open(_ desk: Desk, theme: Theme, language: Language, readOnly: Bool, name: String, config: ConsoleConfig = ConsoleConfig()) throws {
        let me = try desk.me()
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let backend = try NcursesBackend(theme: theme, noColor: noColor)
        // A role that may change nothing (the auditor) gets a review-only console, and so does a database this process
        // may only read.
        var model = Model(size: backend.size, now: Date(), me: me, language: language,
                          readOnly: readOnly || RoleMatrix.changesNothing(me.role) || desk.readOnly != nil, databaseName: name)
        model.keyProblem = desk.keyProblem
        model.keys = config.keys
        if let fallback = backend.localeFallback { model.message = StatusMessage(text: fallback.notice(language), isError: false) }
        let printer = ProcessInfo.processInfo.environment["MADO_PRINTER"].flatMap { $0.isEmpty ? nil : $0 } ?? config.printer
        let program = Program(desk: desk, backend: backend, model: model, watcher: try? desk.watch(), printer: printer, writeFile: { path, data in
            (try? Privileges.asUser { FileManager.default.createFile(atPath: path, contents: data) }) ?? false
        })
        program.loadTheme = { name in try Privileges.asUser { try Theme.named(name) } }
        switch program.run() {
        case .quit, .hangUp: return
        case .terminalLost: throw ExitCode(74)     // EX_IOERR: the terminal failed under the console
        }
    }
}
