import DeskDomain
import DeskApp
import Foundation

/// A line of text being typed: UTF-8, pasted text, Japanese from the IME, a caret.
public struct TextField: Equatable, Sendable {
    public var text: String = ""
    public var caret: Int = 0        // in Characters
    public var limit: Int = 20_000
    public init(text: String = "", limit: Int = 20_000) {
        self.text = text
        self.caret = text.count
        self.limit = limit
    }

    public mutating func insert(_ s: String) {
        // Pasted line ends and tabs become one space; controls and bidi marks are dropped: a field is one line of facts.
        let clean = String(s.replacingOccurrences(of: "\r\n", with: " ").unicodeScalars.compactMap { u -> Character? in
            if u == "\n" || u == "\r" || u == "\t" { return " " }
            if u.value < 0x20 || (0x7F...0x9F).contains(u.value) || (0x202A...0x202E).contains(u.value)
                || (0x2066...0x2069).contains(u.value) || [0x200E, 0x200F, 0x061C, 0x2028, 0x2029].contains(u.value) { return nil }
            return Character(u)
        })
        let room = max(0, limit - text.count)
        let piece = String(clean.prefix(room))
        let before = text.count
        let i = text.index(text.startIndex, offsetBy: min(caret, before))
        text.insert(contentsOf: piece, at: i)
        // A combining mark or selector joins the character before it, so the count may grow by less than the piece.
        caret = min(text.count, min(caret, before) + (text.count - before))
    }

    public mutating func backspace() {
        caret = min(caret, text.count)
        guard caret > 0 else { return }
        let i = text.index(text.startIndex, offsetBy: caret - 1)
        text.remove(at: i)
        caret -= 1
    }

    public mutating func deleteForward() {
        caret = min(caret, text.count)
        guard caret < text.count else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: caret))
    }

    public var isBlank: Bool { text.trimmingCharacters(in: .whitespaces).isEmpty }
}

/// State changes offered in the action menu.
public enum MenuAction: Equatable, Sendable, CaseIterable {
    case startReview, assess, classifyHarassment, classifyLegitimate, draftReport, approveReport, report, decisionNoFeedback,
         decisionWithFeedback, feedbackPhone, feedbackEmail, enquiry, enquiryEmail, close, rejectAsThreat, policeReportDone,
         notifyOrganizationDone, escalatePolice, escalateLawyer, escalateHeadquarters, laneDanger, laneHandover, laneComplaint

    public var label: (ja: String, en: String) {
        switch self {
        case .startReview: ("確認を開始する", "start review")
        case .assess: ("評価を記録する (要求の妥当性 × 手段)", "record the assessment (demand × means)")
        case .classifyHarassment: ("カスハラと判断する (監督者)", "classify as harassment (supervisor)")
        case .classifyLegitimate: ("正当な苦情と判断する (監督者)", "classify as a legitimate complaint (supervisor)")
        case .draftReport: ("報告書を作成する (意見・助言。氏名・連絡先は記載しない)", "draft the report (opinion; name and contact withheld)")
        case .approveReport: ("報告書を承認する (監督者)", "approve the report (supervisor)")
        case .report: ("報告書の送付を記録する", "record the report as sent")
        case .decisionNoFeedback: ("組織の決定を記録 (申出人へは連絡しない)", "record the organization's decision (no feedback)")
        case .decisionWithFeedback: ("組織の決定を記録 (申出人へ連絡する)", "record the organization's decision (feedback wanted)")
        case .feedbackPhone: ("申出人へ電話で伝えたことを記録", "record feedback given by phone")
        case .feedbackEmail: ("申出人へメールで伝えたことを記録", "record feedback sent by e-mail")
        case .enquiry: ("電話での進捗の問合せを記録 (定型文で回答)", "log a progress enquiry by phone (fixed answer)")
        case .enquiryEmail: ("メールでの進捗の問合せを記録 (定型文で回答)", "log a progress enquiry by e-mail (fixed answer)")
        case .laneDanger: ("区分を「危険」に変更 (監督者)", "move to the danger lane (supervisor)")
        case .laneHandover: ("区分を「引継」に変更 (監督者)", "move to the handover lane (supervisor)")
        case .laneComplaint: ("区分を「苦情」に変更 (監督者)", "move to the complaint lane (supervisor)")
        case .close: ("完了にする", "close")
        case .rejectAsThreat: ("脅迫・誹謗として受け付けない", "reject as threatening")
        case .policeReportDone: ("警察への通報・相談を済ませた (受理番号など)", "police report done (its reference)")
        case .notifyOrganizationDone: ("組織へ通知した (誰にどう伝えたか)", "organization notified (whom, how)")
        case .escalatePolice: ("警察へエスカレーション", "escalate to the police")
        case .escalateLawyer: ("弁護士へエスカレーション", "escalate to a lawyer")
        case .escalateHeadquarters: ("本部へエスカレーション", "escalate to headquarters")
        }
    }

    /// What the action asks the user to type first, if anything.
    public var needsText: UIText? {
        switch self {
        case .startReview, .report, .assess, .approveReport, .enquiry, .enquiryEmail: nil
        case .close: .outcome
        case .draftReport: .opinion
        case .decisionNoFeedback, .decisionWithFeedback: .decision
        case .feedbackPhone, .feedbackEmail: .whatWasSaid
        case .policeReportDone, .notifyOrganizationDone: .reference
        case .rejectAsThreat, .escalatePolice, .escalateLawyer, .escalateHeadquarters, .classifyHarassment, .classifyLegitimate,
             .laneDanger, .laneHandover, .laneComplaint: .reason
        }
    }

    /// What the menu item means to do, without the text: what the desk's permission is asked about.
    public var intent: CaseIntent {
        switch self {
        case .startReview: .startReview
        case .assess: .assess
        case .classifyHarassment: .classify(.harassment)
        case .classifyLegitimate: .classify(.legitimateComplaint)
        case .draftReport: .draftReport
        case .approveReport: .approveReport
        case .report: .report
        case .decisionNoFeedback, .decisionWithFeedback: .recordDecision
        case .feedbackPhone: .giveFeedback(.phone)
        case .feedbackEmail: .giveFeedback(.email)
        case .enquiry, .enquiryEmail: .logEnquiry
        case .close: .close
        case .rejectAsThreat: .rejectAsThreat
        case .policeReportDone: .completeTask(.policeReport)
        case .notifyOrganizationDone: .completeTask(.notifyOrganization)
        case .escalatePolice, .escalateLawyer, .escalateHeadquarters: .escalate
        case .laneDanger: .overrideLane(.danger)
        case .laneHandover: .overrideLane(.handover)
        case .laneComplaint: .overrideLane(.complaint)
        }
    }

    /// The action with what was typed (the desk seals it under the case's applicant); nil for the assessment, which has
    /// a form of its own.
    public func action(text: String) -> CaseAction? {
        switch self {
        case .startReview: .startReview
        case .assess: nil
        case .classifyHarassment: .classify(.harassment, reason: text)
        case .classifyLegitimate: .classify(.legitimateComplaint, reason: text)
        case .draftReport: .draftReport(opinion: text, includeName: false, includeContact: false)
        case .approveReport: .approveReport
        case .decisionNoFeedback: .recordDecision(text, feedback: false)
        case .decisionWithFeedback: .recordDecision(text, feedback: true)
        case .feedbackPhone: .giveFeedback(.phone, text: text)
        case .feedbackEmail: .giveFeedback(.email, text: text)
        case .enquiry: .logEnquiry(.phone)
        case .enquiryEmail: .logEnquiry(.email)
        case .policeReportDone: .completeTask(.policeReport, reference: text)
        case .notifyOrganizationDone: .completeTask(.notifyOrganization, reference: text)
        case .laneDanger: .overrideLane(.danger, reason: text)
        case .laneHandover: .overrideLane(.handover, reason: text)
        case .laneComplaint: .overrideLane(.complaint, reason: text)
        case .report: .report(sentTo: nil)
        case .close: .close(outcome: text)
        case .rejectAsThreat: .rejectAsThreat(reason: text)
        case .escalatePolice: .escalate(.police, reason: text)
        case .escalateLawyer: .escalate(.lawyer, reason: text)
        case .escalateHeadquarters: .escalate(.headquarters, reason: text)
        }
    }
}

public enum Prompt: Equatable, Sendable {
    case help
    case search(TextField)
    case note(TextField, CaseID)
    case menu(selected: Int, CaseID)
    case text(TextField, MenuAction, CaseID)
    case confirm(MenuAction, text: String, CaseID)
    /// A police-ladder step leaves the desk: a dialog that names the event, No by default.
    case confirmLadder(LadderStep, CaseID)
    case quitConfirm
    /// The desk's two-axis assessment of the case on screen.
    case assessForm(AssessForm, CaseID)
    /// The people of a case, one to pick for erasure.
    case subjects(selected: Int, CaseID, [SubjectRow])
    /// The reason for an erasure, with what it will make unreadable.
    case eraseReason(TextField, SubjectRow, [ErasureImpact])
    /// Erasure is irreversible: a dialog naming the event, with Cancel focused until the user moves to Erase.
    case confirmErase(SubjectRow, reason: String, [ErasureImpact], eraseFocused: Bool)
    /// Whom to assign a case to.
    case assign(selected: Int, CaseID, [StaffMember])
    /// Who falls due for erasure this month.
    case retention(selected: Int)
    /// An organization's monthly totals (supervisors and auditors): which organization, which month, how far scrolled.
    case monthly(organization: OrganizationID?, Month, scroll: Int)
    /// Handovers left since the user's last shift, shown when the console opens (Enter starts the shift).
    case handovers([HandoverRecord], scroll: Int)
    /// Who is on shift and what each holds (supervisors see everyone, others themselves).
    case shiftBoard(scroll: Int)
    /// The note for the next operator, before the shift ends.
    case shiftNote(TextField)
    /// The employee consultations (no content), and one opened by a counsellor.
    case consultations(selected: Int)
    case consultation(ConsultationID, [EventEnvelope], scroll: Int)
    /// The counter form (H); the interaction's timer runs from when it opened.
    case counterForm(CounterForm)
    /// Leaving a form with input asks first (No keeps it).
    case discardForm(CounterForm)
    /// The policy's decision after a hand-over.
    case decision(HandoverDecision)
    /// The fixed scripts, for the phone and the counter (F), in a policy's words; Esc goes back to the decision
    /// screen it was opened from, if any.
    case fixedScripts(PolicyTable, returnTo: HandoverDecision?)
}

/// The assessment form: validity of the demand, the means, the behaviour types seen, the reason.
public struct AssessForm: Equatable, Sendable {
    public enum Row: Equatable, Sendable { case validity, means, behaviour(BehaviourType), reason, submit }
    public static let rows: [Row] = [.validity, .means] + BehaviourType.allCases.map { .behaviour($0) } + [.reason, .submit]
    public var validity: DemandValidity = .unclear
    public var means: Means = .acceptable
    public var behaviours: [BehaviourType] = []
    public var reason = TextField(limit: 2_000)
    public var focus = 0
    public init(behaviours: [BehaviourType] = []) { self.behaviours = behaviours }
}

public struct QueueFilter: Equatable, Sendable {
    public var lane: Lane?
    public var organization: OrganizationID?
    public var state: CaseStatus?
    public var overdueOnly = false
    public var mineOnly = false
    public var text = ""
    /// Cases the full-text index found for `text` (nil until it answers).
    public var hits: Set<CaseID>?
    public init() {}
    public var isEmpty: Bool { lane == nil && organization == nil && state == nil && !overdueOnly && !mineOnly && text.isEmpty }
}

public struct QueueCounts: Equatable, Sendable {
    public var shown = 0, danger = 0, overdue = 0
}

public struct StatusMessage: Equatable, Sendable {
    public var text: String
    public var isError: Bool
}

/// Everything the console shows, as plain values: `view` draws it, `update` changes it.
public struct Model: Equatable, Sendable {
    public var size: Size
    public var now: Date {
        didSet {
            let day = LocalDate(japanTime: now)
            if day != today { today = day; refilter() }          // overdue counts move at midnight
        }
    }
    /// The Japanese calendar day of `now`, kept with it: the view asks for it once per row.
    public private(set) var today: LocalDate
    public var me: StaffMember { didSet { deriveFromDetail() } }
    public var language: Language
    public var readOnly: Bool { didSet { deriveFromDetail() } }
    public var databaseName: String
    public var rows: [CaseSummary] = [] { didSet { refilter() } }
    public var filter = QueueFilter() { didSet { refilter() } }
    /// Rows that pass the filter, as indexes into `rows`; kept in step by `refilter`.
    public private(set) var visible: [Int] = []
    /// The selection sticks to a case id when rows move.
    public var selectedID: CaseID? { didSet { locateSelection() } }
    /// Where `selectedID` is in `visible`; found once per change, not once per frame.
    public private(set) var selectedIndex: Int?
    /// Shown, danger and overdue counts of the visible rows, counted when rows or filter change.
    public private(set) var counts = QueueCounts()
    public var scroll = 0
    public var focus: Pane = .queue
    public var detail: CaseDetail? { didSet { deriveFromDetail() } }
    /// The case's state and the threat words in what was submitted, derived once when the case on screen changes:
    /// the view, the help and the menu ask for them on every frame.
    public private(set) var detailState: CaseState?
    public private(set) var detailThreats: [String] = []
    /// `refusal(_: MenuAction)` for each menu item, in `MenuAction.allCases` order.
    private var menuRefusals: [String?]?
    public var detailScroll = 0
    /// The line of the case pane that n/N found (marked), if any.
    public var detailMatch: Int?
    public var escalationScroll = 0
    public var prompt: Prompt?
    public var message: StatusMessage?
    public var newCount = 0
    public var loaded = false
    /// The log position the rows reflect, so a refresh reads only what changed after it.
    public var seenPosition: Int64?
    /// Until the whole queue has loaded: its first rows (in `rows`) and the counts of all of it.
    public var head: QueueHead?
    public var keyProblem: String?
    /// Supervisors: subjects whose retention period ends by the end of this month (nil until loaded).
    public var retentionDue: [RetentionDue]?
    /// The monthly view's totals and the organizations it cycles through.
    public var monthly: MonthlyTotals?
    public var monthlyOrganizations: [OrganizationSummary] = []
    public var shiftBoard: [ShiftBoardRow]?
    /// Other people's consoles showing a case now, by case (so two operators don't take the same call).
    public var viewers: [CaseID: [String]] = [:]
    public var consultationRows: [ConsultationRow]?

    public init(size: Size, now: Date, me: StaffMember, language: Language, readOnly: Bool = false, databaseName: String = "") {
        self.size = size
        self.now = now
        self.today = LocalDate(japanTime: now)
        self.me = me
        self.language = language
        self.readOnly = readOnly
        self.databaseName = databaseName
    }

    public func t(_ s: UIText) -> String { s.text(language) }

    /// Selects the row at a position of `visible` without searching for it.
    private mutating func deriveFromDetail() {
        guard let d = detail else { detailState = nil; detailThreats = []; menuRefusals = nil; return }
        detailState = d.events.map(\.event).reduce(CaseState.initial, CaseState.evolve)
        menuRefusals = MenuAction.allCases.map { refusal($0.intent) }
        var texts: [String] = []
        for e in d.events {
            switch e.event {
            case .intakeRecorded(let p): texts += [p.complaint.text, p.requests?.text].compactMap { $0 }
            case .statementRecorded(let p): texts += [p.text.text].compactMap { $0 }
            default: break
            }
        }
        detailThreats = ThreatWords.find(in: texts.joined(separator: "\n"))
    }

    public mutating func select(at position: Int) {
        hint = position
        selectedID = rows[visible[position]].id
    }

    private var hint: Int?

    private mutating func locateSelection() {
        defer { hint = nil }
        guard let id = selectedID else { selectedIndex = nil; return }
        if let h = hint, h < visible.count, rows[visible[h]].id == id { selectedIndex = h; return }
        selectedIndex = visible.firstIndex { rows[$0].id == id }
    }

    public var selectedRow: CaseSummary? { selectedIndex.map { rows[visible[$0]] } }

    /// Erasing personal data from a case is the supervisors' (the role matrix), and never in review-only mode.
    public var erasureRefusal: String? { refusal(.eraseSubject) }

    /// Why the user may not do `action` at all (nil: they may), in the console's language.
    public func refusal(_ action: DeskAction) -> String? {
        if readOnly && action.writes { return t(.readOnly) }
        return roleRefusal(action)
    }

    /// Why the user's role may not do `action`, review-only or not: what opens a list (the retention list, the shift
    /// board) is refused by role only, the actions inside it by `refusal`.
    public func roleRefusal(_ action: DeskAction) -> String? {
        Desk.refusal(action, role: me.role) == nil ? nil : Words.rolesOnly(RoleMatrix.roles(for: action), language)
    }

    /// Why `intent` would be refused on the case on screen now (nil: allowed): review-only, the role matrix, then the case.
    public func refusal(_ intent: CaseIntent) -> String? {
        if readOnly { return t(.readOnly) }
        guard let state = detailState else { return t(.selectCase) }
        return Desk.refusal(intent, on: state, by: me).map(\.description)
    }

    /// The action menu's refusals for the case on screen, worked out once when the case changes (the view asks per frame).
    public func refusal(_ action: MenuAction) -> String? {
        menuRefusals.flatMap { $0[MenuAction.allCases.firstIndex(of: action) ?? 0] } ?? refusal(action.intent)
    }

    /// Puts changed rows in place (replacing their old versions, inserting new cases in queue order);
    /// returns how many were new.
    @discardableResult
    public mutating func merge(_ changed: [CaseSummary]) -> Int {
        let ids = Set(changed.map(\.id))
        var next = rows.filter { !ids.contains($0.id) }
        let fresh = changed.count - (rows.count - next.count)
        for r in changed {
            var lo = 0, hi = next.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if CaseSummary.queueOrder(next[mid], r) { lo = mid + 1 } else { hi = mid }
            }
            next.insert(r, at: lo)
        }
        rows = next
        return fresh
    }

    public func isOverdue(_ r: CaseSummary) -> Bool { r.isOverdue(on: today) }

    private mutating func refilter() {
        let f = filter, me = self.me.user, today = self.today
        let needle = SearchFold.fold(f.text)
        visible = rows.indices.filter { i in
            let r = rows[i]
            if let l = f.lane, r.lane != l { return false }
            if let o = f.organization, r.organization != o { return false }
            if let st = f.state, r.status != st { return false }
            if f.overdueOnly, !r.isOverdue(on: today) { return false }
            if f.mineOnly, r.assignee != me { return false }
            if !needle.isEmpty {
                if f.hits?.contains(r.id) == true { return true }
                let hay = SearchFold.fold([r.id.description, r.organization.rawValue, r.store ?? "", r.summary].joined(separator: " "))
                if !hay.contains(needle) { return false }
            }
            return true
        }
        var c = QueueCounts()
        c.shown = visible.count
        for i in visible {
            let r = rows[i]
            if r.isOpenDanger { c.danger += 1 }
            if isOverdue(r) { c.overdue += 1 }
        }
        counts = c
        locateSelection()
        if selectedIndex == nil, !visible.isEmpty { select(at: 0) } else if visible.isEmpty { selectedID = nil }
    }
}
