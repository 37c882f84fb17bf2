/// The number an applicant is given for what they sent: 16 digits from the system's CSPRNG, shown in groups of four.
/// The desk keeps only a keyed hash of it (`IntakeRecorded.receipt`), so the log does not hold the number itself and
/// nothing about a case can be learnt from it.
public struct Receipt: Hashable, Sendable, CustomStringConvertible {
    /// The 16 digits, without separators.
    public let digits: String

    /// A new receipt. `SystemRandomNumberGenerator` reads the kernel's CSPRNG (getrandom on Linux).
    public static func random() -> Receipt {
        var g = SystemRandomNumberGenerator()
        return Receipt(digits: String((0..<16).map { _ in Character(String(Int.random(in: 0...9, using: &g))) }))
    }

    /// A receipt as a person types it back: spaces and hyphens (ASCII or full width) anywhere, full-width digits.
    public init?(typed: String) {
        var d = ""
        for u in typed.unicodeScalars {
            switch u.value {
            case 0x30...0x39: d.unicodeScalars.append(u)
            case 0xFF10...0xFF19: d.unicodeScalars.append(Unicode.Scalar(u.value - 0xFF10 + 0x30)!)
            case 0x20, 0x2D, 0x3000, 0xFF0D, 0x2010...0x2015, 0x2212: continue
            default: return nil
            }
        }
        guard d.count == 16 else { return nil }
        self.digits = d
    }

    private init(digits: String) { self.digits = digits }

    /// `1234-5678-9012-3456`: short groups are what people read out on the phone.
    public var description: String {
        stride(from: 0, to: 16, by: 4).map { i in
            String(digits.dropFirst(i).prefix(4))
        }.joined(separator: "-")
    }
}
