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
