@testable import DeskCodec
import DeskDomain
import Foundation
import Testing

enum MisuseKey: String, CodingKey { case a, b, x, id, meta, base }

/// Keeps a nested container and writes to it after a sibling key (legal Codable; Foundation handles it).
fileprivate struct LateNested: Encodable {
    func encode(to e: Encoder) throws {
        var c = e.container(keyedBy: MisuseKey.self)
        var meta = c.nestedContainer(keyedBy: MisuseKey.self, forKey: .meta)
        try c.encode(1, forKey: .id)
        try meta.encode(2, forKey: .x)
    }
}

/// Two nested containers open at once, filled afterwards.
fileprivate struct Interleaved: Encodable {
    func encode(to e: Encoder) throws {
        var c = e.container(keyedBy: MisuseKey.self)
        var a = c.nestedUnkeyedContainer(forKey: .a)
        var b = c.nestedContainer(keyedBy: MisuseKey.self, forKey: .b)
        try a.encode(1)
        try b.encode(2, forKey: .x)
    }
}

/// An unkeyed superEncoder() whose encoder is never used (Foundation writes {} for it).
fileprivate struct UnusedUnkeyedSuper: Encodable {
    func encode(to e: Encoder) throws {
        var u = e.unkeyedContainer()
        _ = u.superEncoder()
        try u.encode(1)
    }
}

/// One value asks for a keyed and then an unkeyed container.
fileprivate struct TwoContainers: Encodable {
    func encode(to e: Encoder) throws {
        var c = e.container(keyedBy: MisuseKey.self)
        try c.encode(1, forKey: .a)
        var u = e.unkeyedContainer()
        try u.encode(2)
    }
}

/// The textbook class-hierarchy pattern: super under `superEncoder()` / `superDecoder()`.
fileprivate class Base: Codable {
    var a = 1
    init() {}
}

fileprivate final class Derived: Base {
    var b = 2
    enum CK: String, CodingKey { case b }
    override init() { super.init() }
    required init(from d: Decoder) throws {
        let c = try d.container(keyedBy: CK.self)
        b = try c.decode(Int.self, forKey: .b)
        try super.init(from: c.superDecoder())
    }
    override func encode(to e: Encoder) throws {
        var c = e.container(keyedBy: CK.self)
        try c.encode(b, forKey: .b)
        try super.encode(to: c.superEncoder())
    }
}

/// A personal field written through `superEncoder(forKey:)`.
fileprivate struct SuperPersonal: Codable, Equatable {
    var p: Personal
    init(p: Personal) { self.p = p }
    func encode(to e: Encoder) throws {
        var c = e.container(keyedBy: MisuseKey.self)
        try p.encode(to: c.superEncoder(forKey: .base))
    }
    init(from d: Decoder) throws {
        let c = try d.container(keyedBy: MisuseKey.self)
        p = try Personal(from: c.superDecoder(forKey: .base))
    }
}

/// A synthesized enum with an associated value uses nestedContainer(keyedBy:forKey:).
fileprivate enum Who: Codable, Equatable { case named(Personal) }

fileprivate struct NestedPath: Decodable {
    enum K: String, CodingKey { case a, b }
    var path: String
    init(from d: Decoder) throws {
        let c = try d.container(keyedBy: K.self)
        path = try c.nestedContainer(keyedBy: K.self, forKey: .a).decode(PathProbe.self, forKey: .b).path
    }
}
fileprivate struct PathProbe: Decodable {
    var path: String
    init(from d: Decoder) throws { path = d.codingPath.map(\.stringValue).joined(separator: "."); _ = try d.singleValueContainer().decode(Int.self) }
}
fileprivate struct MissingSuper: Decodable {
    enum K: String, CodingKey { case base }
    init(from d: Decoder) throws { _ = try d.container(keyedBy: K.self).superDecoder(forKey: .base) }
}
fileprivate struct NilAtEnd: Decodable {
    init(from d: Decoder) throws { var u = try d.unkeyedContainer(); _ = try u.decode(Int.self); _ = try u.decodeNil() }
}


@Suite("The log's own JSON codec: shapes it refuses, paths and numbers")
struct PayloadJSONMisuseTests {
    @Test("containers filled out of order, two kinds of container for one value and superEncoder are refused, never written half")
    func refusedShapes() throws {
        #expect(throws: EncodingError.self) { try PayloadJSON.encode(LateNested()) }
        #expect(throws: EncodingError.self) { try PayloadJSON.encode(Interleaved()) }
        #expect(throws: EncodingError.self) { try PayloadJSON.encode(TwoContainers()) }
        #expect(throws: EncodingError.self) { try PayloadJSON.encode(UnusedUnkeyedSuper()) }
        #expect(throws: EncodingError.self) { try PayloadJSON.encode(Derived()) }
        let deep = (0..<70).reduce(Tree.array([])) { t, _ in .array([t]) }
        #expect(throws: EncodingError.self) { try PayloadJSON.encode(deep) }
        let fine = (0..<60).reduce(Tree.array([])) { t, _ in .array([t]) }
        #expect(try PayloadJSON.decode(Tree.self, from: PayloadJSON.encode(fine)) == fine)
    }

    @Test("a personal field in a synthesized enum's nested container seals and opens with the same context")
    func nestedContainerContext() throws {
        let sealer = RecordingSealer()
        let value = Who.named(Personal("秘密", owner: SubjectID("s-0000000000000001")))
        let back = try PayloadJSON.decode(Who.self, from: PayloadJSON.encode(value, sealer: sealer, eventType: "t"),
                                          sealer: sealer, eventType: "t")
        #expect(back == value)
        #expect(sealer.sealContexts == sealer.openContexts)
    }

    @Test("decoding: paths inside nested containers, the end of an array, Float range, superDecoder refused")
    func decoderEdges() throws {
        #expect(try PayloadJSON.decode(NestedPath.self, from: Data(#"{"a":{"b":1}}"#.utf8)).path == "a.b")
        #expect(throws: DecodingError.self) { try PayloadJSON.decode(MissingSuper.self, from: Data("{}".utf8)) }
        #expect(throws: DecodingError.self) { try PayloadJSON.decode(NilAtEnd.self, from: Data("[1]".utf8)) }
        #expect(throws: DecodingError.self) { try PayloadJSON.decode([Float].self, from: Data("[1e300]".utf8)) }
        #expect(try PayloadJSON.decode([Float].self, from: Data("[1.5]".utf8)) == [1.5])
    }

    @Test("a whole number written as 1.0 or 1e2 reads as an Int, as with Foundation; 1.5 and 1e300 do not")
    func integralNumbers() throws {
        let text = Data("[1.0,1e2,-0.0]".utf8)
        #expect(try JSONDecoder().decode([Int].self, from: text) == [1, 100, 0])
        #expect(try PayloadJSON.decode([Int].self, from: text) == [1, 100, 0])
        #expect(throws: DecodingError.self) { try PayloadJSON.decode([Int].self, from: Data("[1.5]".utf8)) }
        #expect(throws: DecodingError.self) { try PayloadJSON.decode([Int].self, from: Data("[1e300]".utf8)) }
        #expect(throws: DecodingError.self) { try PayloadJSON.decode([UInt8].self, from: Data("[2.56e2]".utf8)) }
    }
}
