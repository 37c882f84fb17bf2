import DeskDomain

/// A consultation's events as lines for a counsellor; what people wrote goes through the sanitizer.
public enum ConsultationText {
    public static func lines(_ e: DeskEvent, _ lang: Language = .en) -> [String] {
        func t(_ p: Personal?) -> String { p.map { Sanitizer.visible($0.display) } ?? "-" }
        let ja = lang == .ja, sep = ja ? "、" : ", "
        switch e {
        case .consultationOpened(let p):
            let org = Sanitizer.visible(p.organization.rawValue)
            var first = [ja ? "組織 \(org)" : "organization \(org)",
                         (ja ? "相談者 " : "by ") + ConsultationWords.party(p.openedBy, lang)]
            first += p.anonymous ? [ja ? "匿名" : "anonymous"]
                                 : [(ja ? "氏名 " : "name ") + t(p.name), (ja ? "連絡先 " : "contact ") + t(p.contact)]
            if p.mentalHealth { first.append(ConsultationWords.mentalHealth(lang)) }
            if let s = p.secondary { first.append(ConsultationWords.secondary(s, lang)) }
            var out = [first.joined(separator: sep), (ja ? "被害: " : "harm: ") + t(p.harm)]
            if let w = p.wants { out.append((ja ? "希望: " : "wants: ") + t(w)) }
            return out
        case .careTaskOpened(let p):
            return [ConsultationWords.care(p.kind, lang) + (ja ? " 期日 \(p.due)" : " due \(p.due)")]
        case .careTaskDone(let p): return [ConsultationWords.care(p.kind, lang) + (ja ? " 完了" : " done")]
        case .consultationLinked(let p): return [ja ? "\(p.caseID) と関連付け (本人の同意あり)" : "linked to \(p.caseID) (with the employee's consent)"]
        case .consultationNoted(let p), .consultationClosed(let p): return [t(p.text)]
        default: return []
        }
    }
}
