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
}
