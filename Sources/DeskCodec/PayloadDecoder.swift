import DeskDomain
import Foundation

/// Reads a checked `JSONTape` through `Decodable`. One reader per payload; it moves from value to value as
/// nested types decode (the way Foundation's decoder does), so a nested decode allocates no decoder.
final class PayloadReader: SealedFieldReader, Decoder {
    // One reader per payload on one thread: the runtime's exclusivity checks on these cost more than the reads.
    @exclusivity(unchecked) var tape: JSONTape
    let bytes: UnsafeRawBufferPointer
    @exclusivity(unchecked) var path: [any CodingKey] = []
    /// The node being decoded now.
    @exclusivity(unchecked) var current = 0

    init(tape: JSONTape, bytes: UnsafeRawBufferPointer, sealer: (any FieldSealer)?, eventType: String?) {
        self.tape = tape
        self.bytes = bytes
        super.init(sealer: sealer, eventType: eventType)
    }

    var codingPath: [any CodingKey] { path }
    var userInfo: [CodingUserInfoKey: Any] { PayloadJSON.userInfo(sealer: sealer, eventType: eventType) }

    func decodeTop<T: Decodable>(_ type: T.Type) throws -> T { try T(from: self) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard tape.nodes[current].kind == .object else { throw mismatch([String: Int].self, current, "an object", at: path) }
        return KeyedDecodingContainer(KeyedReader<Key>(r: self, object: current, codingPath: path))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard tape.nodes[current].kind == .array else { throw mismatch([Int].self, current, "an array", at: path) }
        return UnkeyedReader(r: self, array: current, codingPath: path)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { SingleReader(r: self, node: current, codingPath: path) }

    /// Decodes a nested value at `node`, whose path is `base` and `key`.
    func nested<T: Decodable>(_ type: T.Type, at node: Int, base: [any CodingKey], key: any CodingKey) throws -> T {
        let (savedNode, savedPath) = (current, path)
        path = base
        path.append(key)
        current = node
        defer { (current, path) = (savedNode, savedPath) }
        return try T(from: self)
    }

    // MARK: scalars (the path is built only for an error)

    func kindName(_ k: JSONTape.Kind) -> String {
        switch k {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .trueValue, .falseValue: "a boolean"
        case .null: "null"
        }
    }

    func mismatch(_ type: Any.Type, _ node: Int, _ wanted: String, at p: [any CodingKey]) -> DecodingError {
        .typeMismatch(type, .init(codingPath: p, debugDescription: "expected \(wanted), found \(kindName(tape.nodes[node].kind))"))
    }

    func string(_ node: Int, at p: @autoclosure () -> [any CodingKey]) throws -> String {
        let n = tape.nodes[node]
        guard n.kind == .string else { throw mismatch(String.self, node, "a string", at: p()) }
        return JSONStrings.decode(bytes, n)
    }

    func bool(_ node: Int, at p: @autoclosure () -> [any CodingKey]) throws -> Bool {
        switch tape.nodes[node].kind {
        case .trueValue: return true
        case .falseValue: return false
        default: throw mismatch(Bool.self, node, "a boolean", at: p())
        }
    }

    func integer<I: FixedWidthInteger>(_ type: I.Type, _ node: Int, at p: @autoclosure () -> [any CodingKey]) throws -> I {
        let n = tape.nodes[node]
        guard n.kind == .number else { throw mismatch(I.self, node, "a number", at: p()) }
        func tooBig() -> DecodingError { .dataCorrupted(.init(codingPath: p(), debugDescription: "the number does not fit in \(I.self)")) }
        guard !n.flag else {
            // 1.0 or 1e2: a whole number written another way reads as one (as Foundation's decoder reads it).
            let d = try double(node, at: p())
            guard d == d.rounded(.towardZero) else {
                throw DecodingError.dataCorrupted(.init(codingPath: p(), debugDescription: "the number is not a whole number"))
            }
            guard let v = I(exactly: d) else { throw tooBig() }
            return v
        }
        var i = Int(n.start)
        let e = Int(n.end)
        let negative = bytes[i] == 0x2D
        if negative { i += 1 }
        var v: I = 0
        while i < e {
            let d = I(bytes[i] - 0x30)
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (s, o2) = negative ? m.subtractingReportingOverflow(d) : m.addingReportingOverflow(d)
            guard !o1, !o2 else { throw tooBig() }
            v = s
            i += 1
        }
        return v
    }

    func double(_ node: Int, at p: @autoclosure () -> [any CodingKey]) throws -> Double {
        let n = tape.nodes[node]
        guard n.kind == .number else { throw mismatch(Double.self, node, "a number", at: p()) }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[Int(n.start)..<Int(n.end)]), as: UTF8.self)
        guard let d = Double(text), d.isFinite else {
            throw DecodingError.dataCorrupted(.init(codingPath: p(), debugDescription: "the number does not fit in a Double"))
        }
        return d
    }

    func float(_ node: Int, at p: @autoclosure () -> [any CodingKey]) throws -> Float {
        let d = try double(node, at: p())
        guard Float(d).isFinite else {
            throw DecodingError.dataCorrupted(.init(codingPath: p(), debugDescription: "the number does not fit in a Float"))
        }
        return Float(d)
    }

    func isNull(_ node: Int) -> Bool { tape.nodes[node].kind == .null }

    /// Payloads are structs; the writer refuses `superEncoder`, so nothing it wrote needs `superDecoder`.
    func superRefused(_ p: [any CodingKey]) -> DecodingError {
        .dataCorrupted(.init(codingPath: p, debugDescription: "the log's payload reader does not support superDecoder"))
    }

    /// The value node of member `name` of the object at `object`, or nil. Starts where the last search ended:
    /// members are usually read in the order they were written.
    func find(in object: Int, name want: UnsafeBufferPointer<UInt8>) -> Int? {
        let end = tape.end(object)
        guard end > object + 1 else { return nil }
        let first = Int(tape.nodes[object].hint)
        var k = first
        repeat {
            let n = tape.nodes[k]
            let next = Int(tape.nodes[k + 1].next)
            let match: Bool
            if n.flag {
                match = JSONStrings.decode(bytes, n).utf8.elementsEqual(want)
            } else {
                let len = Int(n.end - n.start)
                match = len == want.count && (len == 0 || memcmp(bytes.baseAddress! + Int(n.start), want.baseAddress!, len) == 0)
            }
            if match {
                tape.nodes[object].hint = Int32(next < end ? next : object + 1)
                return k + 1
            }
            k = next < end ? next : object + 1
        } while k != first
        return nil
    }

    func find(in object: Int, _ name: StaticString) -> Int? {
        find(in: object, name: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }

    /// A `Personal` as the log writes it, `{"sealed":{"subject":…,"nonce":…,"box":…}}`, read straight from the
    /// bytes (base64 decoded without an intermediate string). Nil for any other shape: the general path reads it.
    override func plainSealedValue() -> SealedValue? {
        let o = current
        guard tape.nodes[o].kind == .object, let s = find(in: o, "sealed"), tape.nodes[s].kind == .object,
              let subject = find(in: s, "subject"), let nonce = find(in: s, "nonce"), let box = find(in: s, "box") else { return nil }
        func plain(_ n: Int) -> Bool { tape.nodes[n].kind == .string && !tape.nodes[n].flag }
        guard plain(subject), plain(nonce), plain(box) else { return nil }
        func base64(_ n: Int) -> Data? {
            let node = tape.nodes[n]
            guard node.end > node.start else { return Data() }
            let raw = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: bytes.baseAddress! + Int(node.start)),
                           count: Int(node.end - node.start), deallocator: .none)
            return Data(base64Encoded: raw)
        }
        guard let n = base64(nonce), let b = base64(box) else { return nil }
        return SealedValue(subject: SubjectID(JSONStrings.decode(bytes, tape.nodes[subject])), nonce: n, box: b)
    }
}

private struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let r: PayloadReader
    let object: Int
    let codingPath: [any CodingKey]

    var allKeys: [Key] {
        var keys: [Key] = []
        var k = object + 1
        let end = r.tape.end(object)
        while k < end {
            if let key = Key(stringValue: JSONStrings.decode(r.bytes, r.tape.nodes[k])) { keys.append(key) }
            k = Int(r.tape.nodes[k + 1].next)
        }
        return keys
    }

    func find(_ key: Key) -> Int? {
        var name = key.stringValue
        return name.withUTF8 { r.find(in: object, name: $0) }
    }

    func need(_ key: Key) throws -> Int {
        guard let v = find(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no value for \"\(key.stringValue)\""))
        }
        return v
    }

    /// The node for `key` unless it is absent or null.
    func present(_ key: Key) -> Int? {
        guard let v = find(key), !r.isNull(v) else { return nil }
        return v
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }
    func decodeNil(forKey key: Key) throws -> Bool { r.isNull(try need(key)) }

    func decode(_ t: Bool.Type, forKey key: Key) throws -> Bool { try r.bool(need(key), at: codingPath + [key]) }
    func decode(_ t: String.Type, forKey key: Key) throws -> String { try r.string(need(key), at: codingPath + [key]) }
    func decode(_ t: Double.Type, forKey key: Key) throws -> Double { try r.double(need(key), at: codingPath + [key]) }
    func decode(_ t: Float.Type, forKey key: Key) throws -> Float { try r.float(need(key), at: codingPath + [key]) }
    func decode(_ t: Int.Type, forKey key: Key) throws -> Int { try r.integer(t, need(key), at: codingPath + [key]) }
    func decode(_ t: Int8.Type, forKey key: Key) throws -> Int8 { try r.integer(t, need(key), at: codingPath + [key]) }
    func decode(_ t: Int16.Type, forKey key: Key) throws -> Int16 { try r.integer(t, need(key), at: codingPath + [key]) }
    func decode(_ t: Int32.Type, forKey key: Key) throws -> Int32 { try r.integer(t, need(key), at: codingPath + [key]) }
    func decode(_ t: Int64.Type, forKey key: Key) throws -> Int64 { try r.integer(t, need(key), at: codingPath + [key]) }
    func decode(_ t: UInt.Type, forKey key: Key) throws -> UInt { try r.integer(t, need(key), at: codingPath + [key]) }
    func decode(_ t: UInt8.Type, forKey key: Key) throws -> UInt8 { try r.integer(t, need(key), at: codingPath + [key]) }
    func decode(_ t: UInt16.Type, forKey key: Key) throws -> UInt16 { try r.integer(t, need(key), at: codingPath + [key]) }
    func decode(_ t: UInt32.Type, forKey key: Key) throws -> UInt32 { try r.integer(t, need(key), at: codingPath + [key]) }
    func decode(_ t: UInt64.Type, forKey key: Key) throws -> UInt64 { try r.integer(t, need(key), at: codingPath + [key]) }
    func decode<T: Decodable>(_ t: T.Type, forKey key: Key) throws -> T { try r.nested(t, at: need(key), base: codingPath, key: key) }

    func decodeIfPresent(_ t: Bool.Type, forKey key: Key) throws -> Bool? { try present(key).map { try r.bool($0, at: codingPath + [key]) } }
    func decodeIfPresent(_ t: String.Type, forKey key: Key) throws -> String? { try present(key).map { try r.string($0, at: codingPath + [key]) } }
    func decodeIfPresent(_ t: Double.Type, forKey key: Key) throws -> Double? { try present(key).map { try r.double($0, at: codingPath + [key]) } }
    func decodeIfPresent(_ t: Int.Type, forKey key: Key) throws -> Int? { try present(key).map { try r.integer(t, $0, at: codingPath + [key]) } }
    func decodeIfPresent<T: Decodable>(_ t: T.Type, forKey key: Key) throws -> T? {
        try present(key).map { try r.nested(t, at: $0, base: codingPath, key: key) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        let v = try need(key)
        guard r.tape.nodes[v].kind == .object else { throw r.mismatch([String: Int].self, v, "an object", at: codingPath + [key]) }
        return KeyedDecodingContainer(KeyedReader<NestedKey>(r: r, object: v, codingPath: codingPath + [key]))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        let v = try need(key)
        guard r.tape.nodes[v].kind == .array else { throw r.mismatch([Int].self, v, "an array", at: codingPath + [key]) }
        return UnkeyedReader(r: r, array: v, codingPath: codingPath + [key])
    }

    func superDecoder() throws -> Decoder { throw r.superRefused(codingPath) }
    func superDecoder(forKey key: Key) throws -> Decoder { throw r.superRefused(codingPath + [key]) }
}

private struct UnkeyedReader: UnkeyedDecodingContainer {
    let r: PayloadReader
    let array: Int
    let codingPath: [any CodingKey]
    var currentIndex = 0
    /// The node of the next element.
    var cursor: Int
    let count: Int?

    init(r: PayloadReader, array: Int, codingPath: [any CodingKey]) {
        self.r = r
        self.array = array
        self.codingPath = codingPath
        cursor = array + 1
        var n = 0
        var k = array + 1
        let end = r.tape.end(array)
        while k < end { n += 1; k = Int(r.tape.nodes[k].next) }
        count = n
    }

    var isAtEnd: Bool { cursor >= r.tape.end(array) }

    private mutating func take(_ type: Any.Type) throws -> Int {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: codingPath + [IndexKey(currentIndex)],
                                                         debugDescription: "the array has no more elements"))
        }
        let node = cursor
        cursor = Int(r.tape.nodes[node].next)
        currentIndex += 1
        return node
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Never?.self, .init(codingPath: codingPath + [IndexKey(currentIndex)],
                                                                debugDescription: "the array has no more elements"))
        }
        guard r.isNull(cursor) else { return false }
        _ = try take(Never?.self)
        return true
    }

    private mutating func key() -> IndexKey { IndexKey(currentIndex) }

    mutating func decode(_ t: Bool.Type) throws -> Bool { let k = key(); return try r.bool(take(t), at: codingPath + [k]) }
    mutating func decode(_ t: String.Type) throws -> String { let k = key(); return try r.string(take(t), at: codingPath + [k]) }
    mutating func decode(_ t: Double.Type) throws -> Double { let k = key(); return try r.double(take(t), at: codingPath + [k]) }
    mutating func decode(_ t: Float.Type) throws -> Float { let k = key(); return try r.float(take(t), at: codingPath + [k]) }
    mutating func decode(_ t: Int.Type) throws -> Int { let k = key(); return try r.integer(t, take(t), at: codingPath + [k]) }
    mutating func decode(_ t: Int8.Type) throws -> Int8 { let k = key(); return try r.integer(t, take(t), at: codingPath + [k]) }
    mutating func decode(_ t: Int16.Type) throws -> Int16 { let k = key(); return try r.integer(t, take(t), at: codingPath + [k]) }
    mutating func decode(_ t: Int32.Type) throws -> Int32 { let k = key(); return try r.integer(t, take(t), at: codingPath + [k]) }
    mutating func decode(_ t: Int64.Type) throws -> Int64 { let k = key(); return try r.integer(t, take(t), at: codingPath + [k]) }
    mutating func decode(_ t: UInt.Type) throws -> UInt { let k = key(); return try r.integer(t, take(t), at: codingPath + [k]) }
    mutating func decode(_ t: UInt8.Type) throws -> UInt8 { let k = key(); return try r.integer(t, take(t), at: codingPath + [k]) }
    mutating func decode(_ t: UInt16.Type) throws -> UInt16 { let k = key(); return try r.integer(t, take(t), at: codingPath + [k]) }
    mutating func decode(_ t: UInt32.Type) throws -> UInt32 { let k = key(); return try r.integer(t, take(t), at: codingPath + [k]) }
    mutating func decode(_ t: UInt64.Type) throws -> UInt64 { let k = key(); return try r.integer(t, take(t), at: codingPath + [k]) }
    mutating func decode<T: Decodable>(_ t: T.Type) throws -> T { let k = key(); return try r.nested(t, at: take(t), base: codingPath, key: k) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let k = key()
        let v = try take([String: Int].self)
        guard r.tape.nodes[v].kind == .object else { throw r.mismatch([String: Int].self, v, "an object", at: codingPath + [k]) }
        return KeyedDecodingContainer(KeyedReader<NestedKey>(r: r, object: v, codingPath: codingPath + [k]))
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        let k = key()
        let v = try take([Int].self)
        guard r.tape.nodes[v].kind == .array else { throw r.mismatch([Int].self, v, "an array", at: codingPath + [k]) }
        return UnkeyedReader(r: r, array: v, codingPath: codingPath + [k])
    }

    mutating func superDecoder() throws -> Decoder { throw r.superRefused(codingPath) }
}

private struct SingleReader: SingleValueDecodingContainer {
    let r: PayloadReader
    let node: Int
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { r.isNull(node) }
    func decode(_ t: Bool.Type) throws -> Bool { try r.bool(node, at: codingPath) }
    func decode(_ t: String.Type) throws -> String { try r.string(node, at: codingPath) }
    func decode(_ t: Double.Type) throws -> Double { try r.double(node, at: codingPath) }
    func decode(_ t: Float.Type) throws -> Float { try r.float(node, at: codingPath) }
    func decode(_ t: Int.Type) throws -> Int { try r.integer(t, node, at: codingPath) }
    func decode(_ t: Int8.Type) throws -> Int8 { try r.integer(t, node, at: codingPath) }
    func decode(_ t: Int16.Type) throws -> Int16 { try r.integer(t, node, at: codingPath) }
    func decode(_ t: Int32.Type) throws -> Int32 { try r.integer(t, node, at: codingPath) }
    func decode(_ t: Int64.Type) throws -> Int64 { try r.integer(t, node, at: codingPath) }
    func decode(_ t: UInt.Type) throws -> UInt { try r.integer(t, node, at: codingPath) }
    func decode(_ t: UInt8.Type) throws -> UInt8 { try r.integer(t, node, at: codingPath) }
    func decode(_ t: UInt16.Type) throws -> UInt16 { try r.integer(t, node, at: codingPath) }
    func decode(_ t: UInt32.Type) throws -> UInt32 { try r.integer(t, node, at: codingPath) }
    func decode(_ t: UInt64.Type) throws -> UInt64 { try r.integer(t, node, at: codingPath) }
    func decode<T: Decodable>(_ t: T.Type) throws -> T {
        let saved = r.current
        r.current = node
        defer { r.current = saved }
        return try T(from: r)
    }
}
