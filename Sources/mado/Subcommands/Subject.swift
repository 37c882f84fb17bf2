import ArgumentParser
import DeskApp
import DeskDomain
import Foundation

extension Mado {
    struct Subject: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The people whose data the desk holds, and erasure of their data.",
            subcommands: [List.self, Erase.self, Export.self])

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "List subjects (applicants, counterparties, named staff), optionally of one case.",
                discussion: #"json: an array of {"id", "kind", "cases": [...]}, plus "name" for operators and supervisors."#)
            @OptionGroup var store: StoreOptions
            @Option(name: .customLong("case"), help: "Only the subjects of this case.") var caseID: String?
            @Option(help: "text or json.") var format: OutputFormat = .text

            func validate() throws {
                if format == .csv { throw formatError("text or json") }
                if let c = caseID { _ = try parseCaseID(c) }
            }

            func run() throws {
                let desk = try store.desk()
                defer { desk.close() }
                let rows = try desk.subjects(of: caseID.flatMap(CaseID.init))
                if format == .json {
                    let items = rows.map { r -> String in
                        var f = ["\"id\":\(jsonString(r.id.rawValue))", "\"kind\":\(jsonString(r.kind.rawValue))",
                                 "\"cases\":[" + r.cases.map { jsonString($0.description) }.joined(separator: ",") + "]",
                                 "\"erased\":\(r.erasedAt == nil ? "false" : "true")"]
                        if let n = r.name { f.append("\"name\":\(jsonString(n.display))") }
                        return "{" + f.joined(separator: ",") + "}"
                    }
                    print("[" + items.joined(separator: ",\n") + "]")
                } else {
                    let ja = store.language == .ja
                    for r in rows {
                        let state = r.erasedAt.map { (ja ? "消去済み " : "erased ") + StoredTime.display($0) } ?? (ja ? "保管中" : "held")
                        print("\(r.id)  \(column(r.kind.label(store.language), 16))\(column(state, 32))"
                              + "\(r.cases.map(\.description).joined(separator: " "))  \(Sanitizer.visible(r.name?.display ?? ""))")
                    }
                }
            }
        }

        struct Erase: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Erase a person's data by destroying their key (supervisors; an employee's: counsellors). Cannot be undone.",
                discussion: """
                    Shows which cases and fields become unreadable and asks to confirm unless --yes is given. \
                    The log keeps a subjectErased event (who, when, why) and still verifies.
                    """)
            @OptionGroup var store: StoreOptions
            @Argument(help: "The subject id (see `mado subject list`).") var subject: String
            @Option(help: "Why (recorded in the log; write no personal data here).") var reason: String
            @Flag(help: "Do not ask for confirmation.") var yes = false

            func validate() throws {
                try checkReason(reason)
            }

            func run() throws {
                let desk = try store.desk(requireKey: true)
                defer { desk.close() }
                guard SubjectID.isWellFormed(subject) else { throw DeskError.noSuchSubject(subject) }
                let id = SubjectID(subject)
                if !yes {
                    // The desk refuses whoever may not erase this person (an employee's data is the counsellors') first.
                    let impact = try desk.erasureImpact(id)
                    guard let row = try desk.subject(id) else { throw DeskError.noSuchSubject(subject) }
                    if row.erasedAt != nil { throw DeskError.alreadyErased(subject) }
                    let lang = store.language, ja = lang == .ja
                    print(ja ? "\(id)(\(row.kind.label(lang)))を消去すると、次の項目は二度と読めなくなります:"
                             : "Erasing \(id) (\(row.kind.label(lang))) makes these unreadable for good:")
                    for i in impact {
                        let fields = i.fields.map { DeskEvent.fieldLabel($0, lang) }.joined(separator: ja ? "、" : ", ")
                        print("  \(Sanitizer.visible(i.recordLabel(lang))): " + (ja ? "\(i.fields.count) 項目: " : "\(i.fields.count) field(s): ") + fields)
                    }
                    let event = DeskEvent.label(type: "subjectErased").map { ja ? $0.ja : $0.en } ?? ""
                    print(ja ? "「\(event)」を記録します。消去するには yes と入力してください: "
                             : "\"\(event)\" will be recorded. Type yes to erase: ", terminator: "")
                    guard let answer = readLine(), answer == "yes" else {
                        print(ja ? "\n何も変更していません" : "\nnothing was changed")
                        throw ExitCode.failure
                    }
                }
                let outcome = try desk.erase(id, reason: reason)
                print(store.language == .ja ? "\(id) の個人データを消去しました" : "erased \(id)")
                if outcome == .walRetained {
                    warnWALRetained()
                }
            }
        }

        struct Export: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Write everything the desk holds about a subject, opened, for a disclosure request (supervisors; an employee's: counsellors).",
                discussion: "The export is recorded in the log (who, when, why). JSON holds each field with its case, event and path.")
            @OptionGroup var store: StoreOptions
            @Argument(help: "The subject id.") var subject: String
            @Option(help: "Why (recorded in the log; write no personal data here).") var reason: String
            @Option(help: "json (the only format so far).") var format: OutputFormat = .json
            @Option(help: ArgumentHelp("Write to this file (mode 0600) instead of standard output.", valueName: "file"))
            var output: String?

            func validate() throws {
                guard format == .json else { throw formatError("json") }
                try checkReason(reason)
            }

            func run() throws {
                let desk = try store.desk(requireKey: true)
                defer { desk.close() }
                guard SubjectID.isWellFormed(subject) else { throw DeskError.noSuchSubject(subject) }
                let d = try desk.disclose(SubjectID(subject), reason: reason)
                var out = "{\"subject\":\(jsonString(d.subject.rawValue)),\"kind\":\(jsonString(d.kind.rawValue)),\"cases\":["
                out += d.cases.map { c in
                    "{\"id\":\(jsonString(c.id.description)),\"organization\":\(jsonString(c.organization.rawValue)),"
                        + "\"state\":\(jsonString(c.status.rawValue)),\"openedAt\":\(jsonString(StoredTime.isoJapan(c.openedAt)))}"
                }.joined(separator: ",")
                out += "],\"fields\":["
                out += d.fields.map { f in
                    "{\"case\":\(jsonString(f.caseID?.description ?? "")),\"position\":\(f.position.value),"
                        + "\"recordedAt\":\(jsonString(StoredTime.isoJapan(f.recordedAt))),\"event\":\(jsonString(f.eventType)),"
                        + "\"field\":\(jsonString(f.path)),\"value\":\(jsonString(f.value.display))}"
                }.joined(separator: ",\n")
                out += "],\"originals\":["
                out += d.originals.map { o in
                    "{\"evidence\":\(jsonString(o.hash)),\"base64\":\(jsonString(o.bytes.base64EncodedString()))}"
                }.joined(separator: ",")
                out += "]}\n"
                if let output {
                    try writePrivately(Data(out.utf8), to: output)
                    try desk.recordDisclosure(d.subject, reason: reason)
                    print(store.language == .ja ? "\(d.subject) の \(d.fields.count) 項目を \(Sanitizer.visible(output)) に書き出しました"
                                                 : "exported \(d.fields.count) field(s) of \(d.subject) to \(Sanitizer.visible(output))")
                } else {
                    Output.standardOutput(Data(out.utf8))
                    try desk.recordDisclosure(d.subject, reason: reason)
                }
            }
        }
    }
}

/// Writes personal data to a new file that only its owner can read (created 0600, never replacing a file), with the
/// user's own rights.
func writePrivately(_ data: Data, to path: String) throws {
    try Privileges.asUser { try writeOwnFile(data, to: path) }
}

private func writeOwnFile(_ data: Data, to path: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
        let why = String(cString: strerror(errno))
        throw Refusal(errno == EEXIST ? say("\(Sanitizer.visible(path)) exists; choose another --output",
                                            "\(Sanitizer.visible(path)) はすでにあります。別の --output を指定してください")
                                      : say("cannot create \(Sanitizer.visible(path)): \(why)", "\(Sanitizer.visible(path)) を作れません: \(why)"))
    }
    defer { close(fd) }
    let ok = data.withUnsafeBytes { p -> Bool in
        var off = 0
        while off < p.count {
            let n = write(fd, p.baseAddress! + off, p.count - off)
            if n <= 0 { return false }
            off += n
        }
        return fsync(fd) == 0
    }
    guard ok else {
        unlink(path)
        throw Refusal(say("cannot write \(Sanitizer.visible(path)); nothing was exported", "\(Sanitizer.visible(path)) に書き込めません。何も書き出していません"))
    }
}
