import DeskDomain

/// The consultation desk's words in both languages: what the console shows instead of stored names.
enum ConsultationWords {
    static func care(_ k: CareKind, _ l: Language) -> String {
        let ja = l == .ja
        switch k {
        case .counselling: return ja ? "カウンセリング" : "counselling"
        case .leave: return ja ? "休暇" : "leave"
        case .reassignment: return ja ? "配置転換" : "reassignment"
        case .workersCompensation: return ja ? "労災申請の支援" : "workers' compensation"
        }
    }

    static func party(_ p: ConsultingParty, _ l: Language) -> String {
        switch p {
        case .employee: l == .ja ? "本人" : "employee"
        case .colleague: l == .ja ? "同僚" : "colleague"
        }
    }

    static func secondary(_ s: SecondaryBy, _ l: Language) -> String {
        switch s {
        case .superior: l == .ja ? "上司による二次被害" : "secondary harassment by a superior"
        case .coworker: l == .ja ? "同僚による二次被害" : "secondary harassment by a co-worker"
        }
    }

    /// The list's state column holds the projection's stored word; anything unknown is shown as stored.
    static func state(_ stored: String, _ l: Language) -> String {
        switch stored {
        case "open": l == .ja ? "対応中" : "open"
        case "closed": l == .ja ? "終了" : "closed"
        default: stored
        }
    }

    static func mentalHealth(_ l: Language) -> String { l == .ja ? "心身の不調" : "health concern" }

    /// A consultation event's row title.
    static func title(_ e: DeskEvent, _ l: Language) -> String {
        let ja = l == .ja
        switch e {
        case .consultationOpened: return ja ? "相談受付" : "consultation opened"
        case .consultationNoted: return ja ? "メモ" : "note"
        case .careTaskOpened: return ja ? "ケア開始" : "care task opened"
        case .careTaskDone: return ja ? "ケア完了" : "care task done"
        case .consultationLinked: return ja ? "案件と関連付け" : "linked to a case"
        case .consultationClosed: return ja ? "相談終了" : "consultation closed"
        case .restrictedAccess: return ja ? "閲覧の記録" : "access recorded"
        default: return ja ? "記録" : "recorded"
        }
    }
}
