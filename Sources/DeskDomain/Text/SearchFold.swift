import Foundation

/// Folds text for matching: NFKC (full/half width), katakana to hiragana, lower case. The search index holds
/// folded text and queries are folded the same way (SQLite's trigram tokenizer folds neither width nor kana).
public enum SearchFold {
    public static func fold(_ s: String) -> String {
        let n = s.precomposedStringWithCompatibilityMapping.lowercased()
        return String(String.UnicodeScalarView(n.unicodeScalars.map { u in
            (0x30A1...0x30F6).contains(u.value) ? Unicode.Scalar(u.value - 0x60)! : u
        }))
    }
}
