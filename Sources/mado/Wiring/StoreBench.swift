import ArgumentParser
import DeskApp
import DeskDomain
import DeskStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// The store's benchmark measures the embedded store itself, so it is part of the composition root: it names the
// concrete store (its durability settings, its phase timings, the pass-through databases made for benchmarks only).

/// Runs the workloads against the real store.
struct BenchRunner {
    let db: String, seed: UInt64, sealed: Bool, writers: Int, loads: Int
    static let hotCase = 900_001

    var impl: String { sealed ? "mado-sealed" : "mado" }

    static func now() -> Double { AppendTimings.now() }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        return sorted[max(0, min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1))]
    }

    /// The seconds each phase of the appends took, as a JSON object (`search_index` is the trigram index's share).
    static func breakdown(_ t: AppendTimings) -> String {
        "{" + AppendTimings.Phase.allCases.map { "\"\($0.key)\":" + String(format: "%.4f", t.seconds[$0.rawValue]) }
            .joined(separator: ",") + "}"
    }

    static var peakRSSMB: Double {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return Double(u.ru_maxrss) / 1024
    }

    func open(_ durability: SQLiteEventStore.Durability) throws -> SQLiteEventStore {
        if !FileManager.default.fileExists(atPath: db) {
            try Self.initializeDesk(path: db, passThrough: !sealed)
        }
        return try SQLiteEventStore.open(path: db, requireKey: sealed, durability: durability)
    }

    func run(_ workload: String, events n: Int) throws -> BenchLine {
        switch workload {
        case "W1", "W2":
            let store = try open(workload == "W1" ? .full : .normal)
            defer { store.close() }
            store.timings.enabled = true
            var (steps, g) = BenchWorkload.interleaved(seed: seed, events: n)
            var subjects: [Int: SubjectID] = [:]
            var lat: [Double] = []
            lat.reserveCapacity(n)
            let t0 = Self.now()
            for s in steps {
                let known = subjects[s.stream]
                let subject = known ?? store.newSubject(.applicant)
                subjects[s.stream] = subject
                let e = g.event(s.kind, subject: subject)
                let a = Self.now()
                try store.append([e], to: .stream(CaseID(number: s.stream).streamID),
                                 expected: s.version == 1 ? .noStream : .exact(StreamVersion(s.version - 1)), actor: s.actor, at: Date(),
                                 newSubjects: known == nil ? [subject] : [], evidence: [])
                lat.append((Self.now() - a) * 1000)
            }
            let secs = Self.now() - t0
            steps = []
            lat.sort()
            return BenchLine(impl: impl, workload: workload, events: n, seconds: secs, p50: Self.percentile(lat, 0.5),
                             p99: Self.percentile(lat, 0.99),
                             notes: "one event per transaction, synchronous=\(workload == "W1" ? "FULL" : "NORMAL")" + (sealed ? ", sealed" : ""),
                             ops: n, extra: ["peak_rss_mb": String(format: "%.1f", Self.peakRSSMB),
                                             "breakdown_s": Self.breakdown(store.timings)])
        case "W3":
            let store = try open(.normal)
            defer { store.close() }
            store.timings.enabled = true
            var g = BenchWorkload(seed: seed)
            let batches = max(1, n / 10)
            var lat: [Double] = []
            let t0 = Self.now()
            for b in 1...batches {
                let subject = store.newSubject(.applicant)
                var kinds = [BenchWorkload.Kind.intake]
                for _ in 0..<9 { kinds.append(g.randomKind()) }
                let actor = g.actor()
                let events = kinds.map { g.event($0, subject: subject) }
                let a = Self.now()
                try store.append(events, to: .stream(CaseID(number: b).streamID), expected: .noStream, actor: actor, at: Date(),
                                 newSubjects: [subject], evidence: [])
                lat.append((Self.now() - a) * 1000)
            }
            let secs = Self.now() - t0
            lat.sort()
            return BenchLine(impl: impl, workload: "W3", events: batches * 10, seconds: secs, p50: Self.percentile(lat, 0.5),
                             p99: Self.percentile(lat, 0.99), notes: "10 events per transaction" + (sealed ? ", sealed" : ""),
                             ops: batches, extra: ["peak_rss_mb": String(format: "%.1f", Self.peakRSSMB),
                                                   "breakdown_s": Self.breakdown(store.timings)])
        case "R1":
            let store = try open(.normal)
            defer { store.close() }
            // The states in one array and a small index: a dictionary of whole states doubles its table as it grows,
            // which at a million events was most of the peak memory.
            var index: [StreamID: Int] = [:]
            var folded: [CaseState] = []
            // Sized once from the projection's count (cases, plus organizations and staff), so neither table doubles.
            let streams = try store.caseCount() + 1_024
            index.reserveCapacity(streams)
            folded.reserveCapacity(streams)
            let t0 = Self.now()
            let r = try store.replay { e in
                if let i = index[e.stream] {
                    folded[i] = CaseState.evolve(folded[i], e.event)
                } else {
                    index[e.stream] = folded.count
                    folded.append(CaseState.evolve(.initial, e.event))
                }
            }
            let secs = Self.now() - t0
            let opened = folded.filter(\.exists).count
            return BenchLine(impl: impl, workload: "R1", events: r.events, seconds: secs, p50: nil, p99: nil,
                             notes: "every hash recomputed, every payload decoded and folded; cases=\(opened)" + (sealed ? ", sealed fields opened" : ""),
                             ops: r.events, extra: ["chain_ok": r.chainOK ? "true" : "false",
                                                    "peak_rss_mb": String(format: "%.1f", Self.peakRSSMB)],
                             failed: !r.chainOK)
        case "R2":
            let store = try open(.normal)
            defer { store.close() }
            let cases = try store.caseCount()
            guard cases > 0 else { throw Refusal("R2 loads the cases of a W3 file; this database has none") }
            var rng = SplitMix64(seed: seed &+ 7)
            var lat: [Double] = []
            var total = 0
            let t0 = Self.now()
            for _ in 0..<loads {
                let id = CaseID(number: 1 + Int(rng.below(UInt64(min(cases, 10_000)))))
                let a = Self.now()
                let events = try store.load(id.streamID, after: 0, visibility: .all)
                _ = events.map(\.event).reduce(CaseState.initial, CaseState.evolve)
                lat.append((Self.now() - a) * 1000)
                total += events.count
            }
            let secs = Self.now() - t0
            lat.sort()
            return BenchLine(impl: impl, workload: "R2", events: total, seconds: secs, p50: Self.percentile(lat, 0.5),
                             p99: Self.percentile(lat, 0.99), notes: "\(loads) loads of one case, decoded and folded",
                             ops: loads, extra: ["peak_rss_mb": String(format: "%.1f", Self.peakRSSMB)])
        case "W4":
            return try w4(events: n)
        case "RB":
            return try rebuildUnderLoad(cases: n)
        default:
            throw ValidationError("unknown workload")
        }
    }

    /// Streams of writer w: case numbers (w+1)·10,000,000 + k; every tenth event goes to the shared hot case.
    static func writerSteps(seed: UInt64, writer w: Int, events n: Int) -> ([BenchWorkload.Step], BenchWorkload) {
        BenchWorkload.interleaved(seed: seed &+ 1 &+ UInt64(w), events: n, firstStream: (w + 1) * 10_000_000,
                                  hot: { $0 % 10 == 9 })
    }

    func w4(events n: Int) throws -> BenchLine {
        let store = try open(.normal)
        let hot = CaseID(number: Self.hotCase)
        if try store.version(of: hot.streamID) == 0 {
            var g = BenchWorkload(seed: seed &+ 999)
            let subject = store.newSubject(.applicant)
            try store.append([g.event(.intake, subject: subject)], to: .stream(hot.streamID), expected: .noStream, actor: g.actor(),
                             at: Date(), newSubjects: [subject], evidence: [])
        }
        store.close()
        // This very binary, wherever PATH found it.
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let startAt = Date().addingTimeInterval(1.0).timeIntervalSince1970
        let procs = try (0..<writers).map { w -> (Process, Pipe) in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: me)
            p.arguments = ["bench", "w4-writer", "--db", db, "--writer", "\(w)", "--events", "\(n)", "--seed", "\(seed)",
                           "--start-at", String(startAt)]
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            return (p, out)
        }
        var lat: [Double] = [], conflicts = 0, busy = 0, first = Double.greatestFiniteMagnitude, last = 0.0
        var writerFailed = false
        // A writer stuck behind a lock held elsewhere must not hang the run: give up after two minutes.
        let deadline = Date().addingTimeInterval(120)
        let watchdog = DispatchWorkItem { for (p, _) in procs where p.isRunning { p.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + deadline.timeIntervalSinceNow, execute: watchdog)
        defer { watchdog.cancel() }
        for (p, out) in procs {
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            if p.terminationStatus != 0 { writerFailed = true; continue }
            guard let o = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { writerFailed = true; continue }
            lat += (o["latencies"] as? [Double]) ?? []
            conflicts += o["conflicts"] as? Int ?? 0
            busy += o["busy"] as? Int ?? 0
            guard let start = o["start"] as? Double, let end = o["end"] as? Double else { writerFailed = true; continue }
            first = min(first, start)
            last = max(last, end)
        }
        // The checks: every stream holds exactly what was sent to it, versions 1...n with no gap, the chain verifies.
        var expected: [StreamID: Int] = [hot.streamID: 1]
        for w in 0..<writers {
            for s in Self.writerSteps(seed: seed, writer: w, events: n).0 {
                let id = s.stream < 0 ? hot.streamID : CaseID(number: s.stream).streamID
                expected[id, default: 0] += 1
            }
        }
        let check = try SQLiteEventStore.open(path: db, requireKey: false)
        defer { check.close() }
        let actual = try check.streamCounts(prefix: "case-")
        var lost = 0, duplicated = 0, gaps = 0
        for (id, want) in expected {
            let got = actual[id] ?? (count: 0, maxVersion: 0)
            if got.count < want { lost += want - got.count }
            if got.count > want { duplicated += got.count - want }
            if got.maxVersion != got.count { gaps += 1 }
        }
        for (id, got) in actual where expected[id] == nil { duplicated += got.count }
        let rows = actual.values.reduce(0) { $0 + $1.count }
        let chainOK = try check.verify().firstBad == nil
        let ok = !writerFailed && lost == 0 && duplicated == 0 && gaps == 0 && chainOK
        lat.sort()
        let secs = writerFailed ? 0 : max(0, last - first)
        return BenchLine(impl: impl, workload: "W4", events: writers * n, seconds: secs, p50: Self.percentile(lat, 0.5),
                         p99: Self.percentile(lat, 0.99),
                         notes: "\(writers) processes, every 10th event to one shared case, conflicts reloaded and retried",
                         ops: lat.count,
                         extra: ["conflicts": "\(conflicts)", "busy_retries": "\(busy)",
                                 "check": "{\"rows\":\(rows),\"lost\":\(lost),\"duplicated\":\(duplicated),\"gaps\":\(gaps),\"chain_ok\":\(chainOK),\"ok\":\(ok)}"],
                         failed: !ok)
    }

    /// One W4 writer: waits for the common start, appends, prints its figures as JSON.
    func w4Writer(_ w: Int, events n: Int, startAt: Date) throws -> String {
        let store = try SQLiteEventStore.open(path: db, requireKey: false, durability: .normal)
        defer { store.close() }
        var (steps, g) = Self.writerSteps(seed: seed, writer: w, events: n)
        var subjects: [Int: SubjectID] = [:]
        let hot = CaseID(number: Self.hotCase).streamID
        guard let hotSubject = try store.subjects(of: CaseID(number: Self.hotCase)).first?.id else {
            throw Refusal("the shared case of W4 has no applicant; start from a new database")
        }
        var lat: [Double] = [], conflicts = 0, busy = 0
        // The harness's contract: expect the version after this writer's own last hot append; on a conflict, read
        // and fold what the others appended since, then retry.
        var hotVersion = try store.version(of: hot)
        var hotState = CaseState.initial
        while Date() < startAt { usleep(1000) }
        let start = Date().timeIntervalSince1970
        for s in steps {
            let a = Self.now()
            if s.stream < 0 {
                let e = g.event(.note, subject: hotSubject)
                while true {
                    do {
                        hotVersion = try store.append([e], to: .stream(hot), expected: .exact(StreamVersion(hotVersion)), actor: s.actor,
                                                      at: Date(), newSubjects: [], evidence: []).version
                        break
                    } catch AppendError.wrongExpectedVersion {
                        conflicts += 1
                        let missed = try store.load(hot, after: hotVersion, visibility: .all)
                        hotState = missed.map(\.event).reduce(hotState, CaseState.evolve)
                        hotVersion = missed.last?.version ?? hotVersion
                    } catch AppendError.busy {
                        busy += 1
                    }
                }
            } else {
                let known = subjects[s.stream]
                let subject = known ?? store.newSubject(.applicant)
                subjects[s.stream] = subject
                let e = g.event(s.kind, subject: subject)
                while true {
                    do {
                        try store.append([e], to: .stream(CaseID(number: s.stream).streamID),
                                         expected: s.version == 1 ? .noStream : .exact(StreamVersion(s.version - 1)),
                                         actor: s.actor, at: Date(), newSubjects: known == nil ? [subject] : [], evidence: [])
                        break
                    } catch AppendError.busy {
                        busy += 1
                    }
                }
            }
            lat.append((Self.now() - a) * 1000)
        }
        steps = []
        withExtendedLifetime(hotState) {}     // folded as a product writer would, not reported
        let end = Date().timeIntervalSince1970
        return "{\"writer\":\(w),\"start\":\(start),\"end\":\(end),\"conflicts\":\(conflicts),\"busy\":\(busy),\"latencies\":["
            + lat.map { String(format: "%.4f", $0) }.joined(separator: ",") + "]}"
    }
}

extension BenchRunner {
    /// A new desk whose staff includes the workload's forty clerks (`desk-01`…`desk-40`), so that what they append
    /// verifies like any desk's log: every event recorded by someone whose role allowed it.
    static func initializeDesk(path: String, passThrough: Bool) throws {
        let s = try SQLiteEventStore.initialize(path: path, supervisor: Identity.osUser, displayName: Identity.osDisplayName,
                                                at: Date(), passThrough: passThrough)
        defer { s.close() }
        for n in 1...BenchWorkload.clerks {
            let user = BenchWorkload.clerk(n)
            try s.append([.staffAdded(StaffAdded(user: user.user, displayName: user.user, role: .staff))], to: .stream(.staff(user.user)),
                         expected: .noStream, actor: Actor(Identity.osUser), at: Date(), newSubjects: [], evidence: [])
        }
    }

    /// A database of `cases` cases of three events each (intake, facts, a statement), written through the product's
    /// append, for `mado bench ui`.
    static func createUIDatabase(path: String, cases: Int, seed: UInt64) throws {
        try createCases(path: path, cases: cases, seed: seed, sealed: false)
    }

    /// A new database of `cases` cases of three events each (intake, facts, a statement), a thousand cases to a
    /// transaction: the same chain and projections as one append each, in a fraction of the time.
    static func createCases(path: String, cases: Int, seed: UInt64, sealed: Bool) throws {
        try initializeDesk(path: path, passThrough: !sealed)
        let store = try SQLiteEventStore.open(path: path, requireKey: sealed, durability: .normal)
        defer { store.close() }
        var g = BenchWorkload(seed: seed)
        var n = 1
        while n <= cases {
            let batch = (n...min(cases, n + 999)).map { k in
                let subject = store.newSubject(.applicant)
                return (stream: CaseID(number: k).streamID,
                        events: [g.event(.intake, subject: subject), g.event(.facts, subject: subject), g.event(.statement, subject: subject)],
                        newSubjects: [subject])
            }
            try store.appendNewStreams(batch, actor: g.actor(), at: Date())
            n += batch.count
        }
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// RB: a rebuild of `cases` cases while another process appends every 100 ms; how long the rebuild took, the
    /// longest any append waited, and the WAL's size before, at its largest during, and after.
    func rebuildUnderLoad(cases n: Int) throws -> BenchLine {
        var fill: Double?
        if !FileManager.default.fileExists(atPath: db) {
            let t = Self.now()
            try Self.createCases(path: db, cases: n, seed: seed, sealed: sealed)
            fill = Self.now() - t
        }
        let store = try SQLiteEventStore.open(path: db, requireKey: sealed)
        defer { store.close() }
        let walBefore = Self.fileSize(db + "-wal")
        let stop = db + ".rb-stop"
        try? FileManager.default.removeItem(atPath: stop)
        defer { try? FileManager.default.removeItem(atPath: stop) }
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: me)
        writer.arguments = ["bench", "rb-writer", "--db", db, "--stop", stop, "--cases", String(min(n, 1000))]
        let out = Pipe()
        writer.standardOutput = out
        try writer.run()
        // The writer says "appending" once its first append is in: the rebuild starts under load.
        var first = Data()
        while !first.contains(0x0A) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            first.append(chunk)
        }
        let t0 = Self.now()
        let outcome = try store.rebuild()
        let secs = Self.now() - t0
        let walAfter = Self.fileSize(db + "-wal")
        // A few more appends after the rebuild, then the writer stops and reports.
        usleep(300_000)
        _ = FileManager.default.createFile(atPath: stop, contents: Data())
        let data = out.fileHandleForReading.readDataToEndOfFile()
        writer.waitUntilExit()
        let report = String(decoding: data, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        let o = (try? JSONSerialization.jsonObject(with: Data(report.utf8))) as? [String: Any] ?? [:]
        var lat = (o["latencies"] as? [Double]) ?? []
        lat.sort()
        let maxWait = lat.last ?? 0
        let ok = writer.terminationStatus == 0 && !lat.isEmpty && maxWait <= 1000
        var extra = ["max_append_wait_ms": String(format: "%.1f", maxWait), "appends": "\(lat.count)",
                     "wal_before_bytes": "\(walBefore)", "wal_peak_bytes": "\(max(walBefore, o["wal_peak"] as? Int ?? 0))",
                     "wal_after_bytes": "\(walAfter)", "longest_hold_ms": String(format: "%.1f", outcome.longestHold * 1000),
                     "transactions": "\(outcome.transactions)", "reclaimed": outcome.reclaimed ? "true" : "false",
                     "peak_rss_mb": String(format: "%.1f", Self.peakRSSMB)]
        if let fill { extra["fill_s"] = String(format: "%.2f", fill) }
        return BenchLine(impl: impl, workload: "RB", events: outcome.events, seconds: secs, p50: Self.percentile(lat, 0.5),
                         p99: Self.percentile(lat, 0.99),
                         notes: "rebuild of \(try store.caseCount()) cases while another process appends every 100 ms"
                             + (sealed ? ", sealed" : ""),
                         ops: outcome.events, extra: extra, failed: !ok)
    }

    /// RB's other process: appends a fact sheet to one of the first `cases` cases every 100 ms until `stop` exists;
    /// prints "appending" after the first, then its latencies and the largest WAL it saw, as JSON.
    func rbWriter(stop: String, cases: Int) throws -> String {
        let store = try SQLiteEventStore.open(path: db, requireKey: false)
        defer { store.close() }
        var lat: [Double] = [], walPeak = 0, k = 0
        // Stops too when the bench that started it is gone.
        let parent = getppid()
        while !FileManager.default.fileExists(atPath: stop), getppid() == parent {
            let tick = Self.now()
            let id = CaseID(number: 1 + k % max(1, cases)).streamID
            k += 1
            while true {
                let v = try store.version(of: id)
                do {
                    try store.append([.factsRecorded(FactSheet())], to: .stream(id), expected: v == 0 ? .noStream : .exact(StreamVersion(v)),
                                     actor: BenchWorkload.clerk(1), at: Date(), newSubjects: [], evidence: [])
                    break
                } catch AppendError.wrongExpectedVersion {
                    continue
                }
            }
            lat.append((Self.now() - tick) * 1000)
            if lat.count == 1 { FileHandle.standardOutput.write(Data("appending\n".utf8)) }
            walPeak = max(walPeak, Self.fileSize(db + "-wal"))
            let rest = 0.1 - (Self.now() - tick)
            if rest > 0 { usleep(UInt32(rest * 1_000_000)) }
        }
        return "{\"wal_peak\":\(walPeak),\"latencies\":[" + lat.map { String(format: "%.3f", $0) }.joined(separator: ",") + "]}"
    }
}
