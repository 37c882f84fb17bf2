import Foundation

/// Folds text for matching: NFKC (full/half width), katakana to hiragana, lower case. The search index holds
/// folded text and queries are folded the same way (SQLite's trigram tokenizer folds neither width nor kana).
public enum SearchFold {
    public static func fold(_ s: String) -> String {
        // NFKC is costly and changes only compatibility characters (full/half-width forms, circled and
        // squared signs, ligatures, vertical forms): skip it when there are none.
        let needsNFKC = s.unicodeScalars.contains { u in
            let v = u.value
            return v >= 0xA0 && ((0xFF00...0xFFEF).contains(v) || (0x2460...0x24FF).contains(v) || (0x3200...0x33FF).contains(v)
                || (0xFB00...0xFB4F).contains(v) || (0xFE10...0xFE6F).contains(v) || (0x2150...0x218F).contains(v)
                || (0x00A0...0x00BF).contains(v) || (0x2000...0x206F).contains(v) || (0x3000 == v))
        }
        let n = needsNFKC ? s.precomposedStringWithCompatibilityMapping : s
        // Built as UTF-8 bytes: appending scalar by scalar to a String costs more than the folding (this runs on
        // every text the desk writes).
        var out: [UInt8] = []
        out.reserveCapacity(n.utf8.count)
        for u in n.unicodeScalars {
            let v = u.value
            if v < 0x80 {
                out.append(UInt8(v) &+ ((0x41...0x5A).contains(v) ? 0x20 : 0))
            } else if (0x30A1...0x30F6).contains(v) {
                UTF8.encode(Unicode.Scalar(v - 0x60)!) { out.append($0) }
            } else if (0x3040...0x9FFF).contains(v) {
                UTF8.encode(u) { out.append($0) }
            } else {
                out.append(contentsOf: String(u).lowercased().utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
