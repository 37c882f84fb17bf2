import DeskDomain
import DeskApp
import Foundation

/// The counter form: facts and the customer's words, then hand over. No field asks "is this harassment?".
public struct CounterForm: Equatable, Sendable {
    public enum Field: Equatable, Sendable {
        case organization, place, channel, complaint, words, demand, staff, fact(FactName), submit
    }

    public var organizations: [OrganizationSummary]
    public var org = 0
    /// Index into the organization's (branch, store) pairs; nil: not given.
    public var place: Int?
    public var channel: Channel = .counter
    public var complaint = TextField(limit: 20_000)
    public var words = TextField(limit: 20_000)
    public var demand = TextField(limit: 20_000)
    /// Names separated by commas (、 or ,).
    public var staff = TextField(limit: 2_000)
    public var facts = FactSheet()
    public var minutes = TextField(limit: 5)
    public var contacts = TextField(limit: 5)
    /// Once the clerk types the minutes, the timer stops filling them in.
    public var minutesTyped = false
    public var focus = 0
    public var scroll = 0
    public let openedAt: Date

    public init(organizations: [OrganizationSummary], openedAt: Date) {
        self.organizations = organizations
        self.openedAt = openedAt
    }

    public static let fields: [Field] = [.organization, .place, .channel, .complaint, .words, .demand, .staff]
        + FactName.allCases.map { .fact($0) } + [.submit]

    public var field: Field { Self.fields[focus] }

    /// The organization's (branch, store) pairs, in registration order.
    public var places: [(branch: String, store: String?)] {
        guard organizations.indices.contains(org) else { return [] }
        return organizations[org].branches.flatMap { b in
            b.stores.isEmpty ? [(b.name, nil)] : b.stores.map { (b.name, Optional($0)) }
        }
    }

    public var isDirty: Bool {
        !complaint.text.isEmpty || !words.text.isEmpty || !demand.text.isEmpty || !staff.text.isEmpty
            || facts.answered.contains { !$0.isCount } || minutesTyped || !contacts.text.isEmpty
    }

    public func elapsedMinutes(at now: Date) -> Int { max(0, Int(now.timeIntervalSince(openedAt) / 60)) }

    /// The report as the store takes it (nil while the complaint is empty).
    public func report(language: Language, now: Date) -> CounterReport? {
        guard organizations.indices.contains(org), !complaint.isBlank else { return nil }
        var f = facts
        f.minutesSpent = minutesTyped ? Int(minutes.text) ?? 0 : elapsedMinutes(at: now)
        f.earlierContacts = Int(contacts.text) ?? 0
        let p = place.flatMap { places.indices.contains($0) ? places[$0] : nil }
        let names = staff.text.split(whereSeparator: { $0 == "," || $0 == "、" || $0 == "，" }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return CounterReport(organization: organizations[org].id, branch: p?.branch, store: p?.store, channel: channel,
                             language: language, occurredAt: ISO8601DateFormatter().string(from: openedAt),
                             complaint: complaint.text, words: words.isBlank ? nil : words.text,
                             demand: demand.isBlank ? nil : demand.text, staff: names, facts: f)
    }
}

