import DeskApp
@testable import DeskTUI
import Testing

@Suite("UI texts")
struct StringsTests {
    /// The texts are looked up in three switches by room, with no compiler to catch a case left out of all three.
    @Test("every UI text has a Japanese and an English text")
    func everyTextWritten() {
        for text in UIText.allCases {
            #expect(!text.text(.ja).isEmpty && !text.text(.en).isEmpty, "\(text)")
        }
    }

    @Test("an append refused because the write lock stayed taken says who held it, in the console's language")
    func busyNamesTheHolder() {
        let m = Maintenance(kind: .rebuild, user: "tanaka", pid: 4242, host: "desk1", since: "2026-11-25T01:02:03.000Z")
        #expect(UIText.busyMessage(m, .en)
            == "Not recorded: the database stayed busy: a rebuild of the projections by tanaka (pid 4242 on desk1, since 2026-11-25T01:02:03.000Z); try again when it is done")
        #expect(UIText.busyMessage(m, .ja)
            == "データベースが使用中で記録できませんでした: 投影の再構築 (tanaka、pid 4242、desk1、2026-11-25T01:02:03.000Z から)。終わってからもう一度操作してください")
        #expect(UIText.busyMessage(nil, .en).contains("not mado's"))
        #expect(UIText.busyMessage(nil, .ja).contains("mado 以外"))
    }
}
