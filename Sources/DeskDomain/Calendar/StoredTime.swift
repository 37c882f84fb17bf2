import Foundation

/// Stored timestamps (UTC, `YYYY-MM-DDTHH:MM:SS.mmmZ`) as people at the desk read them.
public enum StoredTime {
    /// The day and minute of the day in Japan (UTC+9), or nil for text that is not a stored timestamp.
    public static func japan(_ utc: String) -> (day: LocalDate, minutes: Int)? {
        let u = Array(utc)
        guard u.count >= 16, let h = Int(String(u[11...12])), let mi = Int(String(u[14...15])),
              let date = LocalDate(iso: String(u[0...9])) else { return nil }
        var minutes = h * 60 + mi + 9 * 60
        var day = date
        if minutes >= 24 * 60 { minutes -= 24 * 60; day = day.adding(days: 1) }
        return (day, minutes)
    }

    /// The instant a stored timestamp names (nil for text that is not one).
    public static func date(_ s: String) -> Date? {
        guard s.utf8.count == 24, let d = LocalDate(iso: String(s.prefix(10))),
              let h = Int(s.dropFirst(11).prefix(2)), let m = Int(s.dropFirst(14).prefix(2)),
              let sec = Int(s.dropFirst(17).prefix(2)), let ms = Int(s.dropFirst(20).prefix(3)) else { return nil }
        return Date(timeIntervalSince1970: Double(d.dayNumber) * 86400 + Double(h * 3600 + m * 60 + sec) + Double(ms) / 1000)
    }

    /// `2026-12-07T11:12:00+09:00`: a stored time for JSON and CSV, in Japan time with its offset (nil-safe: anything
    /// that is not a stored timestamp comes back as it is).
    public static func isoJapan(_ utc: String) -> String {
        guard let d = japan(utc), utc.utf8.count >= 19, let sec = Int(utc.dropFirst(17).prefix(2)) else { return utc }
        return "\(d.day)T" + String(format: "%02d:%02d:%02d", d.minutes / 60, d.minutes % 60, sec) + "+09:00"
    }

    /// Any ISO 8601 time with an offset (a form's `occurredAt`, in UTC or another zone) for JSON and CSV, in Japan time
    /// with its offset, `2026-10-01T14:30:00+09:00`; text that is not one is returned as it is.
    public static func isoJapanAny(_ iso: String) -> String {
        let f = ISO8601DateFormatter()
        guard let date = f.date(from: iso) ?? { f.formatOptions.insert(.withFractionalSeconds); return f.date(from: iso) }() else {
            return iso
        }
        let out = ISO8601DateFormatter()
        out.timeZone = TimeZone(secondsFromGMT: 9 * 3600)
        return out.string(from: date)
    }

    /// Any ISO 8601 time with an offset (a web form's `occurredAt`, `2026-10-01T14:30:00+09:00`) as Japan time,
    /// `2026-10-01 14:30 JST`; text that is not one is returned as it is.
    public static func displayAny(_ iso: String) -> String {
        let f = ISO8601DateFormatter()
        guard let date = f.date(from: iso) ?? { f.formatOptions.insert(.withFractionalSeconds); return f.date(from: iso) }() else {
            return iso
        }
        return display(date)
    }

    /// An instant as Japan time, `2026-12-07 11:12 JST`.
    public static func display(_ date: Date) -> String {
        let secs = Int(date.timeIntervalSince1970.rounded(.down)) + 9 * 3600
        let day = LocalDate(dayNumber: Int((Double(secs) / 86400).rounded(.down)))
        let sod = ((secs % 86400) + 86400) % 86400
        return "\(day) " + String(format: "%02d:%02d", sod / 3600, sod / 60 % 60) + " JST"
    }

    /// `2026-11-07 23:24 JST`; anything else is returned as it is.
    public static func display(_ utc: String) -> String {
        guard let d = japan(utc) else { return utc }
        return "\(d.day) " + String(format: "%02d:%02d", d.minutes / 60, d.minutes % 60) + " JST"
    }
}
