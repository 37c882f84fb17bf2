import ArgumentParser
import DeskApp
import DeskDomain
import DeskServer
import Foundation

extension Mado {
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the web reception: each organization's form at /ORG/ and submissions at /ORG/submissions.",
            discussion: """
                Runs until SIGTERM or SIGINT; requests in flight finish first. The OS user running it must be on the \\
                desk's staff with a role that takes in cases (an operator); every submission is recorded as theirs, \\
                through the same checks as `mado intake`. Applicants get a receipt number; the case id is never shown. \\
                Nothing about a client (address, browser, cookie) is stored; the access log names method, route, status \\
                and time only. Put it behind a reverse proxy for TLS (README, "Web reception").
                """)

        @OptionGroup var store: StoreOptions

        @Option(help: "Address and port to listen on (ADDR:PORT, [IPv6]:PORT).")
        var listen = "127.0.0.1:8080"

        @Option(help: "Submissions one client address may make in 10 minutes.")
        var perClient = 10

        @Flag(help: "Behind a reverse proxy: count clients by the proxy's X-Forwarded-For (README, \"Web reception\").")
        var behindProxy = false

        func run() throws {
            let (host, port) = try Self.address(listen)
            guard perClient > 0 else { throw ValidationError("--per-client must be 1 or more") }
            let desk = try store.desk(requireKey: true)
            defer { desk.close() }
            try desk.check(.recordIntake)
            var settings = ReceptionSettings()
            settings.submissionsPerClient = perClient
            settings.behindProxy = behindProxy
            try Reception(desk: desk, settings: settings).serve(host: host, port: port) { bound in
                warn("serving the web reception on http://\(host.contains(":") ? "[\(host)]" : host):\(bound)/ORG/")
            }
        }

        static func address(_ s: String) throws -> (String, Int) {
            let host: Substring, port: Substring
            if s.hasPrefix("["), let close = s.firstIndex(of: "]"), s[s.index(after: close)...].hasPrefix(":") {
                host = s[s.index(after: s.startIndex)..<close]
                port = s[s.index(close, offsetBy: 2)...]
            } else if let colon = s.lastIndex(of: ":"), !s[..<colon].contains(":") {
                host = s[..<colon]
                port = s[s.index(after: colon)...]
            } else {
                throw ValidationError("--listen must be ADDR:PORT (like 127.0.0.1:8080 or [::1]:8080)")
            }
            guard !host.isEmpty, let p = Int(port), (0...65535).contains(p) else {
                throw ValidationError("--listen must be ADDR:PORT with a port from 0 to 65535")
            }
            return (String(host), p)
        }
    }
}
