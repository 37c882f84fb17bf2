import Foundation

/// One event of a case as the report reads it.
public struct ReportInput: Sendable {
    public var recordedAt: String
    public var actor: String
    public var event: DeskEvent
    public init(recordedAt: String, actor: String, event: DeskEvent) {
        self.recordedAt = recordedAt
        self.actor = actor
        self.event = event
    }
}

/// The desk's report to the organization (seed 003's fields), built from the case's events and its latest draft.
/// Personal fields read as the store opened them: erased or locked ones say so instead of their text.
public struct CaseReport: Codable, Equatable, Sendable {
    public enum Stage: String, Codable, Sendable { case draft, approved, sent }
    public struct Applicant: Codable, Equatable, Sendable {
        public var anonymous: Bool
        /// Present only when the draft includes it (the applicant's consent).
        public var name: String?
        public var phone: String?
        public var email: String?
    }
    public struct Staff: Codable, Equatable, Sendable {
        public var name: String
        public var characteristics: String?
    }
    public struct Assessment: Codable, Equatable, Sendable {
        public var validity: DemandValidity
        public var means: Means
        public var behaviours: [BehaviourType]
        public var reason: String
    }

    public var caseID: String
    public var stage: Stage
    public var organization: String
    public var organizationName: String
    public var reportTo: String
    public var language: Language
    public var branch: String?
    public var store: String?
    public var channel: Channel
    public var receivedAt: String
    public var occurredAt: String?
    public var dueOn: String
    public var applicant: Applicant
    public var staff: [Staff]
    public var complaint: String
    public var requests: String?
    /// The customer's words, verbatim, as recorded.
    public var words: [String]
    public var feedbackWanted: Bool
    public var lane: Lane?
    public var assessment: Assessment?
    public var classification: Classification?
    public var opinion: String
    public var draftedBy: String
    public var approvedBy: String?
    public var sentAt: String?
    public var sentTo: String?

    public enum BuildError: Error, Equatable, CustomStringConvertible {
        case noIntake, noDraft, reportedWithoutDraft
        public var description: String {
            switch self {
            case .noIntake: "the case has no intake"
            case .noDraft: "the case has no report draft yet: an operator drafts it first (`mado report draft CASE`)"
            case .reportedWithoutDraft:
                "the case was reported before mado kept report drafts in the log, so its report cannot be printed; `mado show` has its timeline"
            }
        }
    }

    /// Events that change what a report says: an approval before them no longer covers the report.
    public static func changesContent(_ e: DeskEvent) -> Bool {
        switch e {
        case .assessed, .classified, .laneOverridden, .statementRecorded, .handedOver: true
        case .intakeRecorded, .factsRecorded, .counterpartyLinked, .reviewStarted, .escalated, .reported, .closed,
             .rejectedAsThreat, .enquiryLogged, .noteAdded, .applicantAdded, .caseAssigned, .legalHoldPlaced, .legalHoldLifted, .ladderStepTaken, .counterActionTaken, .contactSet,
             .reportDrafted, .reportApproved, .organizationDecided, .feedbackGiven, .taskOpened, .taskDone,
             .organizationRegistered, .retentionSet, .policyAdopted, .staffAdded, .staffRemoved, .shiftStarted, .shiftEnded,
             .consultationOpened, .careTaskOpened, .careTaskDone, .consultationLinked, .consultationNoted, .consultationClosed,
             .restrictedAccess, .subjectErased, .subjectExported, .standingSet, .checkpointSigned:
            false
        }
    }

    /// Builds the report from the case's events in order; the latest draft decides what is disclosed.
    public static func build(caseID: String, events: [ReportInput], organizationName: String, reportTo: String,
                             language: Language, dueOn: String) throws(BuildError) -> CaseReport {
        guard case .intakeRecorded(let intake)? = events.first?.event else { throw .noIntake }
        var draft: (ReportDrafted, String, Int)?
        var approved: (Int, String)?
        var sent: (String, String)?
        var lane: Lane?
        var assessment: Assessed?
        var classification: Classification?
        var words: [String] = []
        for (i, e) in events.enumerated() {
            // A sent report is what was sent: nothing recorded after the sending changes it.
            if sent != nil { break }
            if approved != nil, changesContent(e.event) { approved = nil }
            switch e.event {
            case .reportDrafted(let d): draft = (d, e.actor, i + 1)
            case .reportApproved(let a): approved = (a.draft, e.actor)
            case .reported(let r): sent = (e.recordedAt, r.sentTo)
            case .handedOver(let h): lane = h.lane
            case .laneOverridden(let o): lane = o.to
            case .assessed(let a): assessment = a
            case .classified(let c): classification = c.classification
            case .statementRecorded(let s): if s.verbatim { words.append(s.text.display) }
            case .intakeRecorded, .factsRecorded, .counterpartyLinked, .reviewStarted, .escalated, .closed, .rejectedAsThreat,
                 .enquiryLogged, .noteAdded, .applicantAdded, .caseAssigned, .legalHoldPlaced, .legalHoldLifted, .ladderStepTaken, .counterActionTaken, .contactSet,
                 .organizationDecided, .feedbackGiven, .taskOpened, .taskDone, .organizationRegistered, .retentionSet,
                 .policyAdopted, .staffAdded, .staffRemoved, .shiftStarted, .shiftEnded, .consultationOpened, .careTaskOpened,
                 .careTaskDone, .consultationLinked, .consultationNoted, .consultationClosed, .restrictedAccess, .subjectErased,
                 .subjectExported, .standingSet, .checkpointSigned:
                break
            }
        }
        guard let (d, drafter, version) = draft else { throw sent == nil ? .noDraft : .reportedWithoutDraft }
        let isApproved = approved?.0 == version
        let a = intake.applicant
        return CaseReport(
            caseID: caseID, stage: sent != nil ? .sent : isApproved ? .approved : .draft,
            organization: intake.organization.rawValue, organizationName: organizationName, reportTo: reportTo,
            language: language, branch: intake.branch, store: intake.store, channel: intake.channel,
            receivedAt: events[0].recordedAt, occurredAt: intake.occurredAt, dueOn: dueOn,
            applicant: Applicant(anonymous: a.anonymous,
                                 name: d.includeName ? a.name?.display : nil,
                                 phone: d.includeContact ? a.phone?.display : nil,
                                 email: d.includeContact ? a.email?.display : nil),
            staff: intake.staff.map { Staff(name: $0.name.display, characteristics: $0.characteristics?.display) },
            complaint: intake.complaint.display, requests: intake.requests?.display, words: words,
            feedbackWanted: intake.feedbackWanted, lane: lane,
            assessment: assessment.map { Assessment(validity: $0.validity, means: $0.means, behaviours: $0.behaviours,
                                                    reason: $0.reason.display) },
            classification: classification, opinion: d.opinion.display, draftedBy: drafter,
            approvedBy: isApproved ? approved?.1 : nil, sentAt: sent?.0, sentTo: sent?.1)
    }

    /// The report as text in its language; every piece of recorded text passes the sanitizer.
    public func text() -> String {
        let ja = language == .ja
        func L(_ j: String, _ e: String) -> String { ja ? j : e }
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        func field(_ label: String, _ value: String) { line("\(label): \(Sanitizer.visible(value))") }
        func block(_ label: String, _ text: String) {
            line("\(label):")
            let indent = String(repeating: " ", count: label.prefix { $0 == " " }.count + 4)
            for l in Sanitizer.visibleLines(text).split(separator: "\n", omittingEmptySubsequences: false) { line(indent + l) }
        }
        line(L("カスタマーハラスメント相談窓口 報告書", "Customer-harassment desk: report"))
        switch stage {
        case .draft: line(L("【下書き — 未承認】", "[DRAFT — not approved]"))
        case .approved: line(L("【承認済み — 未送付】", "[approved — not yet sent]"))
        case .sent: break
        }
        line()
        field(L("案件", "Case"), caseID)
        field(L("宛先", "To"), "\(organizationName) \(reportTo)")
        field(L("受付日時", "Received"), StoredTime.display(receivedAt))
        field(L("受付方法", "Channel"), channel.label(language))
        field(L("報告期限", "Report due"), dueOn)
        line()
        line(L("■ 申出人", "■ Applicant"))
        if applicant.anonymous {
            line(L("  匿名", "  anonymous"))
        } else {
            line("  " + Sanitizer.visible(applicant.name ?? L("実名 (本人の同意がないため記載しない)", "named (name withheld: no consent to disclose)")))
        }
        if applicant.phone != nil || applicant.email != nil {
            if let p = applicant.phone { field(L("  電話", "  Phone"), p) }
            if let m = applicant.email { field(L("  メール", "  E-mail"), m) }
        } else {
            line(L("  連絡先: 記載なし", "  Contact: not included"))
        }
        field(L("  検証結果のフィードバック", "  Feedback on the outcome"), feedbackWanted ? L("希望する", "wanted") : L("希望しない", "not wanted"))
        line()
        line(L("■ 発生場所・日時", "■ Where and when"))
        field(L("  会社・支店・店舗", "  Company / branch / store"),
              [organizationName, branch, store].compactMap { $0 }.joined(separator: " / "))
        field(L("  発生日時", "  Occurred"), occurredAt.map { Sanitizer.visible(StoredTime.displayAny($0)) } ?? L("不明", "not given"))
        if !staff.isEmpty {
            line(L("  対応した従業員:", "  Staff involved:"))
            for s in staff { line("    " + Sanitizer.visible(s.name + (s.characteristics.map { " (\($0))" } ?? ""))) }
        }
        line()
        block(L("■ 申出の内容", "■ The complaint"), complaint)
        if let r = requests { block(L("■ 要求", "■ Requests"), r) }
        if !words.isEmpty {
            line(L("■ 相手方の発言 (そのまま)", "■ The customer's words (verbatim)"))
            for w in words { line("  「" + Sanitizer.visible(w) + "」") }
        }
        line()
        line(L("■ 検証", "■ Verification"))
        if let lane { field(L("  窓口での区分", "  Lane at the counter"), lane.label(language)) }
        if let a = assessment {
            field(L("  要求の妥当性", "  Validity of the demand"), a.validity.label(language))
            field(L("  要求の手段・態様", "  Means"), a.means.label(language))
            if !a.behaviours.isEmpty {
                field(L("  行為の類型", "  Behaviour types"), a.behaviours.map { $0.label(language) }.joined(separator: L("、", ", ")))
            }
            block(L("  理由", "  Reason"), a.reason)
        }
        if let c = classification { field(L("  判断", "  Conclusion"), c.label(language)) }
        line()
        block(L("■ 当窓口の意見・助言", "■ The desk's opinion and advice"), opinion)
        line()
        field(L("作成", "Drafted by"), draftedBy)
        if let a = approvedBy { field(L("承認", "Approved by"), a) }
        if let at = sentAt, let to = sentTo { field(L("送付", "Sent"), "\(StoredTime.display(at)) → \(to)") }
        return out
    }

    /// For programs: times in Japan time with their offset, like every JSON and CSV mado writes (the log keeps UTC).
    public func json() -> String {
        var shown = self
        shown.receivedAt = StoredTime.isoJapan(receivedAt)
        shown.occurredAt = occurredAt.map(StoredTime.isoJapanAny)
        shown.sentAt = sentAt.map(StoredTime.isoJapan)
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? e.encode(shown)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
