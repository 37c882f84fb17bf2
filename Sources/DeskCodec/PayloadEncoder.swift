import DeskDomain
import Foundation

/// The log's own JSON writer for its own payloads (Foundation's encoder costs more than the rest of an append).
/// Compact RFC 8259 text, keys in the order `encode(to:)` writes them (declaration order for synthesized
/// conformances), non-ASCII as UTF-8, no escaped slashes. Untrusted input never comes through here.
public enum PayloadJSON {
    /// Encodes `value`; `sealer` and `eventType` reach `Personal` the way `userInfo` would.
    public static func encode<T: Encodable>(_ value: T, sealer: (any FieldSealer)? = nil, eventType: String? = nil) throws -> Data {
        let w = PayloadWriter(sealer: sealer, eventType: eventType)
        try w.encodeTop(value)
        // The log stores only what it can read back: a shape the writer did not catch (a key written twice, an
        // error caught half-way through a value) is refused here, for the cost of one parse.
        do {
            _ = try w.out.withUnsafeBytes { try JSONTape($0) }
        } catch let error as JSONTapeError {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "the payload would not read back",
                                                          underlyingError: PayloadRefused(reason: "\(error)")))
        }
        return Data(w.out)
    }

    /// Decodes `T` from `bytes`; refuses anything that is not exactly one RFC 8259 JSON text.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: Data, sealer: (any FieldSealer)? = nil,
                                            eventType: String? = nil) throws -> T {
        try bytes.withUnsafeBytes { try decode(type, from: $0, sealer: sealer, eventType: eventType) }
    }

    /// What a type that reads `userInfo` (rather than the writer or reader itself) finds there.
    static func userInfo(sealer: (any FieldSealer)?, eventType: String?) -> [CodingUserInfoKey: Any] {
        var u: [CodingUserInfoKey: Any] = [:]
        if let sealer { u[.fieldSealer] = sealer }
        if let eventType { u[.eventType] = eventType }
        return u
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
final class PayloadWriter: SealedFieldWriter, Encoder {
    // One writer per payload on one thread: the runtime's exclusivity checks on these cost more than the writes.
    @exclusivity(unchecked) var out: [UInt8] = []
    @exclusivity(unchecked) var path: [any CodingKey] = []
    /// The open containers: the byte that closes each, how many members it has so far, and which container it is.
    @exclusivity(unchecked) var levels: [(close: UInt8, count: Int, id: Int)] = []
    @exclusivity(unchecked) var nextID = 0
    /// How many containers enclose the value being written now; a container it opens sits at this index.
    @exclusivity(unchecked) var slot = 0
    /// Where the value being written now starts in `out`.
    @exclusivity(unchecked) var slotStart = 0
    /// The first way a type used the containers that this writer cannot follow; the payload is refused with it.
    @exclusivity(unchecked) var failure: EncodingError?

    override init(sealer: (any FieldSealer)?, eventType: String?) {
        super.init(sealer: sealer, eventType: eventType)
        out.reserveCapacity(1024)
        levels.reserveCapacity(8)
    }

    var codingPath: [any CodingKey] { path }
    var userInfo: [CodingUserInfoKey: Any] { PayloadJSON.userInfo(sealer: sealer, eventType: eventType) }

    func encodeTop<T: Encodable>(_ value: T) throws {
        try writeValue(value, depth: 0)
        if let failure { throw failure }
    }

    /// The writer streams, so a type must fill its containers in order: what it cannot follow is refused (the
    /// payload is never stored) rather than written as invalid JSON.
    func refuse(_ why: String) {
        guard failure == nil else { return }
        failure = .invalidValue(why, .init(codingPath: path, debugDescription: "the log's payload writer cannot follow this: \(why)",
                                           underlyingError: PayloadRefused(reason: why)))
    }

    /// Writes one value into the slot at `depth`, then closes whatever it left open.
    func writeValue<T: Encodable>(_ value: T, depth: Int) throws {
        let (savedSlot, savedStart) = (slot, slotStart)
        slot = depth
        slotStart = out.count
        defer { (slot, slotStart) = (savedSlot, savedStart) }
        try value.encode(to: self)
        close(above: depth)
        if out.count == slotStart { out.append(0x7B); out.append(0x7D) }  // a value that wrote nothing is {}
    }

    /// Closes every container at index `depth` or deeper.
    func close(above depth: Int) {
        while levels.count > depth { out.append(levels.removeLast().close) }
    }

    /// Opens a container in the current slot; nil (and the payload refused) when the slot already holds a value.
    func open(_ byte: UInt8, close closer: UInt8) -> (level: Int, id: Int) {
        close(above: slot)
        guard out.count == slotStart else {
            refuse("a value asked for a container after writing something else")
            return (-1, -1)
        }
        guard levels.count < JSONTape.maxDepth else {
            refuse("containers nested deeper than \(JSONTape.maxDepth)")
            return (-1, -1)
        }
        out.append(byte)
        nextID += 1
        levels.append((closer, 0, nextID))
        return (levels.count - 1, nextID)
    }

    /// Before a member of container `id` at `level`: closes anything deeper, writes the separator. False (and the
    /// payload refused) when that container was already closed: a type wrote to it after a sibling.
    func member(_ level: Int, _ id: Int) -> Bool {
        guard level >= 0, level < levels.count, levels[level].id == id else {
            refuse("a container was written to after it was closed (fill containers in order)")
            return false
        }
        close(above: level + 1)
        if levels[level].count > 0 { out.append(0x2C) }
        levels[level].count += 1
        return true
    }

    /// The slot's container when this value asked for one of the same kind already.
    private func existing(_ closer: UInt8) -> (level: Int, id: Int)? {
        guard levels.count > slot else { return nil }
        guard levels[slot].close == closer else {
            refuse("a value asked for two kinds of container")
            return (-1, -1)
        }
        return (slot, levels[slot].id)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let (level, id) = existing(0x7D) ?? open(0x7B, close: 0x7D)
        return KeyedEncodingContainer(KeyedWriter<Key>(w: self, level: level, id: id, codingPath: path))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        let (level, id) = existing(0x5D) ?? open(0x5B, close: 0x5D)
        return UnkeyedWriter(w: self, level: level, id: id, codingPath: path)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleWriter(w: self, slot: slot, codingPath: path) }

    /// Before a single value: the slot must still be empty.
    func single(_ slot: Int) -> Bool {
        guard slot == self.slot, levels.count <= slot, out.count == slotStart else {
            refuse("a value wrote more than one single value, or one beside a container")
            return false
        }
        return true
    }

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
    let id: Int
    let codingPath: [any CodingKey]

    private func key(_ k: Key) -> Bool {
        guard w.member(level, id) else { return false }
        w.writeString(k.stringValue)
        w.out.append(0x3A)
        return true
    }

    mutating func encodeNil(forKey k: Key) throws { if key(k) { w.writeNull() } }
    mutating func encode(_ v: Bool, forKey k: Key) throws { if key(k) { w.writeBool(v) } }
    mutating func encode(_ v: String, forKey k: Key) throws { if key(k) { w.writeString(v) } }
    mutating func encode(_ v: Double, forKey k: Key) throws { if key(k) { try w.writeDouble(v) } }
    mutating func encode(_ v: Float, forKey k: Key) throws { if key(k) { try w.writeDouble(Double(v)) } }
    mutating func encode(_ v: Int, forKey k: Key) throws { if key(k) { w.writeInt(v) } }
    mutating func encode(_ v: Int8, forKey k: Key) throws { if key(k) { w.writeInt(v) } }
    mutating func encode(_ v: Int16, forKey k: Key) throws { if key(k) { w.writeInt(v) } }
    mutating func encode(_ v: Int32, forKey k: Key) throws { if key(k) { w.writeInt(v) } }
    mutating func encode(_ v: Int64, forKey k: Key) throws { if key(k) { w.writeInt(v) } }
    mutating func encode(_ v: UInt, forKey k: Key) throws { if key(k) { w.writeInt(v) } }
    mutating func encode(_ v: UInt8, forKey k: Key) throws { if key(k) { w.writeInt(v) } }
    mutating func encode(_ v: UInt16, forKey k: Key) throws { if key(k) { w.writeInt(v) } }
    mutating func encode(_ v: UInt32, forKey k: Key) throws { if key(k) { w.writeInt(v) } }
    mutating func encode(_ v: UInt64, forKey k: Key) throws { if key(k) { w.writeInt(v) } }

    mutating func encode<T: Encodable>(_ v: T, forKey k: Key) throws {
        guard key(k) else { return }
        // The value's path is this container's and its key (a nested container's path is not the writer's).
        let saved = w.path
        w.path = codingPath
        w.path.append(k)
        defer { w.path = saved }
        try w.writeValue(v, depth: level + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey k: Key)
        -> KeyedEncodingContainer<NestedKey> {
        let nested = key(k) ? w.openNested(level, 0x7B, 0x7D) : (-1, -1)
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(w: w, level: nested.0, id: nested.1, codingPath: codingPath + [k]))
    }

    mutating func nestedUnkeyedContainer(forKey k: Key) -> UnkeyedEncodingContainer {
        let nested = key(k) ? w.openNested(level, 0x5B, 0x5D) : (-1, -1)
        return UnkeyedWriter(w: w, level: nested.0, id: nested.1, codingPath: codingPath + [k])
    }

    mutating func superEncoder() -> Encoder { w.refuseSuper() }
    mutating func superEncoder(forKey k: Key) -> Encoder { w.refuseSuper() }
}

extension PayloadWriter {
    /// A container opened as the member just begun in the container at `level`.
    func openNested(_ level: Int, _ byte: UInt8, _ closer: UInt8) -> (Int, Int) {
        let (savedSlot, savedStart) = (slot, slotStart)
        (slot, slotStart) = (level + 1, out.count)
        defer { (slot, slotStart) = (savedSlot, savedStart) }
        return open(byte, close: closer)
    }

    /// Payloads are structs: a class hierarchy's `superEncoder` is not followed.
    func refuseSuper() -> Encoder {
        refuse("superEncoder is not supported")
        return RefusedWriter(w: self)
    }
}

private struct UnkeyedWriter: UnkeyedEncodingContainer {
    let w: PayloadWriter
    let level: Int
    let id: Int
    let codingPath: [any CodingKey]
    var count: Int { level >= 0 && w.levels.count > level && w.levels[level].id == id ? w.levels[level].count : 0 }

    private func next() -> Bool { w.member(level, id) }

    mutating func encodeNil() throws { if next() { w.writeNull() } }
    mutating func encode(_ v: Bool) throws { if next() { w.writeBool(v) } }
    mutating func encode(_ v: String) throws { if next() { w.writeString(v) } }
    mutating func encode(_ v: Double) throws { if next() { try w.writeDouble(v) } }
    mutating func encode(_ v: Float) throws { if next() { try w.writeDouble(Double(v)) } }
    mutating func encode(_ v: Int) throws { if next() { w.writeInt(v) } }
    mutating func encode(_ v: Int8) throws { if next() { w.writeInt(v) } }
    mutating func encode(_ v: Int16) throws { if next() { w.writeInt(v) } }
    mutating func encode(_ v: Int32) throws { if next() { w.writeInt(v) } }
    mutating func encode(_ v: Int64) throws { if next() { w.writeInt(v) } }
    mutating func encode(_ v: UInt) throws { if next() { w.writeInt(v) } }
    mutating func encode(_ v: UInt8) throws { if next() { w.writeInt(v) } }
    mutating func encode(_ v: UInt16) throws { if next() { w.writeInt(v) } }
    mutating func encode(_ v: UInt32) throws { if next() { w.writeInt(v) } }
    mutating func encode(_ v: UInt64) throws { if next() { w.writeInt(v) } }

    mutating func encode<T: Encodable>(_ v: T) throws {
        let index = count
        guard next() else { return }
        let saved = w.path
        w.path = codingPath
        w.path.append(IndexKey(index))
        defer { w.path = saved }
        try w.writeValue(v, depth: level + 1)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let index = count
        let nested = next() ? w.openNested(level, 0x7B, 0x7D) : (-1, -1)
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(w: w, level: nested.0, id: nested.1,
                                                            codingPath: codingPath + [IndexKey(index)]))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let index = count
        let nested = next() ? w.openNested(level, 0x5B, 0x5D) : (-1, -1)
        return UnkeyedWriter(w: w, level: nested.0, id: nested.1, codingPath: codingPath + [IndexKey(index)])
    }

    mutating func superEncoder() -> Encoder { w.refuseSuper() }
}

private struct SingleWriter: SingleValueEncodingContainer {
    let w: PayloadWriter
    let slot: Int
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { if w.single(slot) { w.writeNull() } }
    mutating func encode(_ v: Bool) throws { if w.single(slot) { w.writeBool(v) } }
    mutating func encode(_ v: String) throws { if w.single(slot) { w.writeString(v) } }
    mutating func encode(_ v: Double) throws { if w.single(slot) { try w.writeDouble(v) } }
    mutating func encode(_ v: Float) throws { if w.single(slot) { try w.writeDouble(Double(v)) } }
    mutating func encode(_ v: Int) throws { if w.single(slot) { w.writeInt(v) } }
    mutating func encode(_ v: Int8) throws { if w.single(slot) { w.writeInt(v) } }
    mutating func encode(_ v: Int16) throws { if w.single(slot) { w.writeInt(v) } }
    mutating func encode(_ v: Int32) throws { if w.single(slot) { w.writeInt(v) } }
    mutating func encode(_ v: Int64) throws { if w.single(slot) { w.writeInt(v) } }
    mutating func encode(_ v: UInt) throws { if w.single(slot) { w.writeInt(v) } }
    mutating func encode(_ v: UInt8) throws { if w.single(slot) { w.writeInt(v) } }
    mutating func encode(_ v: UInt16) throws { if w.single(slot) { w.writeInt(v) } }
    mutating func encode(_ v: UInt32) throws { if w.single(slot) { w.writeInt(v) } }
    mutating func encode(_ v: UInt64) throws { if w.single(slot) { w.writeInt(v) } }
    mutating func encode<T: Encodable>(_ v: T) throws {
        guard w.single(slot) else { return }
        try v.encode(to: w)
    }
}

/// What `superEncoder` hands back: every write through it is dropped (the payload is refused anyway).
private struct RefusedWriter: Encoder {
    let w: PayloadWriter
    var codingPath: [any CodingKey] { w.path }
    var userInfo: [CodingUserInfoKey: Any] { w.userInfo }
    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedWriter<Key>(w: w, level: -1, id: -1, codingPath: w.path))
    }
    func unkeyedContainer() -> UnkeyedEncodingContainer { UnkeyedWriter(w: w, level: -1, id: -1, codingPath: w.path) }
    func singleValueContainer() -> SingleValueEncodingContainer { SingleWriter(w: w, slot: -1, codingPath: w.path) }
}

/// Why the log's payload writer refused a value (a programming error in a payload type, not bad input).
public struct PayloadRefused: Error, CustomStringConvertible, Sendable {
    public let reason: String
    public var description: String { "the event's payload cannot be written: \(reason)" }
}

/// An array index in a coding path.
struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { String(intValue ?? 0) }
    init(_ i: Int) { intValue = i }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { guard let i = Int(stringValue) else { return nil }; intValue = i }
}
