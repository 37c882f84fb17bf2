import DeskDomain
import Testing

/// Every stored value a person reads has words in both languages, and none of them is an identifier.
@Suite("labels")
struct LabelsTests {
    struct Table: Sendable, CustomTestStringConvertible {
        let name: String
        let rows: [(raw: String, ja: String, en: String)]
        var testDescription: String { name }
    }

    static func table<T: Labelled & CaseIterable & RawRepresentable>(_ t: T.Type) -> Table where T.RawValue == String {
        Table(name: "\(T.self)", rows: T.allCases.map { ($0.rawValue, $0.label.ja, $0.label.en) })
    }

    static let tables: [Table] = [
        table(Channel.self), table(Lane.self), table(CaseStatus.self), table(BehaviourType.self), table(DemandValidity.self),
        table(Means.self), table(Classification.self), table(TaskKind.self), table(FactName.self), table(LadderStep.self),
        table(RequiredAction.self), table(HoldKind.self), table(EscalationTarget.self), table(Role.self), table(Speaker.self),
        table(Standing.self), table(SubjectKind.self), table(CareKind.self), table(ConsultingParty.self), table(SecondaryBy.self),
        Table(name: "LadderStep names", rows: LadderStep.allCases.map { ($0.rawValue, $0.name.ja, $0.name.en) }),
    ]

    /// A camelCase identifier or a hyphen-joined id (`kneeling-apology`); plain English words with a hyphen are fine.
    static func identifiers(in text: String) -> [String] {
        let words = ["e-mail", "co-worker", "off-site", "read-only", "police-ladder", "sit-in", "end-of-call"]
        let camel = text.matches(of: /\b[a-z]+[A-Z][A-Za-z]*/).map { String($0.output) }
        let hyphen = text.matches(of: /\b[a-z]+(?:-[a-z]+)+\b/).map { String($0.output) }.filter { !words.contains($0) }
        return camel + hyphen
    }

    @Test("each label table covers every case with Japanese and English words, none of them an identifier", arguments: tables)
    func covers(_ t: Table) {
        #expect(!t.rows.isEmpty)
        for r in t.rows {
            #expect(!r.ja.isEmpty && !r.en.isEmpty, "\(t.name).\(r.raw)")
            #expect(r.ja.unicodeScalars.contains { $0.value > 0x2E80 }, "\(t.name).\(r.raw): Japanese label has no Japanese: \(r.ja)")
            #expect(Self.identifiers(in: r.ja + " " + r.en).isEmpty, "\(t.name).\(r.raw): \(r.ja) / \(r.en)")
        }
        #expect(Set(t.rows.map(\.ja)).count == t.rows.count, "\(t.name): two cases share a Japanese label")
        #expect(Set(t.rows.map(\.en)).count == t.rows.count, "\(t.name): two cases share an English label")
    }

    @Test("the identifier check finds camelCase and hyphen-joined ids, and passes English words")
    func identifierCheck() {
        #expect(Self.identifiers(in: "10:00 intakeRecorded tester") == ["intakeRecorded"])
        #expect(Self.identifiers(in: "rule kneeling-apology leaflet desk-leaflet") == ["kneeling-apology", "desk-leaflet"])
        #expect(Self.identifiers(in: "by e-mail, read-only, PgUp C-000012 2026-12-07").isEmpty)
    }

    @Test("facts read back as words with their counts, not as field names")
    func facts() {
        var f = FactSheet()
        f.minutesSpent = 40
        f.apologyDemand = true
        #expect(f.stated(.ja) == "対応時間 40 分、土下座・謝罪文の要求")
        #expect(f.stated(.en) == "40 minutes spent, demand for a kneeling or written apology")
        #expect(FactSheet().stated(.ja) == nil)
    }

    @Test("a ladder event names its step; an action's answer is a sentence in the reader's language")
    func events() {
        let e = DeskEvent.ladderStepTaken(LadderStepTaken(step: .finalWarning))
        #expect(e.summary(.ja) == "警察対応: 最終警告")
        #expect(e.summary(.en) == "police ladder step taken: final warning")
        #expect(DeskEvent.reviewStarted.recorded(.ja) == "確認開始 を記録しました")
        #expect(DeskEvent.reviewStarted.recorded(.en) == "review started")
    }

    @Test("refusals of the decider read in Japanese, with the state and the step named")
    func refusals() {
        #expect(DecideError.wrongState(command: CaseIntent.startReview.name, status: .closed).message(.ja)
                == "確認を開始できません: 案件は「完了」です")
        #expect(DecideError.missing(command: CaseIntent.approveReport.name, what: "draft the report").message(.ja)
                == "報告書を承認できません: 先に報告書の下書きが必要です")
        #expect(DecideError.invalid(field: "ladder", reason: "askToStop was already taken 3 time(s)").message(.ja)
                == "警察対応: 「中止の要求」は上限の回数まで記録済みです")
        #expect(DecideError.invalid(field: "lane", reason: "the case is already in the danger lane").message(.ja)
                == "区分: すでに「危険」区分です")
        #expect(DecideError.noSuchCase.message(.en) == DecideError.noSuchCase.description)
    }

    static let intents: [CaseIntent] = [
        .recordIntake, .recordFacts, .recordStatement, .linkCounterparty, .handOver, .startReview, .assess, .classify(.harassment),
        .overrideLane(.danger), .escalate, .report, .close, .rejectAsThreat, .logEnquiry, .addNote, .assign(Actor("x")), .placeHold,
        .liftHold, .takeLadderStep(.call110), .draftReport, .approveReport, .recordDecision, .giveFeedback(.phone),
        .completeTask(.policeReport), .openTask(.policeReport),
    ]

    @Test("every case action has Japanese words for a refusal", arguments: intents)
    func intentWords(_ i: CaseIntent) {
        let ja = DecideError.wrongState(command: i.name, status: .intake).message(.ja)
        #expect(!ja.contains(i.name), "\(i.name) has no Japanese words")
    }
}

extension LabelsTests {
    @Test("a policy's rule, leaflet and a personal field are named in words, not by their ids or paths")
    func policyWords() {
        let p = PolicyTable.standard
        #expect(p.ruleReason("kneeling-apology", .ja) == "土下座・謝罪文の要求")
        #expect(p.ruleReason("too-long", .en) == "minutes spent at least 30")
        #expect(p.ruleReason("ordinary-complaint", .ja) == "確認事項のいずれにも該当しない")
        #expect(p.leafletTitle("desk-leaflet", organization: "デモホテル東京", language: .ja) == "ご意見・ご要望の受付窓口 (デモホテル東京)")
        #expect(p.leafletTitle("desk-leaflet", organization: nil, language: .en) == "Complaints and requests")
        #expect(DeskEvent.fieldLabel("intakeRecorded.applicant.name", .ja) == "受付の申出人の氏名")
        #expect(DeskEvent.fieldLabel("intakeRecorded.staff.0.name", .en) == "intake recorded: staff 1 name")
    }
}
