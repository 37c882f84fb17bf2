import DeskDomain
import Foundation
import Testing

/// The holiday list published by the Cabinet Office, 1970-2050, as `date,name` lines.
enum HolidayFixture {
    struct Entry: Sendable {
        let date: LocalDate
        let name: String
    }

    static let entries: [Entry] = {
        guard let dir = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("the Fixtures folder is missing from the test bundle")
        }
        let url = dir.appendingPathComponent("jp-holidays-1970-2050.csv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("cannot read \(url.path)")
        }
        var out: [Entry] = []
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let cols = line.split(separator: ",", maxSplits: 1)
            guard cols.count == 2, let date = LocalDate(iso: String(cols[0])) else {
                fatalError("bad fixture line: \(line)")
            }
            out.append(Entry(date: date, name: String(cols[1])))
        }
        return out
    }()

    static let byYear: [Int: [Entry]] = Dictionary(grouping: entries, by: \.date.year)

    /// The kind a holiday's official name implies.
    static func kind(forName name: String) -> JapaneseHolidays.Kind {
        if name == "休日" { return .citizens }
        if name.hasSuffix("振替休日") { return .substitute }
        if ["休日（祝日扱い）", "大喪の礼", "即位礼正殿の儀", "結婚の儀"].contains(name) { return .special }
        return .national
    }
}

@Suite("Japanese holidays")
struct JapaneseHolidaysTests {
    @Test("the fixture covers every year from 1970 to 2050")
    func fixtureCoversEveryYear() {
        #expect(Set(HolidayFixture.byYear.keys) == Set(1970...2050))
        #expect(HolidayFixture.entries.count > 80 * 15)
    }

    @Test("a year's holidays and their kinds match the Cabinet Office list", arguments: 1970...2050)
    func matchesCabinetOfficeList(year: Int) {
        do {
            let expected = HolidayFixture.byYear[year] ?? []
            let actual = JapaneseHolidays.holidays(in: year)

            let expectedDates = Set(expected.map(\.date))
            let actualDates = Set(actual.map(\.date))
            let missing = expectedDates.subtracting(actualDates).sorted()
            let extra = actualDates.subtracting(expectedDates).sorted()
            #expect(missing.isEmpty && extra.isEmpty,
                    "\(year): missing \(missing.map(\.description)), not holidays \(extra.map(\.description))")

            let actualByDate = Dictionary(actual.map { ($0.date, $0) }, uniquingKeysWith: { a, _ in a })
            for e in expected {
                guard let h = actualByDate[e.date] else { continue }
                let want = HolidayFixture.kind(forName: e.name)
                #expect(h.kind == want, "\(e.date) \(e.name): kind \(h.kind), expected \(want)")
            }
            // Every holiday of the year is in the year, in date order, and on a distinct day.
            #expect(actual.allSatisfy { $0.date.year == year })
            #expect(actual.map(\.date) == actual.map(\.date).sorted())
            #expect(actualDates.count == actual.count)
        }
    }

    @Test("equinox days of known years")
    func equinoxes() {
        #expect(JapaneseHolidays.vernalEquinoxDay(2026) == 20)
        #expect(JapaneseHolidays.autumnalEquinoxDay(2026) == 23)
        #expect(JapaneseHolidays.vernalEquinoxDay(2020) == 20)
        #expect(JapaneseHolidays.autumnalEquinoxDay(2020) == 22)
        #expect(JapaneseHolidays.vernalEquinoxDay(2012) == 20)
        #expect(JapaneseHolidays.autumnalEquinoxDay(2012) == 22)
        #expect(JapaneseHolidays.vernalEquinoxDay(2000) == 20)
        #expect(JapaneseHolidays.autumnalEquinoxDay(2000) == 23)
        #expect(JapaneseHolidays.vernalEquinoxDay(1980) == 20)
        #expect(JapaneseHolidays.autumnalEquinoxDay(1980) == 23)
        #expect(JapaneseHolidays.vernalEquinoxDay(1979) == 21)
        #expect(JapaneseHolidays.autumnalEquinoxDay(1979) == 24)
    }

    @Test("equinox days of the 1970s follow the almanac (its int() truncates toward zero)")
    func equinoxesOfThe1970s() {
        #expect(JapaneseHolidays.vernalEquinoxDay(1970) == 21)
        #expect(JapaneseHolidays.autumnalEquinoxDay(1970) == 23)
        #expect(JapaneseHolidays.vernalEquinoxDay(1972) == 20)
        #expect(JapaneseHolidays.autumnalEquinoxDay(1972) == 23)
        #expect(JapaneseHolidays.vernalEquinoxDay(1978) == 21)
        #expect(JapaneseHolidays.autumnalEquinoxDay(1978) == 23)
    }

    @Test("the equinox holidays of 2026 fall on 20 March and 23 September")
    func equinoxHolidays2026() {
        #expect(JapaneseHolidays.holiday(on: LocalDate(2026, 3, 20))?.name == "春分の日")
        #expect(JapaneseHolidays.holiday(on: LocalDate(2026, 9, 23))?.name == "秋分の日")
        #expect(JapaneseHolidays.holiday(on: LocalDate(2026, 3, 21)) == nil)
    }

    @Test("a day between two national holidays becomes a citizens' holiday (2026-09-22)")
    func citizensHoliday() {
        let h = JapaneseHolidays.holiday(on: LocalDate(2026, 9, 22))
        #expect(h?.kind == .citizens)
        #expect(h?.name == "休日")
    }

    @Test("a Sunday holiday moves to the next day that is not a holiday (2026-05-06)")
    func substituteAfterGoldenWeek() {
        let h = JapaneseHolidays.holiday(on: LocalDate(2026, 5, 6))
        #expect(h?.kind == .substitute)
        #expect(h?.name.hasSuffix("振替休日") == true)
    }

    @Test("no substitute holidays before 12 April 1973")
    func noSubstituteBefore1973() {
        // 建国記念の日 1973 fell on a Sunday, before the rule; 天皇誕生日 on Sunday 29 April 1973 moved.
        #expect(LocalDate(1973, 2, 11).weekday == 0)
        #expect(JapaneseHolidays.holiday(on: LocalDate(1973, 2, 12)) == nil)
        #expect(JapaneseHolidays.holiday(on: LocalDate(1973, 4, 30))?.kind == .substitute)
    }

    @Test("years outside 1970-2099 have no holidays")
    func outsideSupportedYears() {
        #expect(JapaneseHolidays.holidays(in: 2100).isEmpty)
        #expect(JapaneseHolidays.holidays(in: 1969).isEmpty)
        #expect(JapaneseHolidays.holiday(on: LocalDate(2100, 1, 1)) == nil)
        #expect(!JapaneseHolidays.holidays(in: 2099).isEmpty)
    }
}
