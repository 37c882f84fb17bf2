import DeskDomain
import Foundation
import Testing

@Suite("case report")
struct CaseReportTests {
    typealias S = Sample

    static func inputs(_ events: [DeskEvent]) -> [ReportInput] {
        events.enumerated().map { ReportInput(recordedAt: "2026-10-0\(min($0.offset, 8) + 1)T05:00:00.000Z", actor: "op\($0.offset)", event: $0.element) }
    }

    static func build(_ events: [DeskEvent], language: Language = .ja) throws -> CaseReport {
        try CaseReport.build(caseID: "C-000001", events: inputs(events), organizationName: "デモホテル", reportTo: "総務部",
                             language: language, dueOn: "2026-10-06")
    }

    @Test("a draft is marked as one; the approval counts only for the draft it approved; sending is shown")
    func stages() throws {
        #expect(try Self.build(S.drafted).stage == .draft)
        #expect(try Self.build(S.drafted).text().contains("【下書き — 未承認】"))
        #expect(try Self.build(S.approved).stage == .approved)
        let redrafted = try Self.build(S.approved + [.reportDrafted(S.draft)])
        #expect(redrafted.stage == .draft && redrafted.approvedBy == nil)
        let sent = try Self.build(S.reported)
        #expect(sent.stage == .sent && sent.sentTo == "総務部")
        #expect(sent.text().contains("送付: 2026-10-09 14:00 JST → 総務部"))
        #expect(throws: CaseReport.BuildError.noDraft) { try Self.build(S.classified) }
    }

    @Test("a change after the approval makes it a draft again; what happens after the sending does not change what was sent")
    func frozen() throws {
        let reclassified = Classified(classification: .legitimateComplaint, reason: S.personal("再検討"))
        let changed = try Self.build(S.approved + [.classified(reclassified)])
        #expect(changed.stage == .draft && changed.approvedBy == nil && changed.classification == .legitimateComplaint)
        let sent = try Self.build(S.reported + [.classified(reclassified),
                                                .assessed(Assessed(validity: .valid, means: .acceptable, behaviours: [], reason: S.personal("後から")))])
        #expect(sent.stage == .sent && sent.classification == .harassment && sent.assessment?.reason == "土下座を三度求めた")
        #expect(throws: CaseReport.BuildError.reportedWithoutDraft) { try Self.build(S.assessed + [.reported(S.report)]) }
    }

    @Test("seed 003's fields are in the report, in the organization's language")
    func fields() throws {
        let r = try Self.build(S.drafted)
        let text = r.text()
        for part in ["案件: C-000001", "宛先: デモホテル 総務部", "受付方法: Webフォーム", "報告期限: 2026-10-06", "  匿名",
                     "会社・支店・店舗: デモホテル / 新宿", "発生日時: 2026-10-01 14:30 JST", "    佐藤", "フロントで長時間待たされた",
                     "要求の妥当性: 妥当でない", "要求の手段・態様: 社会通念上不相当", "行為の類型: 権威型", "判断: カスタマーハラスメント",
                     "手段が不相当、対応の打切りを勧める", "検証結果のフィードバック: 希望しない"] {
            #expect(text.contains(part), "\(part)")
        }
        let en = try Self.build(S.drafted, language: .en).text()
        #expect(en.contains("Conclusion: customer harassment") && en.contains("[DRAFT — not approved]"))
    }

    @Test("the applicant's name and contact appear only when the draft includes them")
    func disclosure() throws {
        let named = [DeskEvent.intakeRecorded(S.contactableIntake)] + S.assessed.dropFirst()
        let withheld = try Self.build(named + [.reportDrafted(S.draft)])
        #expect(withheld.applicant.name == nil && withheld.applicant.email == nil)
        #expect(withheld.text().contains("実名 (本人の同意がないため記載しない)") && !withheld.text().contains("山田太郎"))
        let shown = try Self.build(named + [.reportDrafted(ReportDrafted(includeName: true, includeContact: true, opinion: S.personal("意見")))])
        #expect(shown.applicant.name == "山田太郎" && shown.applicant.email == "taro@example.jp")
        #expect(shown.text().contains("  山田太郎") && shown.text().contains("メール: taro@example.jp"))
    }

    @Test("recorded text cannot send escape sequences through the report, and JSON round-trips with its times in Japan time")
    func hostile() throws {
        var intake = S.intake
        intake.complaint = S.personal("待たされた\u{1B}[2J\u{1B}]0;pwned\u{07}")
        let r = try Self.build([.intakeRecorded(intake)] + S.drafted.dropFirst())
        #expect(!r.text().contains("\u{1B}") && !r.text().contains("\u{07}"))
        let back = try JSONDecoder().decode(CaseReport.self, from: Data(r.json().utf8))
        // The same report, its times in Japan time with the offset.
        var japan = r
        japan.receivedAt = StoredTime.isoJapan(r.receivedAt)
        japan.occurredAt = r.occurredAt.map(StoredTime.isoJapanAny)
        #expect(back == japan && back.receivedAt.hasSuffix("+09:00") && back.occurredAt?.hasSuffix("+09:00") != false)
    }
}
