import DeskApp
import DeskDomain

/// The counter's sentences in both languages: what became of the leaflet, what is not yet recorded, the contact lines.
enum CounterText {
    static func leaflet(_ o: LeafletOutcome, _ lang: Language) -> String {
        let ja = lang == .ja
        switch o {
        case .printed(let p?): return ja ? "ご案内を印刷しました (プリンタ \(Sanitizer.visible(p)))" : "leaflet printed on \(Sanitizer.visible(p))"
        case .printed(nil): return ja ? "ご案内を印刷しました (既定のプリンタ)" : "leaflet printed on the default printer"
        case .written(let path): return ja ? "ご案内を書き出しました: \(Sanitizer.visible(path))" : "leaflet written to \(Sanitizer.visible(path))"
        case .failed(let why): return ja ? "ご案内を印刷できませんでした: \(why)" : "leaflet not printed: \(why)"
        }
    }

    static func unrecordedWarning(_ lang: Language) -> String {
        lang == .ja ? "チェックした項目はまだ記録されていません。Enter で記録、もう一度 Esc で記録せずに閉じます"
            : "the ticked items are not recorded yet: Enter records them, Esc again leaves without recording"
    }

}

extension UIText {
    /// The counter's key help.
    var counterText: (String, String)? {
        switch self {
        case .recordTicked: ("記録して閉じる", "record & close")
        case .printLeaflet: ("ご案内を印刷", "print leaflet")
        case .consultNoteKey: ("メモ", "note")
        case .consultCareKey: ("ケア開始", "care")
        case .consultCareDoneKey: ("ケア完了", "care done")
        case .consultLinkKey: ("案件と関連付け", "link a case")
        case .consultCloseKey: ("相談を終える", "close")
        case .newConsultationKey: ("新規相談", "new")
        default: nil
        }
    }
}
