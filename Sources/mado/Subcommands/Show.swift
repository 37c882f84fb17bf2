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
            guard let id = CaseID(caseID) else { throw ValidationError("not a case id: \(Sanitizer.visible(caseID)) (like C-000012)") }
            let desk = try store.desk()
            defer { desk.close() }
            if let p = desk.keyProblem { warn("personal fields are hidden: \(p)") }
            let d = try desk.caseDetail(id)
            print(CasePrinter.render(d, today: LocalDate(japanTime: Date())), terminator: "")
        }
    }
}

/// The plain-text form of a case, for `mado show` and for printing.
enum CasePrinter {
    static func render(_ d: CaseDetail, today: LocalDate) -> String {
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        func block(_ title: String, _ text: String) {
            line(title)
            for l in Sanitizer.visibleLines(text).split(separator: "\n", omittingEmptySubsequences: false) { line("  " + l) }
        }
        let r = d.summary
        let place = [r.organization.rawValue, r.branch, r.store].compactMap { $0 }.map(Sanitizer.visible).joined(separator: " / ")
        let overdue = r.isOverdue(on: today)
        line("\(r.id)  \(place)")
        line("state       \(r.status.rawValue)")
        line("lane        \(r.lane?.rawValue ?? "-")")
        line("channel     \(r.channel.rawValue) (\(r.language.rawValue))")
        line("opened      \(r.openedAt)")
        line("report due  \(r.reportDueOn)\(overdue ? "  OVERDUE / 期限超過" : "")")
        if let a = r.assignee { line("assignee    \(Sanitizer.visible(a))") }
        if let h = r.hold { line("legal hold  \(h.rawValue)  (personal data cannot be erased while held / 保全中)") }
        if let t = d.reportTo { line("report to   \(Sanitizer.visible(t))") }
        for e in d.events {
            guard case .intakeRecorded(let p) = e.event else { continue }
            line()
            let a = p.applicant
            var who = a.anonymous ? "anonymous / 匿名" : (a.name?.display ?? "(no name given)")
            if let ph = a.phone { who += "  phone \(ph.display)" }
            if let em = a.email { who += "  e-mail \(em.display)" }
            line("applicant   " + Sanitizer.visible(who))
            if let o = p.occurredAt { line("occurred    \(Sanitizer.visible(o))") }
            line("feedback    \(p.feedbackWanted ? "wanted / 希望する" : "not wanted / 希望しない")")
            for s in p.staff {
                line("staff       " + Sanitizer.visible(s.name.display + (s.characteristics.map { " (\($0.display))" } ?? "")))
            }
            line()
            block("complaint / 苦情の内容", p.complaint.display)
            if let q = p.requests { block("requests / 要求", q.display) }
            for (i, a) in (p.attachments ?? []).enumerated() {
                line("attachment \(i + 1)  " + Sanitizer.visible(a.name?.display ?? "(no name)") + "  \(a.mediaType)  \(a.bytes) bytes  (mado evidence)")
            }
        }
        line()
        line("timeline")
        for e in d.events {
            line("  \(e.recordedAt)  \(e.event.type)  by \(Sanitizer.visible(e.actor.user))\(detail(e.event))")
        }
        if !d.ledger.isEmpty {
            line()
            line("earlier contacts of the counterparty / 相手方の過去の接触")
            for l in d.ledger {
                line("  \(l.at)  \(l.caseID)  \(Sanitizer.visible(l.about))  answered: \(Sanitizer.visible(l.answered))")
            }
        }
        if !d.standings.isEmpty {
            line()
            line("counterparties / 相手方")
            let today = LocalDate(japanTime: Date())
            for c in d.standings {
                let st = c.effective(on: today)
                line("  \(c.subject)  " + (st == .none ? "no warning or ban / 警告・利用禁止なし" : "\(st.rawValue) until \(c.until!) / \(st == .banned ? "利用禁止" : "警告済み") \(c.until!) まで"))
            }
        }
        return out
    }

    private static func detail(_ e: DeskEvent) -> String {
        func text(_ p: Personal) -> String { ": " + Sanitizer.visible(p.display) }
        switch e {
        case .handedOver(let p): return ": lane \(p.lane.rawValue), rule \(p.rule) (\(p.policyVersion)), script \(p.scripts.joined(separator: ",")), leaflet \(p.leaflet)"
        case .statementRecorded(let p): return " (\(p.speaker.rawValue)\(p.verbatim ? ", verbatim" : ""))" + text(p.text)
        case .noteAdded(let p), .rejectedAsThreat(let p): return text(p.text)
        case .escalated(let p): return " to \(p.target.rawValue)" + text(p.reason)
        case .assessed(let p):
            return ": demand \(p.validity.rawValue), means \(p.means.rawValue), behaviours \(p.behaviours.map(\.rawValue).joined(separator: ","))"
                + text(p.reason) + (p.opinion.map { " / opinion" + text($0) } ?? "")
        case .classified(let p): return ": \(p.classification.rawValue)" + text(p.reason)
        case .laneOverridden(let p): return ": \(p.from?.rawValue ?? "-") -> \(p.to.rawValue)" + text(p.reason)
        case .reported(let p): return ": sent to \(Sanitizer.visible(p.sentTo))"
        case .closed(let p): return ": \(Sanitizer.visible(p.outcome))"
        case .enquiryLogged(let p): return " (\(p.channel.rawValue)): answered with \(p.answeredWith)"
        case .caseAssigned(let p): return ": \(Sanitizer.visible(p.assignee.user))"
        case .legalHoldPlaced(let p): return " (\(p.kind.rawValue)): " + Sanitizer.visible(p.reason)
        case .legalHoldLifted(let p): return ": " + Sanitizer.visible(p.reason)
        case .ladderStepTaken(let p): return ": \(p.step.rawValue)"
        case .counterActionTaken(let p): return ": \(p.action.rawValue)"
        case .counterpartyLinked(let p): return ": " + Sanitizer.visible(p.label.display)
        case .reportDrafted(let p):
            return " (name \(p.includeName ? "included" : "withheld"), contact \(p.includeContact ? "included" : "withheld"))" + text(p.opinion)
        case .reportApproved(let p): return ": the draft at version \(p.draft)"
        case .organizationDecided(let p): return " (feedback \(p.feedback ? "wanted" : "not wanted"))" + text(p.decision)
        case .feedbackGiven(let p): return " (\(p.channel.rawValue))" + text(p.text)
        case .taskOpened(let p): return ": \(p.kind.rawValue)"
        case .taskDone(let p): return ": \(p.kind.rawValue), " + Sanitizer.visible(p.reference)
        case .factsRecorded(let f):
            let yes = FactName.allCases.filter { $0.value(in: f) > 0 }.map { n -> String in
                n == .minutesSpent || n == .earlierContacts ? "\(n.rawValue)=\(n.value(in: f))" : n.rawValue
            }
            return ": " + (yes.isEmpty ? "none" : yes.joined(separator: ", "))
        default: return ""
        }
    }
}
