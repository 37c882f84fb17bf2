import DeskDomain
import Testing

/// Every event type the log writes reads as words in both languages (the samples cover every type).
@Suite("event labels")
struct EventLabelTests {
    @Test("every event has a Japanese and an English label, no identifier in either, each type its own")
    func labels() {
        var ja: [String: Set<String>] = [:], en: [String: Set<String>] = [:]
        for e in DeskEventSamples.all {
            for lang in Language.allCases {
                let s = e.summary(lang)
                #expect(s.matches(of: /\b[a-z]+[A-Z][A-Za-z]*/).isEmpty, "\(e.type) \(lang): \(s)")
            }
            #expect(e.label.ja.unicodeScalars.contains { $0.value > 0x2E80 }, "\(e.type)")
            ja[e.label.ja, default: []].insert(e.type)
            en[e.label.en, default: []].insert(e.type)
        }
        #expect(ja.values.filter { $0.count > 1 }.isEmpty, "types sharing a Japanese label: \(ja.values.filter { $0.count > 1 })")
        #expect(en.values.filter { $0.count > 1 }.isEmpty, "types sharing an English label: \(en.values.filter { $0.count > 1 })")
    }
}
