/// Why the log, or a copy of it, could not be used as a whole: a chain or a file that does not verify, a copy that
/// cannot be read or written, a file this process may only read, work on the whole log already running. Names the
/// file and the reason; front ends map each case to an exit status.
public enum LogError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The chain or the file does not verify (`what`: the log, or a file's path); nothing was changed.
    case doesNotVerify(what: String, reason: String)
    /// There is no file to read at `path`.
    case noInput(path: String)
    /// The output cannot be created (it exists, or its directory may not be written).
    case cannotCreate(path: String, reason: String)
    /// Reading or writing failed part-way; nothing was left behind.
    case io(path: String, reason: String)
    /// This process may only read the file (`reason` says why): nothing can be recorded in it.
    case readOnly(path: String, reason: String)
    /// The file is the database of another desk.
    case anotherDesk(path: String)
    /// A rebuild or a restore is running already.
    case inProgress(Maintenance)

    public var description: String {
        switch self {
        case let .doesNotVerify(w, r): "\(w) does not verify: \(r); nothing was changed"
        case .noInput(let p): "there is no file \(p)"
        case let .cannotCreate(p, r): "cannot create \(p): \(r); nothing was written"
        case let .io(p, r): "\(p): \(r); nothing was left behind"
        case let .readOnly(p, r): "\(p) is open read-only (\(r)): nothing can be recorded in it"
        case .anotherDesk(let p): "\(p) is the database of another desk; nothing was replaced"
        case .inProgress(let m): "\(m) is running; wait until it is done"
        }
    }
}
