import DeskApp
import DeskDomain
import DeskStore
import Foundation
import Testing

/// A real desk database in a unique temp directory, removed afterwards.
final class TemporaryDatabase {
    let dir: URL
    let path: String
    let store: SQLiteEventStore
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)   // 2026-09-21, a fixed present

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("mado-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        path = dir.appendingPathComponent("desk.sqlite").path
        store = try SQLiteEventStore.initialize(path: path, supervisor: "tester", displayName: "Tester", at: Self.t0)
    }

    deinit {
        store.close()
        try? FileManager.default.removeItem(at: dir)
    }

    var keyFile: String { SQLiteEventStore.defaultKeyFile(for: path) }

    /// Puts `user` on the staff with `role` (test set-up, straight into the log), unless they are on it.
    func staff(_ user: String, _ role: Role) throws {
        guard try store.staffMember(user) == nil else { return }
        try store.append([.staffAdded(StaffAdded(user: user, displayName: user, role: role))], to: .stream(StreamID("staff-\(user)")),
                         expected: .noStream, actor: "tester", at: Self.t0, newSubjects: [], evidence: [])
    }

    /// The desk acting for `user` (put on the staff with `role` when missing) with its clock at `at`.
    func desk(_ user: String = "tester", _ role: Role = .supervisor, at: Date = TemporaryDatabase.t0) throws -> Desk {
        try staff(user, role)
        return Desk(log: store, reads: store, user: user, clock: { at })
    }

    /// Runs an action on a case as the supervisor, except that an operator drafts reports (a supervisor does not approve
    /// their own draft).
    @discardableResult
    func act(_ action: CaseAction, on id: CaseID, at: Date = TemporaryDatabase.t0) throws -> [DeskEvent] {
        if case .draftReport = action { return try desk("op", .operator, at: at).act(action, on: id) }
        return try desk(at: at).act(action, on: id)
    }

    func registerOrganization(_ id: OrganizationID = "demo-hotel") throws {
        try desk().registerOrganization(OrganizationRegistered(
            id: id, name: "テストホテル", branches: [Branch(name: "新宿", stores: ["本館"])], reportTo: "総務部", language: .ja))
    }

    /// Takes in a case with personal data; returns its id and applicant.
    @discardableResult
    func intake(name: String? = "榊原楓花", phone: String? = "090-7346-2281", email: String? = "kaede@example.jp",
                complaint: String = "フロントで二時間怒鳴られた。鍵盤楽器の検証用文言を三回叫んだ",
                original: Data? = nil, at: Date = TemporaryDatabase.t0) throws -> (CaseID, SubjectID) {
        let outcome = try desk(at: at).takeIn(Submission(
            organization: "demo-hotel", branch: "新宿", store: "本館", channel: .webForm, language: .ja,
            applicant: .init(anonymous: name == nil, name: name, phone: phone, email: email), staff: [.init(name: "佐藤")],
            complaint: complaint, requests: "謝罪してほしい", original: original))
        guard case .new(let id, _, _) = outcome else { throw DeskError.noSuchCase("(a duplicate)") }
        let applicant = try #require(try store.subjects(of: id).first { $0.kind == .applicant }).id
        return (id, applicant)
    }

    /// Runs a command-line tool and returns its exit status and output.
    @discardableResult
    static func run(_ tool: String, _ args: [String], stdin: String? = nil) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        if let stdin {
            let inp = Pipe()
            p.standardInput = inp
            try p.run()
            inp.fileHandleForWriting.write(Data(stdin.utf8))
            try inp.fileHandleForWriting.close()
        } else {
            try p.run()
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A product built beside the test bundle (desk-test-writer, mado).
    static func product(_ name: String) -> String {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug/\(name)").path
    }
}
