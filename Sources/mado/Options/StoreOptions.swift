import ArgumentParser
import DeskApp
import DeskDomain
import Foundation

/// Where the desk's database and key file are.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The desk database.", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("The desk key file (default: the database path + .key, or $MADO_KEY_FILE).",
                                            valueName: "path"))
    var keyFile: String?

    // Here rather than per command: every command that opens the desk answers in one language, the console included.
    @Option(help: "Language of what mado says, ja or en (default: from the locale, LC_ALL, LC_MESSAGES or LANG).")
    var lang: Language?

    /// `--lang`, else the locale's language.
    var language: Language { lang ?? Language.fromLocale(ProcessInfo.processInfo.environment) }

    var databasePath: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["MADO_DB"], !env.isEmpty { return env }
        return Self.defaultDatabasePath
    }

    var keyFilePath: String? {
        if let keyFile { return keyFile }
        if let env = ProcessInfo.processInfo.environment["MADO_KEY_FILE"], !env.isEmpty { return env }
        return nil
    }

    static var defaultDatabasePath: String {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (base as NSString).appendingPathComponent("mado/desk.sqlite")
    }

    /// The desk on this database, acting for the OS user.
    func desk(requireKey: Bool = false) throws -> Desk {
        try checkDatabaseFile()
        return try Wiring.desk(self, requireKey: requireKey)
    }

    /// Refuses a path that is not an SQLite database file before SQLite opens it: SQLite would put `-wal` and `-shm`
    /// beside a device (`MADO_DB=/dev/null`) or a text file, and fail only after. A missing file is the store's to
    /// report (it says how to create one).
    func checkDatabaseFile() throws {
        let path = databasePath
        var st = stat()
        guard stat(path, &st) == 0 else { return }
        let shown = Sanitizer.visible(path)
        guard st.st_mode & S_IFMT == S_IFREG else {
            let kind = switch st.st_mode & S_IFMT {
            case S_IFDIR: say("a directory", "ディレクトリ")
            case S_IFCHR, S_IFBLK: say("a device", "デバイス")
            case S_IFIFO: say("a pipe", "パイプ")
            case S_IFSOCK: say("a socket", "ソケット")
            default: say("not a regular file", "通常のファイルではありません")
            }
            throw Refusal(say("\(shown) is \(kind), not a desk database (--db or MADO_DB names the database file; mado init creates one)",
                              "\(shown) は\(kind)で、窓口のデータベースではありません (--db か MADO_DB でデータベースのファイルを指定します。mado init で作れます)"))
        }
        // O_NONBLOCK: a FIFO swapped in since stat must not hang us.
        let fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return }       // unreadable: the store names the permission problem
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 16)
        let n = read(fd, &header, 16)
        guard n == 16, header == Array("SQLite format 3\0".utf8) else {
            throw Refusal(say("\(shown) is not a desk database (not an SQLite database file\(n == 0 ? ": it is empty" : ""));"
                              + " --db or MADO_DB names the database file; mado init creates one",
                              "\(shown) は窓口のデータベースではありません (SQLite のデータベースファイルではありません\(n == 0 ? "。空のファイルです" : ""))。"
                              + "--db か MADO_DB でデータベースのファイルを指定します。mado init で作れます"))
        }
    }
}

/// `--format` for commands whose output scripts read.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}
