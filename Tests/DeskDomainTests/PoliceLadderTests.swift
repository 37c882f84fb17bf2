import DeskDomain
import Testing

@Suite("police ladder")
struct PoliceLadderTests {
    static let a = SubjectID("s-00000000000000a1")
    static let intake = DeskEvent.intakeRecorded(IntakeRecorded(
        organization: "demo-hotel", channel: .counter, language: .ja, applicant: Applicant(subject: a, anonymous: true),
        complaint: Personal("大声で2時間", owner: a)))
    static let clerk = DecisionContext(actor: "tanaka")

    static func state(_ steps: [LadderStep], facts: FactSheet = FactSheet()) -> CaseState {
        ([intake, .factsRecorded(facts)] + steps.map { .ladderStepTaken(LadderStepTaken(step: $0)) })
            .reduce(CaseState.initial, CaseState.evolve)
    }

    static func decide(_ step: LadderStep, after steps: [LadderStep], facts: FactSheet = FactSheet()) -> Result<[DeskEvent], DecideError> {
        Result { () throws(DecideError) in try CaseDecider.decide(.takeLadderStep(step), state(steps, facts: facts), clerk) }
    }

    @Test("the steps go in order: end, ask (up to 3), order to leave (up to 3), final warning, 110")
    func order() {
        let full: [LadderStep] = [.endResponse, .askToStop, .askToStop, .orderToLeave, .orderToLeave, .orderToLeave, .finalWarning, .call110]
        for i in full.indices {
            #expect(Self.decide(full[i], after: Array(full[..<i])) == .success([.ladderStepTaken(LadderStepTaken(step: full[i]))]),
                    "step \(i): \(full[i])")
        }
    }

    @Test("a step out of order is refused with what comes first")
    func outOfOrder() {
        #expect(Self.decide(.askToStop, after: []) == .failure(.invalid(field: "ladder", reason: "first tell them the response has ended")))
        #expect(Self.decide(.orderToLeave, after: [.endResponse]) == .failure(.invalid(field: "ladder", reason: "first ask them to stop")))
        #expect(Self.decide(.call110, after: [.endResponse, .askToStop, .orderToLeave]) ==
                .failure(.invalid(field: "ladder", reason: "first give the final warning (or record a weapon or a threat to life: danger lane)")))
        #expect(Self.decide(.askToStop, after: [.endResponse, .askToStop, .askToStop, .askToStop]) ==
                .failure(.invalid(field: "ladder", reason: "askToStop was already taken 3 time(s)")))
        #expect(Self.decide(.endResponse, after: [.endResponse]) ==
                .failure(.invalid(field: "ladder", reason: "endResponse was already taken 1 time(s)")))
    }

    @Test("a weapon or a threat to life skips straight to 110, and after 110 the ladder is done")
    func danger() {
        var knife = FactSheet()
        knife.weaponOrPhysicalContact = true
        #expect(Self.decide(.call110, after: [], facts: knife) == .success([.ladderStepTaken(LadderStepTaken(step: .call110))]))
        #expect(Self.state([], facts: knife).ladder.next(danger: true) == .call110)
        #expect(Self.decide(.askToStop, after: [.call110], facts: knife) ==
                .failure(.invalid(field: "ladder", reason: "110 has already been called")))
        #expect(Self.state([.call110], facts: knife).ladder.next(danger: true) == nil)
    }

    @Test("the next step suggested follows the ladder")
    func next() {
        #expect(Self.state([]).ladder.next(danger: false) == .endResponse)
        #expect(Self.state([.endResponse]).ladder.next(danger: false) == .askToStop)
        #expect(Self.state([.endResponse, .askToStop]).ladder.next(danger: false) == .orderToLeave)
        #expect(Self.state([.endResponse, .askToStop, .orderToLeave]).ladder.next(danger: false) == .finalWarning)
        #expect(Self.state([.endResponse, .askToStop, .orderToLeave, .finalWarning]).ladder.next(danger: false) == .call110)
    }

    @Test("a closed case takes no step")
    func refusals() {
        let closed = [DeskEvent.intakeRecorded(Sample.intake), .rejectedAsThreat(Sample.text("脅迫")), .closed(Sample.closing)]
            .reduce(CaseState.initial, CaseState.evolve)
        #expect(Result { () throws(DecideError) in
            try CaseDecider.decide(.takeLadderStep(.endResponse), closed, Self.clerk)
        } == .failure(.wrongState(command: "take a police-ladder step", status: .closed)))
    }
}
