import DeskDomain

/// Why the desk refused a use case. Says what a person needs to know; never echoes free text raw.
public enum DeskError: Error, Equatable, Sendable, CustomStringConvertible {
    case notOnStaff(String)
    case removedFromStaff(String)
    case notAllowed(DeskAction, role: Role)
    case readOnly
    case noSuchCase(String)
    case noSuchConsultation(String)
    case noSuchSubject(String)
    case alreadyErased(String)
    case unknownOrganization(String, known: [String])
    case noOrganizations
    case alreadyRegistered(String)
    case lastSupervisor(String)
    case cannotRemoveYourself
    case notEmpty
    /// What the case allows now: its state, what must come first.
    case decided(DecideError)
    /// A reason, reference or name kept in clear that is not one printable line.
    case notClear(field: String)
    /// Personal data must be opened or sealed, and this process has no usable key.
    case keyRequired(what: String, problem: String)

    public var description: String {
        switch self {
        case .notOnStaff(let u):
            "the OS user \(Sanitizer.visible(u)) is not on the desk's staff: a supervisor must run `mado staff add \(Sanitizer.visible(u)) --role ROLE --name NAME`"
        case .removedFromStaff(let u): "the OS user \(Sanitizer.visible(u)) was removed from the desk's staff"
        case let .notAllowed(a, r):
            "\(RoleMatrix.article(r)) may not \(a.label); it needs \(RoleMatrix.describe(RoleMatrix.roles(for: a)))"
        case .readOnly: "this console is review only (--read-only): nothing is recorded"
        case .noSuchCase(let c): "there is no case \(Sanitizer.visible(c))"
        case .noSuchConsultation(let k): "there is no consultation \(Sanitizer.visible(k))"
        case .noSuchSubject(let s): "there is no subject \(Sanitizer.visible(s))"
        case .alreadyErased(let s): "subject \(Sanitizer.visible(s)) was already erased; nothing was changed"
        case let .unknownOrganization(o, known):
            "unknown organization \(Sanitizer.visible(o))" + (known.isEmpty ? " (none is registered yet: mado org add)"
                : " (registered: \(known.map(Sanitizer.visible).joined(separator: ", ")))")
        case .noOrganizations: "no organization is registered yet (mado org add)"
        case .alreadyRegistered(let o): "\(Sanitizer.visible(o)) is already registered (mado org show \(Sanitizer.visible(o)))"
        case .lastSupervisor(let u): "\(Sanitizer.visible(u)) is the desk's last supervisor; add another supervisor first"
        case .cannotRemoveYourself: "you cannot remove yourself"
        case .notEmpty: "this database already holds cases or organizations; the demo fills only a new database"
        case .decided(let e): e.description
        case let .keyRequired(w, p): "\(w) needs the desk key file, and none is usable here (\(p))"
        case .notClear(let f): "\(f) must be 1-\(ClearReason.limit) printable characters on one line (kept in clear: no personal data)"
        }
    }
}
