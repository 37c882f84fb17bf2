import Foundation

/// The log's own JSON writer for its own payloads (Foundation's encoder costs more than the rest of an append).
/// Compact RFC 8259 text, keys in the order `encode(to:)` writes them (declaration order for synthesized
/// conformances), non-ASCII as UTF-8, no escaped slashes. Untrusted input never comes through here.
public enum PayloadJSON {
    /// Encodes `value`; `sealer` and `eventType` reach `Personal` the way `userInfo` would.
    public static func encode<T: Encodable>(_ value: T, sealer: (any FieldSealer)? = nil, eventType: String? = nil) throws -> Data {
        let w = PayloadWriter(sealer: sealer, eventType: eventType)
        try w.encodeTop(value)
        return Data(w.out)
    }

    /// Decodes `T` from `bytes`; refuses anything that is not exactly one RFC 8259 JSON text.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: Data, sealer: (any FieldSealer)? = nil,
                                            eventType: String? = nil) throws -> T {
        try bytes.withUnsafeBytes { try decode(type, from: $0, sealer: sealer, eventType: eventType) }
    }

    public static func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer, sealer: (any FieldSealer)? = nil,
                                            eventType: String? = nil) throws -> T {
        let tape = try JSONTape(bytes)
        let r = PayloadReader(tape: tape, bytes: bytes, sealer: sealer, eventType: eventType)
        return try r.decodeTop(type)
    }
}

/// One writer per payload. Containers are opened on `out` as they are asked for and closed as soon as
/// the value that asked for them has been written (Codable has no "done" call).
final class PayloadWriter: Encoder {
    // One writer per payload on one thread: the runtime's exclusivity checks on these cost more than the writes.
    @exclusivity(unchecked) var out: [UInt8] = []
    let sealer: (any FieldSealer)?
    let eventType: String?
    @exclusivity(unchecked) var path: [any CodingKey] = []
    /// The open containers: the byte that closes each, and how many members it has so far.
    @exclusivity(unchecked) var levels: [(close: UInt8, count: Int)] = []
    /// How many containers enclose the value being written now; a container it opens sits at this index.
    @exclusivity(unchecked) var slot = 0

    init(sealer: (any FieldSealer)?, eventType: String?) {
        self.sealer = sealer
        self.eventType = eventType
        out.reserveCapacity(1024)
        levels.reserveCapacity(8)
    }

    var codingPath: [any CodingKey] { path }
    var userInfo: [CodingUserInfoKey: Any] {
        var u: [CodingUserInfoKey: Any] = [:]
        if let sealer { u[.fieldSealer] = sealer }
        if let eventType { u[.eventType] = eventType }
        return u
    }

    func encodeTop<T: Encodable>(_ value: T) throws {
        try writeValue(value, depth: 0)
    }

    /// Writes one value into the slot at `depth`, then closes whatever it left open.
    func writeValue<T: Encodable>(_ value: T, depth: Int) throws {
        let saved = slot
        slot = depth
        let mark = out.count
        try value.encode(to: self)
        slot = saved
        close(above: depth)
        if out.count == mark { out.append(0x7B); out.append(0x7D) }  // a value that wrote nothing is {}
    }

    /// Closes every container at index `depth` or deeper.
    func close(above depth: Int) {
        while levels.count > depth { out.append(levels.removeLast().close) }
    }

    func open(_ byte: UInt8, close closer: UInt8) -> Int {
        close(above: slot)
        out.append(byte)
        levels.append((closer, 0))
        return levels.count - 1
    }

    /// Before a member of the container at `level`: closes anything deeper, writes the separator.
    func member(_ level: Int) {
        close(above: level + 1)
        if levels[level].count > 0 { out.append(0x2C) }
        levels[level].count += 1
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        // Asking twice in one encode(to:) gives the same object.
        let level = levels.count > slot && levels[slot].close == 0x7D ? slot : open(0x7B, close: 0x7D)
        return KeyedEncodingContainer(KeyedWriter<Key>(w: self, level: level, codingPath: path))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        let level = levels.count > slot && levels[slot].close == 0x5D ? slot : open(0x5B, close: 0x5D)
        return UnkeyedWriter(w: self, level: level, codingPath: path)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleWriter(w: self, codingPath: path) }

    // MARK: scalars

    func writeString(_ s: String) {
        out.append(0x22)
        var s = s
        s.withUTF8 { u in
            var start = 0
            for i in 0..<u.count {
                let b = u[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: u[start..<i]))
                out.append(0x5C)
                switch b {
                case 0x22: out.append(0x22)
                case 0x5C: out.append(0x5C)
                case 0x0A: out.append(0x6E)
                case 0x0D: out.append(0x72)
                case 0x09: out.append(0x74)
                case 0x08: out.append(0x62)
                case 0x0C: out.append(0x66)
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: u[start..<u.count]))
        }
        out.append(0x22)
    }

    func writeInt<I: FixedWidthInteger>(_ v: I) {
        if v < 0 { out.append(0x2D) }
        var n = UInt64(v.magnitude)
        let start = out.count
        repeat {
            out.append(0x30 + UInt8(n % 10))
            n /= 10
        } while n > 0
        out[start...].reverse()
    }

    func writeDouble(_ v: Double) throws {
        guard v.isFinite else {
            throw EncodingError.invalidValue(v, .init(codingPath: path, debugDescription: "\(v) is not a JSON number"))
        }
        if v == v.rounded(), abs(v) < 1e15 { writeInt(Int64(v)); return }
        out.append(contentsOf: v.description.utf8)
    }

    func writeBool(_ v: Bool) { out.append(contentsOf: v ? "true".utf8 : "false".utf8) }
    func writeNull() { out.append(contentsOf: "null".utf8) }
}

private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let w: PayloadWriter
    let level: Int
    let codingPath: [any CodingKey]

    private func key(_ k: Key) {
        w.member(level)
        w.writeString(k.stringValue)
        w.out.append(0x3A)
    }

    mutating func encodeNil(forKey k: Key) throws { key(k); w.writeNull() }
    mutating func encode(_ v: Bool, forKey k: Key) throws { key(k); w.writeBool(v) }
    mutating func encode(_ v: String, forKey k: Key) throws { key(k); w.writeString(v) }
    mutating func encode(_ v: Double, forKey k: Key) throws { key(k); try w.writeDouble(v) }
    mutating func encode(_ v: Float, forKey k: Key) throws { key(k); try w.writeDouble(Double(v)) }
    mutating func encode(_ v: Int, forKey k: Key) throws { key(k); w.writeInt(v) }
    mutating func encode(_ v: Int8, forKey k: Key) throws { key(k); w.writeInt(v) }
    mutating func encode(_ v: Int16, forKey k: Key) throws { key(k); w.writeInt(v) }
    mutating func encode(_ v: Int32, forKey k: Key) throws { key(k); w.writeInt(v) }
    mutating func encode(_ v: Int64, forKey k: Key) throws { key(k); w.writeInt(v) }
    mutating func encode(_ v: UInt, forKey k: Key) throws { key(k); w.writeInt(v) }
    mutating func encode(_ v: UInt8, forKey k: Key) throws { key(k); w.writeInt(v) }
    mutating func encode(_ v: UInt16, forKey k: Key) throws { key(k); w.writeInt(v) }
    mutating func encode(_ v: UInt32, forKey k: Key) throws { key(k); w.writeInt(v) }
    mutating func encode(_ v: UInt64, forKey k: Key) throws { key(k); w.writeInt(v) }

    mutating func encode<T: Encodable>(_ v: T, forKey k: Key) throws {
        key(k)
        w.path.append(k)
        defer { w.path.removeLast() }
        try w.writeValue(v, depth: level + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey k: Key)
        -> KeyedEncodingContainer<NestedKey> {
        key(k)
        let saved = w.slot
        w.slot = level + 1
        defer { w.slot = saved }
        let nested = w.open(0x7B, close: 0x7D)
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(w: w, level: nested, codingPath: codingPath + [k]))
    }

    mutating func nestedUnkeyedContainer(forKey k: Key) -> UnkeyedEncodingContainer {
        key(k)
        let saved = w.slot
        w.slot = level + 1
        defer { w.slot = saved }
        let nested = w.open(0x5B, close: 0x5D)
        return UnkeyedWriter(w: w, level: nested, codingPath: codingPath + [k])
    }

    mutating func superEncoder() -> Encoder { SuperWriter(w: w, level: level, key: "super") }
    mutating func superEncoder(forKey k: Key) -> Encoder { SuperWriter(w: w, level: level, key: k.stringValue) }
}

private struct UnkeyedWriter: UnkeyedEncodingContainer {
    let w: PayloadWriter
    let level: Int
    let codingPath: [any CodingKey]
    var count: Int { w.levels.count > level ? w.levels[level].count : 0 }

    mutating func encodeNil() throws { w.member(level); w.writeNull() }
    mutating func encode(_ v: Bool) throws { w.member(level); w.writeBool(v) }
    mutating func encode(_ v: String) throws { w.member(level); w.writeString(v) }
    mutating func encode(_ v: Double) throws { w.member(level); try w.writeDouble(v) }
    mutating func encode(_ v: Float) throws { w.member(level); try w.writeDouble(Double(v)) }
    mutating func encode(_ v: Int) throws { w.member(level); w.writeInt(v) }
    mutating func encode(_ v: Int8) throws { w.member(level); w.writeInt(v) }
    mutating func encode(_ v: Int16) throws { w.member(level); w.writeInt(v) }
    mutating func encode(_ v: Int32) throws { w.member(level); w.writeInt(v) }
    mutating func encode(_ v: Int64) throws { w.member(level); w.writeInt(v) }
    mutating func encode(_ v: UInt) throws { w.member(level); w.writeInt(v) }
    mutating func encode(_ v: UInt8) throws { w.member(level); w.writeInt(v) }
    mutating func encode(_ v: UInt16) throws { w.member(level); w.writeInt(v) }
    mutating func encode(_ v: UInt32) throws { w.member(level); w.writeInt(v) }
    mutating func encode(_ v: UInt64) throws { w.member(level); w.writeInt(v) }

    mutating func encode<T: Encodable>(_ v: T) throws {
        let index = count
        w.member(level)
        w.path.append(IndexKey(index))
        defer { w.path.removeLast() }
        try w.writeValue(v, depth: level + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let index = count
        w.member(level)
        let saved = w.slot
        w.slot = level + 1
        defer { w.slot = saved }
        let nested = w.open(0x7B, close: 0x7D)
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(w: w, level: nested, codingPath: codingPath + [IndexKey(index)]))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let index = count
        w.member(level)
        let saved = w.slot
        w.slot = level + 1
        defer { w.slot = saved }
        let nested = w.open(0x5B, close: 0x5D)
        return UnkeyedWriter(w: w, level: nested, codingPath: codingPath + [IndexKey(index)])
    }

    mutating func superEncoder() -> Encoder {
        w.member(level)
        return SuperWriter(w: w, level: level, key: nil)
    }
}

private struct SingleWriter: SingleValueEncodingContainer {
    let w: PayloadWriter
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { w.writeNull() }
    mutating func encode(_ v: Bool) throws { w.writeBool(v) }
    mutating func encode(_ v: String) throws { w.writeString(v) }
    mutating func encode(_ v: Double) throws { try w.writeDouble(v) }
    mutating func encode(_ v: Float) throws { try w.writeDouble(Double(v)) }
    mutating func encode(_ v: Int) throws { w.writeInt(v) }
    mutating func encode(_ v: Int8) throws { w.writeInt(v) }
    mutating func encode(_ v: Int16) throws { w.writeInt(v) }
    mutating func encode(_ v: Int32) throws { w.writeInt(v) }
    mutating func encode(_ v: Int64) throws { w.writeInt(v) }
    mutating func encode(_ v: UInt) throws { w.writeInt(v) }
    mutating func encode(_ v: UInt8) throws { w.writeInt(v) }
    mutating func encode(_ v: UInt16) throws { w.writeInt(v) }
    mutating func encode(_ v: UInt32) throws { w.writeInt(v) }
    mutating func encode(_ v: UInt64) throws { w.writeInt(v) }
    mutating func encode<T: Encodable>(_ v: T) throws { try v.encode(to: w) }
}

/// `superEncoder()`: a value written under "super" (keyed) or as the next element (unkeyed).
private struct SuperWriter: Encoder {
    let w: PayloadWriter
    let level: Int
    let key: String?
    var codingPath: [any CodingKey] { w.path }
    var userInfo: [CodingUserInfoKey: Any] { w.userInfo }

    private func enter() {
        if let key {
            w.member(level)
            w.writeString(key)
            w.out.append(0x3A)
        }
        w.slot = level + 1
    }
    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        enter()
        return KeyedEncodingContainer(KeyedWriter<Key>(w: w, level: w.open(0x7B, close: 0x7D), codingPath: w.path))
    }
    func unkeyedContainer() -> UnkeyedEncodingContainer {
        enter()
        return UnkeyedWriter(w: w, level: w.open(0x5B, close: 0x5D), codingPath: w.path)
    }
    func singleValueContainer() -> SingleValueEncodingContainer {
        enter()
        return SingleWriter(w: w, codingPath: w.path)
    }
}

/// An array index in a coding path.
struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { String(intValue ?? 0) }
    init(_ i: Int) { intValue = i }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { guard let i = Int(stringValue) else { return nil }; intValue = i }
}
