import DeskDomain
import Foundation

/// The desk's one application core: every use case, once. Front ends (the console, the command line, the web
/// reception) parse what people give them, call `Desk`, and show the result; the rules live here: who may do what
/// (`RoleMatrix`), sealing free text under the case's applicant, the keys of new people, the expected version.
///
/// A `Desk` acts for one OS user (`user`); their staff record is looked up on every use case, so a role changed or
/// removed meanwhile counts at once.
public struct Desk: Sendable {
    let log: any EventLog
    let reads: any DeskReads
    /// The OS user acting (never a flag or a variable anyone could set: the front end passes `getpwuid(geteuid())`).
    public let user: String
    let clock: @Sendable () -> Date

    public init(log: any EventLog, reads: any DeskReads, user: String, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.log = log
        self.reads = reads
        self.user = user
        self.clock = clock
    }

    /// The same desk, acting for someone else (the demo's staff; tests).
    public func acting(as user: String) -> Desk { Desk(log: log, reads: reads, user: user, clock: clock) }

    /// The same desk with another clock (the demo writes its cases at chosen times).
    public func clocked(_ clock: @escaping @Sendable () -> Date) -> Desk { Desk(log: log, reads: reads, user: user, clock: clock) }

    var actor: Actor { Actor(user) }

    // MARK: Who is acting

    /// The staff record of the acting user, as it is now; unknown and removed users are refused.
    @discardableResult
    public func me() throws -> StaffMember {
        guard let m = try reads.staffMember(user) else { throw DeskError.notOnStaff(user) }
        guard m.active else { throw DeskError.removedFromStaff(user) }
        return m
    }

    /// The acting user, if the role matrix lets them do `action` (and the log may be written, when it writes).
    @discardableResult
    func require(_ action: DeskAction) throws -> StaffMember {
        let m = try me()
        guard RoleMatrix.allows(m.role, action) else { throw DeskError.notAllowed(action, role: m.role) }
        if action.writes, let readOnly = log.readOnly { throw readOnly }
        return m
    }

    /// Refuses now if the acting user may not do `action`: front ends ask before reading what people give them, so that
    /// a refusal comes once, before any file is parsed. Every use case checks again itself.
    public func check(_ action: DeskAction) throws { try require(action) }

    // MARK: Permission, for front ends that grey out what may not be done

    /// Why `role` may not do `action` (nil: it may). Review-only sessions may do nothing that writes.
    public static func refusal(_ action: DeskAction, role: Role, readOnly: Bool = false) -> DeskError? {
        if readOnly && action.writes { return .readOnly }
        return RoleMatrix.allows(role, action) ? nil : .notAllowed(action, role: role)
    }

    /// Why `me` may not do `intent` to a case in `state` now (nil: they may): the role matrix, then the case.
    public static func refusal(_ intent: CaseIntent, on state: CaseState, by me: StaffMember, readOnly: Bool = false) -> DeskError? {
        if let refused = refusal(intent.action(by: Actor(me.user)), role: me.role, readOnly: readOnly) { return refused }
        return CaseDecider.refusal(intent, state, actor: Actor(me.user)).map(DeskError.decided)
    }

    // MARK: The log

    /// Why personal data is hidden in this process (no usable key file), if it is.
    public var keyProblem: String? { log.keyProblem }

    /// Why nothing can be recorded in this process (the database is open read-only), if so.
    public var readOnly: LogError? { log.readOnly }

    /// Tells when any process appended (the console refreshes).
    public func watch() throws -> any LogWatcher { try log.watch() }

    /// Replays the log into new read models and swaps them in while the desk keeps working. Verifies the log first, as
    /// `verify` does, and refuses one that does not verify: read models rebuilt from a broken log would hide the break.
    public func rebuild() throws -> RebuildOutcome {
        try require(.rebuild)
        let checked = try verify()
        if let bad = checked.firstBad {
            throw LogError.doesNotVerify(what: "the log", reason: "position \(bad.position): \(bad.reason)")
        }
        return try log.rebuild()
    }

    /// Writes a whole copy of the log to `path` (a new file) while the desk keeps working; `check` verifies the copy
    /// before it takes that name.
    public func backup(to path: String, check: (_ copy: String) throws -> Void) throws -> BackupOutcome {
        try require(.backUp)
        return try log.backup(to: path, check: check)
    }

    /// Verifies this log as a whole: the storage's own check of its files, then `verify`; throws
    /// `LogError.doesNotVerify` naming `what` (a copy's path) when either fails. What a backup is held to, and a copy
    /// before it is restored.
    @discardableResult
    public func verifyWhole(_ what: String) throws -> VerifyResult {
        if let damage = try log.storageDamage() { throw LogError.doesNotVerify(what: what, reason: damage) }
        let r = try verify()
        if let bad = r.firstBad { throw LogError.doesNotVerify(what: what, reason: "position \(bad.position): \(bad.reason)") }
        return r
    }

    /// Puts this desk's log, a copy (a backup, called `name` in messages), in place of the desk database at `path`, or
    /// creates it there. Refuses a copy that is not whole (`LogError.doesNotVerify`; nothing is replaced).
    public func restore(over path: String, copy name: String) throws -> BackupOutcome {
        try require(.restore)
        try verifyWhole(name)
        return try log.restore(over: path)
    }

    public func close() { log.close() }
}

extension DeskAction {
    /// Whether it records anything (a review-only console may not).
    public var writes: Bool {
        switch self {
        case .readQueue, .readCaseText, .readContactDetails, .readEvidence, .readReport, .listTasks, .readMonthlyTotals,
             .listCounterparties, .listSubjects, .seePresence, .readAccessLog, .listOrganizations, .listStaff, .verifyLog,
             .listConsultations, .seeConsultationFlags, .readHandovers, .seeWholeShiftBoard, .readConsultation, .backUp, .restore:
            // Opening a consultation is recorded in the access log, but reading is what the person does. A backup reads
            // this log; a restore reads it too (a copy, often read-only) and writes another database.
            false
        case .recordIntake, .recordFacts, .recordStatement, .linkCounterparty, .handOver, .startReview, .assess, .classify,
             .overrideLane, .escalate, .report, .close, .rejectAsThreat, .logEnquiry, .addNote, .takeCase, .assignCase, .placeHold,
             .liftHold, .takeLadderStep, .recordCounterAction, .draftReport, .approveReport, .recordDecision, .giveFeedback, .completeTask, .openTask,
             .setStanding, .eraseSubject, .eraseEmployee, .exportSubject, .exportEmployee, .runRetention, .setRetention,
             .registerOrganization, .adoptPolicy, .manageStaff, .rebuild, .fillDemo, .openConsultation, .handleConsultation,
             .workShift, .anchorLog:
            true
        }
    }
}
