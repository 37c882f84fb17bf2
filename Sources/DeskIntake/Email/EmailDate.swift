import Foundation

/// RFC 5322 dates, obsolete forms included: optional weekday, comments (`(JST)`), two- and three-digit years,
/// seconds optional, `UT`/`GMT`/US zones, and `JST`, which is not standard but common in Japanese mail.
/// Anything else is not a date (nil), never an error.
enum EmailDate {
    static func parse(_ header: String) -> (date: Date, iso: String)? {
        let text = withoutComments(header).replacingOccurrences(of: ",", with: " ")
        var t = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard t.count <= 8 else { return nil }
        if let first = t.first, first.allSatisfy(\.isLetter), days.contains(first.prefix(3).lowercased()) { t.removeFirst() }
        guard t.count >= 5,
              let day = number(t[0], digits: 1...2), (1...31).contains(day),
              let month = months.firstIndex(of: t[1].prefix(3).lowercased()).map({ $0 + 1 }), t[1].count <= 9,
              var year = number(t[2], digits: 2...4) else { return nil }
        if t[2].count == 2 { year += year < 50 ? 2000 : 1900 } else if t[2].count == 3 { year += 1900 }
        let hms = t[3].split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard hms.count == 2 || hms.count == 3,
              let hour = number(hms[0], digits: 1...2), hour < 24,
              let minute = number(hms[1], digits: 2...2), minute < 60 else { return nil }
        var second = 0
        if hms.count == 3 {
            guard let s = number(hms[2], digits: 2...2), s <= 60 else { return nil }
            second = min(s, 59)                              // a leap second
        }
        guard let offset = zone(t[4]), (1900...9999).contains(year),
              day <= daysIn(month, year) else { return nil }
        let days = daysFromCivil(year, month, day)
        let epoch = days * 86_400 + hour * 3_600 + minute * 60 + second - offset * 60
        let sign = offset < 0 ? "-" : "+"
        let iso = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second)
            + sign + String(format: "%02d:%02d", abs(offset) / 60, abs(offset) % 60)
        return (Date(timeIntervalSince1970: TimeInterval(epoch)), iso)
    }

    /// `(comments)`, nested or with `\` escapes, taken out.
    private static func withoutComments(_ s: String) -> String {
        guard s.contains("(") else { return s }
        var out = String.UnicodeScalarView(), depth = 0, escaped = false
        for c in s.unicodeScalars {
            if escaped { escaped = false; if depth == 0 { out.append(c) }; continue }
            switch c {
            case "\\": escaped = true; if depth == 0 { out.append(c) }
            case "(": depth += 1
            case ")" where depth > 0: depth -= 1
            default: if depth == 0 { out.append(c) }
            }
        }
        return String(out)
    }

    private static let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func number(_ s: String, digits: ClosedRange<Int>) -> Int? {
        guard digits.contains(s.count), s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(s)
    }

    /// Minutes east of UTC. Military letters mean "unknown" (RFC 5322 §4.3), read as UTC.
    private static func zone(_ z: String) -> Int? {
        if z.count == 5, let sign = z.first, sign == "+" || sign == "-",
           let hh = number(String(z.dropFirst().prefix(2)), digits: 2...2),
           let mm = number(String(z.suffix(2)), digits: 2...2), hh <= 14, mm < 60 {
            return (sign == "-" ? -1 : 1) * (hh * 60 + mm)
        }
        switch z.uppercased() {
        case "UT", "UTC", "GMT", "Z": return 0
        case "EST": return -300
        case "EDT": return -240
        case "CST": return -360
        case "CDT": return -300
        case "MST": return -420
        case "MDT": return -360
        case "PST": return -480
        case "PDT": return -420
        case "JST": return 540
        case let m where m.count == 1 && m.first!.isLetter && m.first!.isASCII: return 0
        default: return nil
        }
    }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    private static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
