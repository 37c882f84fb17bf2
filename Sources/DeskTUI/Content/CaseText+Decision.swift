import DeskApp
import DeskDomain

extension CaseText {
    /// What a supervisor decides on, in view before classify, approve and send: the latest assessment (validity, means,
    /// behaviour types, reason, opinion), the classification, the report draft and the organization's decision.
    static func decisionFacts(_ d: CaseDetail, _ c: Context, into w: inout Writer) {
        let ja = c.language == .ja
        var assessed: Assessed?, classified: Classified?, draft: ReportDrafted?, decided: OrganizationDecided?
        for e in d.events {
            switch e.event {
            case .assessed(let p): assessed = p
            case .classified(let p): classified = p
            case .reportDrafted(let p): draft = p
            case .organizationDecided(let p): decided = p
            default: break
            }
        }
        func text(_ p: Personal) -> (String, StyleRole) { (Sanitizer.visibleLines(p.display(c.language)), p.text == nil ? .muted : .normal) }
        if let a = assessed {
            w.section(.assessment)
            w.add((ja ? "要求の妥当性: " : "validity of the demand: ") + a.validity.label(c.language))
            w.add((ja ? "手段・態様: " : "means: ") + a.means.label(c.language), a.means == .acceptable ? .normal : .warning)
            w.add((ja ? "行為類型: " : "behaviour types: ")
                  + (a.behaviours.isEmpty ? UIText.nothing.text(c.language) : a.behaviours.map { $0.label(c.language) }.joined(separator: ja ? "、" : ", ")))
            let (reason, role) = text(a.reason)
            w.add((ja ? "理由: " : "reason: ") + reason, role)
            if let o = a.opinion {
                let (opinion, role) = text(o)
                w.add(UIText.opinion.text(c.language) + ": " + opinion, role)
            }
        }
        if let k = classified {
            let (reason, role) = text(k.reason)
            w.add((ja ? "分類: " : "classification: ") + k.classification.label(c.language) + (ja ? " (理由: " : " (reason: ") + reason + ")", role)
        }
        if let r = draft {
            w.section(.reportDraft)
            w.add((ja ? "申出人の氏名: " : "applicant's name: ") + (r.includeName ? (ja ? "記載する" : "included") : (ja ? "記載しない" : "withheld"))
                  + (ja ? "   連絡先: " : "   contact: ") + (r.includeContact ? (ja ? "記載する" : "included") : (ja ? "記載しない" : "withheld")))
            let (opinion, role) = text(r.opinion)
            w.add(UIText.opinion.text(c.language) + ": " + opinion, role)
        }
        if let o = decided {
            w.section(.decision)
            let (decision, role) = text(o.decision)
            w.add(decision + (o.feedback ? (ja ? " (申出人へ連絡する)" : " (the applicant is to be told)")
                              : (ja ? " (申出人へは連絡しない)" : " (the applicant is not to be told)")), role)
        }
    }
}

extension UIText {
    /// The case pane's sections for deciding.
    var decisionText: (String, String)? {
        switch self {
        case .assessment: ("評価 (二軸)", "Assessment (two axes)")
        case .reportDraft: ("報告書の下書き", "Report draft")
        default: nil
        }
    }
}
