import DeskStore
import Foundation
import Testing

/// The real `mado serve` on 127.0.0.1, driven by curl as a partner's server or a monitoring check would.
@Suite("mado serve end to end", .serialized)
struct ServeEndToEndTests {
    /// `mado serve` on a free port; returns the process and the base URL it printed.
    static func start(_ desk: CommandLineTests.Desk, _ extra: [String] = []) throws -> (Process, String, Pipe) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CommandLineTests.mado)
        p.arguments = ["serve", "--db", desk.db, "--listen", "127.0.0.1:0"] + extra
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        // One of the first lines says where it listens.
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !(text.hasSuffix("\n") && text.contains("http://")) {
            let b = err.fileHandleForReading.readData(ofLength: 1)
            if b.isEmpty { break }
            text += String(decoding: b, as: UTF8.self)
        }
        let base = try #require(text.firstMatch(of: /http:\/\/127\.0\.0\.1:\d+/)).output
        return (p, String(base), err)
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

    @Test("a bad --listen is bad usage (exit 64) with a message")
    func refusals() throws {
        let desk = try CommandLineTests.Desk()
        let bad = try CommandLineTests.run(["serve", "--db", desk.db, "--listen", "localhost"])
        #expect(bad.status == 64 && bad.err.contains("--listen must be ADDR:PORT"))
    }
}
