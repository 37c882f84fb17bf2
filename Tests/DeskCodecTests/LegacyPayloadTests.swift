import DeskCodec
import DeskDomain
import Foundation
import Testing

/// Events written at schema 1, in every shape mado wrote them, read as today's values; the current schema reads
/// strictly; a schema never written is refused. Payloads are literals of what the log holds (older ones in
/// Foundation's sorted-key order).
@Suite("payload schemas")
struct LegacyPayloadTests {
    static let owner = SubjectID("s-0000000000000001")

    static func decode(_ type: String, _ schema: Int, _ json: String, sealer: (any FieldSealer)? = nil) throws -> DeskEvent {
        try DeskEvent.decode(type: type, schemaVersion: schema, payload: Data(json.utf8), sealer: sealer)
    }

    /// A personal value as the log stores it, sealed by `RecordingSealer` for the field at `context`.
    static func sealed(_ text: String, _ context: String, owner: SubjectID = owner) -> String {
        let nonce = RecordingSealer.nonce(for: context).base64EncodedString()
        let box = Data(text.utf8.map { $0 ^ RecordingSealer.key }).base64EncodedString()
        return #"{"sealed":{"box":"\#(box)","nonce":"\#(nonce)","subject":"\#(owner.rawValue)"}}"#
    }

    static func facts(_ edit: (inout FactSheet) -> Void) -> FactSheet {
        var f = FactSheet()
        edit(&f)
        return f
    }

    // MARK: factsRecorded

    @Test("facts from before shoutingOrAbuse read it as not answered; a sparse sheet reads its absent facts so too")
    func oldFacts() throws {
        let before = #"{"apologyDemand":true,"demandAboutEmployee":false,"discriminatoryRemarks":false,"earlierContacts":2,"excessiveMoneyDemand":true,"filmingOrPosting":false,"minutesSpent":95,"offSiteSummons":false,"refusesToLeave":true,"reviewOrMediaThreat":false,"sexualRemarksOrFollowing":false,"threatToLifeOrArson":false,"weaponOrPhysicalContact":false}"#
        #expect(try Self.decode("factsRecorded", 1, before) == .factsRecorded(Self.facts {
            $0.apologyDemand = true; $0.earlierContacts = 2; $0.excessiveMoneyDemand = true; $0.minutesSpent = 95; $0.refusesToLeave = true
        }))
        let sparse = #"{"apologyDemand":true,"minutesSpent":40}"#
        #expect(try Self.decode("factsRecorded", 1, sparse) == .factsRecorded(Self.facts { $0.apologyDemand = true; $0.minutesSpent = 40 }))
        #expect(try Self.decode("factsRecorded", 1, "{}") == .factsRecorded(FactSheet()))
    }

    // MARK: handedOver

    @Test("a hand-over with one script, no actions and no answers reads with a list of one and nothing answered")
    func oldestHandover() throws {
        let h = #"{"behaviours":[],"lane":"handover","leaflet":"desk-leaflet","policyVersion":"standard/1","rule":"harassment-suspected","script":"handover-to-desk"}"#
        #expect(try Self.decode("handedOver", 1, h) == .handedOver(HandedOver(
            lane: .handover, rule: "harassment-suspected", policyVersion: "standard/1", behaviours: [],
            scripts: ["handover-to-desk"], leaflet: "desk-leaflet", actions: [], answers: FactSheet())))
        let withBehaviours = #"{"behaviours":["timeRestraint","verbalAbuse"],"lane":"complaint","leaflet":"desk-leaflet","policyVersion":"standard/1","rule":"rest","script":"end-of-call"}"#
        #expect(try Self.decode("handedOver", 1, withBehaviours) == .handedOver(HandedOver(
            lane: .complaint, rule: "rest", policyVersion: "standard/1", behaviours: [.timeRestraint, .verbalAbuse],
            scripts: ["end-of-call"], leaflet: "desk-leaflet")))
    }

    @Test("a hand-over whose answers predate shoutingOrAbuse reads them as not answered")
    func handoverWithOldAnswers() throws {
        let h = #"{"actions":["secondStaff"],"answers":{"apologyDemand":true,"demandAboutEmployee":false,"discriminatoryRemarks":false,"earlierContacts":0,"excessiveMoneyDemand":false,"filmingOrPosting":false,"minutesSpent":45,"offSiteSummons":false,"refusesToLeave":false,"reviewOrMediaThreat":false,"sexualRemarksOrFollowing":false,"threatToLifeOrArson":false,"weaponOrPhysicalContact":false},"behaviours":["timeRestraint"],"lane":"handover","leaflet":"desk-leaflet","policyVersion":"standard/2","rule":"long-stay","scripts":["end-of-call","no-progress-answers"]}"#
        #expect(try Self.decode("handedOver", 1, h) == .handedOver(HandedOver(
            lane: .handover, rule: "long-stay", policyVersion: "standard/2", behaviours: [.timeRestraint],
            scripts: ["end-of-call", "no-progress-answers"], leaflet: "desk-leaflet", actions: [.secondStaff],
            answers: Self.facts { $0.apologyDemand = true; $0.minutesSpent = 45 })))
    }

    @Test("a schema-1 hand-over with neither script nor scripts is refused, as it always was")
    func handoverWithoutScript() {
        let h = #"{"behaviours":[],"lane":"handover","leaflet":"desk-leaflet","policyVersion":"standard/1","rule":"r"}"#
        #expect(throws: DecodingError.self) { try Self.decode("handedOver", 1, h) }
    }

    // MARK: assessed

    @Test("an assessment from before the two axes were split reads with its means and a reason marked as not recorded")
    func oldAssessment() throws {
        let json = #"{"behaviours":["authority"],"classification":"harassment","meansAcceptable":false,"validity":"invalid"}"#
        #expect(try Self.decode("assessed", 1, json) == .assessed(Assessed(
            validity: .invalid, means: .unacceptable, behaviours: [.authority],
            reason: Personal(subject: SubjectID("s-0000000000000000"), content: .open("(no reason recorded)")))))
    }

    @Test("an old assessment with an opinion keeps it sealed where it was, and its reason marker takes the opinion's subject")
    func oldAssessmentWithOpinion() throws {
        let json = #"{"behaviours":[],"classification":"legitimateComplaint","meansAcceptable":true,"opinion":\#(Self.sealed("正当な指摘", "assessed\u{1F}opinion")),"validity":"valid"}"#
        let sealer = RecordingSealer()
        #expect(try Self.decode("assessed", 1, json, sealer: sealer) == .assessed(Assessed(
            validity: .valid, means: .acceptable, behaviours: [],
            reason: Personal(subject: Self.owner, content: .open("(no reason recorded)")),
            opinion: Personal("正当な指摘", owner: Self.owner))))
        #expect(sealer.openContexts == ["assessed\u{1F}opinion"])
        // Without a key the opinion is locked; the marker still names its subject.
        guard case .assessed(let locked) = try Self.decode("assessed", 1, json) else { Issue.record("not an assessment"); return }
        #expect(locked.opinion == Personal(subject: Self.owner, content: .locked))
        #expect(locked.reason == Personal(subject: Self.owner, content: .open("(no reason recorded)")))
    }

    @Test("an assessment written with both axes but still at schema 1 reads as written")
    func twoAxesAtSchema1() throws {
        let json = #"{"validity":"partlyValid","means":"criminal","behaviours":["violence"],"reason":\#(Self.sealed("殴った", "assessed\u{1F}reason"))}"#
        #expect(try Self.decode("assessed", 1, json, sealer: RecordingSealer()) == .assessed(Assessed(
            validity: .partlyValid, means: .criminal, behaviours: [.violence], reason: Personal("殴った", owner: Self.owner))))
    }

    // MARK: current shapes

    static let upcastTypes: Set<String> = ["factsRecorded", "handedOver", "assessed"]

    @Test("what the log holds at schema 1 in today's shape reads the same as at schema 2")
    func currentShapeAtSchema1() throws {
        for e in DeskEventSamples.all where Self.upcastTypes.contains(e.type) {
            let sealer = RecordingSealer()
            let data = try e.encodePayload(sealer: sealer)
            #expect(try DeskEvent.decode(type: e.type, schemaVersion: 1, payload: data, sealer: sealer) == e, "\(e.type)")
            #expect(try DeskEvent.decode(type: e.type, schemaVersion: 2, payload: data, sealer: sealer) == e, "\(e.type)")
        }
        // What is written now reads back the same.
        let now = PolicyTable.standard.decide(Self.facts { $0.apologyDemand = true; $0.minutesSpent = 40 })
        let data = try DeskEvent.handedOver(now).encodePayload(sealer: RecordingSealer())
        #expect(try DeskEvent.decode(type: "handedOver", schemaVersion: 2, payload: data, sealer: nil) == .handedOver(now))
    }

    @Test("every event type reads back equal at the schema it is written at")
    func roundTripAtCurrentSchema() throws {
        let sealer = RecordingSealer()
        for e in DeskEventSamples.all {
            let data = try e.encodePayload(sealer: sealer)
            #expect(try DeskEvent.decode(type: e.type, schemaVersion: e.schemaVersion, payload: data, sealer: sealer) == e, "\(e.type)")
        }
    }

    @Test("at schema 2 every field of today's shape is required: a payload missing one is refused")
    func schema2IsStrict() throws {
        for e in DeskEventSamples.all where Self.upcastTypes.contains(e.type) {
            let data = try e.encodePayload(sealer: RecordingSealer())
            let top = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            for key in top.keys where key != "opinion" {
                var less = top
                less[key] = nil
                let payload = try JSONSerialization.data(withJSONObject: less)
                #expect(throws: DecodingError.self, "\(e.type) without \(key)") {
                    try DeskEvent.decode(type: e.type, schemaVersion: 2, payload: payload, sealer: RecordingSealer())
                }
            }
        }
        // The old shapes are schema 1 only.
        let oldFacts = #"{"apologyDemand":true,"minutesSpent":40}"#
        #expect(throws: DecodingError.self) { try Self.decode("factsRecorded", 2, oldFacts) }
        let oldHandover = #"{"behaviours":[],"lane":"handover","leaflet":"desk-leaflet","policyVersion":"standard/1","rule":"r","script":"s"}"#
        #expect(throws: DecodingError.self) { try Self.decode("handedOver", 2, oldHandover) }
        let oldAssessment = #"{"behaviours":[],"classification":"harassment","meansAcceptable":false,"validity":"invalid"}"#
        #expect(throws: DecodingError.self) { try Self.decode("assessed", 2, oldAssessment) }
    }

    @Test("a hand-over at schema 2 whose answers lack a fact is refused")
    func schema2AnswersAreStrict() throws {
        let h = HandedOver(lane: .complaint, rule: "rest", policyVersion: "standard/2", behaviours: [], scripts: [], leaflet: "l")
        let text = String(decoding: try DeskEvent.handedOver(h).encodePayload(sealer: RecordingSealer()), as: UTF8.self)
        let less = text.replacingOccurrences(of: #","shoutingOrAbuse":false"#, with: "")
        #expect(less != text)
        #expect(throws: DecodingError.self) { try Self.decode("handedOver", 2, less) }
        #expect(try Self.decode("handedOver", 1, less) == .handedOver(h))
    }

    // MARK: refusals

    @Test("a schema newer than this mado knows, or one never written, is refused with the type and the schema")
    func unknownSchemas() {
        for (type, schema) in [("handedOver", 3), ("factsRecorded", 3), ("assessed", 3), ("noteAdded", 2), ("reviewStarted", 2),
                               ("handedOver", 0), ("noteAdded", 0), ("assessed", -1)] {
            #expect(throws: EventDecodingError.unknownSchema(type: type, schemaVersion: schema)) {
                try Self.decode(type, schema, "{}")
            }
        }
        let message = EventDecodingError.unknownSchema(type: "handedOver", schemaVersion: 3).description
        #expect(message == "event type handedOver has schema 3, which this mado does not know: upgrade mado")
        #expect(EventDecodingError.unknownSchema(type: "noteAdded", schemaVersion: 0).description
            == "event type noteAdded has schema 0, which no mado writes")
    }

    /// Raising a schema is a decision: it changes this list, and needs a legacy shape and its upcaster.
    @Test("every event type with the schema it is written at")
    func currentSchemas() {
        let expected: [String: Int] = [
            "intakeRecorded": 1, "factsRecorded": 2, "statementRecorded": 1, "counterpartyLinked": 1, "handedOver": 2,
            "reviewStarted": 1, "assessed": 2, "classified": 1, "laneOverridden": 1, "escalated": 1, "reported": 1,
            "closed": 1, "rejectedAsThreat": 1, "enquiryLogged": 1, "noteAdded": 1, "caseAssigned": 1,
            "organizationRegistered": 1, "staffAdded": 1, "staffRemoved": 1, "subjectErased": 1, "legalHoldPlaced": 1,
            "legalHoldLifted": 1, "retentionSet": 1, "policyAdopted": 1, "subjectExported": 1, "ladderStepTaken": 1,
            "standingSet": 1, "reportDrafted": 1, "reportApproved": 1, "organizationDecided": 1, "feedbackGiven": 1,
            "taskOpened": 1, "taskDone": 1, "shiftStarted": 1, "shiftEnded": 1, "consultationOpened": 1,
            "careTaskOpened": 1, "careTaskDone": 1, "consultationLinked": 1, "consultationNoted": 1,
            "consultationClosed": 1, "restrictedAccess": 1, "checkpointSigned": 1, "counterActionTaken": 1, "contactSet": 1,
            "applicantAdded": 1,
        ]
        var actual: [String: Int] = [:]
        for e in DeskEventSamples.all { actual[e.type] = e.schemaVersion }
        #expect(actual == expected)
    }
}
