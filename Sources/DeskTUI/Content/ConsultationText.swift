import DeskDomain

/// A consultation's events as lines for a counsellor; what people wrote goes through the sanitizer.
public enum ConsultationText {
    public static func lines(_ e: DeskEvent) -> [String] {
        func t(_ p: Personal?) -> String { p.map { Sanitizer.visible($0.display) } ?? "-" }
        switch e {
        case .consultationOpened(let p):
            var out = ["organization \(Sanitizer.visible(p.organization.rawValue)), by \(p.openedBy.rawValue)"
                       + (p.anonymous ? ", anonymous" : ", name \(t(p.name)), contact \(t(p.contact))")
                       + (p.mentalHealth ? ", mental-health concern" : "") + (p.secondary.map { ", secondary harassment by a \($0.rawValue)" } ?? ""),
                       "harm: \(t(p.harm))"]
            if let w = p.wants { out.append("wants: \(t(w))") }
            return out
        case .careTaskOpened(let p): return ["\(p.kind.rawValue) due \(p.due)"]
        case .careTaskDone(let p): return ["\(p.kind.rawValue) done"]
        case .consultationLinked(let p): return ["linked to \(p.caseID) (with the employee's consent)"]
        case .consultationNoted(let p), .consultationClosed(let p): return [t(p.text)]
        default: return []
        }
    }
}
