/// Words that suggest a threatening or slanderous submission (seed 003: not accepted, reported to the police).
/// A hint for the operator, who reads the submission and decides; nothing is ever rejected on a match.
public enum ThreatWords {
    /// Japanese phrases, matched anywhere after folding (width, katakana to hiragana).
    static let japanese = [
        // threats to life and body
        "殺す", "殺して", "殺され", "殺したる", "ぶっ殺", "ぶち殺", "死ね", "死なす", "命はない", "生きて帰れ",
        "刺す", "刺して", "刺したる", "ナイフ", "包丁", "刃物", "殴る", "殴って", "殴り込", "ぶん殴", "痛い目",
        // arson and explosives
        "火をつけ", "火を付け", "火つけ", "放火", "燃やす", "燃やして", "燃やしたる", "爆破", "爆弾", "ガソリン",
        // menace
        "覚えておけ", "覚えとけ", "覚えてろ", "夜道", "家族がどうなって", "家族に何か", "ただで済む", "ただじゃおかない",
        "タダじゃ済まない", "ただではすまない", "どうなっても知らない", "行ってやる", "待ち伏せ",
        // exposing and slander
        "晒す", "晒して", "晒したる", "住所を特定", "特定してやる", "ネットにばら", "詐欺師", "犯罪者", "人殺し", "クズ", "ゴミ野郎",
    ]
    /// English words and phrases, matched on word boundaries (so "kill" does not match "skill").
    static let english = [
        "kill", "killing", "murder", "die", "stab", "knife", "shoot", "gun", "burn down", "set fire", "arson", "bomb",
        "blow up", "hurt you", "beat you", "watch your back", "you'll regret", "you will regret", "i know where you live",
        "find out where you live", "expose you", "crook", "scum", "fraudster",
    ]

    private static let folded: [(term: String, folded: String, ascii: Bool)] =
        (japanese + english).map { ($0, SearchFold.fold($0), $0.unicodeScalars.allSatisfy(\.isASCII)) }

    /// The listed terms found in `text`, in list order, each once.
    public static func find(in text: String) -> [String] {
        let t = SearchFold.fold(text)
        return folded.filter { w in w.ascii ? containsWord(t, w.folded) : t.contains(w.folded) }.map(\.term)
    }

    /// Whether `word` occurs in `text` with no letter or digit right before or after it.
    static func containsWord(_ text: String, _ word: String) -> Bool {
        var rest = text[...]
        while let r = rest.range(of: word) {
            let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
            func isWordChar(_ c: Character?) -> Bool { c.map { $0.isLetter || $0.isNumber } ?? false }
            if !isWordChar(before) && !isWordChar(after) { return true }
            rest = text[r.upperBound...]
        }
        return false
    }
}
