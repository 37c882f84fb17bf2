import ArgumentParser
import DeskDomain
import DeskStore
import Foundation
@testable import mado
import Testing

/// Drives the real `mado` binary on temp databases, as a person or a script would.
@Suite("mado command line", .serialized)
struct CommandLineTests {
    static var mado: String {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let c = dir.appendingPathComponent("mado").path
            if FileManager.default.isExecutableFile(atPath: c) { return c }
            dir = dir.deletingLastPathComponent()
        }
        return ".build/debug/mado"
    }

    final class Desk {
        let dir: URL
        var db: String { dir.appendingPathComponent("desk.sqlite").path }
        init(demo: Bool = true) throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("mado-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try #require(try CommandLineTests.run(["init", "--db", db]).status == 0)
            if demo { try #require(try CommandLineTests.run(["demo", "--db", db, "--now", "2026-11-25T09:00:00+09:00"]).status == 0) }
        }
        deinit { try? FileManager.default.removeItem(at: dir) }
        func events() throws -> Int {
            let s = try SQLiteEventStore.open(path: db)
            defer { s.close() }
            return try s.eventCount()
        }
        func write(_ name: String, _ text: String) -> String {
            let p = dir.appendingPathComponent(name).path
            FileManager.default.createFile(atPath: p, contents: Data(text.utf8))
            return p
        }
    }

    struct Result { let status: Int32; let out: String; let err: String }

    /// The OS user the tests run as (the first supervisor of every test desk).
    static var osUser: String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return "uid-\(geteuid())"
    }

    static func run(_ args: [String], stdin: Data? = nil, executable: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable ?? mado)
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["COLUMNS"] = "80"
        env["MADO_DB"] = nil
        p.environment = env
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(stdin) }
        try inp.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    static let example = #"""
        {"form":"mado.webform/1","organization":"demo-hotel","branch":"新宿","store":"本館",
         "occurredAt":"2026-10-01T14:30:00+09:00","applicant":{"anonymous":false,"name":"山田 花子","phone":"090-0000-0000"},
         "staff":[{"name":"佐藤","characteristics":"眼鏡の男性"}],"complaint":"長時間待たされた。","requests":"改善",
         "feedbackWanted":true,"language":"ja"}
        """#

    @Test("the subcommands parse, and bad usage is a validation error")
    func parsing() throws {
        #expect(try Mado.parseAsRoot(["list", "--format", "csv", "--db", "x"]) is Mado.List)
        #expect(try Mado.parseAsRoot(["subject", "erase", "s-0000000000000001", "--reason", "r", "--yes"]) is Mado.Subject.Erase)
        #expect(throws: (any Error).self) { try Mado.parseAsRoot(["list", "--format", "xml"]) }
        #expect(Mado.exitCode(for: ValidationError("x")) == ExitCode(64))
    }

    @Test("every subcommand has --help")
    func help() throws {
        for cmd in [[], ["init"], ["staff", "add"], ["demo"], ["intake"], ["note"], ["list"], ["show"], ["verify"], ["rebuild"], ["backup"], ["restore"],
                    ["subject", "list"], ["subject", "erase"], ["report"], ["report", "case"], ["report", "monthly"], ["reject"],
                    ["enquiry"], ["decision"], ["feedback"], ["task"], ["task", "done"], ["evidence"], ["review"], ["close"]] {
            let r = try Self.run(cmd + ["--help"])
            #expect(r.status == 0 && r.out.contains("USAGE:"), "\(cmd)")
        }
        let intake = try Self.run(["intake", "--help"]).out
        #expect(intake.contains("--json <path>") && intake.contains("--eml <path>") && intake.contains("web-form submission"))
    }

    @Test("demo fills 48 cases across organizations, lanes and states, and the chain verifies")
    func demo() throws {
        let desk = try Desk()
        let json = try Self.run(["list", "--format", "json", "--db", desk.db])
        let rows = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [[String: Any]]
        #expect(rows.count == 48)
        #expect(Set(rows.map { $0["organization"] as! String }).count == 4)
        #expect(Set(rows.compactMap { $0["lane"] as? String }.filter { !$0.isEmpty }) == ["danger", "handover", "complaint"])
        #expect(Set(rows.map { $0["state"] as! String }) == Set(CaseStatus.allCases.map(\.rawValue)))
        #expect(try Self.run(["verify", "--db", desk.db]).status == 0)
        #expect(try Self.run(["demo", "--db", desk.db]).status == 1)     // refuses a database with cases
    }

    @Test("demo data depends only on the seed and the time")
    func demoIsReproducible() throws {
        let a = try Desk(), b = try Desk()
        let la = try Self.run(["list", "--format", "csv", "--db", a.db]).out
        let lb = try Self.run(["list", "--format", "csv", "--db", b.db]).out
        #expect(la == lb && la.split(separator: "\n").count == 49)
        #expect(la.hasPrefix("id,organization,"))
    }

    @Test("intake prints the new case id; show displays it; a re-import is not duplicated")
    func intakeAndShow() throws {
        let desk = try Desk()
        let file = desk.write("ok.json", Self.example)
        let r = try Self.run(["intake", "--json", file, "--db", desk.db])
        #expect(r.status == 0 && r.out == "C-000049\n")
        let show = try Self.run(["show", "C-000049", "--db", desk.db])
        #expect(show.status == 0)
        #expect(show.out.contains("山田 花子") && show.out.contains("長時間待たされた。") && show.out.contains("report due"))
        let again = try Self.run(["intake", "--json", "-", "--db", desk.db], stdin: Data(Self.example.utf8))
        #expect(again.status == 0 && again.out == "C-000049\n" && again.err.contains("already taken in"))
        #expect(try Self.run(["list", "--format", "csv", "--db", desk.db]).out.split(separator: "\n").count == 50)
    }

    @Test("show prints a marker for every character that draws nothing or hides text, never the character (issue 17)")
    func showMarkers() throws {
        let desk = try Desk()
        let hidden = "a\u{200B}b\u{200C}c\u{200D}d\u{2060}e\u{FEFF}f\u{180E}g\u{AD}h\u{61C}i\u{200E}\u{200F}\u{202A}\u{202E}\u{2066}\u{2069}"
            + "j\u{E0001}\u{E0020}\u{E0068}\u{E0069}\u{E007F}k\u{600}l\u{110BD}m\u{3164}n\u{1B}]52;c;SGVsbG8=\u{07}o\u{85}"
        let markers = ["<U+200B>", "<U+200C>", "<U+200D>", "<U+2060>", "<U+FEFF>", "<U+180E>", "<U+00AD>", "<U+061C>", "<U+200E>",
                       "<U+200F>", "<U+202A>", "<U+202E>", "<U+2066>", "<U+2069>", "<U+E0001>", "<U+E0020>", "<U+E0068>", "<U+E0069>",
                       "<U+E007F>", "<U+0600>", "<U+110BD>", "<U+3164>", "␛]52;c;SGVsbG8=␇", "<U+0085>"]
        let t = try Self.run(["transcribe", "--db", desk.db, "--org", "demo-hotel", "--recording", "rec-zw", "--at", "2026-11-24T22:15:00+09:00",
                              "--text", hidden])
        #expect(t.status == 0, "\(t.err)")
        let id = t.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try Self.run(["note", id, "--db", desk.db, "--text", "メモ " + hidden]).status == 0)
        #expect(try Self.run(["handover", "--db", desk.db, "--org", "demo-hotel", "--complaint", hidden, "--words", hidden]).status == 0)
        for case_ in [id, "C-000050"] {
            let show = try Self.run(["show", case_, "--db", desk.db])
            #expect(show.status == 0)
            for m in markers { #expect(show.out.contains(m), "\(case_): \(m) missing in\n\(show.out)") }
            let raw = show.out.unicodeScalars.filter { Sanitizer.isHidden($0) && $0 != "\n" }
            #expect(raw.isEmpty, "\(case_): \(raw.map(Sanitizer.marker))")
        }
        // What is stored is what was given: the original keeps the characters, exactly.
        let evidence = try Self.run(["evidence", id, "--db", desk.db, "--save", "0", "--out", desk.dir.appendingPathComponent("orig").path])
        #expect(evidence.status == 0, "\(evidence.err)")
        let original = try String(contentsOfFile: desk.dir.appendingPathComponent("orig").path, encoding: .utf8)
        #expect(original.hasSuffix(hidden), "\(original.debugDescription)")
    }

    @Test("bad web-form input is refused with the field named, exit 1, and nothing appended")
    func badInput() throws {
        let desk = try Desk()
        let before = try desk.events()
        let cases: [(String, String)] = [
            (Self.example.replacingOccurrences(of: #""complaint":"長時間待たされた。""#, with: #""complaint":5"#), "complaint"),
            (Self.example.replacingOccurrences(of: #""language":"ja""#, with: #""language":"ja","surprise":1"#), "surprise"),
            (Self.example.replacingOccurrences(of: "demo-hotel", with: "no-such-org"), "organization"),
            (Self.example.replacingOccurrences(of: #""complaint":"長時間待たされた。","#, with: ""), "complaint"),
            (Self.example.replacingOccurrences(of: "長時間待たされた。", with: String(repeating: "あ", count: 20_001)), "20000"),
            (Self.example.replacingOccurrences(of: "長時間待たされた。", with: "a\\u0000b"), "NUL"),
            (Self.example.replacingOccurrences(of: "\"name\":\"山田 花子\"", with: "\"name\":\"\\u001b[2J\""), ""),
            ("{", "JSON"),
            ("[]", "object"),
        ]
        for (i, (text, field)) in cases.enumerated() {
            let r = try Self.run(["intake", "--json", desk.write("bad\(i).json", text), "--db", desk.db])
            if field.isEmpty { continue }
            #expect(r.status == 1, "case \(i)")
            #expect(r.err.contains(field), "case \(i): \(r.err)")
            #expect(!r.err.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "case \(i)")
        }
        var bytes = Data(Self.example.utf8)
        bytes.replaceSubrange(bytes.range(of: Data("長時間".utf8))!, with: Data([0xFF, 0xFE]))
        let bad = desk.dir.appendingPathComponent("utf8.json").path
        FileManager.default.createFile(atPath: bad, contents: bytes)
        let r = try Self.run(["intake", "--json", bad, "--db", desk.db])
        #expect(r.status == 1 && r.err.contains("complaint") && r.err.contains("UTF-8"))
        // The escape-sequence name was accepted (it is text, shown safely), so exactly one intake was appended.
        #expect(try desk.events() == before + 1)
    }

    @Test("show never lets an escape sequence reach the terminal")
    func showSanitizes() throws {
        let desk = try Desk()
        let hostile = Self.example.replacingOccurrences(of: "長時間待たされた。", with: "\\u001b]0;pwned\\u0007\\u001b[2J\\u202e逆")
        #expect(try Self.run(["intake", "--json", desk.write("h.json", hostile), "--db", desk.db]).status == 0)
        for args in [["show", "C-000049"], ["list"], ["list", "--format", "csv"], ["list", "--format", "json"]] {
            let out = try Self.run(args + ["--db", desk.db]).out
            #expect(!out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E }, "\(args)")
        }
        #expect(try Self.run(["show", "C-000049", "--db", desk.db]).out.contains("␛[2J"))
    }

    @Test("verify exits 65 (a data error) and names the position of an edited event")
    func verifyTampered() throws {
        let desk = try Desk()
        let sql = "DROP TRIGGER events_no_update; UPDATE events SET payload = payload || ' ' WHERE position = 77;"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [desk.db, sql]
        try p.run()
        p.waitUntilExit()
        let r = try Self.run(["verify", "--db", desk.db])
        #expect(r.status == 65 && r.err.contains("position 77"))
    }

    @Test("anchor prints the signed head last; verify --anchor holds it, and names the first missing position once the tail is cut")
    func anchorAndVerify() throws {
        let desk = try Desk()
        let a = try Self.run(["anchor", "--db", desk.db])
        let line = try #require(a.out.split(separator: "\n").last.map(String.init))
        #expect(a.status == 0 && line.hasPrefix("mado-anchor-v1 "))
        let file = desk.dir.appendingPathComponent("anchor.txt").path
        try ("kept by the organization\n" + line + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let ok = try Self.run(["verify", "--db", desk.db, "--anchor", file])
        #expect(ok.status == 0 && ok.out.contains("holds"), "\(ok.err)")
        let deep = try Self.run(["verify", "--deep", "--db", desk.db])
        #expect(deep.status == 0 && deep.out.contains("deep check"), "\(deep.err)")
        let position = try #require(Int(line.split(separator: " ")[1]))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [desk.db, "DROP TRIGGER events_no_delete; DELETE FROM events WHERE position > \(position - 3);"]
        try p.run()
        p.waitUntilExit()
        #expect(try Self.run(["verify", "--db", desk.db]).status == 0)
        let cut = try Self.run(["verify", "--db", desk.db, "--anchor", line])
        #expect(cut.status == 65 && cut.err.contains("position \(position - 2)") && cut.err.contains("missing"), "\(cut.err)")
        #expect(try Self.run(["verify", "--db", desk.db, "--anchor", "mado-anchor-v1 12"]).status == 64)
    }

    @Test("rebuild after the demo gives the same tables")
    func rebuild() throws {
        let desk = try Desk()
        let s = try SQLiteEventStore.open(path: desk.db)
        let live = try s.projectionSnapshot()
        s.close()
        #expect(try Self.run(["rebuild", "--db", desk.db]).status == 0)
        let s2 = try SQLiteEventStore.open(path: desk.db)
        defer { s2.close() }
        #expect(try s2.projectionSnapshot() == live)
    }

    @Test("staff management: add, list and remove; removed users are refused")
    func staff() throws {
        let desk = try Desk(demo: false)
        #expect(try Self.run(["staff", "add", "yamada", "--role", "operator", "--name", "山田", "--db", desk.db]).status == 0)
        let list = try Self.run(["staff", "list", "--db", desk.db]).out
        #expect(list.contains("yamada\toperator\tactive\t山田"))
        #expect(try Self.run(["staff", "add", "x", "--role", "boss", "--name", "X", "--db", desk.db]).status == 64)
        #expect(try Self.run(["staff", "remove", "yamada", "--db", desk.db]).status == 0)
        #expect(try Self.run(["staff", "list", "--db", desk.db]).out.contains("yamada\toperator\tremoved"))
    }

    @Test("subject erase removes the statement from show, and erasing twice is refused")
    func erase() throws {
        let desk = try Desk()
        #expect(try Self.run(["intake", "--json", desk.write("p.json", Self.example), "--db", desk.db]).status == 0)
        let list = try Self.run(["subject", "list", "--case", "C-000049", "--format", "json", "--db", desk.db])
        let subjects = try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as! [[String: Any]]
        let applicant = try #require(subjects.first { $0["kind"] as? String == "applicant" })
        #expect(applicant["name"] as? String == "山田 花子")
        let id = applicant["id"] as! String
        let noConfirm = try Self.run(["subject", "erase", id, "--reason", "本人の請求", "--db", desk.db], stdin: Data("no\n".utf8))
        #expect(noConfirm.status == 1 && noConfirm.out.contains("intake recorded: complaint"))
        #expect(try Self.run(["subject", "erase", id, "--reason", "本人の請求", "--yes", "--db", desk.db]).status == 0)
        let show = try Self.run(["show", "C-000049", "--db", desk.db]).out
        #expect(!show.contains("長時間待たされた。") && !show.contains("山田 花子") && show.contains("削除済み / erased"))
        let twice = try Self.run(["subject", "erase", id, "--reason", "x", "--yes", "--db", desk.db])
        #expect(twice.status == 1 && twice.err.contains("already erased"))
        #expect(try Self.run(["verify", "--db", desk.db]).status == 0)
    }

    @Test("without a terminal the bare command says the console needs one")
    func bare() throws {
        let r = try Self.run(["--demo"])
        #expect(r.status == 1 && r.err.contains("needs a terminal"))
    }

    @Test("a failed init leaves nothing behind, and a later init works")
    func failedInit() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mado-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("d.sqlite").path
        let r = try Self.run(["init", "--db", db, "--key-file", "/nonexistent/dir/k"])
        #expect(r.status == 1 && r.err.contains("key file"))
        #expect(!FileManager.default.fileExists(atPath: db))
        #expect(try Self.run(["init", "--db", db]).status == 0)
        let attrs = try FileManager.default.attributesOfItem(atPath: db)
        #expect((attrs[.posixPermissions] as? Int).map { $0 & 0o007 } == 0)     // nothing for others
    }

    @Test("the desk's last supervisor cannot demote or remove themselves")
    func lastSupervisor() throws {
        let desk = try Desk(demo: false)
        let me = ProcessInfo.processInfo.userName
        let r = try Self.run(["staff", "add", me, "--role", "staff", "--name", "x", "--db", desk.db])
        #expect(r.status == 1 && r.err.contains("last supervisor"))
    }

    @Test("intake refuses keys given twice, blank staff names, and branches or stores the organization does not have")
    func stricterIntake() throws {
        let desk = try Desk()
        let before = try desk.events()
        let cases: [(String, String)] = [
            (Self.example.replacingOccurrences(of: #""language":"ja""#, with: #""language":"ja","language":"en""#), "language"),
            (Self.example.replacingOccurrences(of: #""name":"佐藤""#, with: #""name":" ""#), "staff[0].name"),
            (Self.example.replacingOccurrences(of: #""branch":"新宿""#, with: #""branch":"山田 090-1234-5678""#), "branch"),
            (Self.example.replacingOccurrences(of: #""store":"本館""#, with: #""store":"西口店""#), "store"),
        ]
        for (i, (text, field)) in cases.enumerated() {
            let r = try Self.run(["intake", "--json", desk.write("s\(i).json", text), "--db", desk.db])
            #expect(r.status == 1 && r.err.contains(field), "case \(i): \(r.err)")
        }
        #expect(try desk.events() == before)
    }

    @Test("CSV output never lets a spreadsheet run an applicant's text as a formula")
    func csvFormula() throws {
        let desk = try Desk()
        let evil = Self.example.replacingOccurrences(of: "長時間待たされた。", with: "=HYPERLINK(\\\"http://x\\\")")
        #expect(try Self.run(["intake", "--json", desk.write("f.json", evil), "--db", desk.db]).status == 0)
        let csv = try Self.run(["list", "--format", "csv", "--db", desk.db]).out
        let line = try #require(csv.split(separator: "\n").first { $0.hasPrefix("C-000049,") })
        #expect(line.contains(",\"'=HYPERLINK("))
    }

    @Test("a disclosure export is written for its owner only and logged")
    func exportFile() throws {
        let desk = try Desk()
        #expect(try Self.run(["intake", "--json", desk.write("p.json", Self.example), "--db", desk.db]).status == 0)
        let list = try Self.run(["subject", "list", "--case", "C-000049", "--format", "json", "--db", desk.db])
        let subjects = try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as! [[String: Any]]
        let id = try #require(subjects.first { $0["kind"] as? String == "applicant" }?["id"] as? String)
        let out = desk.dir.appendingPathComponent("disclosure.json").path
        let r = try Self.run(["subject", "export", id, "--reason", "開示請求", "--output", out, "--db", desk.db])
        #expect(r.status == 0, "\(r.err)")
        let attrs = try FileManager.default.attributesOfItem(atPath: out)
        #expect(attrs[.posixPermissions] as? Int == 0o600)
        let doc = try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: out))) as! [String: Any]
        let values = (doc["fields"] as! [[String: Any]]).map { $0["value"] as! String }
        #expect(values.contains("山田 花子") && values.contains("長時間待たされた。") && !values.contains("佐藤"))
        let again = try Self.run(["subject", "export", id, "--reason", "x", "--output", out, "--db", desk.db])
        #expect(again.status == 1 && again.err.contains("exists"))
    }
}
