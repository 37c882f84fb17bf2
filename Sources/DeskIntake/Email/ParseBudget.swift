import DeskDomain
import Foundation

/// What an e-mail may ask of GMime, checked before GMime sees it. GMime's parser has no limits of its own and
/// builds an object for every part and header field it meets: 60 MiB of empty parts cost it 11 GB and a minute,
/// 60 MiB of one-letter header fields 7.5 GB. So the shapes it would build are bounded here, in one pass and
/// without MIME knowledge, by what could become them; `MIMEMessage.parse` meters the header fields it builds.
enum ParseBudget {
    static func check(_ b: [UInt8]) throws(InputError) {
        try b.withUnsafeBufferPointer { (p) throws(InputError) in
            let n = p.count
            // The mbox separator (`From sender date`) some mail programs save first; GMime skips it too.
            var sectionStart = 0
            if b.starts(with: Array("From ".utf8)) {
                let lf = lineFeed(p, 0)
                if !isField(p, 0, lf > 0 && p[lf - 1] == 0x0D ? lf - 1 : lf) { sectionStart = min(lf + 1, n) }
            }
            var inTopSection = true
            var field: Int? = nil            // start of a line GMime could read as a header field
            var dashLines = 0
            var line = sectionStart
            while line < n {
                let lf = lineFeed(p, line)
                let end = lf > line && p[lf - 1] == 0x0D ? lf - 1 : lf
                let next = min(lf + 1, n)
                if p[line] != 0x20 && p[line] != 0x09 {
                    // Fields of the top section are measured with it, as "the e-mail's header section".
                    if let f = field, !inTopSection { try fieldSize(line - f, at: f) }
                    field = isField(p, line, end) ? line : nil
                }
                if inTopSection, end == line {
                    try topSection(next - sectionStart)
                    inTopSection = false
                    field = nil
                }
                if end - line >= 2, p[line] == 0x2D, p[line + 1] == 0x2D { dashLines += 1 }
                line = next
            }
            if inTopSection { try topSection(n - sectionStart) }
            if let f = field, !inTopSection { try fieldSize(n - f, at: f) }
            guard dashLines <= IntakeLimits.boundaryLines else {
                throw .tooMany("the e-mail's lines that start with \"--\" (each may be a MIME boundary)",
                               limit: IntakeLimits.boundaryLines, actual: dashLines)
            }
        }
    }

    private static func topSection(_ size: Int) throws(InputError) {
        guard size <= IntakeLimits.headerBytes else {
            throw .tooLarge(what: "the e-mail's header section", limit: IntakeLimits.headerBytes, actual: size)
        }
    }

    /// A field (with its continuation lines) no part's header section could hold, whether or not it is one.
    private static func fieldSize(_ size: Int, at start: Int) throws(InputError) {
        guard size <= IntakeLimits.headerBytes else {
            throw .tooLarge(what: "the header field at byte \(start) of the e-mail", limit: IntakeLimits.headerBytes, actual: size)
        }
    }

    private static func lineFeed(_ p: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        guard from < p.count, let base = p.baseAddress, let hit = memchr(base + from, 0x0A, p.count - from) else { return p.count }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    /// As GMime reads a field name: no white space or control characters in it, white space allowed before the colon.
    static func isField(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start, blank = false
        while i < end, p[i] != 0x3A {
            let c = p[i]
            if c == 0x20 || c == 0x09 { blank = true } else if blank || c < 0x20 || c == 0x7F { return false }
            i += 1
        }
        return i > start && i < end && !(p[start] == 0x20 || p[start] == 0x09)
    }
}
