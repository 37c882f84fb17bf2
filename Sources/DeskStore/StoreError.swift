import DeskDomain

/// Why the store could not be opened or used.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case noDatabase(path: String)
    case alreadyInitialized(path: String)
    case notInitialized(path: String)
    case newerSchema(path: String)
    case olderFormat(path: String)
    /// Written by an older mado, and read-only here: its migrations cannot run.
    case upgradeNeeded(path: String)
    case keyFileMissing(path: String)
    case keyFileMode(path: String, mode: String)
    case keyFileMalformed(path: String)
    case keyFileOfAnotherDesk(path: String)
    case keyFileExists(path: String)
    case keyRequired(what: String)
    case noSuchCase(String)
    case noSuchSubject(String)
    case alreadyErased(String)
    case onHold(subject: String, case: String, kind: String)
    case subjectWasErased(String)
    /// A projection row that mado never writes: the table was edited outside it.
    case damagedProjection(table: String, row: String)
    case io(String)

    public var description: String {
        switch self {
        case .noDatabase(let p): "no desk database at \(p): run `mado init --db \(p)` first"
        case .alreadyInitialized(let p): "\(p) is already a desk database; nothing was changed"
        case .notInitialized(let p): "\(p) is not an initialized desk database: run `mado init`"
        case .newerSchema(let p): "\(p) was written by a newer mado; upgrade mado to open it"
        case .upgradeNeeded(let p):
            "\(p) was written by an older mado and must be upgraded, which writes to it, but it is read-only here: copy it where you may write"
        case .olderFormat(let p):
            "\(p) uses an older storage format that this mado no longer reads; recreate it with `mado init`"
        case .keyFileMissing(let p): "no desk key file at \(p) (set --key-file or MADO_KEY_FILE)"
        case let .keyFileMode(p, m):
            "the desk key file \(p) has mode \(m); it must not be readable or writable by others: chmod 0640 \(p)"
        case .keyFileMalformed(let p): "\(p) is not a mado desk key file"
        case .keyFileOfAnotherDesk(let p): "the key file \(p) belongs to another desk database"
        case .keyFileExists(let p): "a key file already exists at \(p); move it away or choose --key-file"
        case .keyRequired(let w): "\(w) needs the desk key file, and none is usable here"
        case .noSuchCase(let c): "there is no case \(Sanitizer.visible(c))"
        case .noSuchSubject(let s): "there is no subject \(Sanitizer.visible(s))"
        case .alreadyErased(let s): "subject \(s) was already erased; nothing was changed"
        case .subjectWasErased(let s): "subject \(s)'s data was erased; nothing more can be written under them"
        case let .onHold(s, c, k):
            "subject \(s) cannot be erased: case \(c) is on legal hold (\(k)); a supervisor must lift the hold first"
        case let .damagedProjection(t, r):
            "the \(t) table holds a row mado never writes (\(r)): run `mado rebuild` (a supervisor, with the key file)"
        case .io(let m): m
        }
    }
}
