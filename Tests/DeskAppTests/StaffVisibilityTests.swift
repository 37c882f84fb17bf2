import DeskApp
import DeskDomain
import Foundation
import Testing

/// A clerk's console is the counter's: they see the cases they recorded themselves, and no other organization's
/// complaints. The desk enforces it in every read, not the view.
@Suite("what staff see")
struct StaffVisibilityTests {
    /// The world's two cases are the clerk's; an operator takes in a third at another organization.
    static func world() throws -> (World, other: CaseID) {
        let w = try World()
        try w.desk(.supervisor).registerOrganization(OrganizationRegistered(id: "other-shop", name: "別の店", branches: [], reportTo: "本部",
                                                                            language: .ja))
        var s = World.submission
        s.organization = "other-shop"
        s.branch = nil
        s.store = nil
        s.complaint = "別の組織の苦情本文"
        s.original = Data(#"{"form":"other"}"#.utf8)
        guard case .new(let id, _, _) = try w.desk(.operator).takeIn(s) else { throw DeskError.notEmpty }
        return (w, id)
    }

    @Test("the queue, its counts, a case's detail, search and the case count hold only the clerk's own cases")
    func ownCasesOnly() throws {
        let (w, other) = try Self.world()
        let staff = w.desk(.staff)
        #expect(Set(try staff.queue().rows.map(\.id)) == [w.webCase, w.counterCase])
        #expect(try staff.queueHead(limit: 10).total == 2)
        #expect(try staff.caseCount() == 2)
        #expect(try staff.caseSummary(other) == nil)
        #expect(throws: DeskError.noSuchCase(other.description)) { try staff.caseDetail(other) }
        #expect(try staff.search("別の組織").isEmpty)
        #expect(try staff.search("怒鳴られた") == [w.webCase])
        var seen: [CaseID] = []
        try staff.forEachCase { seen.append($0.id) }
        #expect(Set(seen) == [w.webCase, w.counterCase])
        #expect(try staff.casesChanged(after: 0).rows.allSatisfy { $0.id != other })
    }

    @Test("another clerk at the same organization sees their own hand-over, not this clerk's, and this clerk not theirs")
    func anotherClerk() throws {
        let (w, _) = try Self.world()
        try w.desk(.supervisor).addStaff("u-staff2", role: .staff, displayName: "受付二")
        let theirs = try w.desk("u-staff2").handOver(CounterReport(organization: "demo-hotel", complaint: "同じホテルの別の窓口で怒鳴られた",
                                                                   facts: FactSheet())).id
        let mine = w.desk(.staff), other = w.desk("u-staff2")
        #expect(Set(try mine.queue().rows.map(\.id)) == [w.webCase, w.counterCase])
        #expect(try mine.caseSummary(theirs) == nil)
        #expect(throws: DeskError.noSuchCase(theirs.description)) { try mine.caseDetail(theirs) }
        #expect(try mine.search("別の窓口").isEmpty)
        #expect(try other.queue().rows.map(\.id) == [theirs])
        #expect(throws: DeskError.noSuchCase(w.counterCase.description)) { try other.caseDetail(w.counterCase) }
        #expect(try other.search("土下座").isEmpty)
    }

    @Test("a clerk logs an enquiry on the reference number a customer gives, without reading the case; the rest of the line sees every case")
    func othersUnchanged() throws {
        let (w, other) = try Self.world()
        #expect(try w.desk(.staff).act(.logEnquiry(.phone), on: other).count == 1)
        #expect(throws: DeskError.noSuchCase(other.description)) { try w.desk(.staff).caseDetail(other) }
        for role in [Role.operator, .supervisor, .auditor, .counsellor] {
            #expect(try w.desk(role).queue().rows.count == 3, "\(role)")
        }
        #expect(try w.desk(.operator).caseDetail(other).summary.openedBy == World.user(.operator))
    }

    @Test("the role matrix says who sees only their own cases")
    func matrix() {
        #expect(Role.allCases.filter(RoleMatrix.seesOwnCasesOnly) == [.staff])
    }
}
