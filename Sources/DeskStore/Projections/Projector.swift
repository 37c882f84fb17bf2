import DeskDomain
import Foundation
import GRDB

/// Writes the projections for one event. The same code runs inside the append transaction and in
/// `rebuild`, which is why a rebuild gives the same tables.
extension JSONEncoder {
    static var sorted: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }
}

enum Projector {
    static let summaryLength = 80

    /// Writes what `e` changes into the read models named by `tb` (the live tables, or a rebuild's new ones).
    static func apply(_ e: EventEnvelope, _ db: Database, keyring: SubjectKeyring, timings: AppendTimings = .off,
                      tables tb: ProjectionTables = .live) throws {
        let caseID = e.stream.caseID?.description
        func touch(state: CaseStatus? = nil, lane: Lane? = nil) throws {
            guard let caseID else { return }
            // Naming state or lane in SET rewrites the queue's indexes even when the value stays: only when it moves.
            if state == nil && lane == nil {
                try db.cachedStatement(sql: "UPDATE \(tb.cases) SET last_activity = ?, version = ?, changed_at = ? WHERE id = ?")
                    .execute(arguments: [e.recordedAt, e.version, e.position.value, caseID])
                return
            }
            try db.cachedStatement(sql: """
                UPDATE \(tb.cases) SET last_activity = ?, version = ?, state = COALESCE(?, state), lane = COALESCE(?, lane), changed_at = ?
                WHERE id = ?
                """).execute(arguments: [e.recordedAt, e.version, state?.rawValue, lane?.rawValue, e.position.value, caseID])
        }
        func ledger(about: String, answered: String) throws {
            guard let caseID else { return }
            let parties = try String.fetchAll(db.cachedStatement(sql: """
                SELECT cs.subject_id FROM \(tb.caseSubjects) cs JOIN \(tb.subjects) s ON s.id = cs.subject_id
                WHERE cs.case_id = ? AND s.kind = 'counterparty' ORDER BY cs.subject_id
                """), arguments: [caseID])
            for p in parties {
                try db.cachedStatement(sql: "INSERT INTO \(tb.ledger)(event_position, counterparty, case_id, at, about, answered) VALUES (?, ?, ?, ?, ?, ?)").execute(
                               arguments: [e.position.value, p, caseID, e.recordedAt, about, answered])
            }
        }
        func subject(_ id: SubjectID, _ kind: SubjectKind) throws {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO \(tb.subjects)(id, kind) VALUES (?, ?)").execute(arguments: [id.rawValue, kind.rawValue])
            if let caseID {
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO \(tb.caseSubjects)(case_id, subject_id) VALUES (?, ?)").execute(
                               arguments: [caseID, id.rawValue])
            }
        }

        // The behaviour types the monthly totals count: the hand-over's, then the desk's assessment's.
        func behaviours(_ list: [BehaviourType]) throws {
            try db.cachedStatement(sql: "UPDATE \(tb.cases) SET behaviours = ? WHERE id = ?").execute(
                arguments: [list.isEmpty ? nil : list.map(\.rawValue).joined(separator: ","), caseID])
        }

        func index(_ texts: [Personal?]) throws {
            guard let caseID else { return }
            for case let t? in texts {
                guard let body = t.text else { continue }
                try db.cachedStatement(sql: "INSERT INTO \(tb.searchBacklog)(case_id, subject_id, body) VALUES (?, ?, ?)").execute(
                               arguments: [caseID, t.subject.rawValue, SearchFold.fold(body)])
                // Rows leave the backlog all at once, so the new row's id counts the texts waiting (erasure's gaps
                // only make a batch go in earlier): no count query on every append.
                if db.lastInsertedRowID >= searchBatch { try flushSearch(db, tables: tb) }
            }
        }

        // What people wrote goes into the search index, folded, while it can be read.
        if caseID != nil {
            let texts: [Personal?]
            switch e.event {
            case .intakeRecorded(let p): texts = [p.complaint, p.requests]
            case .statementRecorded(let p): texts = [p.text]
            case .noteAdded(let p), .rejectedAsThreat(let p): texts = [p.text]
            case .applicantAdded(let p): texts = [p.text]
            case .escalated(let p): texts = [p.reason]
            case .assessed(let p): texts = [p.reason, p.opinion]
            case .classified(let p): texts = [p.reason]
            case .laneOverridden(let p): texts = [p.reason]
            case .reportDrafted(let p): texts = [p.opinion]
            case .organizationDecided(let p): texts = [p.decision]
            case .feedbackGiven(let p): texts = [p.text]
            case .factsRecorded, .counterpartyLinked, .handedOver, .reviewStarted, .reported, .closed, .enquiryLogged,
                 .caseAssigned, .legalHoldPlaced, .legalHoldLifted, .ladderStepTaken, .counterActionTaken, .reportApproved, .taskOpened,
                 .taskDone, .contactSet, .organizationRegistered, .retentionSet, .policyAdopted, .staffAdded, .staffRemoved, .shiftStarted, .shiftEnded,
                 .consultationOpened, .careTaskOpened, .careTaskDone, .consultationLinked, .consultationNoted, .consultationClosed,
                 .restrictedAccess, .subjectErased, .subjectExported, .standingSet, .checkpointSigned:
                texts = []
            }
            try timings.measure(.search, within: .projections) { try index(texts) }
        }
        // The state this event moves the case to, from the one life cycle (an escalation reads the current state below).
        let next = caseID == nil ? nil : CaseStatus.after(e.event, from: nil)
        switch e.event {
        case .intakeRecorded(let p):
            guard let id = e.stream.caseID else { return }
            let closed = try String.fetchOne(db.cachedStatement(sql: "SELECT closed_days FROM \(tb.organizations) WHERE id = ?"),
                                             arguments: [p.organization.rawValue])
            let periods = (closed ?? "").split(separator: ",").compactMap { ClosedPeriod(String($0)) }
            let day = LocalDate(japanTime: Timestamp.date(e.recordedAt) ?? Date(timeIntervalSince1970: 0))
            let due = BusinessCalendar(closed: periods).reportDue(intakeDay: day)
            try db.cachedStatement(sql: """
                INSERT INTO \(tb.cases)(id, seq, organization, branch, store, channel, language, lane, state, opened_at,
                                  report_due_on, last_activity, summary, assignee, version, applicant, changed_at, opened_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)
                """).execute(arguments: [id.description, id.number, p.organization.rawValue, p.branch, p.store, p.channel.rawValue,
                                 p.language.rawValue, CaseStatus.intake.rawValue, e.recordedAt, due.description,
                                 e.recordedAt, summary(p.complaint), e.version, p.applicant.subject.rawValue, e.position.value,
                                 e.actor.user])
            try subject(p.applicant.subject, .applicant)
            for s in p.staff { try subject(s.subject, .staffMember) }
            if let hash = p.evidence, let sealed = try Data.fetchOne(db, sql: "SELECT sealed FROM evidence WHERE hash = ?", arguments: [hash]),
               let original = keyring.openEvidence(sealed, subject: p.applicant.subject), let desk = keyring.deskKey {
                try db.cachedStatement(sql: "INSERT INTO \(tb.intakeFingerprints)(hmac, case_id, subject_id) VALUES (?, ?, ?)").execute(
                               arguments: [desk.fingerprint(original), id.description, p.applicant.subject.rawValue])
            }
            if let tag = p.receipt {
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO \(tb.receipts)(tag, case_id, subject_id) VALUES (?, ?, ?)").execute(
                               arguments: [tag, id.description, p.applicant.subject.rawValue])
            }
        case .counterpartyLinked(let p):
            try touch()
            try subject(p.counterparty, .counterparty)
            let channel = try String.fetchOne(db, sql: "SELECT channel FROM \(tb.cases) WHERE id = ?", arguments: [caseID]) ?? "-"
            try db.cachedStatement(sql: "INSERT INTO \(tb.ledger)(event_position, counterparty, case_id, at, about, answered) VALUES (?, ?, ?, ?, ?, ?)").execute(
                           arguments: [e.position.value, p.counterparty.rawValue, caseID, e.recordedAt,
                                       "contact (\(channel))", "-"])
        case .handedOver(let p):
            try touch(state: next, lane: p.lane)
            try behaviours(p.behaviours)
            try ledger(about: "hand-over (\(p.lane.rawValue))", answered: p.scripts.joined(separator: ","))
        case .reviewStarted: try touch(state: next)
        case .escalated(let p):
            // The only move that depends on where the case stands.
            let current = try String.fetchOne(db.cachedStatement(sql: "SELECT state FROM \(tb.cases) WHERE id = ?"), arguments: [caseID])
                .flatMap(CaseStatus.init(rawValue:))
            try touch(state: CaseStatus.after(e.event, from: current))
            try ledger(about: "escalated to \(p.target.rawValue)", answered: "-")
        case .reported:
            try touch(state: next)
            try db.cachedStatement(sql: "UPDATE \(tb.cases) SET reported_at = ? WHERE id = ?").execute(arguments: [e.recordedAt, caseID])
        case .reportDrafted, .reportApproved, .organizationDecided:
            try touch()
        case .feedbackGiven(let p):
            try touch()
            try ledger(about: "feedback to the applicant (\(p.channel.rawValue))", answered: "-")
        case .taskOpened(let p):
            try touch()
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO \(tb.tasks)(case_id, kind, opened_at) VALUES (?, ?, ?)").execute(
                           arguments: [caseID, p.kind.rawValue, e.recordedAt])
        case .taskDone(let p):
            try touch()
            try db.cachedStatement(sql: "UPDATE \(tb.tasks) SET done_at = ?, done_by = ?, reference = ? WHERE case_id = ? AND kind = ?").execute(
                           arguments: [e.recordedAt, e.actor.user, p.reference, caseID, p.kind.rawValue])
        case .closed, .rejectedAsThreat:
            try touch(state: next)
            try db.cachedStatement(sql: "UPDATE \(tb.cases) SET closed_at = ? WHERE id = ?").execute(arguments: [e.recordedAt, caseID])
        case .legalHoldPlaced(let p):
            try touch()
            try db.cachedStatement(sql: "UPDATE \(tb.cases) SET hold = ? WHERE id = ?").execute(arguments: [p.kind.rawValue, caseID])
        case .legalHoldLifted:
            try touch()
            try db.cachedStatement(sql: "UPDATE \(tb.cases) SET hold = NULL WHERE id = ?").execute(arguments: [caseID])
        case .retentionSet(let p):
            guard e.stream.rawValue.hasPrefix("org-") else { return }
            try db.cachedStatement(sql: "UPDATE \(tb.organizations) SET retention_years = ? WHERE id = ?").execute(
                           arguments: [p.years, String(e.stream.rawValue.dropFirst(4))])
        case .subjectExported, .checkpointSigned:
            break
        case .standingSet(let p):
            guard e.stream.rawValue.hasPrefix("subject-") else { return }
            try db.cachedStatement(sql: "UPDATE \(tb.subjects) SET standing = ?, standing_until = ? WHERE id = ?").execute(
                           arguments: [p.standing == .none ? nil : p.standing.rawValue, p.until?.description,
                                       String(e.stream.rawValue.dropFirst(8))])
        case .policyAdopted(let p):
            guard e.stream.rawValue.hasPrefix("org-") else { return }
            let json = String(decoding: try JSONEncoder.sorted.encode(p.table), as: UTF8.self)
            try db.cachedStatement(sql: "UPDATE \(tb.organizations) SET policy = ? WHERE id = ?").execute(
                           arguments: [json, String(e.stream.rawValue.dropFirst(4))])
        case .ladderStepTaken(let p):
            // A case the police were called to is the danger lane's, as the case's own state says (CaseState.evolve).
            if p.step == .call110 { try touch(lane: .danger) } else { try touch() }
            try ledger(about: "police ladder: \(p.step.rawValue)", answered: "-")
        case .enquiryLogged(let p):
            try touch()
            try ledger(about: "progress enquiry (\(p.channel.rawValue))", answered: p.answeredWith)
        case .caseAssigned(let p):
            try touch()
            try db.cachedStatement(sql: "UPDATE \(tb.cases) SET assignee = ? WHERE id = ?").execute(arguments: [p.assignee.user, caseID])
        case .assessed(let p):
            try touch()
            try behaviours(p.behaviours)
        case .classified(let p):
            try touch()
            try db.cachedStatement(sql: "UPDATE \(tb.cases) SET classification = ? WHERE id = ?").execute(
                arguments: [p.classification.rawValue, caseID])
        case .factsRecorded, .statementRecorded, .noteAdded, .applicantAdded:
            try touch()
        case .laneOverridden(let p):
            try touch(lane: p.to)
        case .organizationRegistered(let p):
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys     // the same bytes on every replay
            let branches = String(decoding: try encoder.encode(p.branches), as: UTF8.self)
            try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO \(tb.organizations)(id, name, report_to, language, closed_days, retention_years, branches)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [p.id.rawValue, p.name, p.reportTo, p.language.rawValue,
                                 p.closedDays.map(\.description).joined(separator: ","), p.retentionYears, branches])
        case .staffAdded(let p):
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO \(tb.staff)(user, display_name, role, active) VALUES (?, ?, ?, 1)").execute(
                           arguments: [p.user, p.displayName, p.role.rawValue])
        case .staffRemoved(let p):
            try db.cachedStatement(sql: "UPDATE \(tb.staff) SET active = 0 WHERE user = ?").execute(arguments: [p.user])
            try db.cachedStatement(sql: "UPDATE \(tb.shifts) SET on_shift = 0, ended_at = ? WHERE user = ? AND on_shift = 1").execute(
                arguments: [e.recordedAt, p.user])
        case .consultationOpened(let p):
            guard let id = e.stream.consultationID else { return }
            try db.cachedStatement(sql: """
                INSERT INTO \(tb.consultations)(id, seq, organization, employee, state, opened_at, opened_by, mental_health, secondary, counsellor)
                VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)
                """).execute(arguments: [id.description, id.number, p.organization.rawValue, p.employee.rawValue, e.recordedAt,
                                         p.openedBy.rawValue, p.mentalHealth, p.secondary?.rawValue, e.actor.user])
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO \(tb.subjects)(id, kind) VALUES (?, ?)").execute(
                arguments: [p.employee.rawValue, SubjectKind.employee.rawValue])
        case .careTaskOpened(let p):
            guard let id = e.stream.consultationID else { return }
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO \(tb.careTasks)(consult_id, kind, due, done_at) VALUES (?, ?, ?, NULL)").execute(
                arguments: [id.description, p.kind.rawValue, p.due.description])
        case .careTaskDone(let p):
            guard let id = e.stream.consultationID else { return }
            try db.cachedStatement(sql: "UPDATE \(tb.careTasks) SET done_at = ? WHERE consult_id = ? AND kind = ?").execute(
                arguments: [e.recordedAt, id.description, p.kind.rawValue])
        case .consultationClosed:
            guard let id = e.stream.consultationID else { return }
            try db.cachedStatement(sql: "UPDATE \(tb.consultations) SET state = 'closed', closed_at = ? WHERE id = ?").execute(
                arguments: [e.recordedAt, id.description])
        case .counterActionTaken:
            try touch()
        case .consultationLinked, .consultationNoted, .restrictedAccess, .contactSet:
            break
        case .shiftStarted:
            guard let user = e.stream.staffUser else { return }
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO \(tb.shifts)(user, on_shift, started_at, ended_at) VALUES (?, 1, ?, NULL)").execute(
                arguments: [user, e.recordedAt])
        case .shiftEnded(let p):
            guard let user = e.stream.staffUser else { return }
            try db.cachedStatement(sql: "UPDATE \(tb.shifts) SET on_shift = 0, ended_at = ? WHERE user = ?").execute(arguments: [e.recordedAt, user])
            try db.cachedStatement(sql: "INSERT INTO \(tb.handovers)(position, user, at) VALUES (?, ?, ?)").execute(
                arguments: [e.position.value, user, e.recordedAt])
            if let note = p.note {
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO \(tb.subjects)(id, kind) VALUES (?, ?)").execute(
                    arguments: [note.subject.rawValue, SubjectKind.shiftNote.rawValue])
            }
        case .subjectErased(let p):
            try db.cachedStatement(sql: "UPDATE \(tb.subjects) SET erased_at = ?, erased_by = ? WHERE id = ?").execute(
                           arguments: [e.recordedAt, e.actor.user, p.subject.rawValue])
            try db.cachedStatement(sql: "UPDATE \(tb.cases) SET summary = ?, changed_at = ? WHERE applicant = ?").execute(
                           arguments: [Personal(subject: p.subject, content: .erased).display, e.position.value, p.subject.rawValue])
            try db.cachedStatement(sql: "DELETE FROM \(tb.intakeFingerprints) WHERE subject_id = ?").execute(arguments: [p.subject.rawValue])
            try db.cachedStatement(sql: "DELETE FROM \(tb.receipts) WHERE subject_id = ?").execute(arguments: [p.subject.rawValue])
            // SQLite 3.40's FTS5 has no secure-delete: delete the rows, then merge every segment so that no
            // trigram of the erased text stays in an old one (secure_delete zeroes the freed pages).
            try db.cachedStatement(sql: "DELETE FROM \(tb.caseSearch) WHERE subject_id = ?").execute(arguments: [p.subject.rawValue])
            try db.cachedStatement(sql: "DELETE FROM \(tb.searchBacklog) WHERE subject_id = ?").execute(arguments: [p.subject.rawValue])
            try db.cachedStatement(sql: "INSERT INTO \(tb.caseSearch)(\(tb.caseSearch)) VALUES ('optimize')").execute()
        }
    }

    /// How many texts wait in the backlog before they go into the search index together.
    static let searchBatch = 128

    /// Moves every waiting text into the trigram index in one statement (nothing to move writes nothing).
    static func flushSearch(_ db: Database, tables tb: ProjectionTables = .live) throws {
        try db.cachedStatement(sql: """
            INSERT INTO \(tb.caseSearch)(case_id, subject_id, body) SELECT case_id, subject_id, body FROM \(tb.searchBacklog) ORDER BY id
            """).execute()
        try db.cachedStatement(sql: "DELETE FROM \(tb.searchBacklog)").execute()
    }

    /// The queue's one-line summary: the start of the complaint's first line, or why it is not readable.
    static func summary(_ complaint: Personal) -> String {
        guard let text = complaint.text else { return complaint.display }
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.count > summaryLength ? String(line.prefix(summaryLength - 1)) + "…" : line
    }
}
