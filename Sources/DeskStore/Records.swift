import DeskDomain
import Foundation

enum Timestamp {
    /// `YYYY-MM-DDTHH:MM:SS.mmmZ`, UTC, always 24 characters.
    static func string(_ date: Date) -> String {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let secs = Int(ms.quotientFloor(1000)), milli = Int(ms - Int64(secs) * 1000)
        let day = LocalDate(dayNumber: Int(Int64(secs).quotientFloor(86400)))
        let sod = secs - (Int(Int64(secs).quotientFloor(86400)) * 86400)
        return day.description + "T" + (sod / 3600).padded(2) + ":" + (sod / 60 % 60).padded(2) + ":" + (sod % 60).padded(2)
            + "." + milli.padded(3) + "Z"
    }

    static func date(_ s: String) -> Date? {
        let u = Array(s.utf8)
        guard u.count == 24, let d = LocalDate(iso: String(s.prefix(10))),
              let h = Int(s.dropFirst(11).prefix(2)), let m = Int(s.dropFirst(14).prefix(2)),
              let sec = Int(s.dropFirst(17).prefix(2)), let ms = Int(s.dropFirst(20).prefix(3)) else { return nil }
        let t = Double(d.dayNumber) * 86400 + Double(h * 3600 + m * 60 + sec) + Double(ms) / 1000
        return Date(timeIntervalSince1970: t)
    }
}

extension Int64 {
    func quotientFloor(_ d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}
