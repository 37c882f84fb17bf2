import DeskApp
import DeskDomain
@testable import DeskStore
@testable import DeskTUI
import Foundation

/// A demo database in a temp directory, and models built from it as the console would.
final class DemoDesk {
    static let now = Date(timeIntervalSince1970: 1_795_564_800)     // 2026-11-25T09:00:00+09:00
    static let me = StaffMember(user: "tester", displayName: "試験 花子", role: .supervisor, active: true)
    let dir: URL
    let store: SQLiteEventStore
    /// The desk, acting for the supervisor "tester" at the demo's present.
    let desk: Desk

    init(now: Date = DemoDesk.now) throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("mado-tui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        store = try SQLiteEventStore.initialize(path: dir.appendingPathComponent("desk.sqlite").path, supervisor: "tester",
                                                displayName: "試験 花子", at: now)
        desk = Desk(log: store, reads: store, user: "tester", clock: { now })
        _ = try DemoData(seed: 1, now: now).fill(desk)
    }

    /// The desk acting for someone with `role` ("tester" is the supervisor; the others are put on the staff).
    func desk(_ role: Role) throws -> Desk {
        guard role != .supervisor else { return desk }
        let user = "tester.\(role.rawValue)"
        if try store.staffMember(user) == nil { try desk.addStaff(user, role: role, displayName: "試験 \(role.rawValue)") }
        return desk.acting(as: user)
    }

    deinit {
        store.close()
        try? FileManager.default.removeItem(at: dir)
    }

    /// A model after the queue and the first case's detail have loaded, like the first frame.
    func model(_ size: Size, _ lang: Language, role: Role = .supervisor, focus: Pane = .queue) throws -> Model {
        var m = Model(size: size, now: Self.now, me: StaffMember(user: "tester", displayName: "試験 花子", role: role, active: true),
                      language: lang, databaseName: "desk.sqlite")
        let reader = try desk(role)
        _ = update(&m, .organizationNamesLoaded(try reader.organizationNames()))
        _ = update(&m, .queueLoaded(try reader.queue().rows))
        if let id = m.selectedID { _ = update(&m, .detailLoaded(try reader.caseDetail(id))) }
        m.focus = focus
        return m
    }
}

/// Golden screens in Tests/DeskTUITests/Screens; MADO_UPDATE_SCREENS=1 rewrites them.
enum Golden {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Screens")

    /// Nil when the screen matches; else a message with both screens.
    static func check(_ screen: Screen, _ name: String) -> String? {
        let text = screen.textLines.joined(separator: "\n") + "\n"
        let roles = screen.roleLines.joined(separator: "\n") + "\n"
        let tURL = dir.appendingPathComponent("\(name).txt"), rURL = dir.appendingPathComponent("\(name).roles.txt")
        if ProcessInfo.processInfo.environment["MADO_UPDATE_SCREENS"] == "1" {
            try? text.write(to: tURL, atomically: true, encoding: .utf8)
            try? roles.write(to: rURL, atomically: true, encoding: .utf8)
            return nil
        }
        let wantText = (try? String(contentsOf: tURL, encoding: .utf8)) ?? "(missing \(name).txt)"
        let wantRoles = (try? String(contentsOf: rURL, encoding: .utf8)) ?? "(missing \(name).roles.txt)"
        if wantText != text { return "screen \(name) differs; got:\n\(text)\nexpected:\n\(wantText)" }
        if wantRoles != roles { return "roles of \(name) differ; got:\n\(roles)\nexpected:\n\(wantRoles)" }
        return nil
    }
}
