import DeskApp
import DeskDomain
@testable import DeskTUI
import Foundation
import Testing

/// Issue 18, point 3: after an action under a filter, the case acted on stays selected and on screen.
@Suite("selection that sticks")
struct StickySelectionTests {
    static let c1 = CaseID(number: 1), c51 = CaseID(number: 51)

    /// C-000001 and C-000051 under review, the state filter on, C-000051 on screen.
    static func model() -> Model {
        var m = UpdateTests.model()
        m.rows = [UpdateTests.row(1), UpdateTests.row(51)]
        m.seenPosition = 10
        m.filter.state = .underReview
        m.selectedID = c51
        m.detail = UpdateTests.detail(m.rows[1])
        return m
    }

    @Test("after an action under a state filter the case pane stays on C-000051, marked outside the filter, and s acts on it")
    func staysAfterAction() {
        var m = Self.model()
        #expect(update(&m, .appended(Self.c51, types: ["reportDrafted"])) == [.loadChanges(since: 10), .loadDetail(Self.c51)])
        // The refresh: C-000051 has left the filter (reported), C-000001 still passes it.
        let reported = UpdateTests.row(51, state: .reported, version: 4)
        #expect(update(&m, .queueChanged([reported], through: 11)) == [.loadDetail(Self.c51)])
        _ = update(&m, .detailLoaded(UpdateTests.detail(reported)))
        #expect(m.selectedID == Self.c51)
        #expect(m.selectedRow?.id == Self.c51)
        #expect(m.detail?.summary.id == Self.c51)
        #expect(m.pinnedOutside)
        #expect(m.counts.shown == 1)                      // the title counts what passes the filter
        let screen = view(m).textLines.joined(separator: "\n")
        #expect(screen.contains(">~C-000051"), "\(screen)")
        #expect(screen.contains("Case C-000051  [outside the filter]"), "\(screen)")
        _ = update(&m, .keyPressed(.char("s")))
        guard case .menu(_, let id)? = m.prompt else { Issue.record("no menu: \(String(describing: m.prompt))"); return }
        #expect(id == Self.c51)
    }

    @Test("moving lets go: the case that left the filter drops out, and the move lands on a case that passes it")
    func movingLetsGo() {
        var m = Self.model()
        _ = update(&m, .appended(Self.c51, types: ["reportDrafted"]))
        _ = update(&m, .queueChanged([UpdateTests.row(51, state: .reported, version: 4)], through: 11))
        #expect(update(&m, .keyPressed(.char("k"))) == [.loadDetail(Self.c1)])
        #expect(m.selectedID == Self.c1)
        #expect(m.pinnedID == nil)
        #expect(!m.pinnedOutside)
        #expect(m.visible.map { m.rows[$0].id } == [Self.c1])
    }

    @Test("a filter the user changes lets go of the case too; a search index's answer does not")
    func filterChangeLetsGo() {
        var m = Self.model()
        _ = update(&m, .queueChanged([UpdateTests.row(51, state: .reported, version: 4)], through: 11))
        m.filter.hits = []
        #expect(m.pinnedID == Self.c51 && m.selectedID == Self.c51)
        _ = update(&m, .keyPressed(.char("f")))
        #expect(m.pinnedID == nil)
        #expect(m.selectedID != Self.c51)
    }
}
