import DeskCodec
import DeskDomain
import Foundation
import Testing

@Suite("Personal fields in payloads")
struct PersonalSealingTests {
    static let applicant = SubjectID("s-0000000000000001")
    static let staffSubject = SubjectID("s-00000000000000a1")
    static let staffSubject2 = SubjectID("s-00000000000000a2")

    static let intake = IntakeRecorded(
        organization: "demo-hotel", branch: "新宿", store: "本館", channel: .webForm,
        occurredAt: "2026-10-01T14:30:00+09:00", language: .ja,
        applicant: Applicant(subject: applicant, anonymous: false, name: Personal("山田太郎", owner: applicant),
                             phone: Personal("090-1234-5678", owner: applicant),
                             email: Personal("taro@example.jp", owner: applicant)),
        staff: [
            NamedStaff(subject: staffSubject, name: Personal("佐藤", owner: staffSubject),
                       characteristics: Personal("眼鏡の男性", owner: staffSubject)),
            NamedStaff(subject: staffSubject2, name: Personal("鈴木", owner: staffSubject2)),
        ],
        complaint: Personal("フロントで長時間待たされた", owner: applicant),
        requests: Personal("待ち時間の短縮", owner: applicant), feedbackWanted: true, evidence: "abc123")

    static let plaintexts = ["山田太郎", "090-1234-5678", "taro@example.jp", "佐藤", "眼鏡の男性", "鈴木",
                             "フロントで長時間待たされた", "待ち時間の短縮"]

    static func json(_ data: Data) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: data)
        return try #require(object as? [String: Any])
    }

    @Test("personal fields are stored sealed, never in clear")
    func sealedOnEncode() throws {
        let sealer = RecordingSealer()
        let data = try DeskEvent.intakeRecorded(Self.intake).encodePayload(sealer: sealer)
        let text = String(decoding: data, as: UTF8.self)
        for p in Self.plaintexts {
            #expect(!text.contains(p), "\(p) appears in clear")
            #expect(!text.contains(Data(p.utf8).base64EncodedString()), "\(p) appears as base64")
        }
        // The parts that are not personal stay readable.
        #expect(text.contains("\"organization\":\"demo-hotel\""))
        #expect(text.contains("\"feedbackWanted\":true"))

        let top = try Self.json(data)
        let complaint = try #require(top["complaint"] as? [String: Any])
        #expect(Set(complaint.keys) == ["sealed"])
        let sealed = try #require(complaint["sealed"] as? [String: Any])
        #expect(Set(sealed.keys) == ["subject", "nonce", "box"])
        #expect(sealed["subject"] as? String == Self.applicant.rawValue)
        let boxText = try #require(sealed["box"] as? String)
        let box = try #require(Data(base64Encoded: boxText))
        #expect(box == Data("フロントで長時間待たされた".utf8.map { $0 ^ RecordingSealer.key }))
        let nonceText = try #require(sealed["nonce"] as? String)
        let nonce = try #require(Data(base64Encoded: nonceText))
        #expect(nonce == RecordingSealer.nonce(for: "intakeRecorded\u{1F}complaint"))

        let staff = try #require(top["staff"] as? [[String: Any]])
        let staffName = try #require((staff[0]["name"] as? [String: Any])?["sealed"] as? [String: Any])
        #expect(staffName["subject"] as? String == Self.staffSubject.rawValue)
        #expect(staff[0]["subject"] as? String == Self.staffSubject.rawValue)
        let applicantName = try #require(((top["applicant"] as? [String: Any])?["name"] as? [String: Any])?["sealed"])
        #expect((applicantName as? [String: Any])?["subject"] as? String == Self.applicant.rawValue)
    }

    @Test("each field is sealed under its event type and field path")
    func sealingContexts() throws {
        let sealer = RecordingSealer()
        _ = try DeskEvent.intakeRecorded(Self.intake).encodePayload(sealer: sealer)
        #expect(Set(sealer.sealContexts) == [
            "intakeRecorded\u{1F}applicant.name",
            "intakeRecorded\u{1F}applicant.phone",
            "intakeRecorded\u{1F}applicant.email",
            "intakeRecorded\u{1F}staff.0.name",
            "intakeRecorded\u{1F}staff.0.characteristics",
            "intakeRecorded\u{1F}staff.1.name",
            "intakeRecorded\u{1F}complaint",
            "intakeRecorded\u{1F}requests",
        ])
        #expect(sealer.sealContexts.count == 8)
        // The paths are those `personalFields` names.
        #expect(Set(DeskEvent.intakeRecorded(Self.intake).personalFields.map { "intakeRecorded\u{1F}" + $0.path })
            == Set(sealer.sealContexts))
    }

    @Test("personalFields names every value a payload seals, with its path and subject, for every event type")
    func personalFieldsAreComplete() throws {
        for e in DeskEventSamples.all {
            let sealer = RecordingSealer()
            _ = try e.encodePayload(sealer: sealer)
            let listed = e.personalFields.map { "\($0.value.subject.rawValue) \(e.type)\u{1F}\($0.path)" }
            #expect(listed.sorted() == sealer.sealSubjectsAndContexts.sorted(), "\(e.type)")
        }
    }

    @Test("other events seal their free text under their own type")
    func otherEventContexts() throws {
        let note = DeskEvent.noteAdded(CaseText(text: Personal("電話あり", owner: Self.applicant)))
        let escalated = DeskEvent.escalated(Escalated(target: .police, reason: Personal("脅迫", owner: Self.applicant)))
        let linked = DeskEvent.counterpartyLinked(CounterpartyLinked(counterparty: Self.staffSubject,
                                                                     label: Personal("常連", owner: Self.staffSubject)))
        let sealer = RecordingSealer()
        for e in [note, escalated, linked] { _ = try e.encodePayload(sealer: sealer) }
        #expect(sealer.sealContexts == ["noteAdded\u{1F}text", "escalated\u{1F}reason", "counterpartyLinked\u{1F}label"])
    }

    @Test("decoding with the same sealer gives back the same event")
    func roundTrip() throws {
        let events: [DeskEvent] = [
            .intakeRecorded(Self.intake),
            .statementRecorded(StatementRecorded(speaker: .applicant, text: Personal("土下座しろ", owner: Self.applicant),
                                                 verbatim: true)),
            .assessed(Assessed(validity: .partlyValid, means: .unacceptable, behaviours: [.authority, .timeRestraint],
                               reason: Personal("三時間居座った", owner: Self.applicant), opinion: Personal("過剰", owner: Self.applicant))),
            .classified(Classified(classification: .harassment, reason: Personal("手段が不相当", owner: Self.applicant))),
            .laneOverridden(LaneOverridden(from: .complaint, to: .handover, reason: Personal("再来店の恐れ", owner: Self.applicant))),
            .rejectedAsThreat(CaseText(text: Personal("放火すると言った", owner: Self.applicant))),
            .factsRecorded(FactSheet()),
            .reviewStarted,
            .organizationRegistered(OrganizationRegistered(id: "demo-hotel", name: "デモホテル",
                                                           branches: [Branch(name: "新宿", stores: ["本館"])],
                                                           reportTo: "総務部", language: .ja)),
        ]
        let sealer = RecordingSealer()
        for e in events {
            let data = try e.encodePayload(sealer: sealer)
            let back = try DeskEvent.decode(type: e.type, schemaVersion: e.schemaVersion, payload: data, sealer: sealer)
            #expect(back == e, "\(e.type)")
        }
        #expect(Set(sealer.openContexts) == Set(sealer.sealContexts))
    }

    @Test("a sealed value moved to another field does not open")
    func movedValueIsUnreadable() throws {
        let sealer = RecordingSealer()
        let data = try DeskEvent.intakeRecorded(Self.intake).encodePayload(sealer: sealer)
        var top = try Self.json(data)
        top["requests"] = top["complaint"]
        let moved = try JSONSerialization.data(withJSONObject: top)
        let back = try DeskEvent.decode(type: "intakeRecorded", schemaVersion: 1, payload: moved, sealer: sealer)
        guard case .intakeRecorded(let p) = back else {
            Issue.record("decoded \(back.type)")
            return
        }
        #expect(p.requests?.content == .unreadable)
        #expect(p.complaint.text == "フロントで長時間待たされた")
    }

    @Test("without a sealer personal fields come back locked, keeping their subject")
    func decodeWithoutSealer() throws {
        let data = try DeskEvent.intakeRecorded(Self.intake).encodePayload(sealer: RecordingSealer())
        let back = try DeskEvent.decode(type: "intakeRecorded", schemaVersion: 1, payload: data, sealer: nil)
        guard case .intakeRecorded(let p) = back else {
            Issue.record("decoded \(back.type)")
            return
        }
        #expect(p.complaint == Personal(subject: Self.applicant, content: .locked))
        #expect(p.complaint.text == nil)
        #expect(p.complaint.display == "鍵なし / no key")
        #expect(p.applicant.name?.content == .locked)
        #expect(p.staff.map(\.name.content) == [.locked, .locked])
        #expect(p.staff.map(\.name.subject) == [Self.staffSubject, Self.staffSubject2])
        // What is not personal reads as usual.
        #expect(p.organization == "demo-hotel")
        #expect(p.branch == "新宿")
        #expect(p.feedbackWanted)
    }

    @Test("only readable text can be sealed")
    func lockedCannotBeSealed() {
        var i = Self.intake
        i.complaint = Personal(subject: Self.applicant, content: .locked)
        let sealer = RecordingSealer()
        #expect(throws: EncodingError.self) { try DeskEvent.intakeRecorded(i).encodePayload(sealer: sealer) }
        #expect(!sealer.sealContexts.contains("intakeRecorded\u{1F}complaint"))
    }

    @Test("a sealed value that is not base64 is refused")
    func badBase64() {
        let payload = Data(#"{"text":{"sealed":{"subject":"s-0000000000000001","nonce":"!!!","box":"AA=="}}}"#.utf8)
        #expect(throws: DecodingError.self) {
            try DeskEvent.decode(type: "noteAdded", schemaVersion: 1, payload: payload, sealer: RecordingSealer())
        }
    }

    @Test("an unknown event type is refused")
    func unknownType() {
        #expect(throws: EventDecodingError.unknownType("surprise")) {
            try DeskEvent.decode(type: "surprise", schemaVersion: 1, payload: Data("{}".utf8), sealer: nil)
        }
        #expect(throws: EventDecodingError.unknownSchema(type: "noteAdded", schemaVersion: 2)) {
            try DeskEvent.decode(type: "noteAdded", schemaVersion: 2, payload: Data("{}".utf8), sealer: nil)
        }
        #expect(!EventDecodingError.unknownType("\u{1B}[2J").description.contains("\u{1B}"))
    }
}
