import ArgumentParser
import DeskApp
import DeskDomain
import Foundation

extension LadderStep: ExpressibleByArgument {}

extension Mado {
    struct Ladder: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a police-ladder step taken at the counter, or show where the case stands.",
            discussion: """
                Steps, in order: endResponse → askToStop (up to 3 times) → orderToLeave (up to 3 times) → \
                finalWarning → call110. A case with a weapon, physical contact or a threat to life skips straight \
                to call110. Each step is a timestamped event. Without a step, prints the checklist.
                """)

        @OptionGroup var store: StoreOptions
        @Argument(help: "The case id.") var caseID: String
        @Argument(help: "endResponse, askToStop, orderToLeave, finalWarning or call110.") var step: LadderStep?

        func run() throws {
            let id = try parseCaseID(caseID)
            let desk = try store.desk()
            defer { desk.close() }
            if let step { try desk.act(.takeLadderStep(step), on: id) }
            let state = try desk.caseState(id)
            let danger = state.inDanger, ja = store.language == .ja
            if danger && state.ladder.times(.call110) == 0 { print(ja ? "危険: 手順を飛ばして、今すぐ110番通報してください" : "DANGER: skip the ladder, call 110 now") }
            let next = state.ladder.next(danger: danger)
            // Each row names the step in the user's words; the word to type comes only with the next step's command.
            for (i, st) in LadderStep.allCases.enumerated() {
                print("\(state.ladder.checkbox(st)) \(i + 1) \(st.label(store.language))"
                      + (st == next ? (ja ? "   <- 次: mado ladder \(id) \(st.rawValue)" : "   <- next: mado ladder \(id) \(st.rawValue)") : ""))
            }
        }
    }
}
