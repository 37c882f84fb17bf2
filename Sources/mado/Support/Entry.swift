import ArgumentParser
import DeskDomain
import DeskIntake
import Foundation

/// Runs the command line: the arguments checked as the bytes they arrived as, then argument-parser; every message on
/// the way out goes through the sanitizer, argument-parser's own included (they repeat what was typed, escape
/// sequences and all).
enum Entry {
    static func run(_ root: Mado.Type) -> Never {
        let bytes = rawArguments()
        do {
            try checkEncoding(bytes)
            var command = try root.parseAsRoot(bytes.map { String(decoding: $0, as: UTF8.self) })
            try command.run()
            exit(0)
        } catch {
            let code = root.exitCode(for: error)
            // A refusal in the user's language (English keeps argument-parser's own wording).
            let language = Self.language(bytes)
            let text = language == .ja && code != .success ? (error as? any HumanMessage).map { "エラー: " + $0.message(.ja) }
                ?? japaneseFrame(root.fullMessage(for: error)) : root.fullMessage(for: error)
            if code == .success {
                // Help and the like: our own text, to standard output.
                if !text.isEmpty { print(text) }
            } else if !text.isEmpty {
                Output.standardError(Sanitizer.visibleLines(text) + "\n")
            }
            exit(code.rawValue)
        }
    }

    /// argument-parser's frame around a usage error (`Error:`, `Usage:`, `See '…' for more information.`) in
    /// Japanese; the message inside is ours, already in the user's language (`say`).
    static func japaneseFrame(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("Error: ") { return "エラー: " + line.dropFirst(7) }
            if line.hasPrefix("Usage: ") { return "使い方: " + line.dropFirst(7) }
            if line.hasPrefix("Help:  ") { return "説明: " + line.dropFirst(7) }
            if let a = line.range(of: "See '"), let b = line.range(of: "' for more information.") {
                return line[..<a.lowerBound] + "詳しくは '" + line[a.upperBound..<b.lowerBound] + "' をご覧ください。"
            }
            return String(line)
        }.joined(separator: "\n")
    }

    /// The arguments after the program's name, as bytes: CommandLine.arguments has already put U+FFFD where a byte
    /// was not UTF-8, so that what would be sealed as the original is not what was given.
    static func rawArguments() -> [[UInt8]] {
        (1..<Int(CommandLine.argc)).map { i in
            guard let p = CommandLine.unsafeArgv[i] else { return [] }
            return Array(UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: strlen(p)))
        }
    }

    /// Refuses an argument that is not valid UTF-8, naming the option it is the value of (`--text VALUE` or
    /// `--text=VALUE`) and the byte offset in that value, as the web form and e-mail name theirs.
    static func checkEncoding(_ args: [[UInt8]]) throws(InputError) {
        for (i, arg) in args.enumerated() {
            guard let offset = WebFormParser.firstInvalidUTF8(Data(arg)) else { continue }
            if arg.starts(with: Array("--".utf8)), let eq = arg.firstIndex(of: UInt8(ascii: "=")), eq < offset {
                throw .badEncoding(field: name(arg[..<eq]), byteOffset: offset - eq - 1)
            }
            if i > 0, let previous = args[i - 1].first, previous == UInt8(ascii: "-"), args[i - 1] != Array("--".utf8),
               !args[i - 1].contains(UInt8(ascii: "=")) {
                throw .badEncoding(field: name(args[i - 1][...]), byteOffset: offset)
            }
            throw .badEncoding(field: "argument \(i + 1)", byteOffset: offset)
        }
    }

    /// `--lang` as typed (`--lang ja`, `--lang=ja`), else the locale's: known before the command is parsed, so that a
    /// refusal of the arguments themselves is in the same language as the command's answers.
    static func language(_ args: [[UInt8]]) -> Language {
        let words = args.map { String(decoding: $0, as: UTF8.self) }
        for (i, w) in words.enumerated() {
            if w == "--lang", i + 1 < words.count, let l = Language(rawValue: words[i + 1]) { return l }
            if w.hasPrefix("--lang="), let l = Language(rawValue: String(w.dropFirst(7))) { return l }
            if w == "--" { break }
        }
        return Language.fromLocale(ProcessInfo.processInfo.environment)
    }

    private static func name(_ bytes: ArraySlice<UInt8>) -> String { Sanitizer.visible(Sanitizer.decode(bytes)) }
}
