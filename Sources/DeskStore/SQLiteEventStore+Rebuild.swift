import DeskApp
import DeskDomain
import Foundation
import GRDB

/// A rebuild that does not stop the desk: the log is replayed into new read-model tables beside the live ones, in
/// batches that each hold the write lock for a fifth of a second and then leave it free; the new tables take the live
/// names in one short transaction; the old ones are emptied a batch at a time (secure_delete zeroes what they held)
/// and dropped; a truncating checkpoint gives the journal's space back.
extension SQLiteEventStore {
    /// How long one batch may hold the write lock (an append waiting on it waits about this long).
    static let rebuildBatch: TimeInterval = 0.2
    /// The longest the lock stays free after a batch: longer than SQLite's longest sleep between two tries of a writer
    /// that waits for the lock (100 ms). A writer that has waited T sleeps at most about T before it tries again, so a
    /// pause as long as the batch held the lock (plus a little) lets every append that waited on it in.
    static let rebuildPause: TimeInterval = 0.11

    /// Counts the write transactions a rebuild takes and the longest it held the lock.
    struct LockClock {
        var transactions = 0
        var longest: TimeInterval = 0
    }

    /// Replays the whole log into new read models and swaps them in while others keep appending. Checks every hash
    /// as it replays and changes nothing when one does not match. Refuses without the key file (every personal field
    /// would come back locked) and while another rebuild or a restore runs.
    public func rebuild() throws -> RebuildOutcome {
        try refuseIfReadOnly()
        guard keyring.isUnlocked else { throw StoreError.keyRequired(what: "rebuild") }
        let claim = try claimMaintenance(.rebuild)
        defer { releaseMaintenance(claim) }
        var clock = LockClock()
        try finishInterruptedRebuild(&clock)
        try pool.read { try preloadKeys($0) }
        let events: Int
        do {
            try createNewTables(&clock)
            events = try replayAndSwap(&clock)
        } catch {
            try? retire(.rebuilding, &clock)
            throw error
        }
        try retire(.retired, &clock)
        try restoreIndexNames(&clock)
        releaseMaintenance(claim)
        let reclaimed = try reclaimJournal()
        return RebuildOutcome(events: events, transactions: clock.transactions, longestHold: clock.longest, reclaimed: reclaimed)
    }

    /// Runs `body` in one IMMEDIATE transaction, timing how long it holds the write lock; then leaves the lock free for
    /// about as long, so that appends waiting on it get in.
    private func hold<T>(_ clock: inout LockClock, pause: Bool = true, _ body: (Database) throws -> T) throws -> T {
        let result = try pool.writeWithoutTransaction { db -> (T, TimeInterval) in
            try db.execute(sql: "BEGIN IMMEDIATE")
            let start = AppendTimings.now()
            do {
                let r = try body(db)
                try db.execute(sql: "COMMIT")
                return (r, AppendTimings.now() - start)
            } catch {
                if db.isInsideTransaction { try? db.execute(sql: "ROLLBACK") }
                throw error
            }
        }
        clock.transactions += 1
        clock.longest = max(clock.longest, result.1)
        if pause { Thread.sleep(forTimeInterval: min(result.1 + 0.005, Self.rebuildPause)) }
        return result.0
    }

    /// Creates the new tables, empty and exactly like the live ones (every migration's columns), without their
    /// secondary indexes: those are built once the replay is done, which is faster than keeping them up to date.
    private func createNewTables(_ clock: inout LockClock) throws {
        try hold(&clock) { db in
            for t in Migrations.projectionTables {
                guard let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                                                    arguments: [t]),
                      let create = SchemaText.renamed(sql, to: t + ProjectionTables.rebuilding.suffix) else {
                    throw StoreError.io("cannot read the definition of the \(t) table in \(path)")
                }
                try db.execute(sql: create)
            }
        }
    }

    /// Replays in batches until it has caught up, builds the new tables' indexes, then swaps: what was appended
    /// meanwhile goes in, and the new tables take the live names, in one transaction. Returns the events replayed.
    private func replayAndSwap(_ clock: inout LockClock) throws -> Int {
        var last: Int64 = 0, count = 0
        return try Self.withChain { chain in
            while try !hold(&clock, { db in try replayBatch(db, after: &last, count: &count, chain: chain, budget: Self.rebuildBatch) }) {}
            try hold(&clock) { db in try Projector.flushSearch(db, tables: .rebuilding) }
            for create in try liveIndexes().map({ try indexDefinition($0, suffix: ProjectionTables.rebuilding.suffix) }) {
                try hold(&clock) { db in try db.execute(sql: create) }
            }
            // The swap: renames cost the same whatever the tables hold (about 0.15 s for all of them here).
            try hold(&clock, pause: false) { db in
                _ = try replayBatch(db, after: &last, count: &count, chain: chain, budget: .infinity)
                for t in Migrations.projectionTables {
                    try db.execute(sql: "ALTER TABLE \(t) RENAME TO \(t + ProjectionTables.retired.suffix)")
                    try db.execute(sql: "ALTER TABLE \(t + ProjectionTables.rebuilding.suffix) RENAME TO \(t)")
                }
            }
            return count
        }
    }

    /// Replays the events after `last` into the new tables, checking each hash, until the end of the log (true) or
    /// until `budget` is spent (false).
    private func replayBatch(_ db: Database, after last: inout Int64, count: inout Int, chain: UnsafeMutableRawBufferPointer,
                             budget: TimeInterval) throws -> Bool {
        let start = AppendTimings.now(), page = 128
        let select = try db.cachedStatement(sql: """
            SELECT position, stream_id, version, type, schema_version, payload, actor, recorded_at, hash
            FROM events WHERE position > ? ORDER BY position LIMIT \(page)
            """)
        while true {
            var n = 0
            let rows = try Row.fetchCursor(select, arguments: [last])
            while let row = try rows.next() {
                let position: Int64 = row[0]
                guard position == last + 1 else { throw LogError.doesNotVerify(what: path, reason: "event \(last + 1) is missing") }
                let (envelope, hashOK) = try Self.read(row, sealer: keyring, chain: chain)
                guard hashOK else {
                    throw LogError.doesNotVerify(what: path, reason: "position \(position): stored hash does not match the event's bytes")
                }
                try Projector.apply(envelope, db, keyring: keyring, tables: .rebuilding)
                last = position
                count += 1
                n += 1
            }
            if n < page { return true }
            if AppendTimings.now() - start >= budget { return false }
        }
    }

    private struct IndexRow {
        let name: String, table: String, sql: String
    }

    /// The secondary indexes of the live projection tables (the automatic ones of PRIMARY KEY and UNIQUE come with
    /// the tables).
    private func liveIndexes() throws -> [IndexRow] {
        let tables = Set(Migrations.projectionTables)
        return try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
                .map { IndexRow(name: $0[0], table: $0[1], sql: $0[2]) }.filter { tables.contains($0.table) }
        }
    }

    private func indexDefinition(_ index: IndexRow, suffix: String, name: String? = nil) throws -> String {
        guard let create = SchemaText.renamed(index.sql, to: name ?? index.name + suffix, on: index.table + suffix) else {
            throw StoreError.io("cannot read the definition of the \(index.name) index in \(path)")
        }
        return create
    }

    /// Empties the tables named by `tables` a batch at a time, so that zeroing what they held (secure_delete) never holds
    /// the lock long, then drops them. The search index keeps in its data table the two records it needs to be dropped.
    private func retire(_ tables: ProjectionTables, _ clock: inout LockClock) throws {
        let present = try pool.read { db in Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")) }
        for t in tables.all where present.contains(t) {
            let parts = t == tables.caseSearch
                ? [("\(t)_data", "rowid > 10"), ("\(t)_content", "1"), ("\(t)_docsize", "1")].filter { present.contains($0.0) }
                : [(t, "1")]
            for (table, condition) in parts {
                while try !hold(&clock, { db in try deleteSome(db, from: table, where: condition) }) {}
            }
            try hold(&clock) { db in
                if present.contains("\(t)_idx") { try db.execute(sql: "DELETE FROM \(t)_idx") }
                try db.execute(sql: "DROP TABLE \(t)")
            }
        }
    }

    /// Deletes rows of `table` until it is empty (true) or a batch's time is spent (false).
    private func deleteSome(_ db: Database, from table: String, where condition: String) throws -> Bool {
        let start = AppendTimings.now()
        while true {
            try db.execute(sql: "DELETE FROM \(table) WHERE rowid IN (SELECT rowid FROM \(table) WHERE \(condition) LIMIT 256)")
            if db.changesCount == 0 { return true }
            if AppendTimings.now() - start >= Self.rebuildBatch { return false }
        }
    }

    /// Gives the indexes the swap brought in their own names back, once the old tables that held those names are gone:
    /// a later migration may name them.
    private func restoreIndexNames(_ clock: inout LockClock) throws {
        let suffix = ProjectionTables.rebuilding.suffix
        for index in try liveIndexes() where index.name.hasSuffix(suffix) {
            let create = try indexDefinition(index, suffix: "", name: String(index.name.dropLast(suffix.count)))
            try hold(&clock) { db in
                try db.execute(sql: create)
                try db.execute(sql: "DROP INDEX \(SchemaText.quoted(index.name))")
            }
        }
    }

    /// Finishes what a rebuild that died left behind: its new tables (it died before the swap) or the old ones (after
    /// it), and the indexes' names. Both hold personal text that a later erasure would not reach.
    private func finishInterruptedRebuild(_ clock: inout LockClock) throws {
        try retire(.rebuilding, &clock)
        try retire(.retired, &clock)
        try restoreIndexNames(&clock)
    }

    /// Every table and index as `type name table`: what a rebuild leaves as it found it.
    public func schemaObjects() throws -> [String] {
        try pool.read { try String.fetchAll($0, sql: "SELECT type || ' ' || name || ' ' || tbl_name FROM sqlite_master ORDER BY 1") }
    }

    /// Whether a rebuild that died left tables or index names behind.
    func hasRebuildLeftovers() throws -> Bool {
        try pool.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name GLOB ? OR name GLOB ?)",
                              arguments: ["*" + ProjectionTables.rebuilding.suffix, "*" + ProjectionTables.retired.suffix]) ?? false
        }
    }

    /// Cleans up after a rebuild that died, unless another rebuild or a restore runs now (it cleans up itself).
    func cleanUpInterruptedRebuild() throws {
        guard try hasRebuildLeftovers(), try runningMaintenance() == nil else { return }
        let claim = try claimMaintenance(.rebuild)
        defer { releaseMaintenance(claim) }
        var clock = LockClock()
        try finishInterruptedRebuild(&clock)
    }

    /// Cuts the WAL back to nothing (a truncating checkpoint): a rebuild wrote all the read models again. If another
    /// terminal's open read prevents it, its next write or exit retries, as after an erasure.
    private func reclaimJournal() throws -> Bool {
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "INSERT OR REPLACE INTO desk_meta(key, value) VALUES ('wal_truncate_pending', '1')")
        }
        return try retryPendingTruncate()
    }
}
