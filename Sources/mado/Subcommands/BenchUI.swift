import ArgumentParser
import DeskApp
import DeskDomain
import DeskTUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Mado {
    /// The console's speed: the real `Program` (update, store reads, view, cell diff) on a large database.
    struct BenchUI: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ui",
            abstract: "Measure the console: first frame on a large database, and key to finished frame while scrolling.",
            discussion: """
                Runs the console's real program loop headless: every key goes through update, the store reads it \
                asks for (the case detail under the cursor), view, and the diff of changed cells encoded as the \
                terminal would receive it (ncurses' own output is not included). A --db that does not exist is \
                created with --cases cases of three events each; without --db, a temp database is created and \
                deleted. Prints one JSON line: first_frame_ms, key_p50_ms, key_p99_ms and the resident memory \
                after the first frame, after the whole queue has loaded, and after scrolling (which must not grow it).
                """)

        @OptionGroup var store: StoreOptions
        @Option(help: "Cases in a database created by the benchmark.") var cases = 100_000
        @Option(help: "Keys pressed while scrolling (j, with a page down every 50th).") var keys = 2_000
        @Option(help: "Terminal width.") var width = 160
        @Option(help: "Terminal height.") var height = 48
        @Option(help: "Seed of the created cases.") var seed: UInt64 = 42

        func validate() throws {
            guard (1...2_000_000).contains(cases) else { throw ValidationError("--cases must be 1 to 2,000,000") }
            guard (1...1_000_000).contains(keys) else { throw ValidationError("--keys must be 1 to 1,000,000") }
            guard (80...1000).contains(width), (24...500).contains(height) else {
                throw ValidationError("--width must be 80 to 1000 and --height 24 to 500")
            }
        }

        func run() throws {
            try Privileges.dropGroup()
            var tempDir: URL?
            let path: String
            if let db = store.db {
                path = db
            } else {
                let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mado-bench-ui-\(UUID().uuidString.prefix(8))")
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                tempDir = dir
                path = dir.appendingPathComponent("ui.sqlite").path
            }
            defer { if let tempDir { try? FileManager.default.removeItem(at: tempDir) } }
            var created = 0.0
            if !FileManager.default.fileExists(atPath: path) {
                let t = BenchRunner.now()
                try BenchRunner.createUIDatabase(path: path, cases: cases, seed: seed)
                created = BenchRunner.now() - t
            }

            let backend = TimingBackend(size: Size(width: width, height: height), keys: keys)
            backend.start = BenchRunner.now()
            var options = store
            options.db = path
            let desk = try options.desk()
            defer { desk.close() }
            let model = Model(size: backend.size, now: Date(), me: try desk.me(), language: .ja, databaseName: "bench")
            Program(desk: desk, backend: backend, model: model, watcher: nil).run()

            let lat = backend.latencies.sorted()
            let rows = try desk.caseCount()
            let fields = [
                "\"impl\":\"mado\"", "\"workload\":\"ui\"", "\"cases\":\(rows)", "\"size\":\"\(width)x\(height)\"",
                "\"first_frame_ms\":\(fmt(backend.firstFrame * 1000))", "\"whole_queue_ms\":\(fmt(backend.loaded * 1000))", "\"keys\":\(lat.count)",
                "\"key_p50_ms\":\(fmt(BenchRunner.percentile(lat, 0.5)))", "\"key_p99_ms\":\(fmt(BenchRunner.percentile(lat, 0.99)))",
                "\"key_max_ms\":\(fmt(lat.last))", "\"bytes_per_key\":\(lat.isEmpty ? 0 : backend.bytes / lat.count)",
                "\"rss_first_frame_mb\":\(fmt(backend.rssAtFirstFrame))", "\"rss_loaded_mb\":\(fmt(backend.rssLoaded))",
                "\"rss_end_mb\":\(fmt(TimingBackend.rssMB()))",
                "\"created_s\":\(fmt(created))",
                "\"notes\":\"headless: update + store reads + view + cell diff; goal first frame < 150 ms, key < 10 ms\"",
            ]
            print("{" + fields.joined(separator: ",") + "}")
        }

        private func fmt(_ d: Double?) -> String { d.map { String(format: "%.3f", $0) } ?? "null" }
    }
}

/// Feeds scripted keys and times each one until its frame is drawn.
final class TimingBackend: Backend {
    let size: Size
    var start = 0.0
    private(set) var firstFrame = 0.0
    private(set) var rssAtFirstFrame = 0.0
    /// After the whole queue has loaded (the first key is read after it), before any scrolling.
    private(set) var rssLoaded = 0.0
    /// From the start to the first key read: the first frame, then the whole queue and the first case.
    private(set) var loaded = 0.0
    private(set) var latencies: [Double] = []
    private(set) var bytes = 0
    private var remaining: Int
    private var pressed = 0
    private var keyAt: Double?
    private var output: [UInt8] = []

    init(size: Size, keys: Int) {
        self.size = size
        self.remaining = keys
        latencies.reserveCapacity(keys)
    }

    static func rssMB() -> Double {
        guard let s = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let pages = Double(s.split(separator: " ")[1]) ?? 0
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    func draw(_ screen: Screen, previous: Screen?) {
        // What a terminal would be sent: a cursor move per run and the cells' text.
        output.removeAll(keepingCapacity: true)
        for run in screen.changes(from: previous) {
            output.append(contentsOf: Array("\u{1B}[\(run.y + 1);\(run.x + 1)H".utf8))
            for c in run.cells where c.width > 0 { output.append(contentsOf: Array(c.text.utf8)) }
        }
        bytes += output.count
        let now = BenchRunner.now()
        if firstFrame == 0 {
            firstFrame = now - start
            rssAtFirstFrame = Self.rssMB()
        }
        if let k = keyAt {
            latencies.append((now - k) * 1000)
            keyAt = nil
        }
    }

    func next(timeoutMs: Int) -> BackendEvent? {
        let now = BenchRunner.now()
        // A key that changed nothing (the end of the list) drew no frame: it counts as answered now.
        if let k = keyAt { latencies.append((now - k) * 1000) }
        if pressed == 0 { rssLoaded = Self.rssMB(); loaded = now - start }
        guard remaining > 0 else { return .terminate }
        remaining -= 1
        pressed += 1
        keyAt = BenchRunner.now()
        return .key(pressed % 50 == 0 ? .pageDown : .char("j"))
    }

    func suspend() {}
    func shutdown() {}
}
