import DeskApp
import DeskCodec
import DeskDomain
import Foundation

/// The desk's log and read models in memory: no SQLite, no file. `Desk` runs on it as on the real store, which shows
/// that the store protocols are the whole seam. Payloads go through the log's own codec, "sealed" in clear under each
/// subject, so that erasure, withheld fields and the keys of new subjects behave as they do in the store; and it checks
/// what the store cannot: that an append writes the key of every new subject it seals under.
final class FakeLog: EventLog, DeskReads, @unchecked Sendable {
    struct Stored {
        let envelope: EventEnvelope
        let payload: Data
    }
    enum Failure: Error, Equatable, CustomStringConvertible {
        case keyNotWritten(SubjectID), noKey(SubjectID), erased(SubjectID), onHold(SubjectID)
        var description: String {
            switch self {
            case .keyNotWritten(let s): "an append sealed under \(s), a new subject whose key it did not write"
            case .noKey(let s): "no key for \(s)"
            case .erased(let s): "\(s) was erased"
            case .onHold(let s): "\(s) is in a case on hold"
            }
        }
    }

    fileprivate let lock = NSLock()
    fileprivate(set) var stored: [Stored] = []
    fileprivate var pending: [SubjectID: SubjectKind] = [:]
    fileprivate(set) var kinds: [SubjectID: SubjectKind] = [:]
    fileprivate var erasedAt: [SubjectID: String] = [:]
    private var evidence: [String: (subject: SubjectID, bytes: Data)] = [:]
    private var fingerprints: [Data: CaseID] = [:]
    private var presence: [String: (user: String, caseID: CaseID, at: Date)] = [:]
    private var counter = 0

    // MARK: EventLog

    func load(_ stream: StreamID, after version: Int, visibility: FieldVisibility) throws -> [EventEnvelope] {
        try lock.withLock { stored }.filter { $0.envelope.stream == stream && $0.envelope.version > version }.map { try open($0, visibility) }
    }

    func event(at position: Position, visibility: FieldVisibility) throws -> EventEnvelope? {
        try lock.withLock { stored }.first { $0.envelope.position == position }.map { try open($0, visibility) }
    }

    func version(of stream: StreamID) throws -> Int { lock.withLock { stored.filter { $0.envelope.stream == stream }.count } }

    func forEachEvent(after position: Position, types: Set<String>?, _ body: (EventEnvelope) throws -> Void) throws {
        for s in lock.withLock({ stored }) where s.envelope.position > position && (types?.contains(s.envelope.event.type) ?? true) {
            try body(try open(s, .none))
        }
    }

    @discardableResult
    func append(_ events: [DeskEvent], to target: AppendTarget, expected: ExpectedVersion, actor: Actor, at now: Date,
                newSubjects: [SubjectID], evidence items: [SealedEvidence]) throws -> (stream: StreamID, version: Int) {
        try lock.withLock {
            let stream: StreamID = switch target {
            case .stream(let s): s
            case .newCase: CaseID(number: stored.compactMap { $0.envelope.stream.caseID?.number }.max().map { $0 + 1 } ?? 1).streamID
            case .newConsultation:
                ConsultationID(number: stored.compactMap { $0.envelope.stream.consultationID?.number }.max().map { $0 + 1 } ?? 1).streamID
            }
            let actual = stored.filter { $0.envelope.stream == stream }.count
            guard actual == expected.value else { throw AppendError.wrongExpectedVersion(stream: stream, expected: expected, actual: actual) }
            for e in items {
                if let fp = e.fingerprint, let existing = fingerprints[fp] { throw AppendError.duplicateSubmission(existing: existing) }
            }
            if case .subjectErased(let p)? = events.first, holds(p.subject) { throw Failure.onHold(p.subject) }
            let sealer = Sealer(log: self, writing: Set(newSubjects))
            let payloads = try events.map { try $0.encodePayload(sealer: sealer) }
            let recordedAt = Self.stamp(now)
            for (i, (event, payload)) in zip(events, payloads).enumerated() {
                let envelope = EventEnvelope(position: Position(Int64(stored.count + 1)), stream: stream, version: actual + 1 + i,
                                             actor: actor, recordedAt: recordedAt, event: event)
                stored.append(Stored(envelope: envelope, payload: payload))
                if case .subjectErased(let p) = event { erasedAt[p.subject] = recordedAt }
                if case .intakeRecorded(let p) = event, let id = stream.caseID, let h = p.evidence,
                   let fp = items.first(where: { $0.hash == h })?.fingerprint {
                    fingerprints[fp] = id
                }
            }
            for id in newSubjects { if let k = pending.removeValue(forKey: id) { kinds[id] = k } }
            for e in items { evidence[e.hash] = (e.subject, e.sealed) }
            return (stream, actual + events.count)
        }
    }

    func newSubject(_ kind: SubjectKind) -> SubjectID {
        lock.withLock {
            counter += 1
            let id = SubjectID("s-" + String(format: "%016x", counter))
            pending[id] = kind
            return id
        }
    }

    func discardSubjects(_ ids: [SubjectID]) { lock.withLock { for id in ids { pending[id] = nil } } }

    func sealEvidence(_ bytes: Data, subject: SubjectID) throws -> SealedEvidence {
        let hash = lock.withLock { counter += 1; return "evidence-\(counter)" }
        return SealedEvidence(hash: hash, subject: subject, sealed: bytes, fingerprint: Data(("fp" + String(decoding: bytes, as: UTF8.self)).utf8))
    }

    func receiptTag(_ receipt: Receipt) throws -> String { "tag-" + receipt.digits }

    func openEvidence(_ hash: String, subject: SubjectID) throws -> Data? {
        lock.withLock { erasedAt[subject] == nil ? evidence[hash]?.bytes : nil }
    }

    func erase(_ subject: SubjectID, reason: String, actor: Actor, at now: Date) throws -> EraseOutcome {
        let v = try version(of: subject.streamID)
        try append([.subjectErased(SubjectErased(subject: subject, reason: reason))], to: .stream(subject.streamID),
                   expected: v == 0 ? .noStream : .exact(StreamVersion(v)), actor: actor, at: now, newSubjects: [], evidence: [])
        return .complete
    }

    func watch() throws -> any LogWatcher { Watcher(log: self) }

    /// No hashes here: only the checkpoints' count and the anchor's position (the store's tests check the rest).
    func verify(anchor: SignedHead?) throws -> VerifyResult {
        let all = lock.withLock { stored }
        let heads = all.compactMap { s -> SignedHead? in if case .checkpointSigned(let h) = s.envelope.event { h } else { nil } }
        if let anchor, anchor.position > Int64(all.count) {
            return VerifyResult(events: all.count, firstBad: (Position(Int64(all.count + 1)), "events are missing"))
        }
        return VerifyResult(events: all.count, firstBad: nil, checkpoints: heads.count, newestCheckpoint: heads.last)
    }

    /// Signs nothing (a fake has no key): records the head it would sign.
    func anchor(actor: Actor, at now: Date) throws -> SignedHead {
        let head = SignedHead(position: Int64(lock.withLock { stored.count }), head: String(repeating: "0", count: 64), at: Self.stamp(now),
                              key: "", signature: "")
        let v = try version(of: .checkpoints)
        try append([.checkpointSigned(head)], to: .stream(.checkpoints), expected: v == 0 ? .noStream : .exact(StreamVersion(v)),
                   actor: actor, at: now, newSubjects: [], evidence: [])
        return head
    }

    func deepCheck() throws -> [String] { [] }

    func missingGuards() throws -> [String] { [] }

    var readOnly: LogError? { nil }

    func backup(to path: String, check: (String) throws -> Void) throws -> BackupOutcome {
        try check(path)
        return BackupOutcome(events: lock.withLock { stored.count }, lastPosition: Int64(lock.withLock { stored.count }), bytes: 0)
    }

    func restore(over path: String) throws -> BackupOutcome {
        BackupOutcome(events: lock.withLock { stored.count }, lastPosition: Int64(lock.withLock { stored.count }), bytes: 0)
    }

    func storageDamage() throws -> String? { nil }

    func rebuild() throws -> RebuildOutcome {
        RebuildOutcome(events: lock.withLock { stored.count }, transactions: 1, longestHold: 0, reclaimed: true)
    }

    var keyProblem: String? { nil }

    func close() {}

    // MARK: Sealing, in clear

    /// Seals under known subjects only; records the new ones it is sealing under, so `append` can check their keys go too.
    struct Sealer: FieldSealer {
        let log: FakeLog
        let writing: Set<SubjectID>
        func seal(_ plaintext: Data, subject: SubjectID, context: String) throws -> SealedValue {
            // Called inside `append`, which holds the lock.
            if log.erasedAt[subject] != nil { throw Failure.erased(subject) }
            if log.pending[subject] != nil && !writing.contains(subject) { throw Failure.keyNotWritten(subject) }
            if log.pending[subject] == nil && log.kinds[subject] == nil { throw Failure.noKey(subject) }
            return SealedValue(subject: subject, nonce: Data(context.utf8), box: plaintext)
        }
        func open(_ value: SealedValue, context: @autoclosure () -> String) -> Personal.Content { .locked }
    }

    struct Opener: FieldSealer {
        let erased: Set<SubjectID>
        let visibility: FieldVisibility
        func seal(_ plaintext: Data, subject: SubjectID, context: String) throws -> SealedValue { throw Failure.noKey(subject) }
        func open(_ value: SealedValue, context makeContext: @autoclosure () -> String) -> Personal.Content {
            if erased.contains(value.subject) { return .erased }
            let parts = makeContext().split(separator: "\u{1F}", maxSplits: 1).map(String.init)
            guard parts.count == 2, visibility.allows(parts[0], parts[1]) else { return .withheld }
            return .open(String(decoding: value.box, as: UTF8.self))
        }
    }

    private func open(_ s: Stored, _ visibility: FieldVisibility) throws -> EventEnvelope {
        let opener = Opener(erased: lock.withLock { Set(erasedAt.keys) }, visibility: visibility)
        let e = s.envelope
        return EventEnvelope(position: e.position, stream: e.stream, version: e.version, actor: e.actor, recordedAt: e.recordedAt,
                             event: try DeskEvent.decode(type: e.event.type, schemaVersion: e.event.schemaVersion, payload: s.payload,
                                                         sealer: opener))
    }

    final class Watcher: LogWatcher {
        let log: FakeLog
        var seen: Int
        init(log: FakeLog) {
            self.log = log
            seen = log.lock.withLock { log.stored.count }
        }
        func poll() -> Bool {
            let now = log.lock.withLock { log.stored.count }
            defer { seen = now }
            return now != seen
        }
    }

    static func stamp(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: d)
    }

    // MARK: Folds the read models need

    private var all: [EventEnvelope] { (try? lock.withLock { stored }.map { try open($0, .all) }) ?? [] }

    private func streams(_ prefix: String) -> [StreamID: [EventEnvelope]] {
        Dictionary(grouping: all.filter { $0.stream.rawValue.hasPrefix(prefix) }, by: \.stream)
    }

    private func holds(_ subject: SubjectID) -> Bool {
        // Called inside `append`: reads `stored` directly.
        let cases = stored.compactMap { s -> CaseID? in
            guard let id = s.envelope.stream.caseID else { return nil }
            return s.envelope.event.personalFields.contains { $0.value.subject == subject } ? id : nil
        }
        return Set(cases).contains { id in
            stored.filter { $0.envelope.stream == id.streamID }.map(\.envelope.event).reduce(CaseState.initial, CaseState.evolve).hold != nil
        }
    }

    private func summary(_ id: CaseID, _ events: [EventEnvelope]) -> CaseSummary? {
        guard case .intakeRecorded(let p)? = events.first?.event else { return nil }
        let state = events.map(\.event).reduce(CaseState.initial, CaseState.evolve)
        let closedDays = (try? organization(p.organization))??.closedDays ?? ""
        let periods = closedDays.split(separator: ",").compactMap { ClosedPeriod(String($0)) }
        let day = LocalDate(japanTime: StoredTime.date(events[0].recordedAt) ?? Date())
        let closedAt = events.last { [.closed, .rejectedThreat].contains(CaseStatus.after($0.event, from: nil)) }?.recordedAt
        let line = p.complaint.text.map { String($0.split(whereSeparator: \.isNewline).first ?? "") } ?? p.complaint.display
        return CaseSummary(id: id, organization: p.organization, branch: p.branch, store: p.store, channel: p.channel, language: p.language,
                           lane: state.lane, status: state.status ?? .intake, openedAt: events[0].recordedAt,
                           reportDueOn: BusinessCalendar(closed: periods).reportDue(intakeDay: day), lastActivity: events.last!.recordedAt,
                           summary: line, assignee: state.assignee?.user, version: StreamVersion(events.count), hold: state.hold, closedAt: closedAt,
                           openedBy: events[0].actor.user)
    }

    private var summaries: [CaseSummary] {
        streams("case-").compactMap { s, events in s.caseID.flatMap { summary($0, events) } }.sorted(by: CaseSummary.queueOrder)
    }

    // MARK: DeskReads

    func staffMember(_ user: String) throws -> StaffMember? { try staffList().first { $0.user == user } }

    func staffList() throws -> [StaffMember] {
        var out: [String: StaffMember] = [:]
        for e in all {
            if case .staffAdded(let p) = e.event { out[p.user] = StaffMember(user: p.user, displayName: p.displayName, role: p.role, active: true) }
            if case .staffRemoved(let p) = e.event, let m = out[p.user] {
                out[p.user] = StaffMember(user: m.user, displayName: m.displayName, role: m.role, active: false)
            }
        }
        return out.values.sorted { $0.user < $1.user }
    }

    func queueHead(limit: Int, today: LocalDate) throws -> QueueHead {
        let rows = summaries
        return QueueHead(rows: Array(rows.prefix(limit)), total: rows.count, danger: rows.filter(\.isOpenDanger).count,
                         overdue: rows.filter { $0.isOverdue(on: today) }.count)
    }

    func queueSnapshot() throws -> (rows: [CaseSummary], through: Int64) { (summaries, Int64(lock.withLock { stored.count })) }

    func casesChanged(after: Int64) throws -> (rows: [CaseSummary], through: Int64) {
        let changed = Set(lock.withLock { stored }.filter { $0.envelope.position.value > after }.compactMap { $0.envelope.stream.caseID })
        return (summaries.filter { changed.contains($0.id) }, Int64(lock.withLock { stored.count }))
    }

    func forEachCase(_ body: (CaseSummary) throws -> Void) throws { try summaries.forEach(body) }

    func caseSummary(_ id: CaseID) throws -> CaseSummary? { summary(id, streams("case-")[id.streamID] ?? []) }

    func caseCount() throws -> Int { summaries.count }

    func search(_ query: String) throws -> Set<CaseID> {
        let q = SearchFold.fold(query)
        guard !q.isEmpty else { return [] }
        return Set(all.filter { e in e.event.personalFields.contains { SearchFold.fold($0.value.text ?? "").contains(q) } }
            .compactMap(\.stream.caseID))
    }

    func caseDetail(_ id: CaseID, visibility: FieldVisibility) throws -> CaseDetail? {
        guard let s = try caseSummary(id) else { return nil }
        let org = try organization(s.organization)
        return CaseDetail(summary: s, events: try load(id.streamID, after: 0, visibility: visibility), ledger: [], reportTo: org?.reportTo,
                          policy: org?.summary.policy ?? .standard)
    }

    func openCases() throws -> [ShiftCase] {
        summaries.filter(\.isOpen).map { ShiftCase(id: $0.id, lane: $0.lane, dueOn: $0.reportDueOn, assignee: $0.assignee,
                                                  reported: !$0.status.awaitsReport) }
    }

    func organizations() throws -> [OrganizationSummary] {
        try streams("org-").keys.sorted { $0.rawValue < $1.rawValue }.compactMap { try organization(OrganizationID(String($0.rawValue.dropFirst(4))))?.summary }
    }

    func organization(_ id: OrganizationID) throws -> OrganizationDetails? {
        var reg: OrganizationRegistered?, policy = PolicyTable.standard, years: Int?
        for e in streams("org-")[id.streamID] ?? [] {
            switch e.event {
            case .organizationRegistered(let p): reg = p
            case .policyAdopted(let p): policy = p.table
            case .retentionSet(let p): years = p.years
            default: continue
            }
        }
        guard let reg else { return nil }
        return OrganizationDetails(summary: OrganizationSummary(id: id, name: reg.name, branches: reg.branches, policy: policy),
                                   reportTo: reg.reportTo, language: reg.language,
                                   closedDays: reg.closedDays.map(\.description).joined(separator: ","),
                                   retentionYears: years ?? reg.retentionYears)
    }

    func subjects(of caseID: CaseID?) throws -> [SubjectRow] {
        lock.withLock { kinds }.keys.sorted().compactMap { id -> SubjectRow? in
            let cases = (try? self.cases(of: id)) ?? []
            if let caseID, !cases.contains(caseID) { return nil }
            let k = lock.withLock { (kinds[id]!, erasedAt[id]) }
            return SubjectRow(id: id, kind: k.0, cases: cases, erasedAt: k.1, name: nil)
        }
    }

    func subject(_ id: SubjectID) throws -> (kind: SubjectKind, erasedAt: String?)? {
        lock.withLock { kinds[id].map { ($0, erasedAt[id]) } }
    }

    func cases(of subject: SubjectID) throws -> [CaseID] {
        Set(lock.withLock { stored }.filter { $0.envelope.stream.caseID != nil && $0.envelope.event.personalFields.contains { $0.value.subject == subject } }
            .compactMap(\.envelope.stream.caseID)).sorted()
    }

    func caseForReceipt(tag: String) throws -> (case: CaseID, applicant: SubjectID)? {
        for e in lock.withLock({ stored }) {
            if case .intakeRecorded(let p) = e.envelope.event, p.receipt == tag, let id = e.envelope.stream.caseID {
                return (id, p.applicant.subject)
            }
        }
        return nil
    }

    func consultations(of employee: SubjectID) throws -> [ConsultationID] {
        all.compactMap { e in
            if case .consultationOpened(let p) = e.event, p.employee == employee { e.stream.consultationID } else { nil }
        }
    }

    func handoverWriters() throws -> [String] {
        Set(all.compactMap { e in if case .shiftEnded = e.event { String(e.stream.rawValue.dropFirst(6)) } else { nil } }).sorted()
    }

    func counterparties() throws -> [(standing: CounterpartyStanding, cases: [CaseID])] {
        try subjects(of: nil).filter { $0.kind == .counterparty && $0.erasedAt == nil }.map {
            (CounterpartyStanding(subject: $0.id, standing: .none, until: nil), $0.cases)
        }
    }

    func retentionDue(on day: LocalDate) throws -> [RetentionDue] {
        // The store's rule, simply: every case (an employee: every consultation) of the subject closed more than its
        // organization's years before `day`.
        func end(_ closed: String?, _ org: OrganizationID) throws -> LocalDate? {
            guard let at = closed.flatMap(StoredTime.date) else { return nil }
            let years = try organization(org)?.retentionYears ?? 3, d = LocalDate(japanTime: at)
            return LocalDate(d.year + years, d.month, min(d.day, LocalDate.daysIn(month: d.month, year: d.year + years)))
        }
        let employees = try subjects(of: nil).filter { $0.kind == .employee && $0.erasedAt == nil }.compactMap { r -> RetentionDue? in
            let ends = try consultations(of: r.id).map { k -> LocalDate? in
                let events = streams("consult-")[k.streamID] ?? []
                guard case .consultationOpened(let p)? = events.first?.event,
                      !events.map(\.event).reduce(ConsultationState(), ConsultationState.evolve).open else { return nil }
                return try end(events.last?.recordedAt, p.organization)
            }
            guard !ends.isEmpty, ends.allSatisfy({ $0 != nil && $0! < day }), let last = ends.compactMap({ $0 }).max() else { return nil }
            return RetentionDue(subject: r.id, kind: .employee, cases: [], dueOn: last.description)
        }
        return try employees + subjects(of: nil).filter { $0.erasedAt == nil }.compactMap { r in
            let closed = try r.cases.map { c -> LocalDate? in
                guard let s = try caseSummary(c), !s.isOpen, s.hold == nil, let at = s.closedAt.flatMap(StoredTime.date) else { return nil }
                let years = try organization(s.organization)?.retentionYears ?? 3
                let d = LocalDate(japanTime: at)
                return LocalDate(d.year + years, d.month, min(d.day, LocalDate.daysIn(month: d.month, year: d.year + years)))
            }
            guard !r.cases.isEmpty, closed.allSatisfy({ $0 != nil && $0! < day }), let last = closed.compactMap({ $0 }).max() else { return nil }
            return RetentionDue(subject: r.id, kind: r.kind, cases: r.cases, dueOn: last.description)
        }
    }

    func tasks(openOnly: Bool) throws -> [TaskRow] {
        summaries.flatMap { s -> [TaskRow] in
            let state = (streams("case-")[s.id.streamID] ?? []).map(\.event).reduce(CaseState.initial, CaseState.evolve)
            return state.openTasks.map { TaskRow(caseID: s.id, organization: s.organization.rawValue, kind: $0, openedAt: s.lastActivity,
                                                 doneAt: nil, doneBy: nil, reference: nil) }
        }
    }

    func monthlyTotals(organization: OrganizationID, month: Month, asOf: LocalDate) throws -> MonthlyTotals {
        var tally = MonthlyTally(organization: organization, month: month)
        for e in all { tally.add(stream: e.stream.rawValue, at: StoredTime.date(e.recordedAt) ?? Date(), event: e.event) }
        return tally.totals(asOf: asOf)
    }

    func consultationRows() throws -> [ConsultationRow] {
        streams("consult-").sorted { $0.key.rawValue < $1.key.rawValue }.compactMap { s, events in
            guard let id = s.consultationID, case .consultationOpened(let p)? = events.first?.event else { return nil }
            let state = events.map(\.event).reduce(ConsultationState(), ConsultationState.evolve)
            return ConsultationRow(id: id, organization: p.organization.rawValue, state: state.open ? "open" : "closed",
                                   openedAt: events[0].recordedAt, openedBy: p.openedBy.rawValue, mentalHealth: p.mentalHealth,
                                   secondary: p.secondary?.rawValue, counsellor: events[0].actor.user,
                                   careDue: state.careTasks.sorted { $0.value < $1.value }.map { (kind: $0.key, due: $0.value) })
        }
    }

    func consultationsWithCareDue(by day: LocalDate) throws -> [ConsultationID] {
        try consultationRows().filter { $0.state == "open" && $0.careDue.contains { $0.due <= day } }.map(\.id)
    }

    func isOnShift(_ user: String) throws -> Bool {
        (streams("staff-")[StreamID("staff-\(user)")] ?? []).map(\.event).reduce(ShiftState(), ShiftState.evolve).onShift
    }

    func shiftBoard(of members: [StaffMember]) throws -> [ShiftBoardRow] {
        try members.map { m in
            ShiftBoardRow(member: m, onShift: try isOnShift(m.user), startedAt: nil, endedAt: nil,
                          held: summaries.filter { $0.isOpen && $0.assignee == m.user }.map(\.id))
        }
    }

    func handovers(after position: Int64, excluding user: String?, counsellors: Bool, limit: Int) throws -> [HandoverRecord] {
        let roles = Dictionary(uniqueKeysWithValues: try staffList().map { ($0.user, $0.role) })
        let list = all.compactMap { e -> HandoverRecord? in
            guard case .shiftEnded(let h) = e.event, e.position.value > position else { return nil }
            let who = String(e.stream.rawValue.dropFirst(6))
            guard who != user, (roles[who] == .counsellor) == counsellors else { return nil }
            return HandoverRecord(position: e.position.value, user: who, at: e.recordedAt, handover: h)
        }
        return Array(list.suffix(limit))
    }

    func announce(user: String, pid: Int32, showing: CaseID?, at now: Date) throws {
        lock.withLock { presence["\(user)/\(pid)"] = showing.map { (user, $0, now) } }
    }

    func viewers(excluding user: String?, pid: Int32, at now: Date) throws -> [Viewer] {
        lock.withLock { presence }.filter { $0.key != "\(user ?? "")/\(pid)" }.values
            .map { Viewer(user: $0.user, caseID: $0.caseID, since: Self.stamp($0.at)) }.sorted { ($0.caseID, $0.user) < ($1.caseID, $1.user) }
    }
}
