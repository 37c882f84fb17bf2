import DeskDomain
import Foundation

extension Desk {
    // MARK: Organizations

    public func organizations() throws -> [OrganizationSummary] {
        try require(.listOrganizations)
        return try reads.organizations()
    }

    /// The organizations' names by id, for everyone who reads the queue: people are shown names, not ids.
    public func organizationNames() throws -> [OrganizationID: String] {
        try require(.readQueue)
        return Dictionary(try reads.organizations().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    public func organization(_ id: OrganizationID) throws -> OrganizationDetails {
        try require(.listOrganizations)
        guard let o = try reads.organization(id) else { throw try unknownOrganization(id) }
        return o
    }

    /// The counter policy in force at an organization (its own if it adopted one).
    public func policy(for id: OrganizationID) throws -> PolicyTable {
        _ = try me()
        guard let o = try reads.organization(id) else { throw try unknownOrganization(id) }
        return o.summary.policy
    }

    /// Registers an organization the desk serves.
    public func registerOrganization(_ org: OrganizationRegistered) throws {
        try require(.registerOrganization)
        guard try reads.organization(org.id) == nil else { throw DeskError.alreadyRegistered(org.id.rawValue) }
        do {
            try log.append([.organizationRegistered(org)], to: .stream(org.id.streamID), expected: .noStream, actor: actor, at: clock(),
                           newSubjects: [], evidence: [])
        } catch AppendError.wrongExpectedVersion {
            throw DeskError.alreadyRegistered(org.id.rawValue)
        }
    }

    /// Puts a validated policy in force at an organization; the whole table is recorded.
    public func adoptPolicy(_ table: PolicyTable, at org: OrganizationID) throws {
        try require(.adoptPolicy)
        guard try reads.organization(org) != nil else { throw try unknownOrganization(org) }
        try appendToOwnStream([.policyAdopted(PolicyAdopted(table: table))], org.streamID)
    }

    // MARK: The staff

    public func staffList() throws -> [StaffMember] {
        try require(.listStaff)
        return try reads.staffList()
    }

    /// Gives an OS user a role (or a new one); never leaves the desk without an active supervisor.
    public func addStaff(_ user: String, role: Role, displayName: String) throws {
        try require(.manageStaff)
        try keepASupervisor(changing: user, to: role)
        try appendToOwnStream([.staffAdded(StaffAdded(user: user, displayName: displayName, role: role))], StreamID.staff(user))
    }

    /// Takes an OS user off the desk (the log keeps what they did).
    public func removeStaff(_ user: String) throws {
        let me = try require(.manageStaff)
        guard user != me.user else { throw DeskError.cannotRemoveYourself }
        guard let m = try reads.staffMember(user) else { throw DeskError.notOnStaff(user) }
        guard m.active else { throw DeskError.removedFromStaff(user) }
        try keepASupervisor(changing: user, to: nil)
        try appendToOwnStream([.staffRemoved(StaffRemoved(user: user))], StreamID.staff(user))
    }

    /// Refuses a change that would leave the desk with no active supervisor (nobody could manage it).
    func keepASupervisor(changing user: String, to role: Role?) throws {
        guard role != .supervisor else { return }
        let others = try reads.staffList().filter { $0.active && $0.role == .supervisor && $0.user != user }
        if others.isEmpty { throw DeskError.lastSupervisor(user) }
    }
}
