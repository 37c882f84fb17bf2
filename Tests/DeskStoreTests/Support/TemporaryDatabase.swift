import DeskDomain
import DeskStore
import Foundation

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

    static let supervisor = DecisionContext(actor: "tester", role: .supervisor)

    /// The supervisor, except that an operator drafts reports (a supervisor does not approve their own draft).
    static func by(_ c: CaseCommand) -> DecisionContext {
        if case .draftReport = c { return DecisionContext(actor: "op", role: .operator) }
        return supervisor
    }

    func registerOrganization(_ id: OrganizationID = "demo-hotel") throws {
        try store.append([.organizationRegistered(OrganizationRegistered(
            id: id, name: "テストホテル", branches: [Branch(name: "新宿", stores: ["本館"])], reportTo: "総務部", language: .ja))],
            to: id.streamID, expected: .noStream, actor: "tester", at: Self.t0)
    }

    /// Takes in a case with personal data; returns its id and applicant.
    @discardableResult
    func intake(name: String? = "榊原楓花", phone: String? = "090-7346-2281", email: String? = "kaede@example.jp",
                complaint: String = "フロントで二時間怒鳴られた。鍵盤楽器の検証用文言を三回叫んだ",
                original: Data? = nil, at: Date = TemporaryDatabase.t0) throws -> (CaseID, SubjectID) {
        let a = store.keyring.newSubject(.applicant)
        let clerk = store.keyring.newSubject(.staffMember)
        let evidence = try original.map { try store.sealEvidence($0, subject: a) }
        let intake = IntakeRecorded(
            organization: "demo-hotel", branch: "新宿", store: "本館", channel: .webForm, language: .ja,
            applicant: Applicant(subject: a, anonymous: name == nil, name: name.map { Personal($0, owner: a) },
                                 phone: phone.map { Personal($0, owner: a) }, email: email.map { Personal($0, owner: a) }),
            staff: [NamedStaff(subject: clerk, name: Personal("佐藤", owner: clerk))],
            complaint: Personal(complaint, owner: a), requests: Personal("謝罪してほしい", owner: a), evidence: evidence?.hash)
        let id = try store.appendNewCase([.intakeRecorded(intake)], actor: "tester", at: at, evidence: evidence)
        return (id, a)
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
