import ArgumentParser
import DeskApp
import DeskDomain
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who runs this process: the real OS user (a set-group-id mado changes its group, never who it acts for), never a
/// flag or a variable anyone could set.
enum Identity {
    static var osUser: String {
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return "uid-\(getuid())"
    }

    static var osDisplayName: String {
        if let pw = getpwuid(getuid()), let gecos = pw.pointee.pw_gecos {
            let full = String(cString: gecos).split(separator: ",").first.map(String.init) ?? ""
            if !full.isEmpty { return full }
        }
        return osUser
    }
}

/// Standard error, for messages beside the output scripts read; they may repeat what was given, so they are sanitized.
func warn(_ message: String) {
    Output.standardError("mado: " + Sanitizer.visibleLines(message) + "\n")
}

/// Text from an option refuses NUL by the option's name and the byte where it is: what is sealed is what was given.
func refuseNUL(_ text: String, _ option: String) throws(InputError) {
    if let i = text.utf8.firstIndex(of: 0) { throw .nulAt(option, byteOffset: text.utf8.distance(from: text.utf8.startIndex, to: i)) }
}

/// A reason stored in clear in the log (erasure, disclosure, legal hold): one printable line, no more than 500.
func checkReason(_ reason: String) throws {
    guard (try? ClearReason.check(reason)) != nil else {
        throw ValidationError(say("--reason must be 1-500 printable characters on one line (a reference, no personal data)",
                                  "--reason は表示できる文字 1-500 字の 1 行です (参照番号など。個人データは書かないでください)"))
    }
}

/// Text kept in clear in the log (an outcome, a task's reference, a recipient): one printable line, no more than 500.
func checkClear(_ value: String, _ flag: String) throws {
    guard (try? ClearReason.check(value, field: flag)) != nil else {
        throw ValidationError(say("\(flag) must be 1-500 printable characters on one line (kept in clear: no personal data)",
                                  "\(flag) は表示できる文字 1-500 字の 1 行です (暗号化されずに残るため、個人データは書かないでください)"))
    }
}

/// A refusal that is not a usage error (exit 1), with a message for a person.
struct Refusal: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs `body`, naming `option` when the organization it gave is not registered: the desk names the organization, the
/// command line the option that carried it.
func naming<T>(_ option: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch DeskError.unknownOrganization(_, let known) {
        let which = known.map(Sanitizer.visible).joined(separator: ", ")
        throw Refusal(known.isEmpty
            ? say("\(option) must be a registered organization (none is registered yet: mado org add)",
                  "\(option) は登録済みの組織です (まだ登録がありません: mado org add)")
            : say("\(option) must be a registered organization (\(which))", "\(option) は登録済みの組織の ID です (\(which))"))
    }
}
