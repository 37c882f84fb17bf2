import DeskDomain
import DeskApp

/// Work `update` asks the runtime to do. Plain values, so tests compare them.
public enum Command: Equatable, Sendable {
    case loadQueue
    /// Only the cases changed after this log position (another terminal appended).
    case loadChanges(since: Int64)
    case loadDetail(CaseID)
    /// Look the text up in the full-text index (case text the queue row does not show).
    case search(String)
    /// Run the action against the version on screen (`expected`); notes retry by themselves.
    case act(CaseID, expected: StreamVersion, CaseAction)
    case loadStaff(CaseID)
    case loadOrganizations
    /// Record a counter report as a new case and hand it over.
    case handOver(CounterReport)
    /// Print the leaflet (the organization's printer, else the console's), or write it to the directory set instead.
    case printLeaflet(CaseID, organization: OrganizationID?, text: String)
    /// Record what the clerk ticked on the decision screen.
    case recordCounterActions(CaseID, [RequiredAction])
    case loadSubjects(CaseID)
    case loadErasureImpact(SubjectID)
    /// Destroy the subject's key and record the erasure (the desk checks the role by the subject's kind, the store holds).
    case erase(SubjectID, reason: String)
    /// Subjects due for erasure by the end of the current month.
    case loadRetention
    /// The month's totals from the projections, for the organization given or the first one.
    case loadMonthly(OrganizationID?, Month)
    case loadShift(login: Bool)
    case loadViewers
    case loadConsultations
    /// Open one consultation (the desk records the attempt, allowed or not).
    case loadConsultation(ConsultationID)
    /// A counsellor's action on a consultation (the desk records the attempt, allowed or not).
    case consult(ConsultationID, ConsultationAction)
    case openConsultation(ConsultationRequest)
    case startShift
    /// End the user's shift with the handover and their note.
    case endShift(note: String?)
    /// Draw with another theme from now on (`:theme`).
    case setTheme(String)
    /// Repaint the whole terminal (Ctrl-L).
    case redraw
    /// Stop the job (Ctrl-Z) and repaint everything when the shell continues it.
    case suspend
    case quit
}
