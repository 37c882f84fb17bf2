import DeskDomain
import DeskApp

/// State changes offered in the action menu.
public enum MenuAction: Equatable, Sendable, CaseIterable {
    case startReview, assess, classifyHarassment, classifyLegitimate, draftReport, approveReport, report, decisionNoFeedback,
         decisionWithFeedback, feedbackPhone, feedbackEmail, enquiry, enquiryEmail, close, rejectAsThreat, policeReportDone,
         notifyOrganizationDone, escalatePolice, escalateLawyer, escalateHeadquarters, laneDanger, laneHandover, laneComplaint

    public var label: (ja: String, en: String) {
        switch self {
        case .startReview: ("確認を開始する", "start review")
        case .assess: ("評価を記録する (要求の妥当性 × 手段)", "record the assessment (demand × means)")
        case .classifyHarassment: ("カスハラと判断する (監督者)", "classify as harassment (supervisor)")
        case .classifyLegitimate: ("正当な苦情と判断する (監督者)", "classify as a legitimate complaint (supervisor)")
        case .draftReport: ("報告書を作成する (意見・助言。氏名・連絡先は記載しない)", "draft the report (opinion; name and contact withheld)")
        case .approveReport: ("報告書を承認する (監督者)", "approve the report (supervisor)")
        case .report: ("報告書の送付を記録する", "record the report as sent")
        case .decisionNoFeedback: ("組織の決定を記録 (申出人へは連絡しない)", "record the organization's decision (no feedback)")
        case .decisionWithFeedback: ("組織の決定を記録 (申出人へ連絡する)", "record the organization's decision (feedback wanted)")
        case .feedbackPhone: ("申出人へ電話で伝えたことを記録", "record feedback given by phone")
        case .feedbackEmail: ("申出人へメールで伝えたことを記録", "record feedback sent by e-mail")
        case .enquiry: ("電話での進捗の問合せを記録 (定型文で回答)", "log a progress enquiry by phone (fixed answer)")
        case .enquiryEmail: ("メールでの進捗の問合せを記録 (定型文で回答)", "log a progress enquiry by e-mail (fixed answer)")
        case .laneDanger: ("区分を「危険」に変更 (監督者)", "move to the danger lane (supervisor)")
        case .laneHandover: ("区分を「引継」に変更 (監督者)", "move to the handover lane (supervisor)")
        case .laneComplaint: ("区分を「苦情」に変更 (監督者)", "move to the complaint lane (supervisor)")
        case .close: ("完了にする", "close")
        case .rejectAsThreat: ("脅迫・誹謗として受け付けない", "reject as threatening")
        case .policeReportDone: ("警察への通報・相談を済ませた (受理番号など)", "police report done (its reference)")
        case .notifyOrganizationDone: ("組織へ通知した (誰にどう伝えたか)", "organization notified (whom, how)")
        case .escalatePolice: ("警察へエスカレーション", "escalate to the police")
        case .escalateLawyer: ("弁護士へエスカレーション", "escalate to a lawyer")
        case .escalateHeadquarters: ("本部へエスカレーション", "escalate to headquarters")
        }
    }

    /// What the action asks the user to type first, if anything.
    public var needsText: UIText? {
        switch self {
        case .startReview, .report, .assess, .approveReport, .enquiry, .enquiryEmail: nil
        case .close: .outcome
        case .draftReport: .opinion
        case .decisionNoFeedback, .decisionWithFeedback: .decision
        case .feedbackPhone, .feedbackEmail: .whatWasSaid
        case .policeReportDone, .notifyOrganizationDone: .reference
        case .rejectAsThreat, .escalatePolice, .escalateLawyer, .escalateHeadquarters, .classifyHarassment, .classifyLegitimate,
             .laneDanger, .laneHandover, .laneComplaint: .reason
        }
    }

    /// What the menu item means to do, without the text: what the desk's permission is asked about.
    public var intent: CaseIntent {
        switch self {
        case .startReview: .startReview
        case .assess: .assess
        case .classifyHarassment: .classify(.harassment)
        case .classifyLegitimate: .classify(.legitimateComplaint)
        case .draftReport: .draftReport
        case .approveReport: .approveReport
        case .report: .report
        case .decisionNoFeedback, .decisionWithFeedback: .recordDecision
        case .feedbackPhone: .giveFeedback(.phone)
        case .feedbackEmail: .giveFeedback(.email)
        case .enquiry, .enquiryEmail: .logEnquiry
        case .close: .close
        case .rejectAsThreat: .rejectAsThreat
        case .policeReportDone: .completeTask(.policeReport)
        case .notifyOrganizationDone: .completeTask(.notifyOrganization)
        case .escalatePolice, .escalateLawyer, .escalateHeadquarters: .escalate
        case .laneDanger: .overrideLane(.danger)
        case .laneHandover: .overrideLane(.handover)
        case .laneComplaint: .overrideLane(.complaint)
        }
    }

    /// The action with what was typed (the desk seals it under the case's applicant); nil for the assessment, which has
    /// a form of its own.
    public func action(text: String) -> CaseAction? {
        switch self {
        case .startReview: .startReview
        case .assess: nil
        case .classifyHarassment: .classify(.harassment, reason: text)
        case .classifyLegitimate: .classify(.legitimateComplaint, reason: text)
        case .draftReport: .draftReport(opinion: text, includeName: false, includeContact: false)
        case .approveReport: .approveReport
        case .decisionNoFeedback: .recordDecision(text, feedback: false)
        case .decisionWithFeedback: .recordDecision(text, feedback: true)
        case .feedbackPhone: .giveFeedback(.phone, text: text)
        case .feedbackEmail: .giveFeedback(.email, text: text)
        case .enquiry: .logEnquiry(.phone)
        case .enquiryEmail: .logEnquiry(.email)
        case .policeReportDone: .completeTask(.policeReport, reference: text)
        case .notifyOrganizationDone: .completeTask(.notifyOrganization, reference: text)
        case .laneDanger: .overrideLane(.danger, reason: text)
        case .laneHandover: .overrideLane(.handover, reason: text)
        case .laneComplaint: .overrideLane(.complaint, reason: text)
        case .report: .report(sentTo: nil)
        case .close: .close(outcome: text)
        case .rejectAsThreat: .rejectAsThreat(reason: text)
        case .escalatePolice: .escalate(.police, reason: text)
        case .escalateLawyer: .escalate(.lawyer, reason: text)
        case .escalateHeadquarters: .escalate(.headquarters, reason: text)
        }
    }
}
