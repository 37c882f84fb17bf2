@testable import DeskCodec
import DeskDomain
import Foundation
import Testing

/// Any JSON value, read through the `Decoder` protocol only: the same type decodes with Foundation's
/// decoder (the reference) and with the log's own.
indirect enum Tree: Codable, Equatable {
    case null, bool(Bool), number(Double), string(String), array([Tree]), object([String: Tree])

    struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from d: Decoder) throws {
        if let c = try? d.container(keyedBy: Key.self) {
            var o: [String: Tree] = [:]
            for k in c.allKeys { o[k.stringValue] = try c.decode(Tree.self, forKey: k) }
            self = .object(o)
        } else if var u = try? d.unkeyedContainer() {
            var a: [Tree] = []
            while !u.isAtEnd { a.append(try u.decode(Tree.self)) }
            self = .array(a)
        } else {
            let s = try d.singleValueContainer()
            if s.decodeNil() { self = .null }
            else if let b = try? s.decode(Bool.self) { self = .bool(b) }
            else if let n = try? s.decode(Double.self) { self = .number(n) }
            else { self = .string(try s.decode(String.self)) }
        }
    }

    func encode(to e: Encoder) throws {
        switch self {
        case .null: var s = e.singleValueContainer(); try s.encodeNil()
        case .bool(let b): var s = e.singleValueContainer(); try s.encode(b)
        case .number(let n): var s = e.singleValueContainer(); try s.encode(n)
        case .string(let t): var s = e.singleValueContainer(); try s.encode(t)
        case .array(let a):
            var u = e.unkeyedContainer()
            for x in a { try u.encode(x) }
        case .object(let o):
            var c = e.container(keyedBy: Key.self)
            for (k, v) in o.sorted(by: { $0.key < $1.key }) { try c.encode(v, forKey: Key(stringValue: k)) }
        }
    }
}

/// A deterministic generator of JSON values and of nasty strings.
struct JSONFuzz {
    var rng: SplitMix64
    static let pieces = ["a", "é", "窓口", "😀", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", "\u{2028}",
                         "\u{FEFF}", "\r\n", "key", " ", "}", "]", ",", ":", "\u{10FFFF}", "ｶﾅ", "①"]

    mutating func below(_ n: Int) -> Int { Int(rng.below(UInt64(n))) }

    mutating func string() -> String { (0..<below(6)).map { _ in Self.pieces[below(Self.pieces.count)] }.joined() }

    mutating func tree(_ depth: Int = 0) -> Tree {
        switch below(depth > 3 ? 4 : 6) {
        case 0: return .null
        case 1: return .bool(below(2) == 1)
        case 2:
            let choices: [Double] = [0, -1, 42, 1e300, -2.5, 0.125, 9_007_199_254_740_991, Double(below(1_000_000))]
            return .number(choices[below(choices.count)])
        case 3: return .string(string())
        case 4: return .array((0..<below(5)).map { _ in tree(depth + 1) })
        default:
            var o: [String: Tree] = [:]
            for _ in 0..<below(5) { o[string()] = tree(depth + 1) }
            return .object(o)
        }
    }
}

/// A payload-like value with every shape the log's events use.
struct CodecSample: Codable, Equatable {
    enum Colour: String, Codable { case red, 赤 }
    struct Inner: Codable, Equatable { var name: String; var tags: [String]; var n: Int? }
    var zebra: String
    var apple: Int
    var mango: Bool
    var optionalMissing: String?
    var optionalThere: Int?
    var colour: Colour
    var inner: Inner
    var list: [Inner]
    var nested: [[Int]]
    var extremes: [Int64]
    var small: UInt8
    var ratio: Double
    var empty: [String]
}

@Suite("The log's own JSON codec")
struct PayloadJSONTests {
    static func sample(_ text: String) -> CodecSample {
        CodecSample(zebra: text, apple: -7, mango: true, optionalMissing: nil, optionalThere: 0, colour: .赤,
               inner: CodecSample.Inner(name: text + "内", tags: ["a", text], n: nil),
               list: [CodecSample.Inner(name: "x", tags: [], n: 3), CodecSample.Inner(name: "", tags: ["\u{0}"], n: Int.max)],
               nested: [[], [1, 2], [Int.min]], extremes: [Int64.min, Int64.max, 0], small: 255, ratio: 0.1, empty: [])
    }

    static let hostile = ["", "plain", "窓口で二時間", "quote \" and \\ backslash", "controls \u{0}\u{1}\u{8}\u{C}\n\r\t\u{1F}",
                          "\u{1B}[31mred\u{1B}[0m", "emoji 😀 and ① and ㈱", "line sep \u{2028}\u{2029}", "slash / </script>",
                          "\u{FEFF}bom", "\u{7F}del", String(repeating: "あ", count: 5000)]

    @Test("writes what Foundation's encoder writes, keys in declaration order, and reads it back", arguments: hostile)
    func roundTrip(text: String) throws {
        let value = Self.sample(text)
        let ours = try PayloadJSON.encode(value)
        let foundation = try JSONEncoder().encode(value)
        // Same JSON value as Foundation's, compared by JSONSerialization.
        let a = try #require(JSONSerialization.jsonObject(with: ours) as? NSDictionary)
        let b = try #require(JSONSerialization.jsonObject(with: foundation) as? NSDictionary)
        #expect(a == b)
        // Compact, declaration order.
        let s = String(decoding: ours, as: UTF8.self)
        #expect(s.hasPrefix("{\"zebra\":"))
        let order = ["zebra", "apple", "mango", "optionalThere", "colour", "inner", "list", "nested", "extremes", "small", "ratio", "empty"]
        let positions = order.map { s.range(of: "\"\($0)\":")!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(!s.contains("optionalMissing"))
        #expect(!s.contains("\n") && !s.contains(": "))
        // Both read back to the value; ours also reads Foundation's sorted-key payloads (the log's older events).
        #expect(try PayloadJSON.decode(CodecSample.self, from: ours) == value)
        #expect(try JSONDecoder().decode(CodecSample.self, from: ours) == value)
        let sorted = JSONEncoder()
        sorted.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(try PayloadJSON.decode(CodecSample.self, from: sorted.encode(value)) == value)
    }

    @Test("every event the log writes reads back equal, and its payload is the JSON Foundation would write")
    func everyEvent() throws {
        let sealer = RecordingSealer()
        for event in DeskEventSamples.all {
            let payload = try event.encodePayload(sealer: sealer)
            let back = try DeskEvent.decode(type: event.type, schemaVersion: event.schemaVersion, payload: payload, sealer: sealer)
            #expect(back == event, "\(event.type)")
            #expect(try JSONSerialization.jsonObject(with: payload) is NSDictionary, "\(event.type)")
        }
    }

    @Test("personal fields read the same through the reader's fast path as through Foundation's decoder, same contexts")
    func personalFastPath() throws {
        let sealer = RecordingSealer()
        let original = PersonalSealingTests.intake
        let payload = try PayloadJSON.encode(original, sealer: sealer, eventType: "intakeRecorded")
        let fast = RecordingSealer(), slow = RecordingSealer()
        let d = JSONDecoder()
        d.userInfo[.fieldSealer] = slow
        d.userInfo[.eventType] = "intakeRecorded"
        let viaFoundation = try d.decode(IntakeRecorded.self, from: payload)
        let viaOwn = try PayloadJSON.decode(IntakeRecorded.self, from: payload, sealer: fast, eventType: "intakeRecorded")
        #expect(viaOwn == original && viaFoundation == original)
        #expect(fast.openContexts == slow.openContexts && fast.openContexts.contains("intakeRecorded\u{1F}staff.1.name"))
        // Escaped slashes in the base64 leave the fast path; the general path reads the same value.
        let text = String(decoding: payload, as: UTF8.self)
        #expect(text.contains("/"))
        let escaped = Data(text.replacingOccurrences(of: "/", with: "\\/").utf8)
        #expect(try PayloadJSON.decode(IntakeRecorded.self, from: escaped, sealer: RecordingSealer(), eventType: "intakeRecorded") == original)
        // Without a sealer every field is locked, on either path.
        let locked = try PayloadJSON.decode(IntakeRecorded.self, from: payload)
        #expect(locked.complaint.content == .locked && locked.applicant.name?.content == .locked)
    }

    @Test("random documents read the same as through Foundation's decoder", arguments: [1, 2, 3, 4])
    func randomDocuments(seed: UInt64) throws {
        var fuzz = JSONFuzz(rng: SplitMix64(seed: seed))
        for _ in 0..<400 {
            let tree = fuzz.tree()
            let bytes = try JSONSerialization.data(withJSONObject: try Self.foundationObject(tree), options: [.fragmentsAllowed])
            let reference = try JSONDecoder().decode(Tree.self, from: bytes)
            #expect(try PayloadJSON.decode(Tree.self, from: bytes) == reference)
            // Our writer's text reads back the same through JSONSerialization and through us.
            let ours = try PayloadJSON.encode(tree)
            #expect(try JSONDecoder().decode(Tree.self, from: ours) == reference)
            #expect(try PayloadJSON.decode(Tree.self, from: ours) == reference)
        }
    }

    static func foundationObject(_ t: Tree) throws -> Any {
        switch t {
        case .null: NSNull()
        case .bool(let b): b
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? Int(n) as Any : n as Any
        case .string(let s): s
        case .array(let a): try a.map(foundationObject)
        case .object(let o): try o.mapValues(foundationObject)
        }
    }

    @Test("mutated documents never crash it; what it accepts, Foundation accepts with the same value", arguments: [7, 8])
    func mutations(seed: UInt64) throws {
        var fuzz = JSONFuzz(rng: SplitMix64(seed: seed))
        let alphabet = Array("{}[]\",:\\ -+.eE0123456789tfnul\u{7F}".utf8) + [0x00, 0x0A, 0x80, 0xC0, 0xE3, 0xED, 0xF4, 0xFF]
        var accepted = 0
        for _ in 0..<1500 {
            var bytes = [UInt8](try JSONSerialization.data(withJSONObject: try Self.foundationObject(fuzz.tree()), options: [.fragmentsAllowed]))
            for _ in 0..<(1 + fuzz.below(3)) {
                let at = fuzz.below(bytes.count + 1)
                switch fuzz.below(3) {
                case 0 where at < bytes.count: bytes.remove(at: at)
                case 1 where at < bytes.count: bytes[at] = alphabet[fuzz.below(alphabet.count)]
                default: bytes.insert(alphabet[fuzz.below(alphabet.count)], at: at)
                }
            }
            let data = Data(bytes)
            guard let ours = try? PayloadJSON.decode(Tree.self, from: data) else { continue }
            accepted += 1
            let reference = try JSONDecoder().decode(Tree.self, from: data)
            #expect(ours == reference, "\(String(decoding: data, as: UTF8.self))")
        }
        #expect(accepted > 100)
    }

    @Test("RFC 8259: what it accepts", arguments: [
        " {\"a\" : [ 1 , -0.5e+3 , true,false,null, \"\\u00e9\\ud83d\\ude00\\/\\b\\f\\n\\r\\t\" ] }\n ", "{}", "[]", "0", "-0", "1E5",
        "\"\"", "[[[[[]]]]]", "{\"\":0}", "\"窓口\"",
    ])
    func accepts(text: String) throws {
        let ours = try PayloadJSON.decode(Tree.self, from: Data(text.utf8))
        #expect(ours == (try JSONDecoder().decode(Tree.self, from: Data(text.utf8))))
    }

    @Test("RFC 8259: what it refuses", arguments: [
        "", " ", "01", "-", "1.", ".5", "1e", "+1", "[1,]", "{\"a\":1,}", "{'a':1}", "[1]x", "NaN", "Infinity", "tru", "nul",
        "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\u{1}\"", "\"a\nb\"", "{\"a\" 1}", "{1:2}", "[1 2]",
        "{\"a\":1,\"a\":2}", "{\"a\":1,\"\\u0061\":2}", String(repeating: "[", count: 65) + String(repeating: "]", count: 65),
        "\"unterminated",
    ])
    func refuses(text: String) {
        #expect(throws: (any Error).self) { try PayloadJSON.decode(Tree.self, from: Data(text.utf8)) }
    }

    @Test("invalid UTF-8 is refused, in keys and in values", arguments: [
        [0x22, 0xC0, 0x80, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], [0x22, 0xE3, 0x81, 0x22],
        [0x22, 0x80, 0x22], [0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x30, 0x7D], [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],
    ] as [[UInt8]])
    func refusesBadUTF8(bytes: [UInt8]) {
        #expect(throws: JSONTapeError.self) { try PayloadJSON.decode(Tree.self, from: Data(bytes)) }
    }

    @Test("errors name the field")
    func errorsNameTheField() throws {
        let text = Data(#"{"zebra":"z","apple":"not a number"}"#.utf8)
        do {
            _ = try PayloadJSON.decode(CodecSample.self, from: text)
            Issue.record("decoded a string as a number")
        } catch DecodingError.typeMismatch(_, let ctx) {
            #expect(ctx.codingPath.map(\.stringValue) == ["apple"])
        }
        let missing = Data(#"{"zebra":"z","apple":1,"mango":true,"colour":"red","inner":{"tags":[]}}"#.utf8)
        do {
            _ = try PayloadJSON.decode(CodecSample.self, from: missing)
            Issue.record("decoded without a required key")
        } catch DecodingError.keyNotFound(let key, let ctx) {
            #expect(key.stringValue == "name")
            #expect(ctx.codingPath.map(\.stringValue) == ["inner"])
        }
        #expect(throws: DecodingError.self) { try PayloadJSON.decode([UInt8].self, from: Data("[256]".utf8)) }
        #expect(throws: DecodingError.self) { try PayloadJSON.decode([Int].self, from: Data("[1.5]".utf8)) }
        #expect(throws: EncodingError.self) { try PayloadJSON.encode([Double.nan]) }
    }
}
