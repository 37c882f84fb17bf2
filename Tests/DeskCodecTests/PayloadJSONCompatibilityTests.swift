@testable import DeskCodec
import DeskDomain
import Foundation
import Testing

private func payloadValue(_ e: DeskEvent) -> any Encodable {
    if let v = Mirror(reflecting: e).children.first?.value as? any Encodable { return v }
    struct Empty: Encodable {}
    return Empty()
}

private func foundationEncode<T: Encodable>(_ v: T, sealer: any FieldSealer, type: String, sorted: Bool = true) throws -> Data {
    let enc = JSONEncoder()
    if sorted { enc.outputFormatting = [.sortedKeys] }
    enc.userInfo = [.fieldSealer: sealer, .eventType: type]
    return try enc.encode(v)
}

@Suite("The log's own JSON codec against Foundation: every event, sealing contexts")
struct PayloadJSONFoundationTests {
    @Test("every sample: sealing contexts equal Foundation's; Foundation-written payloads decode with every personal field open")
    func samplesMatchFoundation() throws {
        var bad: [String] = []
        for e in DeskEventSamples.all {
            let ours = RecordingSealer(), theirs = RecordingSealer()
            let ourData = try e.encodePayload(sealer: ours)
            let fData = try foundationEncode(payloadValue(e), sealer: theirs, type: e.type)
            if ours.sealContexts.sorted() != theirs.sealContexts.sorted() {
                bad.append("\(e.type): seal \(ours.sealContexts) vs \(theirs.sealContexts)")
            }
            // Same JSON value
            let a = try JSONSerialization.jsonObject(with: ourData) as! NSObject
            let b = try JSONSerialization.jsonObject(with: fData) as! NSObject
            if a != b { bad.append("\(e.type): JSON differs\n\(String(decoding: ourData, as: UTF8.self))\n\(String(decoding: fData, as: UTF8.self))") }
            // Foundation-written payload via our reader
            let r = RecordingSealer()
            let d = try DeskEvent.decode(type: e.type, schemaVersion: e.schemaVersion, payload: fData, sealer: r)
            for (p, v) in d.personalFields where v.text == nil { bad.append("\(e.type) Foundation-written \(p) is \(v.content)") }
            if d.personalFields.count != e.personalFields.count { bad.append("\(e.type): personal count") }
            if r.openContexts.sorted() != theirs.sealContexts.sorted() { bad.append("\(e.type): open \(r.openContexts) vs \(theirs.sealContexts)") }
            // Ours via Foundation's decoder (as a cross-check of the path Foundation's reader gives)
            let r2 = RecordingSealer()
            let dec = JSONDecoder()
            dec.userInfo = [.fieldSealer: r2, .eventType: e.type]
            // our own round trip
            let back = try DeskEvent.decode(type: e.type, schemaVersion: e.schemaVersion, payload: ourData, sealer: RecordingSealer())
            for (p, v) in back.personalFields where v.text == nil { bad.append("\(e.type) ours \(p) is \(v.content)") }
            if back != e { bad.append("\(e.type): round trip differs") }
        }
        #expect(bad.isEmpty, "\(bad.joined(separator: "\n"))")
    }
}

// MARK: legal shapes and coding paths

/// The coding paths a probe saw, per thread: the tests that read them are synchronous and run in parallel.
private var recorded: [String] {
    get { Thread.current.threadDictionary["mado.test.recorded"] as? [String] ?? [] }
    set { Thread.current.threadDictionary["mado.test.recorded"] = newValue }
}

/// Records the encoder's/decoder's coding path and writes a string.
private struct Probe: Codable, Equatable {
    var v = "p"
    init() {}
    func encode(to encoder: Encoder) throws {
        recorded.append(Personal.fieldPath(encoder.codingPath))
        var c = encoder.singleValueContainer()
        try c.encode(v)
    }
    init(from decoder: Decoder) throws {
        recorded.append(Personal.fieldPath(decoder.codingPath))
        v = try decoder.singleValueContainer().decode(String.self)
    }
}

private enum Assoc: Codable, Equatable {
    case a(Probe, x: Int)
    case b
    case c(inner: [Probe?])
}

private enum Raw: String, Codable { case one, two }

private struct EmptyStruct: Codable, Equatable {}

private struct Wrapper: Codable, Equatable {  // single value wrapping a nested keyed value
    var inner: Inner
    struct Inner: Codable, Equatable { var p = Probe(); var n = 1 }
    init() { inner = Inner() }
    func encode(to encoder: Encoder) throws { var c = encoder.singleValueContainer(); try c.encode(inner) }
    init(from decoder: Decoder) throws { inner = try decoder.singleValueContainer().decode(Inner.self) }
}

private enum K: String, CodingKey { case a, b, c, d, e, f }

private struct TwiceKeyed: Codable, Equatable {
    var p = Probe()
    init() {}
    func encode(to encoder: Encoder) throws {
        var c1 = encoder.container(keyedBy: K.self)
        try c1.encode(p, forKey: .a)
        var n = c1.nestedContainer(keyedBy: K.self, forKey: .b)
        try n.encode(p, forKey: .c)
        var u = n.nestedUnkeyedContainer(forKey: .d)
        try u.encode(p)
        try u.encodeNil()
        var uu = u.nestedUnkeyedContainer()
        try uu.encode(p)
        var uk = u.nestedContainer(keyedBy: K.self)
        try uk.encode(p, forKey: .e)
        try n.encode(p, forKey: .f)
        var c2 = encoder.container(keyedBy: K.self)
        try c2.encode(p, forKey: .c)
        try c2.encodeNil(forKey: .d)
        let none: Int? = nil
        try c2.encodeIfPresent(none, forKey: .e)
        var u2 = c2.nestedUnkeyedContainer(forKey: .f)
        try u2.encode(p)
    }
    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: K.self)
        _ = try c.decode(Probe.self, forKey: .a)
        let n = try c.nestedContainer(keyedBy: K.self, forKey: .b)
        _ = try n.decode(Probe.self, forKey: .c)
        var u = try n.nestedUnkeyedContainer(forKey: .d)
        _ = try u.decode(Probe.self)
        _ = try u.decodeNil()
        var uu = try u.nestedUnkeyedContainer()
        _ = try uu.decode(Probe.self)
        let uk = try u.nestedContainer(keyedBy: K.self)
        _ = try uk.decode(Probe.self, forKey: .e)
        _ = try n.decode(Probe.self, forKey: .f)
        _ = try c.decode(Probe.self, forKey: .c)
        var u2 = try c.nestedUnkeyedContainer(forKey: .f)
        _ = try u2.decode(Probe.self)
        p = Probe()
    }
}

private struct All: Codable, Equatable {
    var assoc: [Assoc] = [.a(Probe(), x: 3), .b, .c(inner: [nil, Probe()])]
    var raw: Raw = .two
    var rawOpt: Raw? = nil
    var empty = EmptyStruct()
    var empties: [EmptyStruct] = [EmptyStruct(), EmptyStruct()]
    var aoa: [[Probe]] = [[], [Probe(), Probe()], [Probe()]]
    var dict: [String: Probe] = ["k": Probe(), "1": Probe()]
    var idict: [Int: [Probe]] = [7: [Probe()]]
    var opt: Probe? = Probe()
    var optNil: Probe? = nil
    var dopt: Probe?? = .some(nil)
    var wrapper = Wrapper()
    var twice = TwiceKeyed()
    var personal = Personal("x", owner: SubjectID("s-0000000000000001"))
}

@Suite("The log's own JSON codec: legal shapes")
struct PayloadJSONLegalShapeTests {
    @Test("legal in-order shapes: same JSON value and same coding paths as Foundation")
    func legalShapes() throws {
        let v = All()
        let s1 = RecordingSealer(), s2 = RecordingSealer()
        recorded = []
        let ours = try PayloadJSON.encode(v, sealer: s1, eventType: "t")
        let ourPaths = recorded
        recorded = []
        let enc = JSONEncoder(); enc.userInfo = [.fieldSealer: s2, .eventType: "t"]
        let theirs = try enc.encode(v)
        let theirPaths = recorded
        // Foundation's JSONEncoder leaves nested-container keys out of a value's path (its decoder keeps them);
        // ours matches the decoder: checked below against fPaths.
        _ = theirPaths
        #expect(s1.sealContexts == s2.sealContexts)
        let a = try JSONSerialization.jsonObject(with: ours) as! NSObject
        let b = try JSONSerialization.jsonObject(with: theirs) as! NSObject
        #expect(a == b, "\(String(decoding: ours, as: UTF8.self))\n\(String(decoding: theirs, as: UTF8.self))")
        // decode paths
        recorded = []
        let dec = JSONDecoder(); dec.userInfo = [.fieldSealer: s2, .eventType: "t"]
        let fv = try dec.decode(All.self, from: theirs)
        let fPaths = recorded
        recorded = []
        let ov = try PayloadJSON.decode(All.self, from: theirs, sealer: s2, eventType: "t")
        #expect(recorded.sorted() == fPaths.sorted())
        #expect(ourPaths.sorted() == fPaths.sorted())
        #expect(ov == fv)
        #expect(ov.personal.text == "x")
    }
}

// MARK: more edges

private struct Inner2: Codable, Equatable { var x = 1; var p = Probe() }
/// Flattening: another value's keys written into this value's object through the same encoder.
private struct Flatten: Codable, Equatable {
    var kind = "k"; var inner = Inner2(); var list = [1, 2]
    init() {}
    enum CK: String, CodingKey { case kind }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CK.self)
        try c.encode(kind, forKey: .kind)
        try inner.encode(to: encoder)
    }
    init(from decoder: Decoder) throws {
        kind = try decoder.container(keyedBy: CK.self).decode(String.self, forKey: .kind)
        inner = try Inner2(from: decoder)
    }
}
private struct FlattenArray: Encodable {
    func encode(to encoder: Encoder) throws {
        var u = encoder.unkeyedContainer()
        try u.encode(0)
        try [Probe(), Probe()].encode(to: encoder)
    }
}
private struct SameKeyTwice: Encodable {  // Foundation: last wins
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: K.self)
        try c.encode(1, forKey: .a)
        try c.encode(2, forKey: .a)
    }
}
private struct CaughtError: Encodable {  // a field that fails is skipped
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: K.self)
        try? c.encode(Personal(subject: SubjectID("s-0000000000000001"), content: .erased), forKey: .a)
        try c.encode(1, forKey: .b)
    }
}
private indirect enum Deep: Codable { case leaf, node(Deep) }
private struct Nothing: Encodable { func encode(to encoder: Encoder) throws {} }
private struct DeepNothing: Encodable {
    let n: Int
    func encode(to encoder: Encoder) throws {
        var u = encoder.unkeyedContainer()
        if n == 0 { try u.encode(Nothing()) } else { try u.encode(DeepNothing(n: n - 1)) }
    }
}

@Suite("The log's own JSON codec: edges")
struct PayloadJSONEdgeTests {
    @Test("flattening into the same keyed/unkeyed container: same JSON and paths as Foundation")
    func flatten() throws {
        recorded = []
        let ours = try PayloadJSON.encode(Flatten())
        let op = recorded; recorded = []
        let theirs = try JSONEncoder().encode(Flatten())
        #expect(op == recorded)
        #expect((try JSONSerialization.jsonObject(with: ours) as! NSObject) == (try JSONSerialization.jsonObject(with: theirs) as! NSObject))
        #expect(try PayloadJSON.decode(Flatten.self, from: ours) == Flatten())
        recorded = []
        let a = try PayloadJSON.encode(FlattenArray())
        let ap = recorded; recorded = []
        let b = try JSONEncoder().encode(FlattenArray())
        #expect(ap == recorded)
        #expect(a == b)
    }

    @Test("a payload its reader would refuse is never written: one key written twice")
    func sameKeyTwice() throws {
        #expect(throws: EncodingError.self) { try PayloadJSON.encode(SameKeyTwice()) }
    }

    @Test("a field whose encode threw and was caught leaves valid JSON (or the payload is refused)")
    func caughtError() throws {
        let data = try? PayloadJSON.encode(CaughtError(), sealer: RecordingSealer(), eventType: "t")
        if let data { #expect((try? JSONSerialization.jsonObject(with: data)) != nil) }
    }

    @Test("depth: what the writer accepts the reader reads")
    func depth() throws {
        func deep(_ n: Int) -> Deep { n == 0 ? .leaf : .node(deep(n - 1)) }
        for n in [30, 31, 32, 33] {
            let ok = try? PayloadJSON.encode(deep(n))
            if let ok { #expect((try? PayloadJSON.decode(Deep.self, from: ok)) != nil, "n=\(n)") }
        }
        for n in [62, 63, 64, 65] {
            let data = try? PayloadJSON.encode(DeepNothing(n: n))
            if let data { let ok = (try? data.withUnsafeBytes { try JSONTape($0) }) != nil; #expect(ok, "DeepNothing n=\(n)") }
        }
    }
}
