import DeskStore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The real `mado serve` on 127.0.0.1, driven by curl as a partner's server or a monitoring check would.
@Suite("mado serve end to end", .serialized)
struct ServeEndToEndTests {
    /// `mado serve` on a free port, its log in a file (a pipe nobody reads would fill and stop the server); returns the
    /// process, the base URL it printed and the log's path.
    static func start(_ desk: CommandLineTests.Desk, _ extra: [String] = []) throws -> (Process, String, String) {
        let log = desk.dir.appendingPathComponent("serve-\(UUID().uuidString.prefix(6)).log").path
        FileManager.default.createFile(atPath: log, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CommandLineTests.mado)
        p.arguments = ["serve", "--db", desk.db, "--listen", "127.0.0.1:0"] + extra
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        // One of the first lines says where it listens.
        let deadline = Date().addingTimeInterval(30)
        var base: String?
        while Date() < deadline, base == nil, p.isRunning {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            base = text.split(separator: "\n").lazy.compactMap { $0.firstMatch(of: /http:\/\/127\.0\.0\.1:\d+/) }.first.map { String($0.output) }
            if base == nil { usleep(50_000) }
        }
        if base == nil { p.terminate() }
        return (p, try #require(base, "\((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")"), log)
    }

    static func curl(_ args: [String]) throws -> (code: Int, body: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        p.arguments = ["-s", "-o", "-", "-w", "\n%{http_code}", "--max-time", "20"] + args
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
    }

    @Test("curl gets the form and posts a submission (201, a receipt, no case id); SIGTERM stops it cleanly; the log verifies")
    func serveWithCurl() throws {
        let desk = try CommandLineTests.Desk()
        let before = try desk.events()
        let (server, base, _) = try Self.start(desk)
        defer { if server.isRunning { server.terminate() } }
        let health = try Self.curl([base + "/healthz"])
        #expect(health.code == 200 && health.body == "ok\n")
        let form = try Self.curl(["-H", "Accept-Language: en", base + "/demo-hotel/"])
        #expect(form.code == 200 && form.body.contains("<html lang=\"en\">"))
        let posted = try Self.curl(["-H", "Content-Type: application/json", "--data-binary", CommandLineTests.example,
                                    base + "/demo-hotel/submissions"])
        #expect(posted.code == 201, "\(posted)")
        #expect(posted.body.firstMatch(of: /"receipt":"\d{4}-\d{4}-\d{4}-\d{4}"/) != nil && posted.body.contains("\"case\":null"))
        let refused = try Self.curl(["-H", "Content-Type: application/json", "--data-binary", "{\"form\":1}", base + "/demo-hotel/submissions"])
        #expect(refused.code == 400 && refused.body.contains("\"errors\""))
        // A Content-Length far past the limit is answered before the body is read.
        let huge = try Self.curl(["-H", "Content-Type: application/json", "-H", "Content-Length: 2000000000", "-H", "Expect:",
                                  "--data-binary", "{}", base + "/demo-hotel/submissions"])
        #expect(huge.code == 413)
        kill(server.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(15)
        while server.isRunning, Date() < deadline { usleep(50_000) }
        #expect(!server.isRunning && server.terminationStatus == 0)
        #expect(try desk.events() == before + 1)
        #expect(try CommandLineTests.run(["verify", "--db", desk.db]).status == 0)
    }

    @Test("load: 2,000 submissions from 8 concurrent clients: one case per 201, no duplicates, the chain verifies after a SIGTERM")
    func load() throws {
        let desk = try CommandLineTests.Desk()
        let before = try CommandLineTests.run(["list", "--db", desk.db, "--format", "csv"]).out.split(separator: "\n").count
        let (server, base, _) = try Self.start(desk, ["--per-client", "100000"])
        defer { if server.isRunning { server.terminate() } }
        // Eight curl clients at a time (each its own connection), 2,000 submissions, each its own complaint.
        let body = #"{"form":"mado.webform/1","organization":"demo-hotel","applicant":{"anonymous":true},"complaint":"負荷試験 N","language":"ja"}"#
        // Each answer into its own file, each status a line of one file (2,000 answers are more than a pipe holds).
        let answers = desk.dir.appendingPathComponent("answers")
        try FileManager.default.createDirectory(at: answers, withIntermediateDirectories: true)
        let script = "seq 1 2000 | xargs -P8 -I N /usr/bin/curl -s --max-time 60 -o '\(answers.path)/N' -w '%{http_code}\\n' "
            + "-H 'Content-Type: application/json' --data-binary '\(body)' \(base)/demo-hotel/submissions > '\(answers.path)/codes'"
        let run = try CommandLineTests.run(["-c", script], executable: "/bin/sh")
        let codes = try String(contentsOfFile: answers.appendingPathComponent("codes").path, encoding: .utf8).split(separator: "\n")
        #expect(run.status == 0 && codes.count == 2000 && codes.allSatisfy { $0 == "201" }, "\(Dictionary(grouping: codes, by: { $0 }).mapValues(\.count))")
        let receipts = try (1...2000).compactMap { n -> String? in
            let answer = try String(contentsOfFile: answers.appendingPathComponent("\(n)").path, encoding: .utf8)
            return answer.firstMatch(of: /"receipt":"(\d{4}-\d{4}-\d{4}-\d{4})"/).map { String($0.output.1) }
        }
        kill(server.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(15)
        while server.isRunning, Date() < deadline { usleep(50_000) }
        #expect(!server.isRunning && server.terminationStatus == 0)
        #expect(receipts.count == 2000 && Set(receipts).count == 2000)
        let after = try CommandLineTests.run(["list", "--db", desk.db, "--format", "csv"]).out.split(separator: "\n").count
        #expect(after - before == 2000)
        #expect(try CommandLineTests.run(["verify", "--db", desk.db]).status == 0)
    }

    @Test("a bad --listen is bad usage (exit 64) with a message")
    func refusals() throws {
        let desk = try CommandLineTests.Desk()
        let bad = try CommandLineTests.run(["serve", "--db", desk.db, "--listen", "localhost"])
        #expect(bad.status == 64 && bad.err.contains("--listen must be ADDR:PORT"))
    }
}
