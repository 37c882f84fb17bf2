import DeskDomain
@testable import DeskIntake
import Foundation
import Testing

/// The policy file: the shipped one parses to the built-in table; a broken one is refused with the rule named.
@Suite("policy file")
struct PolicyFileTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var standardText: String {
        (try? String(contentsOf: root.appendingPathComponent("Policies/standard.toml"), encoding: .utf8)) ?? ""
    }

    static func problem(_ text: String) -> String? {
        do {
            _ = try PolicyFile.parse(Data(text.utf8))
            return nil
        } catch {
            return error.description
        }
    }

    /// The standard file with one piece replaced.
    static func edited(_ old: String, _ new: String) -> String {
        precondition(standardText.contains(old), old)
        return standardText.replacingOccurrences(of: old, with: new)
    }

    @Test("Policies/standard.toml parses to the built-in table (scripts/gen-policies.py is up to date) and is sound")
    func standard() throws {
        let t = try PolicyFile.parse(Data(Self.standardText.utf8))
        #expect(t == PolicyTable.standard)
        #expect(t.problems().isEmpty)
        #expect(t.versionTag == "standard/2" && t.effective == LocalDate(2026, 4, 1) && t.minutesThreshold == 30)
        for id in PolicyTable.fixedScripts { #expect(t.script(id) != nil, "\(id)") }
    }

    @Test("every refusal names the rule, script or field at fault", arguments: [
        (edited("id = \"sit-in\"\n", "id = \"sit-in\"\ncolour = \"red\"\n"), "rule sit-in: colour is not a field"),
        (edited("minutes_threshold = 30\n", "minutes_threshold = 30\nowner = \"x\"\n"), "the policy: owner is not a field"),
        (edited("scripts = [\"handover-to-desk\", \"leave-request\"]", "scripts = [\"handover-to-desk\", \"go-away\"]"),
         "rule sit-in: script go-away is not defined"),
        (edited("when_any = [\"earlierContacts >= 3\"]", "when_any = [\"minutesSpent >= 45\"]"),
         "rule repeat-contact: unreachable, rule too-long matches every case it would"),
        (edited("id = \"danger\"\nwhen_any = [\"weaponOrPhysicalContact\", \"threatToLifeOrArson\"]", "id = \"danger\"\nwhen_any = []"),
         "rule sit-in: unreachable, rule danger before it matches everything"),
        (edited("when_any = [\"refusesToLeave\"]", "when_any = [\"refusesToGo\"]"), "rule sit-in: refusesToGo is not a condition"),
        (edited("lane = \"complaint\"", "lane = \"ordinary\""), "rule ordinary-complaint: lane must be one of danger, handover, complaint"),
        (edited("actions = [\"call110\", \"secondStaff\", \"preserveEvidence\", \"employeeCare\"]", "actions = [\"secondStaff\"]"),
         "rule danger: a danger rule must require call110"),
        (edited("id = \"ordinary-complaint\"\nwhen_any = []", "id = \"ordinary-complaint\"\nwhen_any = [\"apologyDemand\"]"),
         "the last rule must have no conditions"),
        (edited("[script.no-progress-answers]", "[script.no-progress]"),
         "script no-progress-answers is required (a fixed script the console offers) but not defined"),
        (edited("leaflet = \"desk-leaflet\"\nactions = [\"preserveEvidence\"]", "leaflet = \"flyer\"\nactions = [\"preserveEvidence\"]"),
         "rule repeat-contact: leaflet flyer is not defined"),
        (edited("when_any = [\"minutesSpent >= 30\"]", "when_any = [\"minutesSpent >= thirty\"]"),
         "rule too-long: minutesSpent >= thirty: the threshold must be a whole number"),
        (edited("when_any = [\"apologyDemand\"]", "when_any = [\"apologyDemand >= 2\"]"),
         "rule kneeling-apology: apologyDemand is yes/no; its threshold is 1"),
        (edited("effective = 2026-04-01", "effective = \"April\""), "the policy: effective must be a date"),
        (edited("version = \"2\"\n", "version = \"2\"\nversion = \"3\"\n"), "line 8: Error while parsing key-value pair: cannot redefine existing string 'version'"),
        ("id = \"x\"\nversion = \"1\"\neffective = 2026-01-01\n", "the policy has no [[rule]] tables"),
        (edited("when_any = [\"earlierContacts >= 3\"]", "when_any = [\"earlierContacts >= 99999\"]"),
         "rule repeat-contact: earlierContacts must be at least 1 and at most 10000"),
        (edited("en = \"We cannot continue. We are calling the police.\"", "en = \"We cannot continue.\\u001b[2J\""),
         "script danger-stop: text must be printable, on one line"),
    ])
    func refusals(_ text: String, _ expected: String) {
        let p = Self.problem(text)
        #expect(p?.contains(expected) == true, "got: \(p ?? "no problem")")
    }

    @Test("a file that is not UTF-8, too large, or carries terminal escapes is refused safely")
    func hostileFiles() {
        #expect(throws: PolicyProblem("the policy file is not valid UTF-8")) { try PolicyFile.parse(Data([0x69, 0x64, 0xFF, 0xFE])) }
        #expect((try? PolicyFile.parse(Data(count: PolicyFile.maxBytes + 1))) == nil)
        let p = Self.problem(Self.edited("id = \"sit-in\"\n", "id = \"sit-in\"\n\"\\u001b[2J\" = 1\n")) ?? ""
        #expect(p.contains("rule sit-in") && !p.contains("\u{1B}"))
    }

    @Test("an organization's copy with its own minutes threshold decides by it")
    func ownThreshold() throws {
        let text = Self.edited("minutes_threshold = 30", "minutes_threshold = 20")
            .replacingOccurrences(of: "minutesSpent >= 30", with: "minutesSpent >= 20")
            .replacingOccurrences(of: "id = \"standard\"", with: "id = \"city-hall\"")
        let t = try PolicyFile.parse(Data(text.utf8))
        var f = FactSheet()
        f.minutesSpent = 25
        #expect(t.decide(f).rule == "too-long" && t.decide(f).policyVersion == "city-hall/2")
        #expect(PolicyTable.standard.decide(f).rule == "ordinary-complaint")
    }
}
