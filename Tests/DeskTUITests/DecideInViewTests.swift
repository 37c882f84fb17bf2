import DeskApp
import DeskDomain
@testable import DeskStore
@testable import DeskTUI
import Foundation
import Testing

/// Supervisors decide with the facts in view: the assessment, the classification, the report draft and the
/// organization's decision are in the case pane before classify, approve and send.
@Suite("deciding with the facts in view", .serialized)
struct DecideInViewTests {
    /// A web-form case assessed, classified and drafted (by an operator), waiting for a supervisor's approval.
    static func drafted(_ desk: DemoDesk) throws -> CaseID {
        guard case .new(let id, _, _) = try desk.desk.takeIn(Submission(
            organization: "demo-hotel", channel: .webForm, language: .ja, applicant: .init(anonymous: true),
            complaint: "受付で一時間怒鳴り続け、土下座を求めた")) else { throw DeskError.notEmpty }
        let op = try desk.desk(.operator)
        try op.act(.startReview, on: id)
        try op.act(.assess(validity: .partlyValid, means: .unacceptable, behaviours: [.verbalAbuse, .timeRestraint],
                           reason: "説明の不足は事実だが、一時間の怒声と土下座の要求は相当性を欠く", opinion: "説明を改め、要求には応じないことを勧める"), on: id)
        try desk.desk.act(.classify(.harassment, reason: "手段が不相当"), on: id)
        try op.act(.draftReport(opinion: nil, includeName: false, includeContact: false), on: id)
        return id
    }

    static func model(_ desk: DemoDesk, _ id: CaseID, _ lang: Language, _ size: Size) throws -> Model {
        var m = try desk.model(size, lang, focus: .detail)
        _ = update(&m, .queueLoaded(try desk.desk.queue().rows))
        m.selectedID = id
        _ = update(&m, .detailLoaded(try desk.desk.caseDetail(id)))
        return m
    }

    @Test("before approving: validity, means, behaviour types, reason, opinion, classification and the draft are on screen",
          arguments: [Language.ja, .en])
    func beforeApproval(_ lang: Language) throws {
        let desk = try DemoDesk()
        let id = try Self.drafted(desk)
        let m = try Self.model(desk, id, lang, Size(width: 160, height: 48))
        let text = m.caseText(width: 100).map(\.text).joined(separator: "\n")
        for want in [Means.unacceptable.label(lang), DemandValidity.partlyValid.label(lang), BehaviourType.verbalAbuse.label(lang),
                     BehaviourType.timeRestraint.label(lang), Classification.harassment.label(lang),
                     "一時間の怒声と土下座の要求は相当性を欠く", "説明を改め、要求には応じないことを勧める", UIText.reportDraft.text(lang)] {
            #expect(text.contains(want), "\(want)")
        }
        if let diff = Golden.check(view(m), "decide-in-view-\(lang.rawValue)-160x48") { Issue.record(Comment(rawValue: diff)) }
    }

    @Test("after the report is sent, the organization's decision is shown with whether the applicant is told")
    func organizationDecision() throws {
        let desk = try DemoDesk()
        let id = try Self.drafted(desk)
        try desk.desk.act(.approveReport, on: id)
        try desk.desk(.operator).act(.report(sentTo: nil), on: id)
        try desk.desk(.operator).act(.recordDecision("今後の来店をお断りする", feedback: false), on: id)
        let m = try Self.model(desk, id, .en, Size(width: 160, height: 48))
        let text = m.caseText(width: 100).map(\.text)
        let at = try #require(text.firstIndex(of: "-- the organization's decision"))
        #expect(text[at + 1] == "今後の来店をお断りする (the applicant is not to be told)")
        if let diff = Golden.check(view(m), "decide-in-view-decided-en-160x48") { Issue.record(Comment(rawValue: diff)) }
    }

    @Test("a role that may not read the case's text sees the sections, not what they say")
    func auditorSeesNoText() throws {
        let desk = try DemoDesk()
        let id = try Self.drafted(desk)
        var m = try desk.model(Size(width: 160, height: 48), .en, role: .auditor, focus: .detail)
        m.selectedID = id
        _ = update(&m, .detailLoaded(try desk.desk(.auditor).caseDetail(id)))
        let text = m.caseText(width: 100).map(\.text).joined(separator: "\n")
        #expect(text.contains("-- Assessment (two axes)") && text.contains("means: socially unacceptable"))
        #expect(!text.contains("相当性を欠く") && !text.contains("勧める"))
    }
}
