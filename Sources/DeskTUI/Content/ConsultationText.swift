import DeskDomain

/// A consultation's events as lines for a counsellor; what people wrote goes through the sanitizer.
public enum ConsultationText {
    /// `names`: the organizations' names by id; an organization without one is shown by its id.
    public static func lines(_ e: DeskEvent, language: Language = .en, names: [OrganizationID: String] = [:]) -> [String] {
        func t(_ p: Personal?) -> String { p.map { Sanitizer.visible($0.display(language)) } ?? "-" }
        let ja = language == .ja
        switch e {
        case .consultationOpened(let p):
            var out = [(ja ? "組織 " : "organization ") + Sanitizer.visible(names[p.organization] ?? p.organization.rawValue)
                       + (ja ? "、相談者: " : ", by ") + p.openedBy.label(language)
                       + (p.anonymous ? (ja ? "、匿名" : ", anonymous")
                          : (ja ? "、氏名 \(t(p.name))、連絡先 \(t(p.contact))" : ", name \(t(p.name)), contact \(t(p.contact))"))
                       + (p.mentalHealth ? (ja ? "、心身の不調あり" : ", health concern") : "")
                       + (p.secondary.map { ja ? "、\($0.label.ja)による二次被害" : ", secondary harassment by \($0.label.en)" } ?? ""),
                       (ja ? "被害: " : "harm: ") + t(p.harm)]
            if let w = p.wants { out.append((ja ? "希望: " : "wants: ") + t(w)) }
            return out
        case .careTaskOpened(let p): return [ja ? "\(p.kind.label.ja) 期日 \(p.due)" : "\(p.kind.label.en) due \(p.due)"]
        case .careTaskDone(let p): return [ja ? "\(p.kind.label.ja) 完了" : "\(p.kind.label.en) done"]
        case .consultationLinked(let p): return [ja ? "案件 \(p.caseID) と紐付け (従業員の同意あり)" : "linked to \(p.caseID) (with the employee's consent)"]
        case .consultationNoted(let p), .consultationClosed(let p): return [t(p.text)]
        default: return []
        }
    }
}
