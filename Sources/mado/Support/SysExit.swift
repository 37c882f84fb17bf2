import ArgumentParser
import DeskApp

/// The exit statuses of sysexits(3) that mado uses beside 0 (success), 1 (a refusal) and 64 (bad usage).
enum SysExit {
    /// A log or a copy that does not verify.
    static let dataError: Int32 = 65
    /// An input file that does not exist.
    static let noInput: Int32 = 66
    /// An output file that cannot be created.
    static let cannotCreate: Int32 = 73
    /// Reading or writing failed part-way.
    static let ioError: Int32 = 74

    /// The status for `error`, when it is one of these.
    static func status(for error: LogError) -> Int32? {
        switch error {
        case .doesNotVerify: dataError
        case .noInput: noInput
        case .cannotCreate: cannotCreate
        case .io: ioError
        case .readOnly, .anotherDesk, .inProgress: nil
        }
    }

    /// Runs `body`; a `LogError` with a status of its own is told on standard error and ends mado with that status,
    /// anything else goes on as thrown (exit 1).
    static func mapping<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as LogError {
            guard let code = status(for: e) else { throw e }
            warn(e.description)
            throw ExitCode(code)
        }
    }
}
