import DeskDomain
import Foundation
import Testing
@testable import DeskCodec

/// The counter's new events: their stored bytes are pinned, so a rename or a reordered field fails here.
@Suite("Counter events in the log") struct CounterEventsCodecTests {
    static func json(_ e: DeskEvent) throws -> String {
        String(decoding: try e.encodePayload(sealer: RecordingSealer()), as: UTF8.self)
    }

    @Test("a ticked counter action is stored by its action's name")
    func counterAction() throws {
        let e = DeskEvent.counterActionTaken(CounterActionTaken(action: .preserveEvidence))
        #expect(e.type == "counterActionTaken" && e.schemaVersion == 1)
        #expect(try Self.json(e) == #"{"action":"preserveEvidence"}"#)
        #expect(try DeskEvent.decode(type: "counterActionTaken", schemaVersion: 1, payload: Data(#"{"action":"secondStaff"}"#.utf8),
                                     sealer: nil) == .counterActionTaken(CounterActionTaken(action: .secondStaff)))
    }

    @Test("contact details keep only the fields given; an empty string is kept (it clears)")
    func contact() throws {
        #expect(try Self.json(.contactSet(ContactSet(phone: "03-1234-5678", url: "https://example.jp")))
            == #"{"phone":"03-1234-5678","url":"https://example.jp"}"#)
        #expect(try Self.json(.contactSet(ContactSet(printer: ""))) == #"{"printer":""}"#)
        let read = try DeskEvent.decode(type: "contactSet", schemaVersion: 1, payload: Data(#"{"email":"a@example.jp"}"#.utf8), sealer: nil)
        #expect(read == .contactSet(ContactSet(email: "a@example.jp")))
    }

    @Test("an unknown action or a schema no mado wrote is refused")
    func refusals() {
        #expect(throws: (any Error).self) {
            try DeskEvent.decode(type: "counterActionTaken", schemaVersion: 1, payload: Data(#"{"action":"dance"}"#.utf8), sealer: nil)
        }
        #expect(throws: EventDecodingError.unknownSchema(type: "contactSet", schemaVersion: 2)) {
            try DeskEvent.decode(type: "contactSet", schemaVersion: 2, payload: Data("{}".utf8), sealer: nil)
        }
    }
}
