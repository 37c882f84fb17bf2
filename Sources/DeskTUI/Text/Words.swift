import DeskDomain
import DeskApp

/// The desk's words for lanes, states and roles, in the console's language.
enum Words {
    static func lane(_ lane: Lane?, _ lang: Language) -> String {
        switch (lane, lang) {
        case (.danger?, .ja): "!危険"
        case (.danger?, .en): "!DANGER"
        case (.handover?, .ja): "引継"
        case (.handover?, .en): "handover"
        case (.complaint?, .ja): "苦情"
        case (.complaint?, .en): "complaint"
        case (nil, _): "-"
        }
    }

    /// "supervisors and auditors only", from the role matrix's row.
    static func rolesOnly(_ roles: Set<Role>, _ lang: Language) -> String {
        let names = Role.allCases.filter(roles.contains).map { r -> String in
            switch (r, lang) {
            case (.staff, .ja): "窓口職員"
            case (.operator, .ja): "オペレーター"
            case (.supervisor, .ja): "監督者"
            case (.counsellor, .ja): "カウンセラー"
            case (.auditor, .ja): "監査担当"
            case (.staff, .en): "counter staff"
            case (_, .en): r.rawValue + "s"
            }
        }
        guard let last = names.last else { return lang == .ja ? "誰もできません" : "nobody" }
        if lang == .ja { return names.joined(separator: "・") + "のみ" }
        return (names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " and " + last) + " only"
    }

    static func state(_ status: CaseStatus, _ lang: Language) -> String {
        // The queue's column is narrow: "rejected" says enough beside the case.
        guard lang == .ja else { return status == .rejectedThreat ? "rejected" : status.label.en }
        switch status {
        case .intake: return "受付"
        case .handedOver: return "引継済"
        case .underReview: return "確認中"
        case .reported: return "報告済"
        case .closed: return "完了"
        case .rejectedThreat: return "不受理(脅迫)"
        case .escalated: return "エスカレ"
        }
    }
}
