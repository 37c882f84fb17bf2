import DeskDomain
import DeskApp
import Foundation

/// What happened: a key, a resize, the clock, the store's answers.
public enum Msg: Equatable, Sendable {
    case keyPressed(Key)
    case pasted(String)
    case resized(Size)
    case tick(Date)
    /// Every case, and the log position the rows reflect (nil: unknown, the next refresh reads everything).
    case queueLoaded([CaseSummary], through: Int64? = nil)
    /// The cases that changed since the position last seen, up to `through`.
    case queueChanged([CaseSummary], through: Int64)
    /// The top of the queue and its counts, shown while the whole queue loads.
    case queueHeadLoaded(QueueHead)
    case detailLoaded(CaseDetail)
    /// Another process (or this one) appended to the log.
    case logAdvanced
    case appended(CaseID, types: [String])
    case appendFailed(CaseID, reason: String)
    case appendConflicted(CaseID)
    /// The cases whose text matches a search, from the store's index.
    case searchLoaded(String, Set<CaseID>)
    /// The people whose data a case holds, for the erasure dialog.
    case subjectsLoaded(CaseID, [SubjectRow])
    /// What erasing a subject would make unreadable.
    case erasureImpactLoaded(SubjectID, [ErasureImpact])
    case erased(SubjectID, EraseOutcome)
    case eraseFailed(SubjectID, reason: String)
    /// Active staff who can hold a case, for the assign dialog.
    case staffLoaded(CaseID, [StaffMember])
    case organizationsLoaded([OrganizationSummary])
    /// The organizations' names, read with the queue.
    case organizationNamesLoaded([OrganizationID: String])
    /// A counter report became a case; the policy decided (organization's name for the leaflet).
    case handedOver(CaseID, HandedOver, organization: String, policy: PolicyTable = .standard, organizationID: OrganizationID? = nil,
                    contact: ContactDetails = ContactDetails(), receipt: Receipt? = nil)
    case handOverFailed(String)
    case leafletDelivered(LeafletOutcome)
    /// Subjects whose retention period ends by the end of this month.
    case retentionLoaded([RetentionDue])
    case monthlyLoaded(MonthlyTotals, organizations: [OrganizationSummary])
    /// Who else has which case open.
    case viewersLoaded([Viewer])
    case consultationsLoaded([ConsultationRow])
    case consultationLoaded(ConsultationID, [EventEnvelope])
    /// A counsellor's action was recorded (or a consultation opened).
    case consulted(ConsultationID)
    /// The shift board, and at login the handovers the user has not seen.
    case shiftLoaded(board: [ShiftBoardRow], unseen: [HandoverRecord], login: Bool)
    /// The user's shift started (with the handovers left since their last) or ended.
    case shiftChanged(started: Bool, unseen: [HandoverRecord])
    /// The console draws with this theme now (`:theme`).
    case themeChanged(String)
    /// Reading the store failed (the message is the store's, already free of untrusted text).
    case loadFailed(String)
}

