import ArgumentParser
import DeskApp
import DeskDomain
import Foundation

extension Mado {
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fill a new or freshly initialized database with demo cases (Japanese and English).",
            discussion: """
                Creates the organizations demo-hotel, demo-rail, demo-clinic and demo-city, five demo staff \
                (demo.tanaka staff, demo.suzuki operator, demo.sato supervisor, demo.kato counsellor, demo.ito \
                auditor) and 48 cases in every lane and state, by issuing the same domain commands people do. \
                The cases depend only on --seed and --now. A database that holds other cases is refused.
                """)

        @OptionGroup var store: StoreOptions
        @Option(help: "Seed for the demo's choices.") var seed: UInt64 = 1
        @Option(help: ArgumentHelp("The demo's present moment, ISO 8601 (default: now).", valueName: "time"))
        var now: String?

        func run() throws {
            let at = try parseNow(now)
            let path = store.databasePath
            let desk = FileManager.default.fileExists(atPath: path) ? try store.desk(requireKey: true)
                : try Wiring.initialize(path: path, keyFile: store.keyFilePath, displayName: Identity.osDisplayName, at: at).desk
            defer { desk.close() }
            let n = try DemoData(seed: seed, now: at).fill(desk)
            print(store.language == .ja ? "デモの案件 \(n) 件を \(path) に作りました" : "\(n) demo cases in \(path)")
        }
    }
}

func parseNow(_ text: String?) throws -> Date {
    guard let text else { return Date() }
    let f = ISO8601DateFormatter()
    if let d = f.date(from: text) { return d }
    f.formatOptions = [.withFullDate]
    if let d = f.date(from: text) { return d }
    throw ValidationError(say("--now must be an ISO 8601 time like 2026-11-25T09:00:00+09:00", "--now は ISO 8601 の時刻 (2026-11-25T09:00:00+09:00 など) です"))
}
