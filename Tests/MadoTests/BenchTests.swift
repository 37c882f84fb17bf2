import Foundation
import Testing

/// `mado bench store` drives the product's own store: its files verify and rebuild like any desk's.
/// Timings are printed by the command, never asserted here.
@Suite("bench store", .serialized)
struct BenchTests {
    static func json(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test("a small W3 and R1, sealed and not, then verify and rebuild on the same file")
    func w3ThenR1() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mado-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for sealed in [false, true] {
            let db = dir.appendingPathComponent(sealed ? "sealed.sqlite" : "plain.sqlite").path
            let flag = sealed ? ["--sealed"] : []
            let w3 = try CommandLineTests.run(["bench", "store", "W3", "--db", db, "--events", "300", "--seed", "7"] + flag)
            #expect(w3.status == 0, "\(w3.err)")
            let a = try Self.json(w3.out)
            #expect(a["impl"] as? String == (sealed ? "mado-sealed" : "mado") && a["workload"] as? String == "W3")
            #expect(a["events"] as? Int == 300 && a["ops"] as? Int == 30)
            for key in ["seconds", "events_per_s", "p50_ms", "p99_ms", "notes", "ops_per_s"] { #expect(a[key] != nil, "\(key)") }
            // Where the appends' time went, phase by phase (printed, not judged).
            let breakdown = try #require(a["breakdown_s"] as? [String: Double])
            #expect(Set(breakdown.keys) == ["json", "begin", "sql_log", "hash", "projections", "search_index", "commit"])
            let r1 = try CommandLineTests.run(["bench", "store", "R1", "--seed", "7", "--db", db, "--loads", "5"] + flag)
            let b = try Self.json(r1.out)
            #expect(r1.status == 0 && b["events"] as? Int == 341 && b["chain_ok"] as? Bool == true)   // + the staff records
            #expect((b["notes"] as? String)?.contains("cases=30") == true)
            #expect(try CommandLineTests.run(["verify", "--db", db]).out.contains("chain verified: 341 events"))
            #expect(try CommandLineTests.run(["rebuild", "--db", db]).status == 0)
            #expect(try CommandLineTests.run(["list", "--format", "csv", "--db", db]).out.split(separator: "\n").count == 31)
            let raw = try ["", "-wal"].map { (try? String(contentsOfFile: db + $0, encoding: .isoLatin1)) ?? "" }.joined()
            // The pass-through file is for benchmarks only; the sealed one holds no Japanese text in clear.
            #expect(raw.contains("\"nonce\":\"\"") != sealed)
        }
    }

    @Test("bench store with no workload runs all six into a table whose columns line up")
    func table() throws {
        let r = try CommandLineTests.run(["bench", "store", "--events", "200", "--loads", "20"])
        #expect(r.status == 0, "\(r.err)")
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 7 && lines.dropFirst().map { String($0.prefix(2)) } == ["W1", "W2", "W3", "W4", "R1", "R2"])
        // Every row's notes start under the header's.
        let column = try #require(lines.first?.range(of: "notes")?.lowerBound.utf16Offset(in: lines[0]))
        for line in lines.dropFirst() { #expect(line.dropFirst(column - 2).hasPrefix("  ") && line.count > column, "\(line)") }
        #expect(lines.dropFirst().allSatisfy { $0.dropFirst(column).first != " " })
    }

    @Test("bench ui runs the console headless on a database it creates, and reports every figure")
    func ui() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mado-bench-ui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("ui.sqlite").path
        let r = try CommandLineTests.run(["bench", "ui", "--db", db, "--cases", "300", "--keys", "120", "--width", "100", "--height", "30"])
        #expect(r.status == 0, "\(r.err)")
        let o = try Self.json(r.out)
        #expect(o["workload"] as? String == "ui" && o["cases"] as? Int == 300 && o["keys"] as? Int == 120)
        for key in ["first_frame_ms", "whole_queue_ms", "key_p50_ms", "key_p99_ms", "rss_first_frame_mb", "rss_loaded_mb", "rss_end_mb"] {
            #expect((o[key] as? Double ?? 0) > 0, "\(key)")
        }
        #expect((o["bytes_per_key"] as? Int ?? 0) > 0)      // scrolling redrew something
        // The file is an ordinary desk database: it verifies, and the queue lists every case.
        #expect(try CommandLineTests.run(["verify", "--db", db]).status == 0)
        #expect(try CommandLineTests.run(["list", "--format", "csv", "--db", db]).out.split(separator: "\n").count == 301)
        let bad = try CommandLineTests.run(["bench", "ui", "--cases", "0"])
        #expect(bad.status == 64 && bad.err.contains("--cases must be 1 to 2,000,000"))
    }

    @Test("W4: several processes, nothing lost or duplicated, and the command says so")
    func w4() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mado-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CommandLineTests.run(["bench", "store", "W4", "--writers", "3", "--events", "200", "--db",
                                          dir.appendingPathComponent("w4.sqlite").path])
        #expect(r.status == 0, "\(r.err)")
        let o = try Self.json(r.out)
        let check = try #require(o["check"] as? [String: Any])
        #expect(check["ok"] as? Bool == true && check["lost"] as? Int == 0 && check["duplicated"] as? Int == 0)
        #expect(check["rows"] as? Int == 601 && o["events"] as? Int == 600)
    }

    @Test("bad options are usage errors")
    func usage() throws {
        #expect(try CommandLineTests.run(["bench", "store", "W9", "--db", "/tmp/x"]).status == 64)
        #expect(try CommandLineTests.run(["bench", "store", "W1"]).status == 64)
    }
}
