import Foundation

/// One JSON text checked against RFC 8259 and laid out flat: each value is a node; an object's node is
/// followed by its key and value nodes in turn, an array's by its elements; `next` is the index just past a
/// node's subtree, so members are walked without recursion. Strings and numbers point into the input bytes.
struct JSONTape {
    enum Kind: UInt8 { case object, array, string, number, trueValue, falseValue, null }

    struct Node {
        var kind: Kind
        /// A string that contains escapes (decoded on read); a number with a fraction or exponent.
        var flag: Bool
        var start: Int32
        var end: Int32
        var next: Int32
        /// Objects: where the next key search starts (members are usually read in the order written).
        var hint: Int32
    }

    var nodes: [Node] = []

    static let maxDepth = 64
    static let maxBytes = Int(Int32.max) / 2

    init(_ bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count < Self.maxBytes else { throw JSONTapeError(offset: 0, reason: "larger than \(Self.maxBytes) bytes") }
        nodes.reserveCapacity(64)
        var p = Parser(b: bytes, i: 0)
        p.skipSpace()
        try p.value(into: &nodes, depth: 0)
        p.skipSpace()
        guard p.i == bytes.count else { throw p.fail("unexpected text after the JSON value") }
    }

    /// The index just past the last member of the object or array at `i`.
    func end(_ i: Int) -> Int { Int(nodes[i].next) }
}

public struct JSONTapeError: Error, CustomStringConvertible, Sendable {
    public let offset: Int
    public let reason: String
    public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}

private struct Parser {
    let b: UnsafeRawBufferPointer
    var i: Int

    func fail(_ reason: String) -> JSONTapeError { JSONTapeError(offset: i, reason: reason) }

    mutating func skipSpace() {
        while i < b.count {
            let c = b[i]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            i += 1
        }
    }

    mutating func value(into nodes: inout [JSONTape.Node], depth: Int) throws {
        guard i < b.count else { throw fail("a value was expected") }
        switch b[i] {
        case 0x7B: try object(into: &nodes, depth: depth)
        case 0x5B: try array(into: &nodes, depth: depth)
        case 0x22: try string(into: &nodes)
        case 0x74: try literal("true", .trueValue, into: &nodes)
        case 0x66: try literal("false", .falseValue, into: &nodes)
        case 0x6E: try literal("null", .null, into: &nodes)
        case 0x2D, 0x30...0x39: try number(into: &nodes)
        default: throw fail("a value was expected")
        }
    }

    mutating func literal(_ word: StaticString, _ kind: JSONTape.Kind, into nodes: inout [JSONTape.Node]) throws {
        let n = word.utf8CodeUnitCount
        guard i + n <= b.count, memcmp(b.baseAddress! + i, word.utf8Start, n) == 0 else { throw fail("not \(word)") }
        nodes.append(.init(kind: kind, flag: false, start: Int32(i), end: Int32(i + n), next: Int32(nodes.count + 1), hint: 0))
        i += n
    }

    mutating func object(into nodes: inout [JSONTape.Node], depth: Int) throws {
        guard depth < JSONTape.maxDepth else { throw fail("nested deeper than \(JSONTape.maxDepth)") }
        let me = nodes.count
        nodes.append(.init(kind: .object, flag: false, start: Int32(i), end: 0, next: 0, hint: Int32(me + 1)))
        i += 1
        skipSpace()
        if i < b.count, b[i] == 0x7D {
            i += 1
        } else {
            while true {
                guard i < b.count, b[i] == 0x22 else { throw fail("a key in double quotes was expected") }
                let k = nodes.count
                try string(into: &nodes)
                try checkUnique(key: k, object: me, nodes: nodes)
                skipSpace()
                guard i < b.count, b[i] == 0x3A else { throw fail("':' was expected after a key") }
                i += 1
                skipSpace()
                try value(into: &nodes, depth: depth + 1)
                skipSpace()
                guard i < b.count else { throw fail("the object is not closed") }
                if b[i] == 0x2C { i += 1; skipSpace(); continue }
                guard b[i] == 0x7D else { throw fail("',' or '}' was expected") }
                i += 1
                break
            }
        }
        nodes[me].end = Int32(i)
        nodes[me].next = Int32(nodes.count)
    }

    /// Duplicate keys would make a payload mean two things; refused (compared as written, escapes decoded).
    func checkUnique(key k: Int, object: Int, nodes: [JSONTape.Node]) throws {
        let n = nodes[k]
        let s = Int(n.start), len = Int(n.end) - s
        var j = object + 1
        while j < k {
            let o = nodes[j]
            if n.flag || o.flag {
                if JSONStrings.decode(b, o) == JSONStrings.decode(b, n) { throw JSONTapeError(offset: s - 1, reason: "duplicate key") }
            } else if Int(o.end - o.start) == len, memcmp(b.baseAddress! + Int(o.start), b.baseAddress! + s, len) == 0 {
                throw JSONTapeError(offset: s - 1, reason: "duplicate key")
            }
            j = Int(nodes[j + 1].next)
        }
    }

    mutating func array(into nodes: inout [JSONTape.Node], depth: Int) throws {
        guard depth < JSONTape.maxDepth else { throw fail("nested deeper than \(JSONTape.maxDepth)") }
        let me = nodes.count
        nodes.append(.init(kind: .array, flag: false, start: Int32(i), end: 0, next: 0, hint: 0))
        i += 1
        skipSpace()
        if i < b.count, b[i] == 0x5D {
            i += 1
        } else {
            while true {
                try value(into: &nodes, depth: depth + 1)
                skipSpace()
                guard i < b.count else { throw fail("the array is not closed") }
                if b[i] == 0x2C { i += 1; skipSpace(); continue }
                guard b[i] == 0x5D else { throw fail("',' or ']' was expected") }
                i += 1
                break
            }
        }
        nodes[me].end = Int32(i)
        nodes[me].next = Int32(nodes.count)
    }

    /// A string's node spans its content without the quotes; UTF-8 is validated here, escapes are checked here and
    /// decoded on read.
    mutating func string(into nodes: inout [JSONTape.Node]) throws {
        i += 1
        let start = i
        var escaped = false
        while true {
            skipPlainASCII()
            guard i < b.count else { throw fail("the string is not closed") }
            let c = b[i]
            if c == 0x22 { break }
            if c < 0x20 { throw fail("a control character must be escaped in a string") }
            if c == 0x5C {
                escaped = true
                try escape()
                continue
            }
            if c < 0x80 { i += 1; continue }
            try utf8Scalar()
        }
        nodes.append(.init(kind: .string, flag: escaped, start: Int32(start), end: Int32(i), next: Int32(nodes.count + 1), hint: 0))
        i += 1
    }

    /// Skips eight bytes at a time while none is a quote, a backslash, a control character or non-ASCII (most of a
    /// payload's bytes are base64 or ASCII text).
    mutating func skipPlainASCII() {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= b.count {
            let v = UInt64(littleEndian: b.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let control = (v &- ones &* 0x20) & ~v & highs
            let q = v ^ (ones &* 0x22), bs = v ^ (ones &* 0x5C)
            let quote = (q &- ones) & ~q & highs, backslash = (bs &- ones) & ~bs & highs
            guard (control | quote | backslash | (v & highs)) == 0 else { return }
            i += 8
        }
    }

    mutating func escape() throws {
        guard i + 1 < b.count else { throw fail("the string is not closed") }
        switch b[i + 1] {
        case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: i += 2
        case 0x75:
            let u = try hex4(at: i + 2)
            i += 6
            if (0xD800..<0xDC00).contains(u) {
                guard i + 1 < b.count, b[i] == 0x5C, b[i + 1] == 0x75,
                      (0xDC00..<0xE000).contains(try hex4(at: i + 2)) else { throw fail("an unpaired surrogate escape") }
                i += 6
            } else if (0xDC00..<0xE000).contains(u) {
                throw fail("an unpaired surrogate escape")
            }
        default: throw fail("an unknown escape")
        }
    }

    func hex4(at j: Int) throws -> UInt32 {
        guard j + 4 <= b.count else { throw JSONTapeError(offset: j, reason: "\\u needs four hex digits") }
        var v: UInt32 = 0
        for k in j..<j + 4 {
            let c = b[k]
            let d: UInt8
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x41...0x46: d = c - 0x41 + 10
            case 0x61...0x66: d = c - 0x61 + 10
            default: throw JSONTapeError(offset: k, reason: "\\u needs four hex digits")
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    /// One multi-byte UTF-8 sequence (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
    mutating func utf8Scalar() throws {
        let c = b[i]
        let n: Int
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
        switch c {
        case 0xC2...0xDF: n = 2
        case 0xE0: n = 3; lo = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: n = 3
        case 0xED: n = 3; hi = 0x9F
        case 0xF0: n = 4; lo = 0x90
        case 0xF1...0xF3: n = 4
        case 0xF4: n = 4; hi = 0x8F
        default: throw fail("invalid UTF-8")
        }
        guard i + n <= b.count else { throw fail("invalid UTF-8") }
        let c1 = b[i + 1]
        guard c1 >= lo, c1 <= hi else { throw fail("invalid UTF-8") }
        for k in 2..<n where b[i + k] & 0xC0 != 0x80 { throw fail("invalid UTF-8") }
        i += n
    }

    mutating func number(into nodes: inout [JSONTape.Node]) throws {
        let start = i
        var fractional = false
        if b[i] == 0x2D { i += 1 }
        guard i < b.count, (0x30...0x39).contains(b[i]) else { throw fail("a digit was expected") }
        if b[i] == 0x30 {
            i += 1
        } else {
            while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
        }
        if i < b.count, b[i] == 0x2E {
            fractional = true
            i += 1
            guard i < b.count, (0x30...0x39).contains(b[i]) else { throw fail("a digit was expected after '.'") }
            while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
        }
        if i < b.count, b[i] == 0x65 || b[i] == 0x45 {
            fractional = true
            i += 1
            if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
            guard i < b.count, (0x30...0x39).contains(b[i]) else { throw fail("a digit was expected in the exponent") }
            while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
        }
        nodes.append(.init(kind: .number, flag: fractional, start: Int32(start), end: Int32(i), next: Int32(nodes.count + 1), hint: 0))
    }
}

enum JSONStrings {
    /// The text of a string node (already validated by the parser).
    static func decode(_ b: UnsafeRawBufferPointer, _ n: JSONTape.Node) -> String {
        let s = Int(n.start), e = Int(n.end)
        guard n.flag else { return String(decoding: UnsafeRawBufferPointer(rebasing: b[s..<e]), as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(e - s)
        var i = s
        func hex(_ j: Int) -> UInt32 {
            var v: UInt32 = 0
            for k in j..<j + 4 {
                let c = b[k]
                v = v << 4 | UInt32(c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10)
            }
            return v
        }
        while i < e {
            let c = b[i]
            guard c == 0x5C else { out.append(c); i += 1; continue }
            let x = b[i + 1]
            i += 2
            switch x {
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var u = hex(i)
                i += 4
                if (0xD800..<0xDC00).contains(u) {
                    u = 0x10000 + ((u - 0xD800) << 10) + (hex(i + 2) - 0xDC00)
                    i += 6
                }
                out.append(contentsOf: String(Character(Unicode.Scalar(u)!)).utf8)
            default: out.append(x)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
