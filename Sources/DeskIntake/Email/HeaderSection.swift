import DeskDomain
import Foundation

/// Names the message or one of its MIME parts in errors, numbering parts as IMAP does (`1.2`).
struct PartName {
    /// `1.2`; empty for a multipart that is the message's own body.
    var path: String
    /// The headers are the message's own (`the e-mail's Subject header`).
    var isMessage: Bool

    var part: String { path.isEmpty ? "the e-mail's top-level multipart" : "the e-mail's MIME part \(path)" }

    func header(_ name: String) -> String {
        let n = Sanitizer.visible(String(name.prefix(80)))
        return isMessage ? "the e-mail's \(n) header" : "the \(n) header of \(part)"
    }

    var headerSection: String { isMessage ? "the e-mail's header section" : "the header section of \(part)" }

    func child(_ index: Int) -> PartName {
        PartName(path: path.isEmpty ? "\(index)" : "\(path).\(index)", isMessage: false)
    }
}

/// One header field, unfolded.
struct HeaderField {
    /// As written.
    var name: String
    /// Lower-cased, for lookups (names are case-insensitive).
    var key: String
    /// Unfolded (each line break before white space removed) and trimmed; ASCII or UTF-8, no controls but tab.
    var value: String
}

struct HeaderSection {
    var fields: [HeaderField] = []

    /// The first field of that name: for From, Subject and Date the first one wins.
    func first(_ key: String) -> HeaderField? { fields.first { $0.key == key } }
    func all(_ key: String) -> [HeaderField] { fields.filter { $0.key == key } }

    /// Reads the header section at the start of `range`, with CRLF or LF line ends. It ends at the first empty
    /// line, or (leniently, as mail clients do) at the first line that is neither a field nor a continuation.
    /// Returns the fields and where the body begins.
    static func read(_ b: [UInt8], _ range: Range<Int>, _ name: PartName) throws(InputError) -> (HeaderSection, body: Int) {
        // First only find the end, so that an oversized section is measured without being stored.
        var lines: [Range<Int>] = []
        var i = range.lowerBound
        var body = range.upperBound
        while i < range.upperBound {
            let lf = Bytes.find(0x0A, in: b, from: i, to: range.upperBound)
            let end = lf > i && b[lf - 1] == 0x0D ? lf - 1 : lf
            let next = lf < range.upperBound ? lf + 1 : lf
            if end == i { body = next; break }
            let continues = b[i] == 0x20 || b[i] == 0x09
            if continues ? lines.isEmpty : !isFieldStart(b, i, end) { body = i; break }
            if next - range.lowerBound <= IntakeLimits.headerBytes { lines.append(i..<end) }
            i = next
        }
        let size = body - range.lowerBound
        guard size <= IntakeLimits.headerBytes else {
            throw .tooLarge(what: name.headerSection, limit: IntakeLimits.headerBytes, actual: size)
        }

        var section = HeaderSection()
        var k = 0
        while k < lines.count {
            let first = lines[k]
            var colon = first.lowerBound
            while b[colon] != 0x3A { colon += 1 }
            var nameEnd = colon
            while nameEnd > first.lowerBound, b[nameEnd - 1] == 0x20 || b[nameEnd - 1] == 0x09 { nameEnd -= 1 }
            let fieldName = String(decoding: b[first.lowerBound..<nameEnd], as: UTF8.self)
            var raw = Array(b[(colon + 1)..<first.upperBound])
            k += 1
            while k < lines.count, b[lines[k].lowerBound] == 0x20 || b[lines[k].lowerBound] == 0x09 {
                raw.append(contentsOf: b[lines[k]])
                k += 1
            }
            let what = name.header(fieldName)
            var eightBit = false
            for c in raw {
                if c >= 0x80 { eightBit = true } else if c < 0x20 && c != 0x09 || c == 0x7F {
                    throw .invalid(what, expected: "no control characters")
                }
            }
            // RFC 6532 allows UTF-8 in headers; any other raw 8-bit text has no charset to read it by.
            if eightBit, WebFormParser.firstInvalidUTF8(Data(raw)) != nil {
                throw .invalid(what, expected: "ASCII or UTF-8 text (other character sets must be RFC 2047 encoded)")
            }
            let value = String(decoding: raw, as: UTF8.self).trimmingCharacters(in: [" ", "\t"])
            section.fields.append(HeaderField(name: fieldName, key: fieldName.lowercased(), value: value))
        }
        return (section, body)
    }

    /// `name:` where the name is printable ASCII without a colon (white space before the colon is obsolete but read).
    static func isFieldStart(_ b: [UInt8], _ start: Int, _ end: Int) -> Bool {
        var j = start
        while j < end, b[j] > 0x20, b[j] < 0x7F, b[j] != 0x3A { j += 1 }
        guard j > start else { return false }
        while j < end, b[j] == 0x20 || b[j] == 0x09 { j += 1 }
        return j < end && b[j] == 0x3A
    }
}

enum Bytes {
    /// Index of the first `byte` in `from..<to`, or `to`.
    static func find(_ byte: UInt8, in b: [UInt8], from: Int, to: Int) -> Int {
        var i = from
        while i < to, b[i] != byte { i += 1 }
        return i
    }

    static func isWSP(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }

    static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x37
        case 0x61...0x66: c - 0x57
        default: nil
        }
    }
}
