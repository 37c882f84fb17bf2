@testable import DeskDomain
import Foundation
import Testing

/// One value of every event the log writes, every optional field set (and a second value with optionals nil where that differs), personal fields with awkward text.
enum DeskEventSamples {
    static let owner = SubjectID("s-0000000000000001")
    static let other = SubjectID("s-00000000000000ff")

    /// Personal text: Japanese, quotes, backslashes, a newline, an emoji, a control character and an ESC sequence.
    static func awkward(_ label: String) -> String {
        "\(label)「山田 太郎」は \"大声\" で C:\\Users\\窓口\\memo.txt を指して\n二行目 😡 \u{1}制御 \u{1B}[31m赤字\u{1B}[0m 終わり"
    }

    static func personal(_ label: String, owner: SubjectID = owner) -> Personal {
        Personal(awkward(label), owner: owner)
    }

    static let allFacts: FactSheet = {
        var f = FactSheet()
        for name in FactName.allCases { f.set(name, name.isCount ? 45 : 1) }
        f.earlierContacts = 7
        return f
    }()

    static let policyTable = PolicyTable(
        id: "sample-policy", version: "2025.1", effective: LocalDate(2025, 4, 1), minutesThreshold: 20,
        rules: [
            PolicyRule(id: "danger", anyOf: [FactCondition(.weaponOrPhysicalContact), FactCondition(.threatToLifeOrArson)],
                       lane: .danger, behaviours: [.violence, .intimidation], scripts: ["end-of-call"], leaflet: "desk-leaflet",
                       actions: [.call110, .secondStaff, .preserveEvidence]),
            PolicyRule(id: "long", anyOf: [FactCondition(.minutesSpent, atLeast: 30)], lane: .handover,
                       scripts: ["end-of-call", "no-progress-answers"], leaflet: "desk-leaflet", actions: [.endOfCallScript]),
            PolicyRule(id: "rest", anyOf: [], lane: .complaint, scripts: ["end-of-call"], leaflet: "desk-leaflet"),
        ],
        scripts: PolicyTable.fixedScripts.map { PolicyText(id: $0, ja: "「\($0)」と読む \"引用\" \\ 😀", en: "Read \"\($0)\" \\ aloud") },
        leaflets: [PolicyText(id: "desk-leaflet", ja: "{organization} お客様相談窓口\n電話: 0120-000-000\n\"受付\" \\ 📞",
                              en: "{organization} customer desk\nPhone: 0120-000-000\n\"desk\" \\")])

    static let all: [DeskEvent] = [
        // MARK: case streams
        .intakeRecorded(IntakeRecorded(
            organization: "demo-hotel", branch: "新宿\"本店\"\\東口", store: "2F フロント 🏨", channel: .counter,
            occurredAt: "2025-06-01T10:15:00+09:00", language: .ja,
            applicant: Applicant(subject: owner, anonymous: false, name: personal("氏名"), phone: personal("電話 090-0000-0000"),
                                 email: personal("mail \"taro\"@example.jp")),
            staff: [NamedStaff(subject: other, name: personal("職員 佐藤", owner: other), characteristics: personal("眼鏡、背が高い", owner: other)),
                    NamedStaff(subject: SubjectID("s-0000000000000002"), name: Personal("職員 鈴木", owner: SubjectID("s-0000000000000002")))],
            complaint: personal("苦情"), requests: personal("要望"), feedbackWanted: true,
            evidence: String(repeating: "ab", count: 32),
            attachments: [AttachmentRef(evidence: String(repeating: "cd", count: 32), name: personal("写真 \"1\".jpg"),
                                        mediaType: "image/jpeg", bytes: 123_456),
                          AttachmentRef(evidence: String(repeating: "ef", count: 32), name: nil, mediaType: "application/pdf", bytes: 0)])),
        .intakeRecorded(IntakeRecorded(
            organization: "demo-hotel", channel: .email, language: .en,
            applicant: Applicant(subject: owner, anonymous: true),
            complaint: personal("anonymous complaint"))),
        .intakeRecorded(IntakeRecorded(
            organization: "demo-hotel", channel: .webForm, language: .ja,
            applicant: Applicant(subject: owner, anonymous: false, name: personal("名前だけ")),
            complaint: personal("添付なし"), attachments: [])),
        .factsRecorded(allFacts),
        .factsRecorded(FactSheet()),
        .statementRecorded(StatementRecorded(speaker: .applicant, text: personal("発言"), verbatim: true)),
        .statementRecorded(StatementRecorded(speaker: .counterparty, text: personal("相手方の発言"), verbatim: false)),
        .statementRecorded(StatementRecorded(speaker: .staff, text: personal("職員の発言"), verbatim: true)),
        .counterpartyLinked(CounterpartyLinked(counterparty: other, label: personal("60代男性、常連", owner: other))),
        .handedOver(HandedOver(lane: .danger, rule: "danger", policyVersion: "sample-policy/2025.1",
                               behaviours: [.violence, .intimidation, .verbalAbuse], scripts: ["end-of-call", "no-progress-answers"],
                               leaflet: "desk-leaflet", actions: RequiredAction.allCases, answers: allFacts)),
        .handedOver(HandedOver(lane: .complaint, rule: "rest", policyVersion: "standard/1", behaviours: [],
                               scripts: ["end-of-call"], leaflet: "desk-leaflet")),
        .reviewStarted,
        .assessed(Assessed(validity: .partlyValid, means: .criminal, behaviours: BehaviourType.allCases,
                           reason: personal("理由"), opinion: personal("意見"))),
        .assessed(Assessed(validity: .unclear, means: .acceptable, behaviours: [], reason: personal("理由のみ"))),
        .classified(Classified(classification: .harassment, reason: personal("分類の理由"))),
        .classified(Classified(classification: .legitimateComplaint, reason: personal("正当な苦情"))),
        .laneOverridden(LaneOverridden(from: .complaint, to: .danger, reason: personal("変更理由"))),
        .laneOverridden(LaneOverridden(from: nil, to: .handover, reason: personal("レーンなしから"))),
        .escalated(Escalated(target: .police, reason: personal("通報理由"))),
        .escalated(Escalated(target: .lawyer, reason: personal("弁護士へ"))),
        .reported(Reported(sentTo: "品質管理部 \"お客様\" 担当\\課長")),
        .closed(Closed(outcome: "解決済み\n\"謝罪文なし\" \\ 🙏")),
        .rejectedAsThreat(CaseText(text: personal("脅迫文"))),
        .enquiryLogged(EnquiryLogged(channel: .phone)),
        .enquiryLogged(EnquiryLogged(channel: .answeringMachine, answeredWith: "custom-\"script\"\\")),
        .noteAdded(CaseText(text: personal("メモ"))),
        .applicantAdded(ApplicantAdded(channel: .webForm, text: personal("追加の写真です \"2\""),
                                       attachments: [AttachmentRef(evidence: String(repeating: "ab", count: 32), name: personal("名札.jpg"),
                                                                   mediaType: "image/jpeg", bytes: 310)])),
        .applicantAdded(ApplicantAdded(channel: .email, text: nil, attachments: nil)),
        .caseAssigned(CaseAssigned(assignee: Actor("tanaka.hanako"))),
        .legalHoldPlaced(LegalHoldPlaced(kind: .policeReport, reason: "新宿署 受理番号 \"2025-123\" \\ 第1号")),
        .legalHoldPlaced(LegalHoldPlaced(kind: .lawsuit, reason: "東京地裁 令和7年(ワ)第123号")),
        .legalHoldLifted(LegalHoldLifted(reason: "判決確定\n\"終了\"")),
        .ladderStepTaken(LadderStepTaken(step: .askToStop)),
        .ladderStepTaken(LadderStepTaken(step: .call110)),
        .counterActionTaken(CounterActionTaken(action: .secondStaff)),
        .contactSet(ContactSet(phone: "03-0000-0000", email: "desk@example.jp", url: "https://example.jp/desk", printer: "counter-1")),
        .contactSet(ContactSet(phone: "")),
        .reportDrafted(ReportDrafted(includeName: true, includeContact: true, opinion: personal("報告の意見"), draftedBy: "suzuki")),
        .reportDrafted(ReportDrafted(includeName: false, includeContact: false, opinion: personal("匿名の報告"))),
        .reportApproved(ReportApproved(draft: 17)),
        .organizationDecided(OrganizationDecided(decision: personal("組織の決定"), feedback: true)),
        .organizationDecided(OrganizationDecided(decision: personal("回答不要"), feedback: false)),
        .feedbackGiven(FeedbackGiven(channel: .email, text: personal("フィードバック"))),
        .taskOpened(TaskOpened(kind: .policeReport)),
        .taskOpened(TaskOpened(kind: .notifyOrganization)),
        .taskDone(TaskDone(kind: .policeReport, reference: "受理番号 \"R-7\" \\ 😐")),
        // MARK: organization streams
        .organizationRegistered(OrganizationRegistered(
            id: "demo-hotel", name: "デモ\"ホテル\"\\株式会社 🏨",
            branches: [Branch(name: "新宿", stores: ["本館", "別館\n2F"]), Branch(name: "大阪", stores: [])],
            reportTo: "品質管理部", language: .ja,
            closedDays: [.yearEnd, ClosedPeriod(fromMonth: 8, fromDay: 13, toMonth: 8, toDay: 16)], retentionYears: 5)),
        .organizationRegistered(OrganizationRegistered(id: "demo-shop", name: "Demo Shop", branches: [], reportTo: "CS",
                                                       language: .en, closedDays: [])),
        .retentionSet(RetentionSet(years: 7)),
        .policyAdopted(PolicyAdopted(table: policyTable)),
        // MARK: staff streams
        .staffAdded(StaffAdded(user: "tanaka.hanako", displayName: "田中 \"花子\" \\ 🌸", role: .supervisor)),
        .staffAdded(StaffAdded(user: "operator1", displayName: "Operator", role: .operator)),
        .staffRemoved(StaffRemoved(user: "tanaka.hanako")),
        .shiftStarted(ShiftStarted()),
        .shiftEnded(ShiftEnded(held: [CaseID(number: 1), CaseID(number: 42)], nearDeadline: [CaseID(number: 42)],
                               danger: [CaseID(number: 999_999_999)], omitted: 3, note: personal("引き継ぎ"),
                               consultations: [ConsultationID(number: 12)])),
        .shiftEnded(ShiftEnded(held: [], nearDeadline: [], danger: [])),
        // MARK: consultation streams
        .consultationOpened(ConsultationOpened(
            organization: "demo-hotel", employee: owner, anonymous: false, name: personal("相談者"),
            contact: personal("連絡先 内線 1234"), openedBy: .colleague, harm: personal("被害"), wants: personal("希望"),
            mentalHealth: true, secondary: .superior)),
        .consultationOpened(ConsultationOpened(organization: "demo-hotel", employee: owner, anonymous: true,
                                               harm: personal("匿名の被害"))),
        .careTaskOpened(CareTaskOpened(kind: .counselling, due: LocalDate(2025, 12, 31))),
        .careTaskOpened(CareTaskOpened(kind: .workersCompensation, due: LocalDate(2026, 1, 5))),
        .careTaskDone(CareTaskDone(kind: .leave)),
        .consultationLinked(ConsultationLinked(caseID: CaseID(number: 123), consent: true)),
        .consultationNoted(ConsultationText(text: personal("相談メモ"))),
        .consultationClosed(ConsultationText(text: personal("終了理由"))),
        .restrictedAccess(RestrictedAccess(record: "consult-K-000012", user: "nosy \"user\"\\", role: .auditor, allowed: false)),
        .restrictedAccess(RestrictedAccess(record: "consult-K-000001", user: "counsellor1", role: .counsellor, allowed: true)),
        // MARK: subject streams
        .subjectErased(SubjectErased(subject: owner, reason: "本人の請求 \"削除\" \\ 2025-06-01")),
        .subjectExported(SubjectExported(subject: owner, reason: "開示請求\n第2号 📄")),
        .standingSet(StandingSet(standing: .banned, until: LocalDate(2026, 3, 31), reason: personal("出入り禁止", owner: other))),
        .standingSet(StandingSet(standing: .none, until: nil, reason: personal("解除", owner: other))),
        // MARK: the checkpoint stream
        .checkpointSigned(SignedHead(position: 1_234_567, head: String(repeating: "ab", count: 32), at: "2026-12-07T05:11:22.000Z",
                                     key: Data(repeating: 7, count: 32).base64EncodedString(),
                                     signature: Data(repeating: 9, count: 64).base64EncodedString())),
    ]
}

@Suite("Event samples") struct DeskEventSamplesTests {
    @Test("the samples cover every event type") func coverage() {
        let expected: Set<String> = [
            "intakeRecorded", "factsRecorded", "statementRecorded", "counterpartyLinked", "handedOver", "reviewStarted",
            "assessed", "classified", "laneOverridden", "escalated", "reported", "closed", "rejectedAsThreat",
            "enquiryLogged", "noteAdded", "caseAssigned", "organizationRegistered", "staffAdded", "staffRemoved",
            "subjectErased", "legalHoldPlaced", "legalHoldLifted", "retentionSet", "policyAdopted", "subjectExported",
            "ladderStepTaken", "standingSet", "reportDrafted", "reportApproved", "organizationDecided", "feedbackGiven",
            "taskOpened", "taskDone", "shiftStarted", "shiftEnded", "consultationOpened", "careTaskOpened",
            "careTaskDone", "consultationLinked", "consultationNoted", "consultationClosed", "restrictedAccess",
            "checkpointSigned", "counterActionTaken", "contactSet", "applicantAdded",
        ]
        #expect(expected.count == 46)
        #expect(Set(DeskEventSamples.all.map(\.type)) == expected)
        // The compiler names this switch when an event is added, so the samples (and the round trips over them, which
        // reach the decoder's switch over type names) cannot miss it.
        #expect(Set(DeskEventSamples.all.map(Self.kind)) == Set(0..<46))
    }

    static func kind(_ e: DeskEvent) -> Int {
        switch e {
        case .intakeRecorded: 0
        case .factsRecorded: 1
        case .statementRecorded: 2
        case .counterpartyLinked: 3
        case .handedOver: 4
        case .reviewStarted: 5
        case .assessed: 6
        case .classified: 7
        case .laneOverridden: 8
        case .escalated: 9
        case .reported: 10
        case .closed: 11
        case .rejectedAsThreat: 12
        case .enquiryLogged: 13
        case .noteAdded: 14
        case .caseAssigned: 15
        case .organizationRegistered: 16
        case .staffAdded: 17
        case .staffRemoved: 18
        case .subjectErased: 19
        case .legalHoldPlaced: 20
        case .legalHoldLifted: 21
        case .retentionSet: 22
        case .policyAdopted: 23
        case .subjectExported: 24
        case .ladderStepTaken: 25
        case .standingSet: 26
        case .reportDrafted: 27
        case .reportApproved: 28
        case .organizationDecided: 29
        case .feedbackGiven: 30
        case .taskOpened: 31
        case .taskDone: 32
        case .shiftStarted: 33
        case .shiftEnded: 34
        case .consultationOpened: 35
        case .careTaskOpened: 36
        case .careTaskDone: 37
        case .consultationLinked: 38
        case .consultationNoted: 39
        case .consultationClosed: 40
        case .restrictedAccess: 41
        case .checkpointSigned: 42
        case .counterActionTaken: 43
        case .contactSet: 44
        case .applicantAdded: 45
        }
    }

    @Test("every personal value in the samples is open text") func openTextOnly() {
        for event in DeskEventSamples.all {
            for field in event.personalFields { #expect(field.value.text != nil, "\(event.type) \(field.path)") }
        }
    }
}
