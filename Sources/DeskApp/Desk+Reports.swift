import DeskDomain
import Foundation

extension Desk {
    /// The desk's report of a case (seed 003's fields), in the organization's report language unless `language` says.
    public func caseReport(_ id: CaseID, language: Language? = nil) throws -> CaseReport {
        let me = try require(.readReport)
        guard let d = try reads.caseDetail(id, visibility: RoleMatrix.visibility(for: me.role)) else {
            throw DeskError.noSuchCase(id.description)
        }
        let org = try reads.organization(d.summary.organization)
        do {
            return try CaseReport.build(caseID: id.description,
                                        events: d.events.map { ReportInput(recordedAt: $0.recordedAt, actor: $0.actor.user, event: $0.event) },
                                        organizationName: org?.name ?? d.summary.organization.rawValue, reportTo: org?.reportTo ?? "-",
                                        language: language ?? org?.language ?? .ja, dueOn: d.summary.reportDueOn.description)
        } catch {
            throw InputError.invalid("case \(id)", expected: "a case with a report draft (\(error.description))")
        }
    }

    /// A month's totals for an organization counted from the log itself (what is sent): the events that matter, in
    /// position order, without opening any personal field.
    public func monthlyTotals(_ org: OrganizationID, month: Month) throws -> (totals: MonthlyTotals, organization: OrganizationDetails) {
        try require(.readMonthlyTotals)
        guard let details = try reads.organization(org) else { throw try unknownOrganization(org) }
        var tally = MonthlyTally(organization: org, month: month)
        try log.forEachEvent(after: Position(0), types: MonthlyTally.eventTypes) { e in
            tally.add(stream: e.stream.rawValue, at: StoredTime.date(e.recordedAt) ?? Date(timeIntervalSince1970: 0), event: e.event)
        }
        return (tally.totals(asOf: LocalDate(japanTime: clock())), details)
    }

    /// The same from the queue's projection (one indexed range; the console's monthly view), for `org` or the first one.
    public func monthlyTotalsNow(_ org: OrganizationID?, month: Month) throws -> (totals: MonthlyTotals, organizations: [OrganizationSummary]) {
        try require(.readMonthlyTotals)
        let orgs = try reads.organizations()
        guard let id = org ?? orgs.first?.id else { throw DeskError.noOrganizations }
        return (try reads.monthlyTotals(organization: id, month: month, asOf: LocalDate(japanTime: clock())), orgs)
    }

    /// Tasks, the open ones first (oldest first), then those done.
    public func tasks(openOnly: Bool) throws -> [TaskRow] {
        try require(.listTasks)
        return try reads.tasks(openOnly: openOnly)
    }

    /// A case's evidence in intake order (0: the submission as received; 1...: its attachments), opened when the keys allow.
    public func evidence(of id: CaseID) throws -> [EvidenceItem] {
        let me = try require(.readEvidence)
        let events = try log.load(id.streamID, after: 0, visibility: RoleMatrix.visibility(for: me.role))
        guard case .intakeRecorded(let p)? = events.first?.event else { throw DeskError.noSuchCase(id.description) }
        var out: [EvidenceItem] = []
        if let h = p.evidence {
            let content = try log.openEvidence(h, subject: p.applicant.subject)
            out.append(EvidenceItem(index: 0, hash: h, label: "original",
                                    mediaType: p.channel == .email ? "message/rfc822" : "application/octet-stream",
                                    bytes: content?.count ?? 0, content: content))
        }
        for (i, a) in (p.attachments ?? []).enumerated() {
            out.append(EvidenceItem(index: i + 1, hash: a.evidence, label: a.name?.display ?? "(no name)", mediaType: a.mediaType,
                                    bytes: a.bytes, content: try log.openEvidence(a.evidence, subject: p.applicant.subject)))
        }
        return out
    }

    /// Who tried to open a restricted record (a consultation, an employee's data), oldest first; one user's, or everyone's.
    public func accessLog(user: String? = nil) throws -> [(at: String, access: RestrictedAccess)] {
        try require(.readAccessLog)
        var out: [(String, RestrictedAccess)] = []
        try log.forEachEvent(after: Position(0), types: ["restrictedAccess"]) { e in
            if case .restrictedAccess(let a) = e.event, user == nil || a.user == user { out.append((e.recordedAt, a)) }
        }
        return out
    }
}
