import ArgumentParser
import DeskApp
import DeskDomain
import DeskIntake
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
            guard (json == nil) != (eml == nil) else { throw ValidationError(say("give one of --json or --eml", "--json か --eml のどちらかを指定してください")) }
            if eml != nil && org == nil { throw ValidationError(say("--eml needs --org: which organization the mail is about", "--eml には --org (メールがどの組織についてか) が必要です")) }
            if json != nil && (org != nil || branch != nil || storeName != nil || language != nil) {
                throw ValidationError(say("--org, --branch, --store and --language go with --eml; a web form names its own", "--org、--branch、--store、--language は --eml と使います。Webフォームは自分で指定しています"))
            }
        }

        func run() throws {
            let desk = try store.desk(requireKey: true)
            defer { desk.close() }
            // One refusal for a role that may not take in, before any file is read.
            try desk.check(.recordIntake)
            if let eml {
                let oid = OrganizationID(org ?? "")
                // The options are checked before any file is read.
                try naming("--org") { try desk.checkPlace(oid, branch: branch, store: storeName, field: "--") }
                try IntakeBatch.run(eml, kind: "e-mail", directoryFiles: IntakeBatch.mailFiles) { data in
                    try desk.takeIn(try Submission(email: try EmailParser.parse(data), organization: oid, branch: branch, store: storeName,
                                                   language: language))
                }
            } else if let json {
                try IntakeBatch.run(json, kind: "web form", directoryFiles: IntakeBatch.jsonFiles) { data in
                    try naming("organization") { try desk.takeIn(Submission(webForm: try WebFormParser.parse(data))) }
                }
            }
        }
    }
}

/// One file or a directory of them, each taken in on its own: a bad file is named and skipped, never half-written.
enum IntakeBatch {
    static func run(_ path: String, kind: String, directoryFiles: (URL) throws -> [URL], _ take: (Data) throws -> IntakeOutcome) throws {
        var isDir: ObjCBool = false
        guard path != "-", (try? Privileges.asUser { FileManager.default.fileExists(atPath: path, isDirectory: &isDir) }) == true,
              isDir.boolValue else {
            // One submission: its refusal is the command's.
            report(try take(try readInput(path)), from: nil)
            return
        }
        let files = try Privileges.asUser { try directoryFiles(URL(fileURLWithPath: path)) }
        var taken = 0, again = 0, refused: [String] = []
        for f in files {
            do {
                let outcome = try take(try readInput(f.path))
                if case .new = outcome { taken += 1 } else { again += 1 }
                report(outcome, from: f.path)
            } catch {
                let why = "\(Sanitizer.visible(f.path)): " + say("refused: ", "受け付けませんでした: ")
                    + Sanitizer.visible(humanMessage(error, MessageLanguage.current))
                refused.append(why)
                warn(why)
            }
        }
        warn(say("\(files.count) \(kind) file(s): \(taken) taken in, \(again) already taken in, \(refused.count) refused",
                 "\(kind) ファイル \(files.count) 件: 受付 \(taken) 件、受付済み \(again) 件、拒否 \(refused.count) 件"))
        if !refused.isEmpty { throw ExitCode(1) }
    }

    static func report(_ o: IntakeOutcome, from file: String?) {
        let prefix = file.map { Sanitizer.visible($0) + ": " } ?? ""
        switch o {
        case .new(let id, let threats, _):
            print(file == nil ? "\(id)" : "\(prefix)\(id)")
            threatHint(id, threats)
        case .duplicate(let id):
            warn(prefix + say("already taken in as case \(id); nothing was appended", "受付済みです (案件 \(id))。何も追加していません"))
            print(file == nil ? "\(id)" : "\(prefix)\(id)")
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

/// Reads a file, or standard input for "-", refusing more than the submission limit; with the user's own rights.
func readInput(_ path: String) throws -> Data {
    try Privileges.asUser { try readOwnInput(path) }
}

private func readOwnInput(_ path: String) throws -> Data {
    let limit = IntakeLimits.submissionBytes
    let handle: FileHandle
    if path == "-" {
        handle = .standardInput
    } else {
        guard let h = FileHandle(forReadingAtPath: path) else {
            throw Refusal(say("cannot read \(Sanitizer.visible(path)): no such file or no permission",
                              "\(Sanitizer.visible(path)) を読めません: ファイルがないか、読む権限がありません"))
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
