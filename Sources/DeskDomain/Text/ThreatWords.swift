import Foundation

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
    /// English patterns on word boundaries (so "kill" does not match "skill"), with their usual inflections and
    /// phrases split by a few words ("burn the store down").
    static let english = [
        #"\bkill(s|ed|ing)?\b"#, #"\bmurder(s|ed)?\b"#, #"\bdie\b"#, #"\bstab(s|bed|bing)?\b"#, #"\bknife\b"#,
        #"\bshoot\b"#, #"\bguns?\b"#, #"\bburn(ed|t|ing)?(\s+\S+){0,3}\s+down\b"#, #"\bset (fire|it on fire|\S+ on fire)\b"#,
        #"\barson\b"#, #"\bbomb(s|ed)?\b"#, #"\bblow(\s+\S+){0,2}\s+up\b"#, #"\b(hurt|beat|get) you\b"#,
        #"\bwatch your back\b"#, #"\byou('ll| will) (regret|pay)\b"#, #"\bi know where you live\b"#,
        #"\bfind out where you live\b"#, #"\bexpose you\b"#, #"\bcrooks?\b"#, #"\bscum\b"#, #"\bfraudsters?\b"#,
    ]

    private static let foldedJapanese: [(term: String, folded: String)] = japanese.map { ($0, SearchFold.fold($0)) }
    private static let patterns: [NSRegularExpression] =
        english.compactMap { try? NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

    /// The listed Japanese terms, then the English words as written, found in `text`; each once.
    public static func find(in text: String) -> [String] {
        // Curly apostrophes are how phones type "you'll".
        let t = SearchFold.fold(text).replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
        var out = foldedJapanese.filter { t.contains($0.folded) }.map(\.term)
        let ns = t as NSString
        for p in patterns {
            if let m = p.firstMatch(in: t, range: NSRange(location: 0, length: ns.length)) {
                let word = ns.substring(with: m.range)
                if !out.contains(word) { out.append(word) }
            }
        }
        return out
    }
}
