import DeskDomain
import DeskApp

/// `M`: last month's totals (seed 003 sends them at the start of each month), the selected case's organization first.
func openMonthly(_ m: inout Model) -> [Command] {
    if let why = m.keyRefusal(.showMonthly) { return refuse(&m, why) }
    let org = m.detail.map(\.summary.organization)
    let month = Month(m.today).previous
    m.monthly = nil
    m.prompt = .monthly(organization: org, month, scroll: 0)
    return [.loadMonthly(org, month)]
}

func monthlyLoaded(_ m: inout Model, _ totals: MonthlyTotals, _ orgs: [OrganizationSummary]) -> [Command] {
    m.monthly = totals
    m.monthlyOrganizations = orgs
    if case .monthly(_, let month, let scroll)? = m.prompt {
        m.prompt = .monthly(organization: OrganizationID(totals.organization), month, scroll: scroll)
    }
    return []
}

func monthlyKey(_ m: inout Model, _ org: OrganizationID?, _ month: Month, _ scroll: Int, _ key: Key) -> [Command] {
    let action = KeyMap.action(for: key, in: .monthly)
    switch action {
    case .moveUp?: m.prompt = .monthly(organization: org, month, scroll: max(0, scroll - 1))
    case .moveDown?: m.prompt = .monthly(organization: org, month, scroll: min(scroll + 1, m.monthlyMaxScroll))
    case .previousMonth?, .nextMonth?:
        let next = action == .previousMonth ? month.previous : month.next
        m.prompt = .monthly(organization: org, next, scroll: scroll)
        return [.loadMonthly(org, next)]
    case .nextOrganization?:
        let orgs = m.monthlyOrganizations
        guard !orgs.isEmpty else { return [] }
        let i = orgs.firstIndex { $0.id.rawValue == m.monthly?.organization } ?? -1
        let next = orgs[(i + 1) % orgs.count].id
        m.prompt = .monthly(organization: next, month, scroll: 0)
        return [.loadMonthly(next, month)]
    case .close?: m.prompt = nil
    default: break
    }
    return []
}
