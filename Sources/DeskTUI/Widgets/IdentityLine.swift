import DeskDomain
import DeskApp
import Foundation

/// Who is at the console, on which database, review-only or not, and the time: visible at every size.
struct IdentityLine: Translated {
    let me: StaffMember
    let database: String
    let readOnly: Bool
    let now: Date
    let language: Language

    func render(into s: inout Screen) {
        var parts = ["mado 窓口", Sanitizer.visible("\(me.displayName) (\(me.user), \(me.role.label(language)))"), Sanitizer.visible(database)]
        if readOnly { parts.append("[\(t(.readOnly))]") }
        parts.append(Clock.now(now))
        s.putPadded(" " + parts.joined(separator: " | "), x: 0, y: 0, width: s.width, role: .header)
    }
}
