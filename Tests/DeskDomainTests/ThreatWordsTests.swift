import DeskDomain
import Testing

@Suite("threat words")
struct ThreatWordsTests {
    @Test("threats in Japanese are found whatever the width or kana", arguments: [
        ("今度来たら店に火をつけてやる", ["火をつけ"]),
        ("ﾅｲﾌを持って行くからな", ["ナイフ"]),
        ("お前を殺すぞ。覚えとけ", ["殺す", "覚えとけ"]),
        ("ネットに晒してやる、この詐欺師", ["晒して", "詐欺師"]),
    ])
    func japanese(_ text: String, _ expected: [String]) {
        #expect(ThreatWords.find(in: text) == expected)
    }

    @Test("English words match on word boundaries only")
    func english() {
        #expect(ThreatWords.find(in: "I will KILL you, I know where you live.") == ["kill", "i know where you live"])
        #expect(ThreatWords.find(in: "You will be killed tonight.") == ["killed"])
        #expect(ThreatWords.find(in: "You\u{2019}ll regret this.") == ["you'll regret"])
        #expect(ThreatWords.find(in: "I'll burn the store down") == ["burn the store down"])
        #expect(ThreatWords.find(in: "The staff lacked skill; the gunmetal sign was dusty and the dieting menu wrong.").isEmpty)
        #expect(ThreatWords.find(in: "Set fire to it.") == ["set fire"])
    }

    @Test("an ordinary complaint has none")
    func ordinary() {
        #expect(ThreatWords.find(in: "料金の説明が分かりにくかったので、案内の仕方を改善してほしい。").isEmpty)
        #expect(ThreatWords.find(in: "The pharmacy closed ten minutes before the posted time.").isEmpty)
    }
}
