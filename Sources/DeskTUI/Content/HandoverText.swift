import DeskDomain
import DeskApp

/// A shift handover as lines of text, for `mado shift` and the console's overlay at login.
public enum HandoverText {
    /// A stored UTC time as the desk reads it, `2026-11-25 15:26 JST`.
    public static func time(_ utc: String) -> String { Clock.japan(utc) }

    public static func lines(_ r: HandoverRecord, language: Language) -> [String] {
        let ja = language == .ja
        return [(ja ? "引継ぎ: " : "Handover from ") + Sanitizer.visible(r.user) + (ja ? " (" : " at ") + Clock.japan(r.at) + (ja ? ")" : "")]
            + lines(r.handover, language: language)
    }

    /// The handover's lists and note, without its heading.
    public static func lines(_ h: ShiftEnded, language: Language) -> [String] {
        let ja = language == .ja
        func ids(_ list: [CaseID]) -> String { list.isEmpty ? (ja ? "なし" : "none") : list.map(\.description).joined(separator: " ") }
        var out: [String] = []
        if let k = h.consultations {
            out.append((ja ? "  ケアの期限が近い相談: " : "  consultations with care due by the next business day: ")
                       + (k.isEmpty ? (ja ? "なし" : "none") : k.map(\.description).joined(separator: " ")))
        } else {
            out.append((ja ? "  担当していた案件: " : "  cases they held: ") + ids(h.held))
            out.append((ja ? "  報告期限が近い・超過: " : "  report due by the next business day or overdue: ") + ids(h.nearDeadline))
            out.append((ja ? "  危険区分: " : "  danger lane: ") + ids(h.danger))
        }
        if h.omitted > 0 { out.append((ja ? "  (ほか \(h.omitted) 件は一覧に収まらず)" : "  (\(h.omitted) more did not fit in the lists)")) }
        if let note = h.note {
            out.append(ja ? "  申し送り:" : "  note:")
            for l in Sanitizer.visibleLines(note.display(language)).split(separator: "\n", omittingEmptySubsequences: false) { out.append("    " + l) }
        }
        return out
    }
}
