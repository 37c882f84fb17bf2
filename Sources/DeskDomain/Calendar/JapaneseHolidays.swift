import Foundation

/// Japan's national holidays computed from the National Holidays Act (国民の祝日に関する法律)
/// and the special laws of 1989, 1990, 1993, 2019 and 2020-2021; valid 1970-2099.
public enum JapaneseHolidays {
    public enum Kind: String, Sendable, Codable {
        case national        // 国民の祝日
        case substitute      // 振替休日
        case citizens        // 国民の休日 (a day between two national holidays)
        case special         // a one-off day set by its own law (大喪の礼, 即位の日, …)
    }

    public struct Holiday: Hashable, Sendable {
        public let date: LocalDate
        public let name: String
        public let kind: Kind
    }

    public static let supportedYears = 1970...2099

    /// Every holiday of a year, in date order; empty outside `supportedYears`.
    public static func holidays(in year: Int) -> [Holiday] {
        guard supportedYears.contains(year) else { return [] }
        var days: [LocalDate: Holiday] = [:]
        for (date, name, kind) in nationalDays(year) {
            days[date] = Holiday(date: date, name: name, kind: kind)
        }
        // Substitute holidays: from 12 April 1973 a holiday on Sunday moves the rest to the next day;
        // from 2007 to the next day that is not itself a holiday.
        let nationals = days.values.sorted { $0.date < $1.date }
        for h in nationals where h.date.weekday == 0 && h.date >= LocalDate(1973, 4, 12) {
            var d = h.date.adding(days: 1)
            if year >= 2007 {
                while days[d] != nil { d = d.adding(days: 1) }
            } else if days[d] != nil {
                continue
            }
            days[d] = Holiday(date: d, name: "\(h.name) 振替休日", kind: .substitute)
        }
        // Citizens' holidays (from 27 December 1985): a day between two national holidays.
        if year >= 1986 {
            let isNational = { (d: LocalDate) -> Bool in
                guard let k = days[d]?.kind else { return false }
                return k == .national || k == .special
            }
            for h in nationals {
                let mid = h.date.adding(days: 1)
                guard days[mid] == nil, isNational(mid.adding(days: 1)) else { continue }
                if year < 2007 && mid.weekday == 0 { continue }
                days[mid] = Holiday(date: mid, name: "休日", kind: .citizens)
            }
        }
        return days.values.sorted { $0.date < $1.date }
    }

    /// The holiday on a date, if any. Years are computed once and kept (a business-day count asks daily).
    public static func holiday(on date: LocalDate) -> Holiday? {
        cache.lock.lock()
        defer { cache.lock.unlock() }
        if cache.years[date.year] == nil {
            cache.years[date.year] = Dictionary(holidays(in: date.year).map { ($0.date, $0) }, uniquingKeysWith: { a, _ in a })
        }
        return cache.years[date.year]?[date]
    }

    private final class Cache: @unchecked Sendable {     // guarded by `lock`
        let lock = NSLock()
        var years: [Int: [LocalDate: Holiday]] = [:]
    }
    private static let cache = Cache()

    /// Vernal equinox day (March), by the formula the Cabinet Office's almanac follows.
    public static func vernalEquinoxDay(_ y: Int) -> Int {
        y < 1980 ? equinox(20.8357, y, base: 1983) : equinox(20.8431, y, base: 1980)
    }

    /// Autumnal equinox day (September).
    public static func autumnalEquinoxDay(_ y: Int) -> Int {
        y < 1980 ? equinox(23.2588, y, base: 1983) : equinox(23.2488, y, base: 1980)
    }

    private static func equinox(_ c: Double, _ y: Int, base: Int) -> Int {
        // The almanac's int() truncates toward zero, which matters before the base year.
        let leapCorrection = (y - base) / 4
        return Int((c + 0.242194 * Double(y - 1980) - Double(leapCorrection)).rounded(.down))
    }

    /// The n-th Monday (1-based) of a month.
    static func nthMonday(_ n: Int, _ y: Int, _ m: Int) -> LocalDate {
        let first = LocalDate(y, m, 1)
        let offset = (8 - first.weekday) % 7
        return first.adding(days: offset + 7 * (n - 1))
    }

    private static func nationalDays(_ y: Int) -> [(LocalDate, String, Kind)] {
        var out: [(LocalDate, String, Kind)] = []
        func add(_ m: Int, _ d: Int, _ name: String, _ kind: Kind = .national) {
            out.append((LocalDate(y, m, d), name, kind))
        }
        func add(_ date: LocalDate, _ name: String) { out.append((date, name, .national)) }

        add(1, 1, "元日")
        if y >= 2000 { add(nthMonday(2, y, 1), "成人の日") } else { add(1, 15, "成人の日") }
        add(2, 11, "建国記念の日")
        if y >= 2020 { add(2, 23, "天皇誕生日") }
        add(3, vernalEquinoxDay(y), "春分の日")
        add(4, 29, y >= 2007 ? "昭和の日" : y >= 1989 ? "みどりの日" : "天皇誕生日")
        add(5, 3, "憲法記念日")
        if y >= 2007 { add(5, 4, "みどりの日") }
        add(5, 5, "こどもの日")
        switch y {
        case 2020: add(7, 23, "海の日")
        case 2021: add(7, 22, "海の日")
        case 2003...: add(nthMonday(3, y, 7), "海の日")
        case 1996...: add(7, 20, "海の日")
        default: break
        }
        switch y {
        case 2020: add(8, 10, "山の日")
        case 2021: add(8, 8, "山の日")
        case 2016...: add(8, 11, "山の日")
        default: break
        }
        if y >= 2003 { add(nthMonday(3, y, 9), "敬老の日") } else { add(9, 15, "敬老の日") }
        add(9, autumnalEquinoxDay(y), "秋分の日")
        switch y {
        case 2020: add(7, 24, "スポーツの日")
        case 2021: add(7, 23, "スポーツの日")
        case 2022...: add(nthMonday(2, y, 10), "スポーツの日")
        case 2019: add(nthMonday(2, y, 10), "体育の日（スポーツの日）")
        case 2000...: add(nthMonday(2, y, 10), "体育の日")
        default: add(10, 10, "体育の日")
        }
        add(11, 3, "文化の日")
        add(11, 23, "勤労感謝の日")
        if (1989...2018).contains(y) { add(12, 23, "天皇誕生日") }
        // Days set by their own laws.
        switch y {
        case 1989: add(2, 24, "大喪の礼", .special)
        case 1990: add(11, 12, "即位礼正殿の儀", .special)
        case 1993: add(6, 9, "結婚の儀", .special)
        case 2019:
            add(5, 1, "休日（祝日扱い）", .special)
            add(10, 22, "休日（祝日扱い）", .special)
        default: break
        }
        return out
    }
}
