import DeskDomain
import Foundation

/// The read models the console and the command line need, kept by the store beside the log (updated in the append's
/// transaction, rebuilt by replay). Only `Desk` calls it; it decides who may see what.
public protocol DeskReads: AnyObject, Sendable {
    // The staff
    func staffMember(_ user: String) throws -> StaffMember?
    func staffList() throws -> [StaffMember]

    // The queue
    /// The top of the queue and the whole queue's counts, for a first screen that does not wait for every row.
    func queueHead(limit: Int, today: LocalDate) throws -> QueueHead
    /// Every case in queue order, and the log position the rows reflect.
    func queueSnapshot() throws -> (rows: [CaseSummary], through: Int64)
    /// The cases that changed after log position `after`, and the position they reflect.
    func casesChanged(after: Int64) throws -> (rows: [CaseSummary], through: Int64)
    /// Every case in queue order, row by row (memory does not grow with the log).
    func forEachCase(_ body: (CaseSummary) throws -> Void) throws
    func caseSummary(_ id: CaseID) throws -> CaseSummary?
    func caseCount() throws -> Int
    /// The cases whose text contains `query`, folded for width and kana; reads the index, never decrypts.
    func search(_ query: String) throws -> Set<CaseID>
    /// A case with its timeline, its counterparties' earlier contacts and standings, its organization's policy (nil: no
    /// such case).
    func caseDetail(_ id: CaseID, visibility: FieldVisibility) throws -> CaseDetail?
    /// Every open case as a shift handover sees it.
    func openCases() throws -> [ShiftCase]

    // Organizations
    func organizations() throws -> [OrganizationSummary]
    func organization(_ id: OrganizationID) throws -> OrganizationDetails?

    // People whose data the desk holds
    /// Subjects, of one case or all (names are not opened here).
    func subjects(of caseID: CaseID?) throws -> [SubjectRow]
    func subject(_ id: SubjectID) throws -> (kind: SubjectKind, erasedAt: String?)?
    func cases(of subject: SubjectID) throws -> [CaseID]
    /// The case a receipt was given for, and its applicant, by the receipt's keyed hash (`EventLog.receiptTag`).
    func caseForReceipt(tag: String) throws -> (case: CaseID, applicant: SubjectID)?
    func consultations(of employee: SubjectID) throws -> [ConsultationID]
    /// Users who left a shift handover (a handover note's subject is in one of theirs).
    func handoverWriters() throws -> [String]
    /// Counterparties not erased, with their standing and their cases.
    func counterparties() throws -> [(standing: CounterpartyStanding, cases: [CaseID])]
    /// Subjects not erased, not on hold, whose every case (or consultation) is past its organization's retention by `day`.
    func retentionDue(on day: LocalDate) throws -> [RetentionDue]

    // The desk's work
    func tasks(openOnly: Bool) throws -> [TaskRow]
    /// A month's totals from the queue's projection (the console's view).
    func monthlyTotals(organization: OrganizationID, month: Month, asOf: LocalDate) throws -> MonthlyTotals
    /// The consultations, without their content.
    func consultationRows() throws -> [ConsultationRow]
    /// Open consultations with a care task due by `day`.
    func consultationsWithCareDue(by day: LocalDate) throws -> [ConsultationID]

    // Shifts and presence
    func isOnShift(_ user: String) throws -> Bool
    /// Shift state and the open cases each member holds.
    func shiftBoard(of members: [StaffMember]) throws -> [ShiftBoardRow]
    /// Handovers after a log position, oldest first (the latest `limit`), leaving out `excluding`'s own; the counsellors'
    /// or the desk line's.
    func handovers(after position: Int64, excluding user: String?, counsellors: Bool, limit: Int) throws -> [HandoverRecord]
    /// Says which case a console shows now (nil: none, or closing). Presence is not part of the log.
    func announce(user: String, pid: Int32, showing: CaseID?, at now: Date) throws
    /// Every console heard from lately, leaving out the one asking.
    func viewers(excluding user: String?, pid: Int32, at now: Date) throws -> [Viewer]
}

/// An organization as registered, with what `mado org show` prints.
public struct OrganizationDetails: Sendable {
    public let summary: OrganizationSummary
    public let reportTo: String
    public let language: Language
    /// Closed days beyond weekends and national holidays, as registered (`12-29..01-03`).
    public let closedDays: String
    public let retentionYears: Int
    public init(summary: OrganizationSummary, reportTo: String, language: Language, closedDays: String, retentionYears: Int) {
        self.summary = summary
        self.reportTo = reportTo
        self.language = language
        self.closedDays = closedDays
        self.retentionYears = retentionYears
    }
    public var id: OrganizationID { summary.id }
    public var name: String { summary.name }
}
