import DeskDomain
import DeskStore
import Foundation
import Testing

/// Several people acting on one case at once, each from their own process: optimistic concurrency, no lost update.
@Suite("conflicting actions", .serialized)
struct ConcurrentActionsTests {
    @Test("three processes move one case to other lanes at once: each succeeds or is told the case changed; nothing is lost",
          arguments: 1...3)
    func threeProcesses(_ round: Int) throws {
        let desk = try CommandLineTests.Desk()
        let targets = ["danger", "complaint", round % 2 == 0 ? "danger" : "complaint"]
        let procs: [(Process, Pipe)] = try targets.enumerated().map { i, lane in
            let p = Process(), err = Pipe()
            p.executableURL = URL(fileURLWithPath: CommandLineTests.mado)
            p.arguments = ["lane", "C-000003", "--to", lane, "--reason", "同時操作 \(i)", "--db", desk.db]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = err
            return (p, err)
        }
        for (p, _) in procs { try p.run() }
        var outcomes: [(Int32, String)] = []
        for (p, err) in procs {
            let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            outcomes.append((p.terminationStatus, e))
        }
        for (status, err) in outcomes where status != 0 {
            #expect(status == 1 && (err.contains("changed meanwhile") || err.contains("already in the")), "\(err)")
        }
        let s = try SQLiteEventStore.open(path: desk.db)
        defer { s.close() }
        let overrides = try s.load(CaseID(number: 3).streamID).compactMap { e -> LaneOverridden? in
            if case .laneOverridden(let o) = e.event { o } else { nil }
        }
        #expect(overrides.count == outcomes.filter { $0.0 == 0 }.count && !overrides.isEmpty)
        // Each override starts from the lane the one before it left: none was decided on a stale case.
        var lane = "handover"
        for o in overrides {
            #expect(o.from?.rawValue == lane)
            lane = o.to.rawValue
        }
        #expect(try s.caseSummary(CaseID(number: 3))?.lane?.rawValue == lane)
        #expect(try s.verify().firstBad == nil)
    }
}
