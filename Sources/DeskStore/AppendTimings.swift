import Foundation

/// Where an append's time goes, summed over appends while `enabled` (`mado bench store` prints it as
/// `breakdown_s`). Off, it costs one branch per phase; on, two clock reads.
public final class AppendTimings: @unchecked Sendable {
    public enum Phase: Int, CaseIterable, Sendable {
        /// Payloads to JSON (and sealing personal fields).
        case json
        /// BEGIN IMMEDIATE: taking the write lock.
        case begin
        /// The expected-version check, the chain's last hash and the event rows.
        case log
        /// SHA-256 over the canonical bytes.
        case hash
        /// The queue, ledger and subject projections.
        case projections
        /// Folding text and feeding the trigram search index.
        case search
        case commit

        public var key: String {
            switch self {
            case .json: "json"
            case .begin: "begin"
            case .log: "sql_log"
            case .hash: "hash"
            case .projections: "projections"
            case .search: "search_index"
            case .commit: "commit"
            }
        }
    }

    public var enabled = false
    public private(set) var seconds = [Double](repeating: 0, count: Phase.allCases.count)

    public init() {}

    /// Never enabled: for code that runs outside an append (rebuild).
    static let off = AppendTimings()

    /// Seconds on the monotonic clock.
    public static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Runs `body`, adding its time to `phase` (and taking it from `outer`, when the phase runs inside another).
    @inline(__always)
    func measure<T>(_ phase: Phase, within outer: Phase? = nil, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let t0 = Self.now()
        defer {
            let d = Self.now() - t0
            seconds[phase.rawValue] += d
            if let outer { seconds[outer.rawValue] -= d }
        }
        return try body()
    }

    public func reset() { seconds = [Double](repeating: 0, count: Phase.allCases.count) }
}
