import DeskDomain
import DeskApp
import Foundation

/// Everything the console shows, as plain values: `view` draws it, `update` changes it.
public struct Model: Equatable, Sendable {
    public var size: Size { didSet { layOutCase(); layOutMonthly() } }
    public var now: Date {
        didSet {
            let day = LocalDate(japanTime: now)
            if day != today { today = day; refilter(); layOutCase() }          // overdue counts move at midnight
        }
    }
    /// The Japanese calendar day of `now`, kept with it: the view asks for it once per row.
    public private(set) var today: LocalDate
    public var me: StaffMember { didSet { deriveFromDetail() } }
    public var language: Language { didSet { deriveFromDetail(); layOutMonthly() } }
    public var readOnly: Bool { didSet { deriveFromDetail() } }
    /// The panes' keys, remapped by the configuration file.
    public var keys: KeyTable = .standard { didSet { layOutEscalation() } }
    public var databaseName: String
    public var rows: [CaseSummary] = [] { didSet { refilter() } }
    public var filter = QueueFilter() {
        didSet {
            // A filter the user changed lets go of the pinned case; the search index's answer (hits) does not.
            var before = oldValue, after = filter
            before.hits = nil
            after.hits = nil
            if before != after, pinnedID != nil { pinnedID = nil } else { refilter() }
        }
    }
    /// Rows that pass the filter, as indexes into `rows`; kept in step by `refilter`.
    public private(set) var visible: [Int] = []
    /// The selection sticks to a case id when rows move.
    public var selectedID: CaseID? {
        didSet {
            locateSelection()
            // Without a case on screen, the pane says whether one is loading or none is selected.
            if detail == nil, (oldValue == nil) != (selectedID == nil) { layOutCase() }
        }
    }
    /// The case last acted on: it stays in `visible` (and selected) after the action, even when it no longer passes the
    /// filter, until the user moves, so that the next key never lands on another case unseen.
    public var pinnedID: CaseID? { didSet { if pinnedID != oldValue { refilter() } } }
    /// Whether the pinned case is shown only because it is pinned (the queue marks it as outside the filter).
    public private(set) var pinnedOutside = false
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
    private(set) var menuRefusals: [String?]?
    /// The case pane's text at the pane's width and the escalation pane's lines, laid out when what they show, the
    /// size or the language changes: scrolling and n/N use them, and the view only draws them.
    private(set) var caseLines: [PaneLine] = []
    private(set) var escalationLines: [PaneLine] = []
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
    public var monthly: MonthlyTotals? { didSet { layOutMonthly() } }
    public var monthlyOrganizations: [OrganizationSummary] = [] { didSet { layOutMonthly() } }
    /// The monthly chart at the overlay's width, laid out when the totals or the size change.
    private(set) var monthlyLines: [String] = []
    public var shiftBoard: [ShiftBoardRow]?
    /// Other people's consoles showing a case now, by case (so two operators don't take the same call).
    public var viewers: [CaseID: [String]] = [:] {
        didSet { if let id = detail?.summary.id, oldValue[id] != viewers[id] { layOutCase() } }
    }
    public var consultationRows: [ConsultationRow]?
    /// The organizations' names by id, read with the queue; the case pane's header shows one.
    public var organizationNames: [OrganizationID: String] = [:] {
        didSet { if organizationNames != oldValue { refilter(); layOutCase() } }
    }

    /// An organization as people know it: its name, or its id until the names have loaded.
    public func organizationName(_ id: OrganizationID) -> String { organizationNames[id] ?? id.rawValue }

    public init(size: Size, now: Date, me: StaffMember, language: Language, readOnly: Bool = false, databaseName: String = "") {
        self.size = size
        self.now = now
        self.today = LocalDate(japanTime: now)
        self.me = me
        self.language = language
        self.readOnly = readOnly
        self.databaseName = databaseName
        deriveFromDetail()
    }

    public func t(_ s: UIText) -> String { s.text(language) }

    private mutating func deriveFromDetail() {
        defer { layOutCase(); layOutEscalation() }
        guard let d = detail else { detailState = nil; detailThreats = []; menuRefusals = nil; return }
        detailState = d.events.map(\.event).reduce(CaseState.initial, CaseState.evolve)
        menuRefusals = MenuAction.allCases.map { refusal($0.intent) }
        var texts: [String] = []
        for e in d.events {
            switch e.event {
            case .intakeRecorded(let p): texts += [p.complaint.text, p.requests?.text].compactMap { $0 }
            case .statementRecorded(let p): texts += [p.text.text].compactMap { $0 }
            case .applicantAdded(let p): texts += [p.text?.text].compactMap { $0 }
            default: break
            }
        }
        detailThreats = ThreatWords.find(in: texts.joined(separator: "\n"))
    }

    /// The case pane's text wrapped to `width` (the pane's own is in `caseLines`).
    func caseText(width: Int) -> [PaneLine] {
        let context = CaseText.Context(caseSelected: selectedID != nil, state: detailState, threats: detailThreats,
                                       organization: detail.map { organizationName($0.summary.organization) },
                                       viewers: detail.flatMap { viewers[$0.summary.id] }, today: today, language: language)
        return CaseText.lines(detail, context, width: width)
    }

    private mutating func layOutCase() { caseLines = caseText(width: Layout(size).detail.width - 2) }

    private mutating func layOutEscalation() {
        // Each action with the keys that do it: a and t directly, the rest through s's menu and the item's letter, so
        // the pane teaches the letters.
        let table = keys
        let menu = table.keyName(.changeState)
        let offered: [(keys: String, label: String, refusal: String?)] = detail == nil ? [] :
            [(table.keyName(.addNote), t(.addNote), refusal(CaseIntent.addNote)), (table.keyName(.take), t(.take), refusal(.assign(Actor(me.user))))]
            + MenuAction.allCases.map { (menu + " " + String($0.letter), language == .ja ? $0.label.ja : $0.label.en, refusal($0)) }
        let column = offered.map { DisplayWidth.of($0.keys) }.max() ?? 0
        let offers = offered.map { EscalationText.Offer(label: DisplayWidth.fit($0.keys, width: column) + "  " + $0.label, refusal: $0.refusal) }
        escalationLines = EscalationText.lines(detail, state: detailState, danger: isDanger, offers: offers, language: language, keys: keys)
    }

    private mutating func layOutMonthly() {
        guard let t = monthly else { monthlyLines = []; return }
        let name = monthlyOrganizations.first { $0.id.rawValue == t.organization }?.name ?? t.organization
        let width = Layout(size).monthly.inset(1).width
        monthlyLines = MonthlyChart.lines(t, language: language, organizationName: name, barWidth: max(1, width - 40))
    }

    /// How far the case pane scrolls: its lines less the rows it shows.
    var caseMaxScroll: Int { max(0, caseLines.count - (Layout(size).detail.height - 1)) }
    var escalationMaxScroll: Int { max(0, escalationLines.count - (Layout(size).escalation.height - 1)) }
    var monthlyMaxScroll: Int { max(0, monthlyLines.count - max(1, Layout(size).monthly.inset(1).height - 2)) }

    /// Selects the row at a position of `visible` without searching for it.
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
        let f = filter, me = self.me.user, today = self.today, names = organizationNames
        let needle = SearchFold.fold(f.text)
        let passes = { (r: CaseSummary) -> Bool in
            if let l = f.lane, r.lane != l { return false }
            if let o = f.organization, r.organization != o { return false }
            if let st = f.state, r.status != st { return false }
            if f.overdueOnly, !r.isOverdue(on: today) { return false }
            if f.mineOnly, r.assignee != me { return false }
            if !needle.isEmpty {
                if f.hits?.contains(r.id) == true { return true }
                let hay = SearchFold.fold([r.id.description, r.organization.rawValue, names[r.organization] ?? "", r.store ?? "", r.summary].joined(separator: " "))
                if !hay.contains(needle) { return false }
            }
            return true
        }
        var outside = false
        visible = rows.indices.filter { i in
            if passes(rows[i]) { return true }
            guard rows[i].id == pinnedID else { return false }
            outside = true
            return true
        }
        pinnedOutside = outside
        var c = QueueCounts()
        c.shown = visible.count - (outside ? 1 : 0)
        for i in visible where !(outside && rows[i].id == pinnedID) {
            let r = rows[i]
            if r.isOpenDanger { c.danger += 1 }
            if isOverdue(r) { c.overdue += 1 }
        }
        counts = c
        locateSelection()
        if selectedIndex == nil, !visible.isEmpty { select(at: 0) } else if visible.isEmpty { selectedID = nil }
    }
}
