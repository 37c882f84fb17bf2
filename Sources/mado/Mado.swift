import ArgumentParser
import DeskStore
import Foundation

@main
struct Mado: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mado",
        abstract: "Madoguchi (窓口): the customer-harassment consultation desk's console and case log.",
        discussion: """
            Exit codes: 0 success, 1 failure (a refusal, a broken chain, bad input), 64 bad usage.
            The database is --db, else $MADO_DB, else ~/.local/share/mado/desk.sqlite.
            """,
        subcommands: [Init.self, Staff.self, Demo.self, Intake.self, Note.self, List.self, Show.self, Verify.self, Rebuild.self,
                      Subject.self, Hold.self, Retention.self])

    @Flag(help: "Fill a throw-away database with demo cases, print where it is and its queue.")
    var demo = false

    func run() throws {
        guard demo else {
            // The console arrives with issue #4; until then the bare command explains what exists.
            throw ValidationError("the console is not built yet; use a subcommand (see `mado --help`), or `mado --demo`")
        }
        try Demo.throwAway()
    }
}
