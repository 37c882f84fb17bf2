@testable import DeskCodec
import DeskDomain
import Foundation
import Testing

@Test("the string scan accepts and refuses every byte at every position as Foundation does (the eight-byte skip included)")
func payloadStringScanBruteForce() throws {
    var bad: [String] = []
    for len in 1...24 {
        for pos in 0..<len {
            for x in 0...255 {
                var bytes = [UInt8](repeating: 0x61, count: len)
                bytes[pos] = UInt8(x)
                let doc = [0x22] + bytes + [0x22]
                let ok = (try? PayloadJSON.decode(String.self, from: Data(doc))) != nil
                let expect = x >= 0x20 && x < 0x80 && x != 0x22 && x != 0x5C
                if ok != expect { bad.append("len \(len) pos \(pos) x \(x)") }
            }
        }
    }
    #expect(bad.isEmpty, "\(bad.prefix(10))")
    // Two-byte pairs in a word
    var bad2 = 0
    for a in [0x00, 0x1F, 0x20, 0x21, 0x22, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xC3, 0xFF] {
        for b in 0...255 {
            for pos in 0..<15 {
                var bytes = [UInt8](repeating: 0x61, count: 16)
                bytes[pos] = UInt8(a); bytes[pos + 1] = UInt8(b)
                let doc = [0x22] + bytes + [0x22]
                let ours = (try? PayloadJSON.decode(String.self, from: Data(doc)))
                let ref = try? JSONDecoder().decode(String.self, from: Data(doc))
                if ours != ref && !(ref != nil && ours == nil && ref!.unicodeScalars.contains { (0xD800...0xDFFF).contains($0.value) }) { bad2 += 1; }
            }
        }
    }
    #expect(bad2 == 0)
}

private struct Shapes: Codable, Equatable {
    var a: [[Int]] = [[], [1], [[]].map { _ in 2 }]
    var b: [String: [Int?]] = ["x": [nil, 1], "y": []]
    var c: [Int: String] = [3: "three", -1: "m"]
    var d: Int?? = .some(3)
    var e: [Double] = [-0.0, 1e15, 1e16, 0.1, 5e-324, -1.5]
    var f: [Float] = [0.1, 3.4e38]
    var g: [[String: [String]]] = [[:], ["k": []]]
    var h: [LocalDate?] = [nil]
    var i: Set<String> = ["a"]
    var j: [UInt64] = [UInt64.max]
    var k: [Int8] = [Int8.min, Int8.max]
}
@Test("nested arrays, dictionaries, double optionals, extreme numbers round-trip as through Foundation")
func payloadShapesRoundTrip() throws {
    let v = Shapes()
    let ours = try PayloadJSON.encode(v)
    #expect((try? JSONSerialization.jsonObject(with: ours)) != nil)
    #expect(try JSONDecoder().decode(Shapes.self, from: ours) == v)
    #expect(try PayloadJSON.decode(Shapes.self, from: ours) == v)
    #expect(try PayloadJSON.decode(Shapes.self, from: JSONEncoder().encode(v)) == v)
}
