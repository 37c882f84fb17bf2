import DeskCodec
import DeskDomain
import Foundation
import Testing

/// Events written before a payload grew keep reading (no schema bump was needed: only fields were added or split).
@Suite("older payloads")
struct LegacyPayloadTests {
    @Test("an assessment from before the two axes were split reads with its means and a reason marked as not recorded")
    func oldAssessment() throws {
        let json = #"{"behaviours":["authority"],"classification":"harassment","meansAcceptable":false,"validity":"invalid"}"#
        guard case .assessed(let a) = try DeskEvent.decode(type: "assessed", schemaVersion: 1, payload: Data(json.utf8), sealer: nil) else {
            Issue.record("not an assessment"); return
        }
        #expect(a.means == .unacceptable && a.validity == .invalid && a.behaviours == [.authority])
        #expect(a.reason.text == "(no reason recorded)")
    }

    @Test("a hand-over with one script and no answers, and facts without shoutingOrAbuse, still read")
    func oldHandoverAndFacts() throws {
        let h = #"{"behaviours":[],"lane":"handover","leaflet":"desk-leaflet","policyVersion":"standard/1","rule":"harassment-suspected","script":"handover-to-desk"}"#
        guard case .handedOver(let d) = try DeskEvent.decode(type: "handedOver", schemaVersion: 1, payload: Data(h.utf8), sealer: nil) else {
            Issue.record("not a hand-over"); return
        }
        #expect(d.scripts == ["handover-to-desk"] && d.actions.isEmpty && d.answers == FactSheet())
        let f = #"{"apologyDemand":true,"minutesSpent":40}"#
        guard case .factsRecorded(let facts) = try DeskEvent.decode(type: "factsRecorded", schemaVersion: 1, payload: Data(f.utf8), sealer: nil) else {
            Issue.record("not facts"); return
        }
        #expect(facts.apologyDemand && facts.minutesSpent == 40 && !facts.shoutingOrAbuse)
        // What is written now reads back the same.
        let now = PolicyTable.standard.decide(facts)
        let data = try DeskEvent.handedOver(now).encodePayload(sealer: RecordingSealer())
        #expect(try DeskEvent.decode(type: "handedOver", schemaVersion: 1, payload: data, sealer: nil) == .handedOver(now))
    }
}

