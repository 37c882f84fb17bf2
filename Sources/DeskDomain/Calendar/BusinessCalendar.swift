/// A recurring closed period in month-day terms, such as 29 December to 3 January.
public struct ClosedPeriod: Hashable, Codable, Sendable, CustomStringConvertible {
    public let fromMonth: Int, fromDay: Int, toMonth: Int, toDay: Int

    public init(fromMonth: Int, fromDay: Int, toMonth: Int, toDay: Int) {
        self.fromMonth = fromMonth
        self.fromDay = fromDay
        self.toMonth = toMonth
        self.toDay = toDay
    }

    /// Parses `12-29..01-03` or a single day `08-15`.
    public init?(_ text: String) {
        let ends = text.components(separatedBy: "..")
        guard ends.count == 1 || ends.count == 2 else { return nil }
        func md(_ s: String) -> (Int, Int)? {
            let p = s.split(separator: "-")
            guard p.count == 2, p[0].count == 2, p[1].count == 2, s.utf8.allSatisfy({ $0 == 0x2D || (0x30...0x39).contains($0) }),
                  let m = Int(p[0]), let d = Int(p[1]),
                  (1...12).contains(m), d >= 1, d <= LocalDate.daysIn(month: m, year: 2000) else { return nil }
            return (m, d)
        }
        guard let a = md(ends[0]), let b = md(ends.count == 2 ? ends[1] : ends[0]) else { return nil }
        self.init(fromMonth: a.0, fromDay: a.1, toMonth: b.0, toDay: b.1)
    }

    public var description: String {
        let a = String(format: "%02d-%02d", fromMonth, fromDay), b = String(format: "%02d-%02d", toMonth, toDay)
        return a == b ? a : "\(a)..\(b)"
    }

    public func contains(_ date: LocalDate) -> Bool {
        let x = date.month * 100 + date.day, a = fromMonth * 100 + fromDay, b = toMonth * 100 + toDay
        return a <= b ? (a...b).contains(x) : (x >= a || x <= b)   // a period may wrap the new year
    }

    public static let yearEnd = ClosedPeriod(fromMonth: 12, fromDay: 29, toMonth: 1, toDay: 3)

    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let p = ClosedPeriod(s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not MM-DD..MM-DD"))
        }
        self = p
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// Business days on the Japanese calendar: weekdays that are neither national holidays
/// nor one of the organization's own closed days.
public struct BusinessCalendar: Sendable {
    public var closed: [ClosedPeriod]

    public init(closed: [ClosedPeriod] = []) { self.closed = closed }

    public func isBusinessDay(_ d: LocalDate) -> Bool {
        let wd = d.weekday
        if wd == 0 || wd == 6 { return false }
        if closed.contains(where: { $0.contains(d) }) { return false }
        return JapaneseHolidays.holiday(on: d) == nil
    }

    /// The n-th business day after `date` (the date itself never counts); n = 0 gives `date`.
    public func adding(businessDays n: Int, to date: LocalDate) -> LocalDate {
        precondition(n >= 0, "business days are counted forward")
        var d = date, left = n, idle = 0
        while left > 0 {
            d = d.adding(days: 1)
            if isBusinessDay(d) { left -= 1; idle = 0 } else { idle += 1 }
            // Closed periods that cover a whole year would never end: count calendar days instead.
            if idle > 366 { return date.adding(days: n) }
        }
        return d
    }

    /// Business days in (from, to]: how many have passed since `from` by the end of `to`.
    public func businessDays(from: LocalDate, to: LocalDate) -> Int {
        guard from < to else { return 0 }
        var n = 0, d = from
        while d < to {
            d = d.adding(days: 1)
            if isBusinessDay(d) { n += 1 }
        }
        return n
    }

    /// The report to the organization is due 3 business days after the day of intake (seed 003).
    public static let reportDays = 3

    public func reportDue(intakeDay: LocalDate) -> LocalDate {
        adding(businessDays: Self.reportDays, to: intakeDay)
    }
}
