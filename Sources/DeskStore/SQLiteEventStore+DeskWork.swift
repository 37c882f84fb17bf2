import DeskDomain
import Foundation
import GRDB


extension SQLiteEventStore {
    /// A case's evidence in intake order, opened when the keys allow.
    public func evidence(of id: CaseID, role: Role) throws -> [EvidenceItem] {
        let d = try caseDetail(id, role: role)
        guard case .intakeRecorded(let p)? = d.events.first?.event else { return [] }
        func open(_ hash: String) throws -> Data? {
            try pool.read { db in try Data.fetchOne(db, sql: "SELECT sealed FROM evidence WHERE hash = ?", arguments: [hash]) }
                .flatMap { keyring.openEvidence($0, subject: p.applicant.subject) }
        }
        var out: [EvidenceItem] = []
        if let h = p.evidence {
            let content = try open(h)
            out.append(EvidenceItem(index: 0, hash: h, label: "original", mediaType: p.channel == .email ? "message/rfc822" : "application/octet-stream",
                                    bytes: content?.count ?? 0, content: content))
        }
        for (i, a) in (p.attachments ?? []).enumerated() {
            out.append(EvidenceItem(index: i + 1, hash: a.evidence, label: a.name?.display ?? "(no name)", mediaType: a.mediaType,
                                    bytes: a.bytes, content: try open(a.evidence)))
        }
        return out
    }

    /// The desk's report of a case, personal fields opened for `role` (names and contacts only for the desk's line).
    public func caseReport(_ id: CaseID, role: Role, language: Language? = nil) throws -> CaseReport {
        let d = try caseDetail(id, role: role)
        let org = try organizationDetails(d.summary.organization)
        let name = try organizationName(d.summary.organization) ?? d.summary.organization.rawValue
        let lang = language ?? org.flatMap { Language(rawValue: $0.language) } ?? .ja
        do {
            return try CaseReport.build(caseID: id.description,
                                        events: d.events.map { ReportInput(recordedAt: $0.recordedAt, actor: $0.actor.user, event: $0.event) },
                                        organizationName: name, reportTo: org?.reportTo ?? "-", language: lang, dueOn: d.summary.reportDueOn.description)
        } catch {
            throw InputError.invalid("case \(id)", expected: "a case with a report draft (\(error.description))")
        }
    }

    /// Tasks, the open ones first (oldest first), then those done; `openOnly` leaves the done ones out.
    public func tasks(openOnly: Bool) throws -> [TaskRow] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT t.case_id, c.organization, t.kind, t.opened_at, t.done_at, t.done_by, t.reference
                FROM tasks t JOIN cases c ON c.id = t.case_id
                \(openOnly ? "WHERE t.done_at IS NULL" : "")
                ORDER BY t.done_at IS NOT NULL, t.opened_at, t.case_id, t.kind
                """).compactMap { r in
                guard let id = CaseID(r[0] as String), let kind = TaskKind(rawValue: r[2]) else { return nil }
                return TaskRow(caseID: id, organization: r[1], kind: kind, openedAt: r[3], doneAt: r[4], doneBy: r[5], reference: r[6])
            }
        }
    }

    /// The UTC bounds of a month in Japan time, as stored timestamps compare.
    static func bounds(_ m: Month) -> (String, String) {
        func start(_ d: LocalDate) -> String {
            Timestamp.string(Date(timeIntervalSince1970: Double(d.dayNumber) * 86400 - 9 * 3600))
        }
        return (start(m.first), start(m.next.first))
    }

    /// The month's totals from the projections (the console's monthly view): one indexed range of the cases table.
    public func monthlyTotals(organization: OrganizationID, month: Month, asOf: LocalDate) throws -> MonthlyTotals {
        let (from, to) = Self.bounds(month)
        return try pool.read { db in
            var t = MonthlyTotals(organization: organization.rawValue, month: month, asOf: asOf)
            let rows = try Row.fetchCursor(db, sql: """
                SELECT channel, lane, state, behaviours, classification, report_due_on, reported_at FROM cases
                WHERE organization = ? AND opened_at >= ? AND opened_at < ? ORDER BY seq
                """, arguments: [organization.rawValue, from, to])
            while let r = try rows.next() {
                guard let channel = Channel(rawValue: r[0]), let status = CaseStatus(rawValue: r[2]),
                      let due = LocalDate(iso: r[5]) else { continue }
                let behaviours = ((r[3] as String?) ?? "").split(separator: ",").compactMap { BehaviourType(rawValue: String($0)) }
                t.add(MonthlyCase(channel: channel, lane: (r[1] as String?).flatMap(Lane.init(rawValue:)), status: status,
                                  behaviours: behaviours, classification: (r[4] as String?).flatMap(Classification.init(rawValue:)),
                                  dueOn: due, reportedOn: (r[6] as String?).flatMap(Timestamp.date).map { LocalDate(japanTime: $0) }))
            }
            return t
        }
    }

    /// The month's totals counted from the log itself (what `mado report monthly` sends): streams the events
    /// that matter in position order, without opening any personal field, so no key is needed.
    public func monthlyTotalsFromLog(organization: OrganizationID, month: Month, asOf: LocalDate) throws -> MonthlyTotals {
        var tally = MonthlyTally(organization: organization, month: month)
        try pool.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT position, stream_id, version, type, schema_version, payload, actor, recorded_at FROM events
                WHERE type IN ('organizationRegistered', 'intakeRecorded', 'handedOver', 'reviewStarted', 'assessed', 'classified',
                               'laneOverridden', 'escalated', 'reported', 'closed', 'rejectedAsThreat')
                ORDER BY position
                """)
            while let row = try rows.next() {
                let e = try Self.decode(row, sealer: nil)
                tally.add(stream: e.stream.rawValue, at: Timestamp.date(e.recordedAt) ?? Date(timeIntervalSince1970: 0), event: e.event)
            }
        }
        return tally.totals(asOf: asOf)
    }
}
