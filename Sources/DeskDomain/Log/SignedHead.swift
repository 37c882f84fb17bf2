import Foundation

/// A signed statement that the log held `head` (the SHA-256 of the event at `position`, in hex) at `at`. The desk's
/// Ed25519 signing key signs it; the checkpoint events in the log carry one each, and `mado anchor` prints one as a
/// line for someone outside the desk to keep (an organization receives it with every report). A log cut short or
/// rewritten no longer holds a head that was signed before.
public struct SignedHead: Hashable, Codable, Sendable {
    public var position: Int64
    /// Hex SHA-256 of the event at `position`, as the chain computed it.
    public var head: String
    /// When it was signed, UTC (`2026-12-07T05:11:22.000Z`).
    public var at: String
    /// The Ed25519 public key that signed, base64.
    public var key: String
    /// The signature over `signedBytes`, base64.
    public var signature: String

    public init(position: Int64, head: String, at: String, key: String, signature: String) {
        self.position = position
        self.head = head
        self.at = at
        self.key = key
        self.signature = signature
    }

    static let tag = "mado-anchor-v1"

    /// What the key signs: the fields in a fixed order, under a label of their own.
    public static func signedBytes(position: Int64, head: String, at: String) -> Data {
        Data("mado checkpoint v1\u{1F}\(position)\u{1F}\(head)\u{1F}\(at)".utf8)
    }

    public var signedBytes: Data { Self.signedBytes(position: position, head: head, at: at) }

    /// One line, for a file, an e-mail or a report: `mado-anchor-v1 POSITION HEAD AT KEY SIGNATURE`.
    public var line: String { [Self.tag, String(position), head, at, key, signature].joined(separator: " ") }

    /// Reads a line written by `line`; nil when it is not one (the caller names what it expected).
    public init?(line: String) {
        let f = line.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ", omittingEmptySubsequences: true)
        guard f.count == 6, f[0] == Self.tag, let p = Int64(f[1]), p > 0,
              f[2].count == 64, f[2].allSatisfy({ $0.isHexDigit && !$0.isUppercase }),
              f[3].count <= 40, f[3].allSatisfy({ $0.isASCII && ($0.isNumber || "-:.TZ".contains($0)) }),
              let k = Data(base64Encoded: String(f[4])), k.count == 32,
              let s = Data(base64Encoded: String(f[5])), s.count == 64
        else { return nil }
        self.init(position: p, head: String(f[2]), at: String(f[3]), key: String(f[4]), signature: String(f[5]))
    }
}
