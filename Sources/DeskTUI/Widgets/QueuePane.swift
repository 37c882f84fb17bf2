import DeskDomain
import DeskApp
import Foundation

/// The queue: a title with counts and filters, then one row per visible case, the selected one marked `>`.
struct QueuePane: Translated {
    /// What the title counts and names.
    struct Title {
        /// Until the whole queue has loaded: the counts of all of it.
        let head: QueueHead?
        let counts: QueueCounts
        let total: Int
        let filter: QueueFilter
        let newCount: Int
        /// People due for erasure this month (supervisors), 0 if none or not loaded.
        let retentionDue: Int
        /// The key that shows them, as remapped.
        var retentionKey = KeyMap.keyName(.showRetention)
    }

    let title: Title
    let rows: [CaseSummary]
    /// Indexes into `rows` that pass the filter.
    let visible: [Int]
    let selected: Int?
    let loaded: Bool
    /// Cases other consoles show now (marked `@`).
    let viewers: [CaseID: [String]]
    /// The organizations' names by id (ids until loaded).
    var names: [OrganizationID: String] = [:]
    /// The role may not read what cases say: the summary column says so in the console's language.
    var hidesText = false
    /// The case kept on screen after an action although it has left the filter: marked so in words.
    var outside: CaseID? = nil
    let now: Date
    let today: LocalDate
    let language: Language
    let focused: Bool

    func render(into s: inout Screen, area: Rect) {
        PaneTitle.render(.queue, titleText, focused: focused, into: &s, area: area)
        guard area.height > 2 else { return }
        let wide = area.width >= 100
        s.putPadded(Self.line(["", "ID", t(.lane), t(.state), t(.due), t(.age), t(.organization)], width: area.width, wide: wide),
                    x: area.x, y: area.y + 1, width: area.width, role: .header)
        let listTop = area.y + 2, listHeight = area.height - 2
        guard !visible.isEmpty else {
            s.put(loaded ? t(.noCases) : t(.loading), x: area.x + 2, y: listTop, role: .muted)
            return
        }
        let sel = selected ?? 0
        let start = (sel / max(1, listHeight)) * listHeight
        for (i, ri) in visible[start..<min(visible.count, start + listHeight)].enumerated() {
            row(rows[ri], selected: start + i == sel, wide: wide, into: &s, x: area.x, y: listTop + i, width: area.width)
        }
    }

    private func row(_ r: CaseSummary, selected isSel: Bool, wide: Bool, into s: inout Screen, x: Int, y: Int, width: Int) {
        let late = r.isOverdue(on: today)
        let due = String(r.reportDueOn.description.dropFirst(5)) + (late ? " !" + t(.late) : "")
        let place = (r.id == outside ? "[\(t(.outsideFilter))] " : "") + [names[r.organization] ?? r.organization.rawValue, r.store].compactMap { $0 }.joined(separator: "/")
        // `@`: someone else has this case open now.
        let text = Self.line([r.id == outside ? ">~" : isSel ? ">" : (viewers[r.id] == nil ? "" : "@"), r.id.description, Words.lane(r.lane, language),
                              Words.state(r.status, language), due, Clock.age(r.openedAt, now: now, language),
                              Sanitizer.visible(place) + (wide ? "  " + (hidesText ? withheld : Sanitizer.visible(r.summary)) : "")],
                             width: width, wide: wide)
        s.putPadded(text, x: x, y: y, width: width, role: isSel ? .selected : .normal)
        if isSel {
            s.cursor = (x, y)
            return
        }
        if r.lane == .danger {
            s.put(DisplayWidth.fit(Words.lane(r.lane, language), width: Self.cols[2] - 1), x: x + Self.offset(2), y: y, role: .danger)
        }
        if late { s.put(DisplayWidth.fit(due, width: Self.cols[4] - 1), x: x + Self.offset(4), y: y, role: .warning) }
    }

    private var withheld: String { Personal(subject: SubjectID("s-0000000000000000"), content: .withheld).display(language) }

    var titleText: String {
        let ja = language == .ja
        var text: String
        if let h = title.head {
            text = "\(t(.queue)) \(h.total)\(ja ? "件" : "")  \(t(.danger)) \(h.danger)  \(t(.overdue)) \(h.overdue)  (\(t(.loading)))"
        } else {
            let c = title.counts
            text = "\(t(.queue)) \(c.shown)/\(title.total)\(ja ? "件" : "")  \(t(.danger)) \(c.danger)  \(t(.overdue)) \(c.overdue)"
        }
        let f = title.filter
        var filters: [String] = []
        if let l = f.lane { filters.append(Words.lane(l, language)) }
        if let o = f.organization { filters.append(Sanitizer.visible(names[o] ?? o.rawValue)) }
        if let st = f.state { filters.append(Words.state(st, language)) }
        if f.overdueOnly { filters.append(t(.overdue)) }
        if f.mineOnly { filters.append(t(.mine)) }
        if !f.text.isEmpty { filters.append("/" + Sanitizer.visible(f.text)) }
        if !filters.isEmpty { text += "  [\(filters.joined(separator: " "))]" }
        if title.newCount > 0 { text += "  +\(title.newCount) \(t(.newCases))" }
        if title.retentionDue > 0 { text += "  \(t(.retentionDue)) \(title.retentionDue) (\(title.retentionKey))" }
        return text
    }

    /// Column widths: marker, id, lane, state, due, age; the place and summary take the rest.
    static let cols = [2, 9, 10, 14, 13, 7]
    static func offset(_ column: Int) -> Int { cols.prefix(column).reduce(0, +) }

    static func line(_ f: [String], width: Int, wide: Bool) -> String {
        var out = ""
        // Every column keeps at least one blank before the next, but the marker's (">~": kept outside the filter).
        for (i, w) in cols.enumerated() { out += DisplayWidth.fit(DisplayWidth.truncate(f[i], width: i == 0 ? w : w - 1), width: w) }
        return DisplayWidth.truncate(out + f[6], width: width)
    }
}
