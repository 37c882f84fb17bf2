import DeskDomain
import Testing

@Suite("search folding")
struct SearchFoldTests {
    @Test("width, kana and case fold; other text stays", arguments: [
        ("ＡＢＣ store", "abc store"), ("カウンターで土下座", "かうんたーで土下座"), ("ｶﾞｲﾄﾞ", "がいど"), ("①②", "12"),
        ("ÄÖ Straße", "äö straße"), ("ΑΒΓ", "αβγ"), ("😀 emoji", "😀 emoji"), ("ヴァ", "ゔぁ"), ("ヷ", "ヷ"),
        ("㈱窓口", "(株)窓口"), ("", ""), ("tab\tand\nline", "tab\tand\nline"), ("ー", "ー"),
    ])
    func folds(input: String, folded: String) {
        #expect(SearchFold.fold(input) == folded)
    }
}
