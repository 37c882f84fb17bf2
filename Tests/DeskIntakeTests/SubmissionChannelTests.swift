import DeskApp
import DeskDomain
@testable import DeskIntake
import Foundation
import Testing

/// A parsed e-mail or web form becomes the desk's one kind of submission, mapped here once.
@Suite struct SubmissionChannelTests {
    @Test func anEmailsSubjectAndTextAreTheComplaintAndItsSenderTheApplicant() throws {
        let mail = try EmailParser.parse(Mail.message(
            ["From: 山田 <yamada@example.jp>", "Subject: 窓口の対応", "MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8"],
            "二時間怒鳴られた。"))
        let s = try Submission(email: mail, organization: OrganizationID("demo-hotel"))
        #expect(s.channel == .email)
        #expect(s.complaint == "窓口の対応\n\n二時間怒鳴られた。")
        #expect(s.applicant.name == "山田" && !s.applicant.anonymous && s.applicant.email == "yamada@example.jp")
        #expect(s.language == .ja)
        #expect(s.original == mail.original)
        #expect(s.occurredAt == nil)
    }

    @Test func aSenderWithoutANameIsAnonymousAndEnglishTextIsEnglish() throws {
        let mail = try EmailParser.parse(Mail.message(["From: a@example.com", "Subject: rude clerk"], "He shouted."))
        let s = try Submission(email: mail, organization: OrganizationID("o"))
        #expect(s.applicant.anonymous && s.applicant.name == nil)
        #expect(s.language == .en)
    }

}
