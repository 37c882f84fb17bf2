/// What people read for the stored values, in Japanese and English (reports, totals, the console).
public protocol Labelled {
    var label: (ja: String, en: String) { get }
}

extension Labelled {
    public func label(_ language: Language) -> String { language == .ja ? label.ja : label.en }
}

extension Channel: Labelled {
    public var label: (ja: String, en: String) {
        switch self {
        case .counter: ("窓口", "counter")
        case .phone: ("電話", "phone")
        case .answeringMachine: ("留守番電話", "answering machine")
        case .webForm: ("Webフォーム", "web form")
        case .email: ("メール", "e-mail")
        }
    }
}

extension Lane: Labelled {
    public var label: (ja: String, en: String) {
        switch self {
        case .danger: ("危険", "danger")
        case .handover: ("引継", "handover")
        case .complaint: ("苦情", "complaint")
        }
    }
}

extension CaseStatus: Labelled {
    public var label: (ja: String, en: String) {
        switch self {
        case .intake: ("受付", "intake")
        case .handedOver: ("引継済", "handed over")
        case .underReview: ("確認中", "under review")
        case .reported: ("報告済", "reported")
        case .closed: ("完了", "closed")
        case .rejectedThreat: ("脅迫等で不受理", "rejected as a threat")
        case .escalated: ("エスカレーション", "escalated")
        }
    }
}

extension BehaviourType: Labelled {
    public var label: (ja: String, en: String) {
        switch self {
        case .timeRestraint: ("時間拘束型", "time restraint")
        case .repeatContact: ("リピート型", "repeated contact")
        case .verbalAbuse: ("暴言型", "verbal abuse")
        case .violence: ("暴力型", "violence")
        case .intimidation: ("威嚇・脅迫型", "intimidation or threat")
        case .authority: ("権威型", "pressing authority")
        case .offSiteSummons: ("店舗外拘束型", "off-site summons")
        case .onlineDefamation: ("SNS/ネット上の誹謗中傷型", "online defamation")
        case .sexualHarassment: ("セクハラ型", "sexual harassment")
        case .discrimination: ("差別的言動", "discrimination")
        case .demandAboutIndividual: ("従業員個人への要求", "demands about an employee")
        }
    }
}

extension DemandValidity: Labelled {
    public var label: (ja: String, en: String) {
        switch self {
        case .valid: ("妥当", "valid")
        case .partlyValid: ("一部妥当", "partly valid")
        case .invalid: ("妥当でない", "not valid")
        case .unclear: ("不明", "unclear")
        }
    }
}

extension Means: Labelled {
    public var label: (ja: String, en: String) {
        switch self {
        case .acceptable: ("社会通念上相当", "acceptable")
        case .unacceptable: ("社会通念上不相当", "socially unacceptable")
        case .criminal: ("犯罪に当たりうる", "possibly criminal")
        }
    }
}

extension Classification: Labelled {
    public var label: (ja: String, en: String) {
        switch self {
        case .legitimateComplaint: ("正当なクレーム", "legitimate complaint")
        case .harassment: ("カスタマーハラスメント", "customer harassment")
        }
    }
}

extension TaskKind: Labelled {
    public var label: (ja: String, en: String) {
        switch self {
        case .policeReport: ("警察への通報・相談", "report to the police")
        case .notifyOrganization: ("組織への通知", "notify the organization")
        }
    }
}

extension FactName: Labelled {
    /// Short enough for a line of facts; the counter's full question is `question`.
    public var label: (ja: String, en: String) {
        switch self {
        case .weaponOrPhysicalContact: ("凶器・身体への接触", "weapon or physical contact")
        case .threatToLifeOrArson: ("殺害・放火などの脅し", "threat to life or of arson")
        case .refusesToLeave: ("退去しない", "refuses to leave")
        case .minutesSpent: ("対応時間", "minutes spent")
        case .earlierContacts: ("同じ件での以前の接触", "earlier contacts about the matter")
        case .apologyDemand: ("土下座・謝罪文の要求", "demand for a kneeling or written apology")
        case .demandAboutEmployee: ("従業員個人への要求", "demand about an employee")
        case .sexualRemarksOrFollowing: ("性的言動・つきまとい", "sexual remarks or following")
        case .filmingOrPosting: ("無断撮影・ネット投稿", "filming or posting online")
        case .discriminatoryRemarks: ("差別的な発言", "discriminatory remarks")
        case .excessiveMoneyDemand: ("過大な金銭の要求", "excessive money demand")
        case .offSiteSummons: ("店舗外への呼び出し", "summons off-site")
        case .reviewOrMediaThreat: ("口コミ・報道で脅す", "threat of reviews or the media")
        case .shoutingOrAbuse: ("大声・暴言・侮辱", "shouting or abuse")
        }
    }

    /// The fact as a person reads it back: the label, with the count for a number.
    public func stated(_ value: Int, _ language: Language) -> String {
        switch (self, language) {
        case (.minutesSpent, .ja): "対応時間 \(value) 分"
        case (.minutesSpent, .en): "\(value) minutes spent"
        case (.earlierContacts, .ja): "同じ件での以前の接触 \(value) 回"
        case (.earlierContacts, .en): "\(value) earlier contacts about the matter"
        default: label(language)
        }
    }
}

extension FactSheet {
    /// The yes answers and the counts as one line in `language` (nil: nothing was observed).
    public func stated(_ language: Language) -> String? {
        let yes = answered.map { $0.stated($0.value(in: self), language) }
        return yes.isEmpty ? nil : yes.joined(separator: language == .ja ? "、" : ", ")
    }
}

extension LadderStep: Labelled {
    /// The step's name, as a timeline row or a refusal names it (`label` is the instruction on the checklist).
    public var name: (ja: String, en: String) {
        switch self {
        case .endResponse: ("対応終了の告知", "end of the response")
        case .askToStop: ("中止の要求", "asked to stop")
        case .orderToLeave: ("退去命令", "ordered to leave")
        case .finalWarning: ("最終警告", "final warning")
        case .call110: ("110番通報", "call 110")
        }
    }
    public func name(_ language: Language) -> String { language == .ja ? name.ja : name.en }
}

extension RequiredAction: Labelled {}

extension HoldKind: Labelled {
    public var label: (ja: String, en: String) {
        switch self {
        case .policeReport: ("警察への届出", "police report")
        case .lawsuit: ("訴訟", "lawsuit")
        case .workersCompensation: ("労災申請", "workers' compensation claim")
        }
    }
}

extension EscalationTarget: Labelled {
    public var label: (ja: String, en: String) {
        switch self {
        case .police: ("警察", "the police")
        case .lawyer: ("弁護士", "a lawyer")
        case .headquarters: ("本部", "headquarters")
        }
    }
}

extension Role: Labelled {
    public var label: (ja: String, en: String) {
        switch self {
        case .staff: ("窓口職員", "counter staff")
        case .operator: ("オペレーター", "operator")
        case .supervisor: ("監督者", "supervisor")
        case .counsellor: ("カウンセラー", "counsellor")
        case .auditor: ("監査担当", "auditor")
        }
    }
}

extension Speaker: Labelled {
    public var label: (ja: String, en: String) {
        switch self {
        case .applicant: ("申出人", "applicant")
        case .counterparty: ("相手方", "counterparty")
        case .staff: ("職員", "staff")
        }
    }
}

extension Standing: Labelled {
    public var label: (ja: String, en: String) {
        switch self {
        case .none: ("警告・利用禁止なし", "no warning or ban")
        case .warned: ("警告済み", "warned")
        case .banned: ("利用禁止", "banned")
        }
    }
}

extension SubjectKind: Labelled {
    public var label: (ja: String, en: String) {
        switch self {
        case .applicant: ("申出人", "applicant")
        case .counterparty: ("相手方", "counterparty")
        case .staffMember: ("組織の職員", "staff member")
        case .employee: ("相談した従業員", "employee")
        case .shiftNote: ("勤務の申し送り", "shift note")
        }
    }
}

extension CareKind: Labelled {
    public var label: (ja: String, en: String) {
        switch self {
        case .counselling: ("カウンセリング", "counselling")
        case .leave: ("休暇", "leave")
        case .reassignment: ("配置転換", "reassignment")
        case .workersCompensation: ("労災申請", "workers' compensation")
        }
    }
}

extension ConsultingParty: Labelled {
    public var label: (ja: String, en: String) {
        switch self {
        case .employee: ("本人", "the employee")
        case .colleague: ("同僚", "a colleague")
        }
    }
}

extension SecondaryBy: Labelled {
    public var label: (ja: String, en: String) {
        switch self {
        case .superior: ("上司", "a superior")
        case .coworker: ("同僚", "a co-worker")
        }
    }
}

extension Language: Labelled {
    public var label: (ja: String, en: String) {
        switch self {
        case .ja: ("日本語", "Japanese")
        case .en: ("英語", "English")
        }
    }
}
