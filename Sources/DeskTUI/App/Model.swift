import DeskDomain
import DeskApp
import Foundation

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

    /// A weapon, physical contact or a threat to life: the ladder is skipped.
    var isDanger: Bool { detailState?.inDanger ?? false }

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

    /// Why a key of the table is refused now (nil: allowed, or not a question of permission): `update` refuses it and
    /// the help greys it with this reason.
    public func keyRefusal(_ a: KeyAction) -> String? {
        switch a {
        case .handOver:
            if readOnly { return t(.readOnly) }
            return Desk.refusal(.recordIntake, role: me.role)?.description
        case .eraseSubject: return erasureRefusal
        case .assign: return detail == nil ? nil : refusal(.assign(.someoneElse))
        case .showRetention: return roleRefusal(.runRetention)
        case .showMonthly: return roleRefusal(.readMonthlyTotals)
        case .shift: return roleRefusal(.workShift)
        case .consultations: return roleRefusal(.listConsultations)
        case .addNote: return detail == nil ? nil : refusal(CaseIntent.addNote)
        case .take: return detail == nil ? nil : refusal(.assign(Actor(me.user)))
        case .changeState, .ladderStep: return readOnly ? t(.readOnly) : nil
        default: return nil
        }
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

extension Actor {
    /// Anyone but the user, for asking whether they may assign a case to someone else before choosing whom.
    static let someoneElse = Actor("")
}
