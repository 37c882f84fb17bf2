import DeskApp
import DeskDomain
@testable import DeskStore
@testable import DeskTUI
import Foundation
import Testing

/// Every golden screen speaks the desk's words: no stored name (`intakeRecorded`), no policy id (`kneeling-apology`).
@Suite("the desk's words on every screen", .serialized)
struct VocabularyScreenTests {
    /// English words written with a hyphen, which are not ids.
    static let hyphenWords: Set<String> = ["e-mail", "read-only", "off-site", "co-worker", "police-ladder", "end-of-call", "re-open"]

    /// What people type on the `:` line and in config.toml (`:page-up`): words of the console's own, like its keys.
    static let commands = Set(KeyAction.allCases.map(\.command))

    /// The identifiers in `text`: camelCase words and lower-case words joined by hyphens. Organization ids (`demo-hotel`)
    /// are the desk's own names for its organizations, like case numbers, and are allowed.
    static func identifiers(in text: String) -> [String] {
        let pattern = #"(?<![A-Za-z\-])(?:[a-z]+[A-Z][A-Za-z]*|[a-z]+(?:-[a-z]+)+)(?![A-Za-z])"#
        let re = try! NSRegularExpression(pattern: pattern)
        let ns = text as NSString
        return re.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
            .filter { !hyphenWords.contains($0.lowercased()) && !$0.hasPrefix("demo-") && !commands.contains($0) }
    }

    static var screenFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: Golden.dir.path)) ?? [])
            .filter { $0.hasSuffix(".txt") && !$0.hasSuffix(".roles.txt") }.sorted()
    }

    @Test("the check finds camelCase and hyphen-joined ids, not English words, case numbers, dates or keys")
    func check() {
        #expect(Self.identifiers(in: "11-08 20:18  intakeRecorded  demo.tanaka") == ["intakeRecorded"])
        #expect(Self.identifiers(in: "rule kneeling-apology (standard/2)  leaflet desk-leaflet") == ["kneeling-apology", "desk-leaflet"])
        #expect(Self.identifiers(in: "minutesSpent=40, apologyDemand") == ["minutesSpent", "apologyDemand"])
        #expect(Self.identifiers(in: "C-000050 2026-12-07 PgUp/PgDn e-mail End-of-call read-only demo-hotel s-0123456789abcdef").isEmpty)
    }

    @Test("no golden screen, in any language, shows an identifier")
    func goldenScreens() throws {
        let files = Self.screenFiles
        #expect(files.count >= 20, "the golden screens are missing from \(Golden.dir.path)")
        for f in files {
            let text = try String(contentsOf: Golden.dir.appendingPathComponent(f), encoding: .utf8)
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let ids = Self.identifiers(in: String(line))
                #expect(ids.isEmpty, "\(f):\(i + 1): \(ids.joined(separator: " ")) in \(line)")
            }
        }
    }

    @Test("the assessment form offers the validity, the means and the behaviour types in words", arguments: Language.allCases)
    func assessForm(_ lang: Language) throws {
        let desk = try DemoDesk()
        var m = try desk.model(Size(width: 100, height: 30), lang, focus: .detail)
        let id = try #require(m.selectedID)
        m.prompt = .assessForm(AssessForm(behaviours: [.timeRestraint, .offSiteSummons]), id)
        let s = view(m)
        if let diff = Golden.check(s, "assess-\(lang.rawValue)-100x30") { Issue.record(Comment(rawValue: diff)) }
        let text = s.textLines.joined(separator: "\n")
        #expect(text.contains(DemandValidity.unclear.label(lang)) || text.contains(DemandValidity.valid.label(lang)))
        #expect(text.contains(BehaviourType.offSiteSummons.label(lang)) && !text.contains("offSiteSummons"))
    }

    @Test("the help overlay in Japanese too")
    func helpInJapanese() throws {
        let desk = try DemoDesk()
        var m = try desk.model(Size(width: 100, height: 40), .ja, role: .auditor)
        m.readOnly = true
        _ = update(&m, .keyPressed(.char("?")))
        if let diff = Golden.check(view(m), "help-auditor-ja-100x40") { Issue.record(Comment(rawValue: diff)) }
    }

    @Test("the erasure dialog names the event and the fields in words, in Japanese too")
    func erasureInJapanese() throws {
        let desk = try DemoDesk()
        var m = try desk.model(Size(width: 120, height: 30), .ja, focus: .detail)
        let id = try #require(m.selectedID)
        let subjects = try desk.desk.subjects(of: id)
        let applicant = try #require(subjects.first { $0.kind == .applicant })
        let impact = try desk.desk.erasureImpact(applicant.id)
        // Subject ids are random: the golden screen shows a fixed one.
        let fixed = SubjectRow(id: SubjectID("s-0123456789abcdef"), kind: applicant.kind, cases: applicant.cases, erasedAt: nil,
                               name: applicant.name)
        m.prompt = .confirmErase(fixed, reason: "保存期間 2026-11", impact, eraseFocused: false)
        let s = view(m)
        if let diff = Golden.check(s, "erase-confirm-ja-120x30") { Issue.record(Comment(rawValue: diff)) }
        let text = s.textLines.joined(separator: "\n")
        #expect(text.contains("個人データの消去 s-0123456789abcdef") && text.contains("受付の苦情の内容"))
        #expect(!text.contains("intakeRecorded") && !text.contains("(applicant)"))
    }
}
