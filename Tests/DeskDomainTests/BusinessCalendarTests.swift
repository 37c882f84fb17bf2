import DeskDomain
import Foundation
import Testing

@Suite("Business calendar")
struct BusinessCalendarTests {
    let plain = BusinessCalendar()
    let withYearEnd = BusinessCalendar(closed: [.yearEnd])

    // MARK: report due dates

    struct DueCase: Sendable, CustomTestStringConvertible {
        let name: String
        let intake: LocalDate
        let closed: [ClosedPeriod]
        let due: LocalDate
        var testDescription: String { name }
    }

    static let dueCases: [DueCase] = [
        DueCase(name: "Tuesday intake is due on Friday", intake: LocalDate(2026, 11, 10), closed: [],
                due: LocalDate(2026, 11, 13)),
        DueCase(name: "Friday intake skips the weekend and Labour Thanksgiving on Monday 23 November",
                intake: LocalDate(2026, 11, 20), closed: [], due: LocalDate(2026, 11, 26)),
        DueCase(name: "Saturday intake counts from Tuesday after the Monday holiday", intake: LocalDate(2026, 11, 21),
                closed: [], due: LocalDate(2026, 11, 26)),
        DueCase(name: "Saturday intake in an ordinary week is due on Wednesday", intake: LocalDate(2026, 11, 14),
                closed: [], due: LocalDate(2026, 11, 18)),
        DueCase(name: "Sunday intake is due on Wednesday", intake: LocalDate(2026, 11, 15), closed: [],
                due: LocalDate(2026, 11, 18)),
        DueCase(name: "intake on 30 April 2026 skips Golden Week (3-6 May) and is due on 8 May",
                intake: LocalDate(2026, 4, 30), closed: [], due: LocalDate(2026, 5, 8)),
        DueCase(name: "intake on 1 May 2026 is due on Monday 11 May", intake: LocalDate(2026, 5, 1), closed: [],
                due: LocalDate(2026, 5, 11)),
        DueCase(name: "intake before the Silver Week of 2026 (21-23 September) is due on 28 September",
                intake: LocalDate(2026, 9, 18), closed: [], due: LocalDate(2026, 9, 28)),
        DueCase(name: "Friday intake before the substitute holiday of 24 February 2025 is due on Thursday 27",
                intake: LocalDate(2025, 2, 21), closed: [], due: LocalDate(2025, 2, 27)),
        DueCase(name: "intake on 28 December with the year-end closure is due on 6 January",
                intake: LocalDate(2026, 12, 28), closed: [.yearEnd], due: LocalDate(2027, 1, 6)),
        DueCase(name: "intake on 28 December without a closure is due on 31 December",
                intake: LocalDate(2026, 12, 28), closed: [], due: LocalDate(2026, 12, 31)),
        DueCase(name: "intake on a closed day (30 December) counts from 4 January", intake: LocalDate(2026, 12, 30),
                closed: [.yearEnd], due: LocalDate(2027, 1, 6)),
        DueCase(name: "an organization's own closed days (Obon, 08-13..08-14) and 山の日 are skipped",
                intake: LocalDate(2026, 8, 10), closed: [ClosedPeriod("08-13..08-14")!], due: LocalDate(2026, 8, 18)),
    ]

    @Test("the report is due three business days after intake", arguments: dueCases)
    func reportDue(_ c: DueCase) {
        let calendar = BusinessCalendar(closed: c.closed)
        let due = calendar.reportDue(intakeDay: c.intake)
        #expect(due == c.due, "intake \(c.intake) (weekday \(c.intake.weekday))")
        #expect(calendar.isBusinessDay(due))
        #expect(calendar.businessDays(from: c.intake, to: due) == BusinessCalendar.reportDays)
    }

    @Test("the days between intake and due date in Golden Week 2026 are holidays")
    func goldenWeek2026() {
        #expect(LocalDate(2026, 5, 3).weekday == 0)
        for day in 3...6 {
            #expect(!plain.isBusinessDay(LocalDate(2026, 5, day)), "2026-05-0\(day)")
        }
        #expect(plain.isBusinessDay(LocalDate(2026, 5, 1)))
        #expect(plain.isBusinessDay(LocalDate(2026, 5, 7)))
    }

    @Test("weekends, holidays and closed days are not business days")
    func businessDays() {
        #expect(plain.isBusinessDay(LocalDate(2026, 11, 20)))        // Friday
        #expect(!plain.isBusinessDay(LocalDate(2026, 11, 21)))       // Saturday
        #expect(!plain.isBusinessDay(LocalDate(2026, 11, 22)))       // Sunday
        #expect(!plain.isBusinessDay(LocalDate(2026, 11, 23)))       // 勤労感謝の日, Monday
        #expect(plain.isBusinessDay(LocalDate(2026, 12, 29)))
        #expect(!withYearEnd.isBusinessDay(LocalDate(2026, 12, 29)))
        #expect(!withYearEnd.isBusinessDay(LocalDate(2027, 1, 2)))
        #expect(withYearEnd.isBusinessDay(LocalDate(2027, 1, 4)))
        #expect(!withYearEnd.isBusinessDay(LocalDate(2027, 1, 11)))  // 成人の日
    }

    @Test("adding zero business days gives the same day, even a holiday")
    func addingZero() {
        let holiday = LocalDate(2026, 11, 23)
        #expect(plain.adding(businessDays: 0, to: holiday) == holiday)
        #expect(plain.adding(businessDays: 1, to: holiday) == LocalDate(2026, 11, 24))
    }

    @Test("business days are counted in (from, to]")
    func counting() {
        #expect(plain.businessDays(from: LocalDate(2026, 11, 20), to: LocalDate(2026, 11, 20)) == 0)
        #expect(plain.businessDays(from: LocalDate(2026, 11, 26), to: LocalDate(2026, 11, 20)) == 0)
        #expect(plain.businessDays(from: LocalDate(2026, 11, 19), to: LocalDate(2026, 11, 20)) == 1)
        #expect(plain.businessDays(from: LocalDate(2026, 11, 20), to: LocalDate(2026, 11, 24)) == 1)
        #expect(plain.businessDays(from: LocalDate(2026, 4, 28), to: LocalDate(2026, 5, 8)) == 4)
        #expect(withYearEnd.businessDays(from: LocalDate(2026, 12, 25), to: LocalDate(2027, 1, 8)) == 6)
        #expect(plain.businessDays(from: LocalDate(2025, 12, 31), to: LocalDate(2026, 12, 31)) == 244)
        #expect(withYearEnd.businessDays(from: LocalDate(2025, 12, 31), to: LocalDate(2026, 12, 31)) == 240)
    }

    // MARK: closed periods

    @Test("a closed period parses from MM-DD..MM-DD or a single MM-DD")
    func parsing() throws {
        let yearEnd = try #require(ClosedPeriod("12-29..01-03"))
        #expect(yearEnd == .yearEnd)
        #expect(yearEnd.description == "12-29..01-03")

        let obon = try #require(ClosedPeriod("08-15"))
        #expect(obon == ClosedPeriod(fromMonth: 8, fromDay: 15, toMonth: 8, toDay: 15))
        #expect(obon.description == "08-15")

        #expect(ClosedPeriod("02-29") != nil)
    }

    @Test("bad closed periods are refused",
          arguments: ["", "12-29..", "..01-03", "12-29..01-03..01-05", "12-29...01-03", "13-01", "00-10", "12-32",
                      "04-31", "02-30", "1-03", "12-3", "12/29", "1229", "12-29-01", "aa-bb", "12-29 ..01-03"])
    func badParsing(_ text: String) {
        #expect(ClosedPeriod(text) == nil)
    }

    @Test("a closed period refuses signed numbers")
    func signedNumbers() {
        #expect(ClosedPeriod("+1-03") == nil)
        #expect(ClosedPeriod("12-+3") == nil)
    }

    @Test("a closed period that wraps the year end contains both ends and nothing else")
    func containsAcrossYearEnd() {
        let p = ClosedPeriod.yearEnd
        #expect(p.contains(LocalDate(2026, 12, 29)))
        #expect(p.contains(LocalDate(2026, 12, 31)))
        #expect(p.contains(LocalDate(2027, 1, 1)))
        #expect(p.contains(LocalDate(2027, 1, 3)))
        #expect(!p.contains(LocalDate(2026, 12, 28)))
        #expect(!p.contains(LocalDate(2027, 1, 4)))
        #expect(!p.contains(LocalDate(2027, 6, 15)))

        let obon = ClosedPeriod("08-13..08-16")!
        #expect(obon.contains(LocalDate(2026, 8, 13)))
        #expect(obon.contains(LocalDate(2026, 8, 16)))
        #expect(!obon.contains(LocalDate(2026, 8, 12)))
        #expect(!obon.contains(LocalDate(2026, 8, 17)))
        #expect(!obon.contains(LocalDate(2026, 12, 30)))

        let single = ClosedPeriod("08-15")!
        #expect(single.contains(LocalDate(2030, 8, 15)))
        #expect(!single.contains(LocalDate(2030, 8, 16)))
    }

    @Test("a closed period is stored as its text and read back")
    func closedPeriodCoding() throws {
        let data = try JSONEncoder().encode([ClosedPeriod.yearEnd, ClosedPeriod("08-15")!])
        #expect(String(decoding: data, as: UTF8.self) == #"["12-29..01-03","08-15"]"#)
        #expect(try JSONDecoder().decode([ClosedPeriod].self, from: data) == [.yearEnd, ClosedPeriod("08-15")!])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([ClosedPeriod].self, from: Data(#"["12-32"]"#.utf8)) }
    }

    // MARK: local dates

    @Test("1970-01-01 is day 0 and a Thursday")
    func epoch() {
        let d = LocalDate(1970, 1, 1)
        #expect(d.dayNumber == 0)
        #expect(d.weekday == 4)
        #expect(LocalDate(dayNumber: 0) == d)
        #expect(LocalDate(1969, 12, 31).dayNumber == -1)
        #expect(LocalDate(1969, 12, 28).weekday == 0)
        #expect(LocalDate(2026, 11, 20).weekday == 5)
        #expect(LocalDate(2000, 3, 1).dayNumber == 11_017)
    }

    @Test("dates round-trip through their day number",
          arguments: [-800_000, -719_468, -1, 0, 1, 59, 365, 10_956, 11_016, 11_017, 20_513, 47_482, 1_000_000])
    func dayNumberRoundTrip(_ n: Int) {
        let d = LocalDate(dayNumber: n)
        #expect(d.dayNumber == n)
        #expect((1...12).contains(d.month))
        #expect(d.day >= 1 && d.day <= LocalDate.daysIn(month: d.month, year: d.year))
    }

    @Test("every day from 1969 to 2101 follows the previous one")
    func consecutiveDays() {
        var d = LocalDate(1969, 1, 1)
        var wrong: [String] = []
        while d.year < 2101 && wrong.count < 10 {
            let next = d.adding(days: 1)
            let expected: LocalDate =
                d.day < LocalDate.daysIn(month: d.month, year: d.year) ? LocalDate(d.year, d.month, d.day + 1)
                : d.month < 12 ? LocalDate(d.year, d.month + 1, 1) : LocalDate(d.year + 1, 1, 1)
            if next != expected || next.dayNumber != d.dayNumber + 1 || next.weekday != (d.weekday + 1) % 7
                || !(d < next) || LocalDate(iso: next.description) != next {
                wrong.append("\(d) -> \(next)")
            }
            d = next
        }
        #expect(wrong.isEmpty, "\(wrong)")
        #expect(d == LocalDate(2101, 1, 1))
    }

    @Test("ISO dates parse and print back")
    func isoRoundTrip() throws {
        for text in ["2026-11-20", "2024-02-29", "1970-01-01", "2099-12-31"] {
            let d = try #require(LocalDate(iso: text))
            #expect(d.description == text)
        }
        #expect(LocalDate(iso: "2026-11-20") == LocalDate(2026, 11, 20))
    }

    @Test("impossible or malformed ISO dates are refused",
          arguments: ["2026-02-30", "2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
                      "2026-1-01", "26-01-01", "2026/01/01", "2026-01-01T00:00", "", "2026--01", "２０２６-01-01"])
    func isoRefused(_ text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test("ISO dates refuse signed numbers")
    func isoSigned() {
        #expect(LocalDate(iso: "+026-01-01") == nil)
        #expect(LocalDate(iso: "2026-+1-05") == nil)
    }

    @Test("a date is stored as YYYY-MM-DD")
    func dateCoding() throws {
        let data = try JSONEncoder().encode(LocalDate(2026, 5, 6))
        #expect(String(decoding: data, as: UTF8.self) == #""2026-05-06""#)
        #expect(try JSONDecoder().decode(LocalDate.self, from: data) == LocalDate(2026, 5, 6))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(LocalDate.self, from: Data(#""2026-02-30""#.utf8)) }
    }

    @Test("an instant is read as the day in Japan (UTC+9)")
    func japanTime() {
        // 2026-11-20T14:59:59Z is 23:59:59 in Japan; a second later it is the 21st there.
        let before = Date(timeIntervalSince1970: Double(LocalDate(2026, 11, 20).dayNumber) * 86_400 + 14 * 3600 + 3599)
        #expect(LocalDate(japanTime: before) == LocalDate(2026, 11, 20))
        #expect(LocalDate(japanTime: before.addingTimeInterval(1)) == LocalDate(2026, 11, 21))
        #expect(LocalDate(japanTime: Date(timeIntervalSince1970: -9 * 3600 - 1)) == LocalDate(1969, 12, 31))
        #expect(LocalDate(japanTime: Date(timeIntervalSince1970: -9 * 3600)) == LocalDate(1970, 1, 1))
    }
}
