import ArgumentParser
import DeskApp
import DeskDomain
import Foundation

extension Role: ExpressibleByArgument {}

extension Mado {
    struct Staff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage who may use the desk (supervisors only).",
            subcommands: [Add.self, List.self, Remove.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Give an OS user a role at the desk.")
            @OptionGroup var store: StoreOptions
            @Argument(help: "The OS user name.") var user: String
            @Option(help: "staff, operator, supervisor, counsellor or auditor.") var role: Role
            @Option(help: "The name shown in the console and the log.") var name: String

            func validate() throws {
                guard !user.isEmpty, user.count <= 64, user.allSatisfy({ $0.isASCII && !$0.isWhitespace && !$0.isNewline
                                                                         && $0.asciiValue! >= 0x21 && $0 != "/" }) else {
                    throw ValidationError(say("user must be an OS user name (1-64 printable ASCII characters)",
                                              "ユーザー名は OS のユーザー名です (表示できる ASCII 文字 1-64 字)"))
                }
                guard !name.isEmpty, name.count <= 100, Sanitizer.visible(name) == name else {
                    throw ValidationError(say("--name must be 1-100 printable characters", "--name は表示できる文字で 1-100 字です"))
                }
            }

            func run() throws {
                let desk = try store.desk()
                defer { desk.close() }
                try desk.addStaff(user, role: role, displayName: name)
                let lang = store.language
                print(lang == .ja ? "\(user) を\(role.label(lang))として登録しました" : "\(user) is now \(role.label(lang))")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the desk's staff.")
            @OptionGroup var store: StoreOptions

            func run() throws {
                let desk = try store.desk()
                defer { desk.close() }
                let lang = store.language, ja = lang == .ja
                for m in try desk.staffList() {
                    print([m.user, m.role.label(lang), m.active ? (ja ? "在籍" : "active") : (ja ? "削除済" : "removed"), m.displayName]
                        .map(Sanitizer.visible).joined(separator: "\t"))
                }
            }
        }

        struct Remove: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Take an OS user off the desk (the log keeps what they did).")
            @OptionGroup var store: StoreOptions
            @Argument(help: "The OS user name.") var user: String

            func run() throws {
                let desk = try store.desk()
                defer { desk.close() }
                do {
                    try desk.removeStaff(user)
                } catch DeskError.cannotRemoveYourself {
                    // A usage mistake (exit 64), not a refusal of the role.
                    throw ValidationError(DeskError.cannotRemoveYourself.message(store.language))
                }
                print(store.language == .ja ? "\(Sanitizer.visible(user)) を職員から外しました" : "\(Sanitizer.visible(user)) removed")
            }
        }
    }
}
