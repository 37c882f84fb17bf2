import ArgumentParser
import DeskDomain
import DeskIntake
import DeskStore
import Foundation

extension Mado {
    struct Intake: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take in web-form submissions (JSON) or e-mails (.eml, maildir) as new cases.",
            discussion: """
                --json takes a web-form submission (mado.webform/1); --eml an e-mail, with --org naming the \
                organization it is about. Either reads FILE, standard input with '-', or a directory: every *.json \
                file, or every file of an .eml directory (of new/ and cur/ in a maildir, which is left as it is). \
                Prints each new case id. A submission already taken in (same bytes) is not taken in again: its case \
                id is printed and nothing is appended. Bad input is refused with the field or MIME part and the limit, \
                and nothing of that file is written; from a directory the bad files are listed, the good ones taken \
                in, and the exit status is 1 when any was refused. Formats and limits are in README.md.
                """)

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: ArgumentHelp("A web-form submission, a directory of them, or - for standard input.", valueName: "path"))
        var json: String?

        @Option(name: .long, help: ArgumentHelp("An e-mail (.eml), a directory or maildir of them, or - for standard input.", valueName: "path"))
        var eml: String?

        @Option(help: "With --eml: the organization the mail is about.") var org: String?
        @Option(help: "With --eml: the branch, if the mail names one of the organization's.") var branch: String?
        @Option(name: .customLong("store"), help: "With --eml: the store, if the mail names one.") var storeName: String?
        @Option(name: .customLong("language"), help: "With --eml: ja or en (default: ja when the mail has Japanese in it).")
        var language: Language?

        func validate() throws {
            guard (json == nil) != (eml == nil) else { throw ValidationError("give one of --json or --eml") }
            if eml != nil && org == nil { throw ValidationError("--eml needs --org: which organization the mail is about") }
            if json != nil && (org != nil || branch != nil || storeName != nil || language != nil) {
                throw ValidationError("--org, --branch, --store and --language go with --eml; a web form names its own")
            }
        }

        func run() throws {
            let s = try store.open(requireKey: true)
            defer { s.close() }
            let me = try Identity.require(.staff, in: s, to: "take in a case")
            let ctx = DecisionContext(actor: Actor(me.user), role: me.role)
            if let eml {
                let oid = OrganizationID(org ?? "")
                guard try s.organizationExists(oid) else {
                    throw InputError.invalid("--org", expected: "a registered organization (\(try s.organizationIDs().map(\.rawValue).joined(separator: ", ")))")
                }
                try s.checkPlace(oid, branch: branch, store: storeName, field: "--")
                try IntakeBatch.run(eml, kind: "e-mail", in: s, directoryFiles: IntakeBatch.mailFiles) { data in
                    let mail = try EmailParser.parse(data)
                    return try EmailIntake.record(mail, organization: oid, branch: branch, store: storeName, language: language, in: s, ctx)
                }
            } else if let json {
                try IntakeBatch.run(json, kind: "web form", in: s, directoryFiles: IntakeBatch.jsonFiles) { data in
                    let form = try WebFormParser.parse(data)
                    guard try s.organizationExists(form.organization) else {
                        throw InputError.invalid("organization", expected: "a registered organization (\(try s.organizationIDs().map(\.rawValue).joined(separator: ", ")))")
                    }
                    // Branch and store are stored in clear (the queue needs them without keys), so they must be the
                    // organization's registered names, never free text an applicant could fill with personal data.
                    try s.checkPlace(form.organization, branch: form.branch, store: form.store)
                    let intake = try WebIntake.record(form, in: s)
                    return try IntakeBatch.append(intake.event, evidence: intake.evidence, texts: [form.complaint, form.requests], in: s, ctx)
                }
            }
        }
    }
}

/// One file or a directory of them, each taken in on its own: a bad file is named and skipped, never half-written.
enum IntakeBatch {
    enum Outcome { case new(CaseID), duplicate(CaseID) }

    static func run(_ path: String, kind: String, in s: SQLiteEventStore, directoryFiles: (URL) throws -> [URL],
                    _ take: (Data) throws -> Outcome) throws {
        var isDir: ObjCBool = false
        guard path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else {
            // One submission: its refusal is the command's.
            report(try take(try readInput(path)), from: nil)
            return
        }
        let files = try directoryFiles(URL(fileURLWithPath: path))
        var taken = 0, again = 0, refused: [String] = []
        for f in files {
            // Keys made for a file that was refused or already taken in must not be written with the next one.
            defer { s.keyring.discardAllPending() }
            do {
                switch try take(try readInput(f.path)) {
                case .new(let id): taken += 1; report(.new(id), from: f.path)
                case .duplicate(let id): again += 1; report(.duplicate(id), from: f.path)
                }
            } catch {
                let why = "\(Sanitizer.visible(f.path)): refused: \(Sanitizer.visible(String(describing: error)))"
                refused.append(why)
                warn(why)
            }
        }
        warn("\(files.count) \(kind) file(s): \(taken) taken in, \(again) already taken in, \(refused.count) refused")
        if !refused.isEmpty { throw ExitCode(1) }
    }

    static func report(_ o: Outcome, from file: String?) {
        let prefix = file.map { Sanitizer.visible($0) + ": " } ?? ""
        switch o {
        case .new(let id): print(file == nil ? "\(id)" : "\(prefix)\(id)")
        case .duplicate(let id):
            warn("\(prefix)already taken in as case \(id); nothing was appended")
            print(file == nil ? "\(id)" : "\(prefix)\(id)")
        }
    }

    /// Records a new case from an intake, or says which case already holds the same submission.
    static func append(_ event: IntakeRecorded, evidence: SealedEvidence, attachments: [SealedEvidence] = [], texts: [String?],
                       in s: SQLiteEventStore, _ ctx: DecisionContext) throws -> Outcome {
        do {
            let events = try CaseDecider.decide(.recordIntake(event), .initial, ctx)
            let id = try s.appendNewCase(events, actor: ctx.actor, at: Date(), evidence: evidence, attachments: attachments)
            threatHint(id, texts)
            return .new(id)
        } catch AppendError.duplicateSubmission(let existing) {
            return .duplicate(existing)
        }
    }

    static func visibleFiles(_ dir: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func jsonFiles(_ dir: URL) throws -> [URL] { try visibleFiles(dir).filter { $0.pathExtension.lowercased() == "json" } }

    /// A maildir's new/ and cur/ (tmp/ holds mail still being delivered); else every file of the directory.
    static func mailFiles(_ dir: URL) throws -> [URL] {
        let fm = FileManager.default
        let parts = ["new", "cur"].map { dir.appendingPathComponent($0) }.filter { fm.fileExists(atPath: $0.path) }
        if parts.isEmpty { return try visibleFiles(dir) }
        return try parts.flatMap(visibleFiles)
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

/// Turns a checked e-mail into an intake: the sender is the applicant (named when the mail gives a name), the
/// subject and text the complaint, the whole message and each attachment sealed evidence.
enum EmailIntake {
    static func record(_ mail: EmailSubmission, organization: OrganizationID, branch: String?, store: String?, language: Language?,
                       in s: SQLiteEventStore, _ ctx: DecisionContext) throws -> IntakeBatch.Outcome {
        var complaint = mail.text
        if let subject = mail.subject, !subject.isEmpty { complaint = subject + (complaint.isEmpty ? "" : "\n\n" + complaint) }
        guard !complaint.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw InputError.missing("the message body") }
        guard complaint.count <= IntakeLimits.complaint else {
            throw InputError.tooLong("the subject and message body", limit: IntakeLimits.complaint, actual: complaint.count)
        }
        if let n = mail.fromName, n.count > IntakeLimits.name { throw InputError.tooLong("the From name", limit: IntakeLimits.name, actual: n.count) }
        let applicant = s.keyring.newSubject(.applicant)
        let evidence = try s.sealEvidence(mail.original, subject: applicant)
        var sealed: [SealedEvidence] = [], refs: [AttachmentRef] = []
        for a in mail.attachments {
            let e = try s.sealEvidence(a.bytes, subject: applicant)
            sealed.append(e)
            refs.append(AttachmentRef(evidence: e.hash, name: a.filename.map { Personal($0, owner: applicant) },
                                      mediaType: a.mediaType, bytes: a.bytes.count))
        }
        let name = mail.fromName.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        let event = IntakeRecorded(
            // The Date header says when the sender sent it (and is theirs to write), not when the problem occurred.
            organization: organization, branch: branch, store: store, channel: .email, occurredAt: nil,
            language: language ?? (containsJapanese(complaint) ? .ja : .en),
            applicant: Applicant(subject: applicant, anonymous: name == nil, name: name.map { Personal($0, owner: applicant) },
                                 email: mail.fromAddress.map { Personal($0, owner: applicant) }),
            complaint: Personal(complaint, owner: applicant), evidence: evidence.hash, attachments: refs.isEmpty ? nil : refs)
        return try IntakeBatch.append(event, evidence: evidence, attachments: sealed, texts: [complaint], in: s, ctx)
    }

    static func containsJapanese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) }
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
