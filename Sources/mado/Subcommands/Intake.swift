import ArgumentParser
import DeskDomain
import DeskIntake
import DeskStore
import Foundation

extension Mado {
    struct Intake: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take in a web-form submission (JSON, mado.webform/1) as a new case.",
            discussion: """
                Reads FILE, or standard input with '-'. Prints the new case id. A submission already taken \
                in (same bytes) is not taken in again: the existing case id is printed and nothing is appended. \
                Bad input is refused with the field and the limit, and nothing is written. The format is in README.md.
                """)

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: ArgumentHelp("The submission, or - for standard input.", valueName: "file"))
        var json: String

        func run() throws {
            let data = try readInput(json)
            let form = try WebFormParser.parse(data)
            let s = try store.open(requireKey: true)
            defer { s.close() }
            let me = try Identity.require(.staff, in: s, to: "take in a case")
            guard try s.organizationExists(form.organization) else {
                throw InputError.invalid("organization", expected: "a registered organization (`mado list` shows them by case; \(try s.organizationIDs().map(\.rawValue).joined(separator: ", ")))")
            }
            // Branch and store are stored in clear (the queue needs them without keys), so they must be the
            // organization's registered names, never free text an applicant could fill with personal data.
            try s.checkPlace(form.organization, branch: form.branch, store: form.store)
            let ctx = DecisionContext(actor: Actor(me.user), role: me.role)
            let now = Date()
            let intake = try WebIntake.record(form, in: s)
            do {
                let events = try CaseDecider.decide(.recordIntake(intake.event), .initial, ctx)
                let id = try s.appendNewCase(events, actor: ctx.actor, at: now, evidence: intake.evidence)
                print(id)
                threatHint(id, [form.complaint, form.requests])
            } catch AppendError.duplicateSubmission(let existing) {
                warn("this submission was already taken in as case \(existing); nothing was appended")
                print(existing)
            }
        }
    }
}

/// Turns a checked web-form submission into an intake event with a new subject per person.
enum WebIntake {
    static func record(_ f: WebFormSubmission, in s: SQLiteEventStore) throws -> (event: IntakeRecorded, evidence: SealedEvidence) {
        let applicant = s.keyring.newSubject(.applicant)
        let staff = f.staff.map { st -> NamedStaff in
            let id = s.keyring.newSubject(.staffMember)
            return NamedStaff(subject: id, name: Personal(st.name, owner: id),
                              characteristics: st.characteristics.map { Personal($0, owner: id) })
        }
        let evidence = try s.sealEvidence(f.original, subject: applicant)
        let event = IntakeRecorded(
            organization: f.organization, branch: f.branch, store: f.store, channel: .webForm, occurredAt: f.occurredAt,
            language: f.language,
            applicant: Applicant(subject: applicant, anonymous: f.applicant.anonymous,
                                 name: f.applicant.name.map { Personal($0, owner: applicant) },
                                 phone: f.applicant.phone.map { Personal($0, owner: applicant) },
                                 email: f.applicant.email.map { Personal($0, owner: applicant) }),
            staff: staff, complaint: Personal(f.complaint, owner: applicant),
            requests: f.requests.map { Personal($0, owner: applicant) }, feedbackWanted: f.feedbackWanted,
            evidence: evidence.hash)
        return (event, evidence)
    }
}

/// Reads a file, or standard input for "-", refusing more than the submission limit.
func readInput(_ path: String) throws -> Data {
    let limit = IntakeLimits.submissionBytes
    let handle: FileHandle
    if path == "-" {
        handle = .standardInput
    } else {
        guard let h = FileHandle(forReadingAtPath: path) else {
            throw Refusal("cannot read \(Sanitizer.visible(path)): no such file or no permission")
        }
        handle = h
    }
    var data = Data()
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
        data.append(chunk)
        if data.count > limit { throw InputError.tooLarge(what: "the submission", limit: limit, actual: data.count) }
    }
    return data
}
