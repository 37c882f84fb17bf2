import ArgumentParser
import DeskApp
import DeskDomain
import Foundation

extension Mado {
    struct Anchor: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign the log's head with the desk's key and print it as one line to keep outside the desk (supervisors).",
            discussion: """
                Appends a checkpoint to the log and prints the signed head as the last line. Keep that line somewhere \\
                the desk's users cannot write (an organization receives one with every report): `mado verify --anchor \\
                LINE` then fails for a log cut short or rewritten after it. Needs the key file, which holds the signing key \\
                (a key file made before signing keys existed gets one the first time).
                """)

        @OptionGroup var store: StoreOptions

        func run() throws {
            let desk = try store.desk(requireKey: true)
            defer { desk.close() }
            let head = try desk.anchor()
            print(store.language == .ja ? "記録の先頭 (位置 \(head.position)、\(StoredTime.display(head.at))) に署名しました。次の行を窓口の外に保管してください:"
                                         : "signed the log's head at position \(head.position), \(StoredTime.display(head.at)); keep this line outside the desk:")
            print(head.line)
        }
    }
}
