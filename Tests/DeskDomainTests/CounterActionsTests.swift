import DeskDomain
import Testing

/// What the clerk ticks on the decision screen, recorded: each item its own event, a 110 call the ladder's last step.
@Suite("counter actions")
struct CounterActionsTests {
    static let clerk = DecisionContext(actor: "tanaka")

    static func state(lane: Lane, _ more: [DeskEvent] = []) -> CaseState {
        var facts = FactSheet()
        facts.refusesToLeave = true
        let handed = HandedOver(lane: lane, rule: "sit-in", policyVersion: "standard/2", behaviours: [], scripts: ["handover-to-desk"],
                                leaflet: "desk-leaflet", actions: [.secondStaff, .call110], answers: facts)
        return ([PoliceLadderTests.intake, .factsRecorded(facts), .handedOver(handed)] + more).reduce(CaseState.initial, CaseState.evolve)
    }

    static func decide(_ actions: [RequiredAction], _ s: CaseState) -> Result<[DeskEvent], DecideError> {
        Result { () throws(DecideError) in try CaseDecider.decide(.recordCounterActions(actions), s, clerk) }
    }

    @Test("each ticked item is an event; a ticked 110 call is the ladder's call110 step, whatever step the ladder was on")
    func eachItem() {
        #expect(Self.decide([.secondStaff, .call110, .preserveEvidence], Self.state(lane: .handover)) == .success([
            .counterActionTaken(CounterActionTaken(action: .secondStaff)),
            .ladderStepTaken(LadderStepTaken(step: .call110)),
            .counterActionTaken(CounterActionTaken(action: .preserveEvidence)),
        ]))
    }

    @Test("what is already recorded is not recorded twice; nothing new records nothing")
    func noRepeats() {
        let s = Self.state(lane: .handover, [.counterActionTaken(CounterActionTaken(action: .secondStaff)),
                                             .ladderStepTaken(LadderStepTaken(step: .call110))])
        #expect(Self.decide([.secondStaff, .call110], s) == .success([]))
        #expect(Self.decide([.secondStaff, .secondStaff], Self.state(lane: .handover)) ==
                .success([.counterActionTaken(CounterActionTaken(action: .secondStaff))]))
    }

    @Test("a 110 call puts the case in the danger lane")
    func call110MeansDanger() {
        #expect(Self.state(lane: .handover).lane == .handover)
        #expect(Self.state(lane: .handover, [.ladderStepTaken(LadderStepTaken(step: .call110))]).lane == .danger)
        #expect(Self.state(lane: .handover, [.ladderStepTaken(LadderStepTaken(step: .askToStop))]).lane == .handover)
    }

    @Test("a closed case takes no counter actions")
    func closedRefused() {
        let s = Self.state(lane: .handover, [.reviewStarted, .closed(Closed(outcome: "done"))])
        #expect(Self.decide([.secondStaff], s) == .failure(.wrongState(command: "record what the counter did", status: .closed)))
    }
}
