import ArgumentParser
import DeskApp
import DeskDomain
import Foundation

extension Mado {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print one case: what was taken in, the timeline and the counterparty's earlier contacts.",
            discussion: """
                Names and contact details are shown to operators and supervisors only. Lines are never \
                wrapped; what an applicant wrote is shown with control characters as visible markers.
                """)

        @OptionGroup var store: StoreOptions
        @Argument(help: "The case id, e.g. C-000012.") var caseID: String

        func run() throws {
            let id = try parseCaseID(caseID)
            let desk = try store.desk()
            defer { desk.close() }
            if let p = desk.keyProblem { warn(say("personal fields are hidden: \(p)", "個人データの項目は表示しません: \(p)")) }
            let d = try desk.caseDetail(id)
            let name = (try? desk.organizations())?.first { $0.id == d.summary.organization }?.name
            print(CasePrinter.render(d, today: LocalDate(japanTime: Date()), language: store.language, organizationName: name), terminator: "")
        }
    }
}

/// The plain-text form of a case, for `mado show` and for printing: the desk's words in `language`, Japan time.
enum CasePrinter {
    static func render(_ d: CaseDetail, today: LocalDate, language: Language = .en, organizationName: String? = nil) -> String {
        let ja = language == .ja
        func L(_ j: String, _ e: String) -> String { ja ? j : e }
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        func field(_ j: String, _ e: String, _ value: String) { line(column(L(j, e), 12) + value) }
        func block(_ title: String, _ text: String) {
            line(title)
            for l in Sanitizer.visibleLines(text).split(separator: "\n", omittingEmptySubsequences: false) { line("  " + l) }
        }
        let r = d.summary
        let place = [organizationName ?? r.organization.rawValue, r.branch, r.store].compactMap { $0 }.map(Sanitizer.visible).joined(separator: " / ")
        let overdue = r.isOverdue(on: today)
        line("\(r.id)  \(place)")
        field("状態", "state", r.status.label(language))
        field("区分", "lane", r.lane?.label(language) ?? "-")
        field("受付方法", "channel", "\(r.channel.label(language)) (\(r.language == .ja ? L("日本語", "Japanese") : L("英語", "English")))")
        field("受付日時", "opened", StoredTime.display(r.openedAt))
        field("報告期限", "report due", "\(r.reportDueOn)\(overdue ? L("  期限超過", "  OVERDUE") : "")")
        if let a = r.assignee { field("担当", "assignee", Sanitizer.visible(a)) }
        if let h = r.hold {
            field("法的保全", "legal hold", h.label(language) + L("  (保全中は個人データを消去できません)", "  (personal data cannot be erased while held)"))
        }
        if let t = d.reportTo { field("報告先", "report to", Sanitizer.visible(t)) }
        for e in d.events {
            guard case .intakeRecorded(let p) = e.event else { continue }
            line()
            let a = p.applicant
            var who = a.anonymous ? L("匿名", "anonymous") : (a.name?.display ?? L("(氏名なし)", "(no name given)"))
            if let ph = a.phone { who += L("  電話 ", "  phone ") + ph.display }
            if let em = a.email { who += L("  メール ", "  e-mail ") + em.display }
            field("申出人", "applicant", Sanitizer.visible(who))
            if let o = p.occurredAt { field("発生日時", "occurred", Sanitizer.visible(StoredTime.displayAny(o))) }
            field("連絡の希望", "feedback", p.feedbackWanted ? L("希望する", "wanted") : L("希望しない", "not wanted"))
            for s in p.staff {
                field("対応した職員", "staff", Sanitizer.visible(s.name.display + (s.characteristics.map { " (\($0.display))" } ?? "")))
            }
            line()
            block(L("苦情の内容", "complaint"), p.complaint.display)
            if let q = p.requests { block(L("要求", "requests"), q.display) }
            for (i, a) in (p.attachments ?? []).enumerated() {
                line(L("添付", "attachment") + " \(i + 1)  " + Sanitizer.visible(a.name?.display ?? L("(名前なし)", "(no name)"))
                     + "  \(a.mediaType)  \(a.bytes) " + L("バイト  (mado evidence で取り出せます)", "bytes  (mado evidence)"))
            }
        }
        line()
        line(L("経過記録", "timeline"))
        for e in d.events {
            line("  \(StoredTime.display(e.recordedAt))  \(e.event.summary(language))  \(L("記録者", "by")) \(Sanitizer.visible(e.actor.user))"
                 + detail(e.event, d.policy, language))
        }
        if !d.ledger.isEmpty {
            line()
            line(L("相手方の過去の接触", "earlier contacts of the counterparty"))
            for l in d.ledger {
                line("  \(StoredTime.display(l.at))  \(l.caseID)  \(Sanitizer.visible(l.about))  \(L("回答", "answered")): \(Sanitizer.visible(l.answered))")
            }
        }
        if !d.standings.isEmpty {
            line()
            line(L("相手方", "counterparties"))
            for c in d.standings {
                let st = c.effective(on: today)
                line("  \(c.subject)  " + st.label(language) + (st == .none ? "" : (ja ? " \(c.until!) まで" : " until \(c.until!)")))
            }
        }
        return out
    }

    /// What an event says beyond its label: the text people wrote, and what it decided in words.
    private static func detail(_ e: DeskEvent, _ policy: PolicyTable, _ language: Language) -> String {
        let ja = language == .ja
        func L(_ j: String, _ e: String) -> String { ja ? j : e }
        func text(_ p: Personal) -> String { ": " + Sanitizer.visible(p.display) }
        func yes(_ b: Bool) -> String { b ? L("あり", "included") : L("なし", "withheld") }
        switch e {
        case .handedOver(let p):
            return " (" + L("根拠: ", "because of ") + policy.ruleReason(p.rule, language) + L("、方針 ", "; policy ") + p.policyVersion + ")"
        case .statementRecorded(let p): return (p.verbatim ? L(" (そのまま)", " (verbatim)") : "") + text(p.text)
        case .noteAdded(let p), .rejectedAsThreat(let p): return text(p.text)
        case .applicantAdded(let p):
            let files = (p.attachments ?? []).map { Sanitizer.visible($0.name?.display ?? "-") }
            return (p.text.map(text) ?? "") + (files.isEmpty ? "" : L(" (添付: ", " (files: ") + files.joined(separator: ", ") + ")")
        case .escalated(let p): return text(p.reason)
        case .assessed(let p):
            return (p.behaviours.isEmpty ? "" : " (" + p.behaviours.map { $0.label(language) }.joined(separator: L("、", ", ")) + ")")
                + text(p.reason) + (p.opinion.map { L(" / 所見", " / opinion") + text($0) } ?? "")
        case .classified(let p): return text(p.reason)
        case .laneOverridden(let p): return text(p.reason)
        case .reported(let p): return L(": 送付先 ", ": sent to ") + Sanitizer.visible(p.sentTo)
        case .closed(let p): return ": " + Sanitizer.visible(p.outcome)
        case .enquiryLogged(let p):
            return L(": 定型文で回答 「", ": answered with 「") + (policy.script(p.answeredWith)?.text(language) ?? L("定型文", "the fixed script")) + "」"
        case .caseAssigned(let p): return ": " + Sanitizer.visible(p.assignee.user)
        case .legalHoldPlaced(let p): return ": " + Sanitizer.visible(p.reason)
        case .legalHoldLifted(let p): return ": " + Sanitizer.visible(p.reason)
        case .counterpartyLinked(let p): return ": " + Sanitizer.visible(p.label.display)
        case .reportDrafted(let p):
            return " (" + L("氏名 ", "name ") + yes(p.includeName) + L("、連絡先 ", ", contact ") + yes(p.includeContact) + ")" + text(p.opinion)
        case .reportApproved(let p): return L(": 第 \(p.draft) 版の下書き", ": the draft at version \(p.draft)")
        case .organizationDecided(let p):
            return " (" + (p.feedback ? L("申出人へ連絡する", "feedback wanted") : L("申出人へ連絡しない", "no feedback")) + ")" + text(p.decision)
        case .feedbackGiven(let p): return text(p.text)
        case .taskDone(let p): return ": " + Sanitizer.visible(p.reference)
        case .factsRecorded(let f): return ": " + (f.stated(language) ?? L("なし", "none"))
        default: return ""
        }
    }
}
