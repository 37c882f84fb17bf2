import ArgumentParser
import DeskDomain
import DeskStore
import Foundation

extension Role: ExpressibleByArgument {}

extension Mado {
    struct Staff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage who may use the desk (supervisors only).",
            subcommands: [Add.self, List.self, Remove.self])

        /// Refuses a change that would leave the desk with no active supervisor (nobody could manage it).
        static func keepASupervisor(_ s: SQLiteEventStore, changing user: String, to role: Role?) throws {
            guard role != .supervisor else { return }
            let others = try s.staffList().filter { $0.active && $0.role == .supervisor && $0.user != user }
            if others.isEmpty { throw Refusal("\(Sanitizer.visible(user)) is the desk's last supervisor; add another supervisor first") }
        }

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Give an OS user a role at the desk.")
            @OptionGroup var store: StoreOptions
            @Argument(help: "The OS user name.") var user: String
            @Option(help: "staff, operator, supervisor, counsellor or auditor.") var role: Role
            @Option(help: "The name shown in the console and the log.") var name: String

            func validate() throws {
                guard !user.isEmpty, user.count <= 64, user.allSatisfy({ $0.isASCII && !$0.isWhitespace && !$0.isNewline
                                                                         && $0.asciiValue! >= 0x21 && $0 != "/" }) else {
                    throw ValidationError("user must be an OS user name (1-64 printable ASCII characters)")
                }
                guard !name.isEmpty, name.count <= 100, Sanitizer.visible(name) == name else {
                    throw ValidationError("--name must be 1-100 printable characters")
                }
            }

            func run() throws {
                let s = try store.open()
                defer { s.close() }
                let me = try Identity.require(.supervisor, in: s, to: "add staff")
                try Staff.keepASupervisor(s, changing: user, to: role)
                let stream = StreamID("staff-\(user)")
                let v = try s.version(of: stream)
                try s.append([.staffAdded(StaffAdded(user: user, displayName: name, role: role))], to: stream,
                             expected: v == 0 ? .noStream : .exact(StreamVersion(v)), actor: Actor(me.user), at: Date())
                print("\(user) is now \(role.rawValue)")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the desk's staff.")
            @OptionGroup var store: StoreOptions

            func run() throws {
                let s = try store.open()
                defer { s.close() }
                _ = try s.staffMember(Identity.osUser)
                for m in try s.staffList() {
                    print([m.user, m.role.rawValue, m.active ? "active" : "removed", m.displayName]
                        .map(Sanitizer.visible).joined(separator: "\t"))
                }
            }
        }

        struct Remove: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Take an OS user off the desk (the log keeps what they did).")
            @OptionGroup var store: StoreOptions
            @Argument(help: "The OS user name.") var user: String

            func run() throws {
                let s = try store.open()
                defer { s.close() }
                let me = try Identity.require(.supervisor, in: s, to: "remove staff")
                guard user != me.user else { throw ValidationError("you cannot remove yourself") }
                _ = try s.staffMember(user)
                try Staff.keepASupervisor(s, changing: user, to: nil)
                let stream = StreamID("staff-\(user)")
                try s.append([.staffRemoved(StaffRemoved(user: user))], to: stream,
                             expected: .exact(StreamVersion(try s.version(of: stream))), actor: Actor(me.user), at: Date())
                print("\(Sanitizer.visible(user)) removed")
            }
        }
    }
}
