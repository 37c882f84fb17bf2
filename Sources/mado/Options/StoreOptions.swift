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
    func desk(requireKey: Bool = false) throws -> Desk { try Wiring.desk(self, requireKey: requireKey) }
}

/// `--format` for commands whose output scripts read.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}
