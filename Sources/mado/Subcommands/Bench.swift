import ArgumentParser
import DeskDomain
import Foundation

extension Mado {
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure the desk's own store on this machine.",
            subcommands: [BenchStore.self, BenchUI.self, BenchWriter.self, BenchRebuildWriter.self])
    }

    struct BenchStore: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "store",
            abstract: "Append and replay workloads through the product's real store; one JSON line per run.",
            discussion: """
                W1: 20,000 single-event appends, synchronous=FULL. W2: the same, NORMAL. W3: 10,000 appends of 10 \
                events. W4: 4 processes appending to their own streams and one shared stream. R1: replay the W3 file \
                (every hash checked, every payload decoded and folded). R2: 10,000 loads of one case each. \
                RB (not in the table): a rebuild of --events cases (default 100,000; the file is filled when missing) \
                while another process appends every 100 ms: the rebuild's time, the longest append wait (fails over 1 s) \
                and the WAL's size before, at its largest and after. \
                Without a workload, runs all but RB in a temp directory and prints a table. Without --sealed the \
                database stores personal fields unencrypted (created so, for benchmarks only).
                """)

        @Argument(help: "W1, W2, W3, W4, R1, R2 or RB (default: all but RB, as a table).") var workload: String?
        @OptionGroup var store: StoreOptions
        @Option(help: "Events (W4: per writer; RB: cases).") var events: Int?
        @Option(help: "Seed of the workload.") var seed: UInt64 = 42
        @Option(help: "W4's writer processes.") var writers: Int = 4
        @Option(help: "R2's loads.") var loads: Int = 10_000
        @Flag(help: "Seal personal fields with AES-GCM, as a real desk does.") var sealed = false
        @Option(help: "text or json (the table without a workload).") var format: OutputFormat = .text

        static let workloads = ["W1", "W2", "W3", "W4", "R1", "R2"]
        static let defaults = ["W1": 20_000, "W2": 20_000, "W3": 100_000, "W4": 5_000, "R1": 0, "R2": 0, "RB": 100_000]

        func validate() throws {
            if let w = workload, !(Self.workloads + ["RB"]).contains(w) {
                throw ValidationError("workload must be one of \((Self.workloads + ["RB"]).joined(separator: ", "))")
            }
            if let e = events, e < 1 || e > 10_000_000 { throw ValidationError("--events must be 1 to 10,000,000") }
            guard (1...16).contains(writers) else { throw ValidationError("--writers must be 1 to 16") }
            guard (1...10_000_000).contains(loads) else { throw ValidationError("--loads must be 1 to 10,000,000") }
            if workload != nil && store.db == nil { throw ValidationError("--db is required with a workload (created when missing)") }
        }

        func run() throws {
            try Privileges.dropGroup()   // benchmark databases are the user's own
            guard let workload, let db = store.db else { return try runAll() }
            let line = try BenchRunner(db: db, seed: seed, sealed: sealed, writers: writers, loads: loads)
                .run(workload, events: events ?? Self.defaults[workload]!)
            print(line.json)
            if line.failed { throw ExitCode.failure }
        }

        private func runAll() throws {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mado-bench-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            var lines: [BenchLine] = []
            for w in Self.workloads {
                let file = dir.appendingPathComponent(w.hasPrefix("R") ? "W3.sqlite" : "\(w).sqlite").path
                let runner = BenchRunner(db: file, seed: seed, sealed: sealed, writers: writers, loads: loads)
                lines.append(try runner.run(w, events: events ?? Self.defaults[w]!))
            }
            if format == .json {
                lines.forEach { print($0.json) }
            } else {
                // Padded by hand: Linux Foundation ignores a width on %@.
                func right(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }
                func ms(_ d: Double?) -> String { d.map { String(format: "%.3f", $0) } ?? "-" }
                print("workload" + right("events", 9) + right("seconds", 10) + right("events/s", 11) + right("p50 ms", 10)
                      + right("p99 ms", 10) + "  notes")
                for l in lines {
                    print(l.workload.padding(toLength: 8, withPad: " ", startingAt: 0) + right(String(l.events), 9)
                          + right(String(format: "%.2f", l.seconds), 10) + right(String(format: "%.0f", l.eventsPerSecond), 11)
                          + right(ms(l.p50), 10) + right(ms(l.p99), 10) + "  " + l.notes)
                }
            }
            if lines.contains(where: \.failed) { throw ExitCode.failure }
        }
    }

    /// One W4 writer process (started by `bench store W4`; not for people).
    struct BenchWriter: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "w4-writer", shouldDisplay: false)
        @OptionGroup var store: StoreOptions
        @Option var writer: Int
        @Option var events: Int
        @Option var seed: UInt64
        @Option var startAt: Double

        func run() throws {
            try Privileges.dropGroup()
            let r = try BenchRunner(db: store.databasePath, seed: seed, sealed: false, writers: 0, loads: 0)
                .w4Writer(writer, events: events, startAt: Date(timeIntervalSince1970: startAt))
            print(r)
        }
    }
}

extension Mado {
    /// RB's appending process (started by `bench store RB`; not for people).
    struct BenchRebuildWriter: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rb-writer", shouldDisplay: false)
        @OptionGroup var store: StoreOptions
        @Option var stop: String
        @Option var cases: Int

        func run() throws {
            print(try BenchRunner(db: store.databasePath, seed: 0, sealed: false, writers: 0, loads: 0).rbWriter(stop: stop, cases: cases))
        }
    }
}

/// One result line, in the harness's format.
struct BenchLine {
    var impl: String, workload: String, events: Int, seconds: Double, p50: Double?, p99: Double?, notes: String
    var ops: Int
    var extra: [String: String] = [:]
    var failed = false

    var eventsPerSecond: Double { seconds > 0 ? Double(events) / seconds : 0 }

    var json: String {
        func num(_ d: Double?) -> String { d.map { String(format: "%.6g", $0) } ?? "null" }
        var fields = ["\"impl\":\(jsonString(impl))", "\"workload\":\(jsonString(workload))", "\"events\":\(events)",
                      "\"seconds\":\(num(seconds))", "\"events_per_s\":\(num(eventsPerSecond))", "\"p50_ms\":\(num(p50))",
                      "\"p99_ms\":\(num(p99))", "\"notes\":\(jsonString(notes))", "\"ops\":\(ops)",
                      "\"ops_per_s\":\(num(seconds > 0 ? Double(ops) / seconds : 0))"]
        for (k, v) in extra.sorted(by: { $0.key < $1.key }) { fields.append("\(jsonString(k)):\(v)") }
        return "{" + fields.joined(separator: ",") + "}"
    }
}

