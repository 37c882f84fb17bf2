import DeskApp
import DeskDomain
import Foundation
import GRDB


extension SQLiteEventStore {
    /// Queue order: open cases first, the danger lane first among them, then by report due date.
    static let queueOrder = QueueSQL.order

    /// The columns of a `CaseSummary`, in the order `caseSummary` reads them by index (a name lookup per field per row
    /// was most of the time of loading a large queue).
    static let caseColumns = """
        id, seq, organization, branch, store, channel, language, lane, state, opened_at, report_due_on,
        last_activity, summary, assignee, version, hold, closed_at, opened_by
        """

    /// Calls `body` for every case in queue order, reading row by row (memory does not grow with the log).
    public func forEachCase(_ body: (CaseSummary) throws -> Void) throws {
        try pool.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT \(Self.caseColumns) FROM cases ORDER BY \(Self.queueOrder)")
            while let row = try rows.next() { try body(try Self.caseSummary(row)) }
        }
    }

    /// Every case in queue order.
    public func allCases() throws -> [CaseSummary] {
        var out: [CaseSummary] = []
        out.reserveCapacity(try caseCount())
        try forEachCase { out.append($0) }
        return out
    }

    /// Every case in queue order, and the log position the rows reflect (read in one snapshot).
    public func queueSnapshot() throws -> (rows: [CaseSummary], through: Int64) {
        try pool.read { db in
            let through = try Int64.fetchOne(db, sql: "SELECT coalesce(max(position), 0) FROM events") ?? 0
            var out: [CaseSummary] = []
            out.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM cases") ?? 0)
            let rows = try Row.fetchCursor(db, sql: "SELECT \(Self.caseColumns) FROM cases ORDER BY \(Self.queueOrder)")
            while let row = try rows.next() { out.append(try Self.caseSummary(row)) }
            return (out, through)
        }
    }

    /// The cases that changed after log position `after`, and the position they reflect: what a terminal
    /// needs to bring its queue up to date without reading every row again.
    public func casesChanged(after: Int64) throws -> (rows: [CaseSummary], through: Int64) {
        try pool.read { db in
            let through = try Int64.fetchOne(db, sql: "SELECT coalesce(max(position), 0) FROM events") ?? 0
            let rows = try Row.fetchAll(db, sql: "SELECT \(Self.caseColumns) FROM cases WHERE changed_at > ? ORDER BY \(Self.queueOrder)",
                                        arguments: [after]).map(Self.caseSummary)
            return (rows, through)
        }
    }

    /// The top of the queue and the whole queue's counts, for a first screen that does not wait for every row.
    public func queueHead(limit: Int, today: LocalDate) throws -> QueueHead {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT \(Self.caseColumns) FROM cases ORDER BY \(Self.queueOrder) LIMIT ?",
                                        arguments: [limit]).map(Self.caseSummary)
            let c = try Row.fetchOne(db, sql: """
                SELECT count(*), coalesce(sum(\(QueueSQL.openDanger)), 0), coalesce(sum(\(QueueSQL.overdue)), 0)
                FROM cases
                """, arguments: [today.description])!
            return QueueHead(rows: rows, total: c[0], danger: c[1], overdue: c[2])
        }
    }

    public func caseSummary(_ id: CaseID) throws -> CaseSummary? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.caseColumns) FROM cases WHERE id = ?", arguments: [id.description]).map(Self.caseSummary)
        }
    }

    /// A queue row, typed. The projection is written from typed values only, so a value that does not parse means
    /// the table was edited outside mado.
    static func caseSummary(_ r: Row) throws -> CaseSummary {
        let id: String = r[0], channel: String = r[5], language: String = r[6], lane: String? = r[7], state: String = r[8]
        let due: String = r[10], hold: String? = r[15]
        guard let status = CaseStatus(rawValue: state), let ch = Channel(rawValue: channel), let lang = Language(rawValue: language),
              let dueOn = LocalDate(iso: due), lane.map({ Lane(rawValue: $0) != nil }) ?? true,
              hold.map({ HoldKind(rawValue: $0) != nil }) ?? true else {
            throw StoreError.damagedProjection(table: "cases", row: Sanitizer.visible(id))
        }
        return CaseSummary(id: CaseID(id) ?? CaseID(number: r[1]), organization: OrganizationID(r[2] as String), branch: r[3], store: r[4],
                           channel: ch, language: lang, lane: lane.flatMap(Lane.init(rawValue:)), status: status, openedAt: r[9],
                           reportDueOn: dueOn, lastActivity: r[11], summary: r[12], assignee: r[13], version: StreamVersion(r[14]),
                           hold: hold.flatMap(HoldKind.init(rawValue:)), closedAt: r[16], openedBy: r[17])
    }

    /// A case with its timeline and the counterparties' earlier contacts, personal fields opened as `visibility` allows.
    public func caseDetail(_ id: CaseID, visibility: FieldVisibility) throws -> CaseDetail? {
        guard let row = try caseSummary(id) else { return nil }
        let events = try load(id.streamID, after: 0, visibility: visibility)
        let ledgerRows: [Row] = try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT l.counterparty, l.case_id, l.at, l.about, l.answered FROM ledger l
                WHERE l.counterparty IN (SELECT subject_id FROM case_subjects WHERE case_id = ?)
                ORDER BY l.at, l.id
                """, arguments: [id.description])
        }
        let ledger = ledgerRows.map { r -> LedgerRow in
            let party: String = r[0], caseText: String = r[1]
            return LedgerRow(counterparty: SubjectID(party), caseID: CaseID(caseText) ?? id, at: r[2], about: r[3], answered: r[4])
        }
        let reportTo = try pool.read { db in
            try String.fetchOne(db, sql: "SELECT report_to FROM organizations WHERE id = ?", arguments: [row.organization.rawValue])
        }
        var detail = CaseDetail(summary: row, events: events, ledger: ledger, reportTo: reportTo)
        detail.policy = try policy(for: row.organization)
        detail.standings = try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.id, s.standing, s.standing_until FROM subjects s JOIN case_subjects cs ON cs.subject_id = s.id
                WHERE cs.case_id = ? AND s.kind = 'counterparty' ORDER BY s.id
                """, arguments: [id.description]).map { r in
                CounterpartyStanding(subject: SubjectID(r[0] as String), standing: Standing(rawValue: (r[1] as String?) ?? "none") ?? .none,
                                     until: (r[2] as String?).flatMap { LocalDate(iso: $0) })
            }
        }
        return detail
    }

    /// The cases whose text contains `query` (folded for width and kana). Three characters or more use the
    /// trigram index; shorter queries (暴言) scan the folded text. Reads the index only, never decrypts.
    public func search(_ query: String) throws -> Set<CaseID> {
        let q = SearchFold.fold(query).trimmingCharacters(in: .whitespaces)
        guard !q.isEmpty else { return [] }
        return try pool.read { db in
            let ids: [String]
            // Texts not yet in the trigram index wait in a small backlog, scanned the same way as a short query.
            let like = "%" + q.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
            if q.count >= 3 {
                let phrase = "\"" + q.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                ids = try String.fetchAll(db, sql: """
                    SELECT case_id FROM case_search WHERE case_search MATCH ?
                    UNION SELECT case_id FROM search_backlog WHERE body LIKE ? ESCAPE '\\'
                    """, arguments: [phrase, like])
            } else {
                ids = try String.fetchAll(db, sql: """
                    SELECT case_id FROM case_search WHERE body LIKE ? ESCAPE '\\'
                    UNION SELECT case_id FROM search_backlog WHERE body LIKE ? ESCAPE '\\'
                    """, arguments: [like, like])
            }
            return Set(ids.compactMap(CaseID.init))
        }
    }

    /// Every counterparty not erased: their standing and their cases.
    public func counterparties() throws -> [(standing: CounterpartyStanding, cases: [CaseID])] {
        let rows = try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.id, s.standing, s.standing_until, group_concat(cs.case_id, ' ') FROM subjects s
                LEFT JOIN case_subjects cs ON cs.subject_id = s.id
                WHERE s.kind = 'counterparty' AND s.erased_at IS NULL GROUP BY s.id ORDER BY s.id
                """)
        }
        return rows.map { r in
            let cases = ((r[3] as String?) ?? "").split(separator: " ").compactMap { CaseID(String($0)) }.sorted { $0.number < $1.number }
            return (CounterpartyStanding(subject: SubjectID(r[0] as String), standing: Standing(rawValue: (r[1] as String?) ?? "none") ?? .none,
                                         until: (r[2] as String?).flatMap { LocalDate(iso: $0) }), cases)
        }
    }

    /// Every registered organization with its branches and stores, by id.
    public func organizations() throws -> [OrganizationSummary] {
        let rows = try pool.read { db in try Row.fetchAll(db, sql: "SELECT id, name, branches, policy FROM organizations ORDER BY id") }
        return try rows.map { r in
            OrganizationSummary(id: OrganizationID(r[0] as String), name: r[1],
                                branches: try JSONDecoder().decode([Branch].self, from: Data((r[2] as String).utf8)),
                                policy: try Self.policy(json: r[3]))
        }
    }

    /// One organization as registered (nil: none with that id).
    public func organization(_ id: OrganizationID) throws -> OrganizationDetails? {
        let row = try pool.read { db in
            try Row.fetchOne(db, sql: """
                SELECT id, name, branches, policy, report_to, language, closed_days, retention_years FROM organizations WHERE id = ?
                """, arguments: [id.rawValue])
        }
        return try row.map { r in
            OrganizationDetails(summary: OrganizationSummary(id: id, name: r[1],
                                                             branches: try JSONDecoder().decode([Branch].self, from: Data((r[2] as String).utf8)),
                                                             policy: try Self.policy(json: r[3])),
                                reportTo: r[4], language: Language(rawValue: r[5]) ?? .ja, closedDays: r[6], retentionYears: r[7])
        }
    }

    /// The counter policy in force at an organization: its own if it adopted one, else the standard table.
    func policy(for id: OrganizationID) throws -> PolicyTable {
        let json = try pool.read { db in
            try String?.fetchOne(db, sql: "SELECT policy FROM organizations WHERE id = ?", arguments: [id.rawValue]) ?? nil
        }
        return try Self.policy(json: json)
    }

    static func policy(json: String?) throws -> PolicyTable {
        guard let json else { return .standard }
        return try JSONDecoder().decode(PolicyTable.self, from: Data(json.utf8))
    }

    /// Every open case as a shift handover sees it.
    public func openCases() throws -> [ShiftCase] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, lane, report_due_on, assignee, state FROM cases WHERE \(QueueSQL.isOpen) ORDER BY seq
                """).compactMap { r in
                guard let id = CaseID(r[0] as String), let due = LocalDate(iso: r[2]) else { return nil }
                return ShiftCase(id: id, lane: (r[1] as String?).flatMap(Lane.init(rawValue:)), dueOn: due, assignee: r[3],
                                 reported: CaseStatus(rawValue: r[4] as String)?.awaitsReport == false)
            }
        }
    }

    /// Events per stream and the highest version, for streams whose id starts with `prefix`.
    public func streamCounts(prefix: String) throws -> [StreamID: (count: Int, maxVersion: Int)] {
        try pool.read { db in
            var out: [StreamID: (count: Int, maxVersion: Int)] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT stream_id, COUNT(*), MAX(version) FROM events WHERE substr(stream_id, 1, length(?)) = ? GROUP BY stream_id
                """, arguments: [prefix, prefix])
            while let r = try rows.next() { out[StreamID(r[0] as String)] = (r[1], r[2]) }
            return out
        }
    }

    public func caseCount() throws -> Int {
        try pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM cases") ?? 0 }
    }
}
