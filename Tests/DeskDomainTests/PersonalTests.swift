import DeskDomain
import Foundation
import Testing

@Suite("Personal fields")
struct PersonalTests {
    static let applicant = SubjectID("s-0000000000000001")
    static let intake = IntakeRecorded(organization: "demo-hotel", channel: .webForm, language: .ja,
                                       applicant: Applicant(subject: applicant, anonymous: true),
                                       complaint: Personal("フロントで長時間待たされた", owner: applicant))

    @Test("personal data is never encoded without a sealer")
    func encodeWithoutSealerThrows() {
        #expect(throws: EncodingError.self) { try JSONEncoder().encode(Self.intake) }
        #expect(throws: EncodingError.self) { try JSONEncoder().encode(Personal("山田", owner: Self.applicant)) }
    }

    @Test("the markers say why a field is not shown")
    func display() {
        #expect(Personal("山田", owner: Self.applicant).display == "山田")
        #expect(Personal(subject: Self.applicant, content: .erased).display == "削除済み / erased")
        #expect(Personal(subject: Self.applicant, content: .withheld).display == "非表示 / withheld")
        #expect(Personal(subject: Self.applicant, content: .unreadable).display == "読めません / unreadable")
        #expect(Personal(subject: Self.applicant, content: .erased).text == nil)
    }
}
