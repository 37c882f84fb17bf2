import DeskDomain

/// The consultation desk's words in both languages: what the console shows instead of stored names.
enum ConsultationWords {
    static func care(_ k: CareKind, _ l: Language) -> String { k.label(l) }

    static func party(_ p: ConsultingParty, _ l: Language) -> String { p.label(l) }

    static func secondary(_ s: SecondaryBy, _ l: Language) -> String {
        l == .ja ? "\(s.label.ja)による二次被害" : "secondary harassment by \(s.label.en)"
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

    /// A consultation event's row title: the desk's one vocabulary.
    static func title(_ e: DeskEvent, _ l: Language) -> String { l == .ja ? e.label.ja : e.label.en }
}
