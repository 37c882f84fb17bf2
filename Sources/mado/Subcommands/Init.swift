import ArgumentParser
import DeskDomain
import Foundation

extension Mado {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a desk database and its key file; you become its first supervisor.",
            discussion: """
                The key file (mode 0640, owned by the group of the database's directory) wraps every \
                person's data key. Without it personal data cannot be read, so back it up apart from the database.
                """)

        @OptionGroup var store: StoreOptions

        @Option(help: "Your display name (default: from the OS account).")
        var name: String?

        func run() throws {
            let path = store.databasePath
            let (desk, keyFile) = try Wiring.initialize(path: path, keyFile: store.keyFilePath, displayName: name ?? Identity.osDisplayName,
                                                        at: Date())
            defer { desk.close() }
            print("initialized \(path)")
            print("key file    \(keyFile) (mode 0640)")
            print("supervisor  \(Sanitizer.visible(Identity.osUser))")
        }
    }
}
