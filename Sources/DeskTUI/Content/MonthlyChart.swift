import DeskDomain

/// The monthly totals as text lines with a bar per row, for `mado report monthly` and the console's monthly view.
public enum MonthlyChart {
    /// Bars are scaled to the largest count of their section, so a section's shape reads at a glance.
    public static func lines(_ t: MonthlyTotals, language: Language, organizationName: String, barWidth: Int = 30) -> [String] {
        let ja = language == .ja
        var out = [ja ? "\(Sanitizer.visible(organizationName)) \(t.month) の受付集計 (\(t.asOf) 時点)"
                      : "\(Sanitizer.visible(organizationName)): totals for \(t.month) (as of \(t.asOf))"]
        let sections = t.sections
        let labelWidth = sections.flatMap(\.rows).map { DisplayWidth.of(ja ? $0.ja : $0.en) }.max() ?? 10
        for s in sections {
            out.append("")
            out.append(ja ? s.ja : s.en)
            let top = max(1, s.rows.map(\.count).max() ?? 1)
            for r in s.rows {
                let label = ja ? r.ja : r.en
                let pad = String(repeating: " ", count: max(0, labelWidth - DisplayWidth.of(label)))
                // Any count above zero shows at least one block, so small numbers never vanish.
                let n = r.count == 0 ? 0 : max(1, (r.count * max(1, barWidth) + top - 1) / top)
                let count = String(r.count)
                let row = "  \(label)\(pad)  \(String(repeating: " ", count: max(0, 5 - count.count)))\(count)"
                out.append(n == 0 ? row : row + "  " + String(repeating: "█", count: n))
            }
        }
        return out
    }
}
