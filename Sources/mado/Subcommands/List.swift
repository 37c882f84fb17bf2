import ArgumentParser
import DeskApp
import DeskDomain
import Foundation

extension Mado {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every case, in every state, in queue order.",
            discussion: """
                Queue order: open cases first, the danger lane first, then by report due date. \
                csv has one header row and the case id in the first column; json is an array of objects with "id".
                """)

        @OptionGroup var store: StoreOptions
        @Option(help: "text, json or csv.") var format: OutputFormat = .text
        @Option(help: "Only cases whose text contains this (folded for width and kana; 1-2 characters scan).")
        var search: String?

        static let columns = ["id", "organization", "branch", "store", "channel", "lane", "state", "opened_at",
                              "report_due_on", "last_activity", "assignee", "summary"]

        func run() throws {
            let desk = try store.desk()
            defer { desk.close() }
            let out = BufferedOutput()
            // The summary is the complaint's first line: left out without a key, and for roles that may not read it.
            let hide = try desk.keyProblem != nil || !desk.readsCaseText()
            if let p = desk.keyProblem { warn(say("personal columns are hidden: \(p)", "個人データの列は表示しません: \(p)")) }
            let hits = try search.map { try desk.search($0) }
            // Times as ISO 8601 with Japan's offset: what a program parses, and what a person at the desk can read.
            func values(_ r: CaseSummary) -> [String] {
                [r.id.description, r.organization.rawValue, r.branch ?? "", r.store ?? "", r.channel.rawValue, r.lane?.rawValue ?? "",
                 r.status.rawValue, StoredTime.isoJapan(r.openedAt), r.reportDueOn.description, StoredTime.isoJapan(r.lastActivity),
                 r.assignee ?? "", hide ? "" : r.summary]
            }
            switch format {
            case .csv:
                out.line(Self.columns.joined(separator: ","))
                try desk.forEachCase { r in
                    if hits?.contains(r.id) == false { return }
                    out.line(values(r).map(csvField).joined(separator: ","))
                }
            case .json:
                out.write("[")
                var first = true
                try desk.forEachCase { r in
                    if hits?.contains(r.id) == false { return }
                    let fields = zip(Self.columns, values(r)).map { "\(jsonString($0)):\(jsonString($1))" }
                    out.write((first ? "\n" : ",\n") + "{" + fields.joined(separator: ",") + ",\"version\":\(r.version)}")
                    first = false
                }
                out.line(first ? "]" : "\n]")
            case .text:
                let today = LocalDate(japanTime: Date()), lang = store.language, ja = lang == .ja
                // People read an organization by its name; its id is for --format json and csv (and a reader who may not list names).
                let names = Dictionary(((try? desk.organizations()) ?? []).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
                try desk.forEachCase { r in
                    if hits?.contains(r.id) == false { return }
                    let overdue = r.isOverdue(on: today)
                    let lane = column(r.lane?.label(lang) ?? "-", 10)
                    let state = column(r.status.label(lang), ja ? 16 : 21)
                    let where_ = Sanitizer.visible([names[r.organization] ?? r.organization.rawValue, r.store ?? ""].filter { !$0.isEmpty }.joined(separator: "/"))
                    out.line("\(r.id)  \(lane)\(state)" + (ja ? "期限 " : "due ") + "\(r.reportDueOn)"
                             + (overdue ? (ja ? " 期限超過" : " OVERDUE") : (ja ? "         " : "        ")) + "  \(where_)  \(hide ? "" : Sanitizer.visible(r.summary))")
                }
            }
            out.flush()
        }
    }
}

/// Collects output and writes it in large pieces (a long list would otherwise cost a write per line).
final class BufferedOutput {
    private var buffer = Data()
    func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count > 1 << 16 { flush() }
    }
    func line(_ s: String) { write(s + "\n") }
    func flush() {
        Output.standardOutput(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// RFC 4180: quote when needed, double the quotes; controls made visible; a leading = + - @ is
/// neutralized with ' so that a spreadsheet never runs an applicant's text as a formula.
func csvField(_ s: String) -> String {
    var v = Sanitizer.visible(s)
    if let f = v.first, "=+-@".contains(f) { v = "'" + v }
    return v.contains(where: { $0 == "," || $0 == "\"" }) ? "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : v
}

/// A JSON string literal; every control character escaped, so the output is safe on a terminal too.
func jsonString(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        case _ where u.value < 0x20 || (0x7F...0x9F).contains(u.value) || (0x202A...0x202E).contains(u.value)
            || (0x2066...0x2069).contains(u.value) || [0x200E, 0x200F, 0x061C, 0x2028, 0x2029].contains(u.value):
            out += String(format: "\\u%04x", u.value)
        default: out.unicodeScalars.append(u)
        }
    }
    return out + "\""
}
