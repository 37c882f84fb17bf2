import DeskDomain
import Foundation

/// Stored UTC times and the clock as the desk reads them: Japan time.
enum Clock {
    /// `MM-DD HH:MM` in Japan for a stored UTC time.
    static func short(_ utc: String) -> String {
        guard let d = parse(utc) else { return utc }
        return String(format: "%02d-%02d %02d:%02d", d.day.month, d.day.day, d.minutes / 60, d.minutes % 60)
    }

    /// `YYYY-MM-DD HH:MM JST` for a stored UTC time.
    static func japan(_ utc: String) -> String { StoredTime.display(utc) }

    static func parse(_ utc: String) -> (day: LocalDate, minutes: Int)? { StoredTime.japan(utc) }

    static func now(_ d: Date) -> String {
        let secs = Int(d.timeIntervalSince1970) + 9 * 3600
        let day = LocalDate(dayNumber: Int((Double(secs) / 86400).rounded(.down)))
        let sod = ((secs % 86400) + 86400) % 86400
        return "\(day) " + String(format: "%02d:%02d", sod / 3600, sod / 60 % 60)
    }

    /// How long ago, in the largest whole unit.
    static func age(_ utc: String, now: Date, _ lang: Language) -> String {
        guard let d = Self.date(utc) else { return "" }
        let h = max(0, Int(now.timeIntervalSince(d) / 3600))
        if h < 24 { return lang == .ja ? "\(h)時間" : "\(h)h" }
        return lang == .ja ? "\(h / 24)日" : "\(h / 24)d"
    }

    static func date(_ utc: String) -> Date? {
        guard let p = parse(utc) else { return nil }
        return Date(timeIntervalSince1970: Double(p.day.dayNumber) * 86400 + Double(p.minutes - 9 * 60) * 60)
    }
}
