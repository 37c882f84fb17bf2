import Crypto
import Foundation

/// `hash = SHA-256(previous hash ‖ canonical bytes)`; canonical bytes are the fields joined by 0x1F:
/// stream id, version, type, schema version, payload (exactly as stored), actor, recorded time.
enum HashChain {
    static let genesis = Data(repeating: 0, count: 32)

    static func hash(previous: Data, stream: String, version: Int, type: String, schemaVersion: Int,
                     payload: Data, actor: String, recordedAt: String) -> Data {
        var h = SHA256()
        h.update(data: previous)
        let sep = Data([0x1F])
        h.update(data: Data(stream.utf8)); h.update(data: sep)
        h.update(data: Data(String(version).utf8)); h.update(data: sep)
        h.update(data: Data(type.utf8)); h.update(data: sep)
        h.update(data: Data(String(schemaVersion).utf8)); h.update(data: sep)
        h.update(data: payload); h.update(data: sep)
        h.update(data: Data(actor.utf8)); h.update(data: sep)
        h.update(data: Data(recordedAt.utf8))
        return Data(h.finalize())
    }
}
