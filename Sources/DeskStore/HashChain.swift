import Crypto
import Foundation

/// `hash = SHA-256(previous hash ‖ canonical bytes)`; canonical bytes are the fields joined by 0x1F:
/// stream id, version, type, schema version, payload (exactly as stored), actor, recorded time.
/// Fed to SHA-256 field by field, without building the canonical bytes (replay hashes every event).
enum HashChain {
    static let genesis = Data(repeating: 0, count: 32)

    static func hash(previous: Data, stream: String, version: Int, type: String, schemaVersion: Int,
                     payload: Data, actor: String, recordedAt: String) -> Data {
        Data(payload.withUnsafeBytes {
            digest(previous: previous, stream: stream, version: version, type: type, schemaVersion: schemaVersion,
                   payload: $0, actor: actor, recordedAt: recordedAt)
        })
    }

    static func digest<P: ContiguousBytes>(previous: P, stream: String, version: Int, type: String, schemaVersion: Int,
                                           payload: UnsafeRawBufferPointer, actor: String, recordedAt: String) -> SHA256.Digest {
        var h = SHA256()
        previous.withUnsafeBytes { h.update(bufferPointer: $0) }
        add(&h, stream)
        add(&h, version)
        add(&h, type)
        add(&h, schemaVersion)
        h.update(bufferPointer: payload)
        separator(&h)
        add(&h, actor)
        var r = recordedAt
        r.withUTF8 { h.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        return h.finalize()
    }

    /// A field and the separator after it.
    private static func add(_ h: inout SHA256, _ s: String) {
        var s = s
        s.withUTF8 { h.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        separator(&h)
    }

    /// Decimal ASCII, no sign for the non-negative numbers the log holds.
    private static func add(_ h: inout SHA256, _ v: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 21) { buf in
            var n = v.magnitude
            var i = 21
            repeat {
                i -= 1
                buf[i] = 0x30 + UInt8(n % 10)
                n /= 10
            } while n > 0
            if v < 0 { i -= 1; buf[i] = 0x2D }
            h.update(bufferPointer: UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buf[i..<21])))
        }
        separator(&h)
    }

    private static func separator(_ h: inout SHA256) {
        var b: UInt8 = 0x1F
        withUnsafeBytes(of: &b) { h.update(bufferPointer: $0) }
    }
}
