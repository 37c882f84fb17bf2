import ArgumentParser
import DeskApp
import DeskDomain
import Foundation

extension DemandValidity: ExpressibleByArgument {}
extension Means: ExpressibleByArgument {}
extension BehaviourType: ExpressibleByArgument {}
extension Classification: ExpressibleByArgument {}
extension Lane: ExpressibleByArgument {}

/// Free text from the command line that goes into the log sealed under the case's applicant.
func checkText(_ text: String, _ name: String) throws {
    guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ValidationError(say("\(name) is empty", "\(name) が空です")) }
    guard text.count <= 20_000 else { throw InputError.tooLong(name, limit: 20_000, actual: text.count) }
    try refuseNUL(text, name)
}

/// Runs an action on a case as the current user; the desk checks the role and seals the text under the case's applicant.
@discardableResult
func onCase(_ store: StoreOptions, _ caseID: String, _ action: CaseAction) throws -> [DeskEvent] {
    let id = try parseCaseID(caseID)
    let desk = try store.desk(requireKey: true)
    defer { desk.close() }
    let events = try desk.act(action, on: id)
    print("\(id): " + DeskEvent.recorded(events, store.language))
    return events
}

extension Mado {
    struct Assess: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the desk's two-axis assessment of a case under review (operators).",
            discussion: """
                Validity of the demand (valid, partlyValid, invalid, unclear) and the means used (acceptable, \
                unacceptable, criminal), the behaviour types seen, and the reason in writing. The assessment does \
                not classify: a supervisor does (`mado classify`).
                """)
        @OptionGroup var store: StoreOptions
        @Argument(help: "The case id.") var caseID: String
        @Option(help: "valid, partlyValid, invalid or unclear.") var validity: DemandValidity
        @Option(help: "acceptable, unacceptable or criminal.") var means: Means
        @Option(name: .customLong("behaviour"), help: "A behaviour type seen (repeat).") var behaviours: [BehaviourType] = []
        @Option(help: "Why, in writing.") var reason: String
        @Option(help: "The desk's opinion and advice for the report.") var opinion: String?

        func validate() throws {
            try checkText(reason, "--reason")
            if let opinion { try checkText(opinion, "--opinion") }
        }

        func run() throws {
            try onCase(store, caseID, .assess(validity: validity, means: means, behaviours: behaviours, reason: reason, opinion: opinion))
        }
    }

    struct Classify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decide whether an assessed case is a legitimate complaint or harassment (supervisors only).",
            discussion: "Harassment needs an assessment whose means were not acceptable (the MHLW two-axis definition).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The case id.") var caseID: String
        @Option(name: .customLong("as"), help: "legitimateComplaint or harassment.") var classification: Classification
        @Option(help: "Why, in writing.") var reason: String

        func validate() throws { try checkText(reason, "--reason") }

        func run() throws {
            try onCase(store, caseID, .classify(classification, reason: reason))
        }
    }

    struct LaneCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lane",
            abstract: "Move a case to another lane than the policy chose (supervisors only; recorded with the reason).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The case id.") var caseID: String
        @Option(help: "danger, handover or complaint.") var to: Lane
        @Option(help: "Why, in writing.") var reason: String

        func validate() throws { try checkText(reason, "--reason") }

        func run() throws {
            try onCase(store, caseID, .overrideLane(to, reason: reason))
        }
    }
}
