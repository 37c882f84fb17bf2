import Foundation

// Stored format: see DeskEvent.swift. The employee consultation desk (seed 003, seed 001, the 2025 law: nobody
// may be treated badly for consulting). Its streams are `consult-K-000001`, apart from every customer case:
// only counsellors open them, and a customer case never points to one.

/// A consultation number as people say it: `K-000012`.
public struct ConsultationID: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let number: Int
    public init(number: Int) { self.number = number }
    public init?(_ text: String) {
        var t = Substring(text)
        if t.hasPrefix("K-") || t.hasPrefix("k-") { t = t.dropFirst(2) }
        guard !t.isEmpty, t.count <= 9, t.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(t), n > 0 else { return nil }
        number = n
    }
    public var description: String { "K-" + number.padded(6) }
    public var streamID: StreamID { StreamID("consult-\(description)") }
    public static func < (a: ConsultationID, b: ConsultationID) -> Bool { a.number < b.number }
    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let id = ConsultationID(s) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad consultation id"))
        }
        self = id
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

extension StreamID {
    public var consultationID: ConsultationID? {
        rawValue.hasPrefix("consult-") ? ConsultationID(String(rawValue.dropFirst(8))) : nil
    }
}

/// Who opened the consultation.
public enum ConsultingParty: String, Codable, Sendable, CaseIterable { case employee, colleague }

/// Who harassed the employee for having been harassed (or for consulting).
public enum SecondaryBy: String, Codable, Sendable, CaseIterable { case superior, coworker }

/// The care a counsellor arranges, each with a due date.
public enum CareKind: String, Codable, Sendable, CaseIterable {
    case counselling, leave, reassignment, workersCompensation
}

public struct ConsultationOpened: Hashable, Codable, Sendable {
    public var organization: OrganizationID
    /// The employee: a subject of their own, so their data can be erased without touching anything else.
    public var employee: SubjectID
    public var anonymous: Bool
    public var name: Personal?
    public var contact: Personal?
    public var openedBy: ConsultingParty
    /// The harm suffered, in their words.
    public var harm: Personal
    /// What they want the company to do.
    public var wants: Personal?
    public var mentalHealth: Bool
    /// Secondary harassment by a superior or a co-worker: routed to a counsellor, never to the person named.
    public var secondary: SecondaryBy?
    public init(organization: OrganizationID, employee: SubjectID, anonymous: Bool, name: Personal? = nil, contact: Personal? = nil,
                openedBy: ConsultingParty = .employee, harm: Personal, wants: Personal? = nil, mentalHealth: Bool = false,
                secondary: SecondaryBy? = nil) {
        self.organization = organization
        self.employee = employee
        self.anonymous = anonymous
        self.name = name
        self.contact = contact
        self.openedBy = openedBy
        self.harm = harm
        self.wants = wants
        self.mentalHealth = mentalHealth
        self.secondary = secondary
    }
}

public struct CareTaskOpened: Hashable, Codable, Sendable {
    public var kind: CareKind
    public var due: LocalDate
    public init(kind: CareKind, due: LocalDate) {
        self.kind = kind
        self.due = due
    }
}

public struct CareTaskDone: Hashable, Codable, Sendable {
    public var kind: CareKind
    public init(kind: CareKind) { self.kind = kind }
}

/// The consultation is linked to a customer case, with the employee's consent; the case never shows it.
public struct ConsultationLinked: Hashable, Codable, Sendable {
    public var caseID: CaseID
    public var consent: Bool
    public init(caseID: CaseID, consent: Bool) {
        self.caseID = caseID
        self.consent = consent
    }
}

/// A counsellor's note, or the reason the consultation closed; sealed under the employee.
public struct ConsultationText: Hashable, Codable, Sendable {
    public var text: Personal
    public init(text: Personal) { self.text = text }
}

/// Someone tried to open a restricted record (a consultation): who, which, and whether it was allowed.
public struct RestrictedAccess: Hashable, Codable, Sendable {
    public var record: String
    public var user: String
    public var role: Role
    public var allowed: Bool
    public init(record: String, user: String, role: Role, allowed: Bool) {
        self.record = record
        self.user = user
        self.role = role
        self.allowed = allowed
    }
}

public struct ConsultationState: Hashable, Sendable {
    public var open = false
    public var exists = false
    public var employee: SubjectID?
    public var contactable = false
    public var careTasks: [CareKind: LocalDate] = [:]
    public var linked: [CaseID] = []
    public init() {}

    public static func evolve(_ s: ConsultationState, _ e: DeskEvent) -> ConsultationState {
        var s = s
        switch e {
        case .consultationOpened(let p):
            s.exists = true
            s.open = true
            s.employee = p.employee
            s.contactable = p.contact != nil
        case .careTaskOpened(let p): s.careTasks[p.kind] = p.due
        case .careTaskDone(let p): s.careTasks[p.kind] = nil
        case .consultationLinked(let p): if !s.linked.contains(p.caseID) { s.linked.append(p.caseID) }
        case .consultationClosed: s.open = false
        default: break
        }
        return s
    }
}

public enum ConsultationDecider {
    public enum Command: Sendable {
        case open(ConsultationOpened), openCareTask(CareTaskOpened), completeCareTask(CareKind), link(ConsultationLinked),
             addNote(ConsultationText), close(ConsultationText)
    }

    /// What a consultation allows. Only counsellors handle consultations (the role matrix): they are kept apart from the
    /// customer file and from the employee's line.
    public static func decide(_ c: Command, _ s: ConsultationState, today: LocalDate) throws(DecideError) -> [DeskEvent] {
        if case .open(let p) = c {
            guard !s.exists else { throw .alreadyExists }
            guard !(p.harm.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw .missing(command: "open a consultation", what: "the harm suffered")
            }
            guard !p.anonymous || (p.name == nil && p.contact == nil) else {
                throw .invalid(field: "anonymous", reason: "an anonymous consultation keeps no name or contact")
            }
            return [.consultationOpened(p)]
        }
        guard s.exists else { throw .noSuchCase }
        guard s.open else { throw .invalid(field: "consultation", reason: "it is closed") }
        switch c {
        case .open: return []
        case .openCareTask(let t):
            guard s.careTasks[t.kind] == nil else { throw .invalid(field: "task", reason: "a \(t.kind.rawValue) task is already open") }
            guard t.due >= today else { throw .invalid(field: "due", reason: "a due date from today on") }
            return [.careTaskOpened(t)]
        case .completeCareTask(let k):
            guard s.careTasks[k] != nil else { throw .invalid(field: "task", reason: "no open \(k.rawValue) task") }
            return [.careTaskDone(CareTaskDone(kind: k))]
        case .link(let l):
            // Seed 001 and the 2025 law: the employee decides whether their consultation touches the customer case.
            guard l.consent else { throw .invalid(field: "consent", reason: "the employee's consent is needed to link a customer case") }
            return s.linked.contains(l.caseID) ? [] : [.consultationLinked(l)]
        case .addNote(let n):
            guard !(n.text.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw .missing(command: "add a note", what: "the note")
            }
            return [.consultationNoted(n)]
        case .close(let r):
            guard s.careTasks.isEmpty else {
                throw .invalid(field: "consultation", reason: "care tasks are still open: " + s.careTasks.keys.map(\.rawValue).sorted().joined(separator: ", "))
            }
            guard !(r.text.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw .missing(command: "close a consultation", what: "the reason")
            }
            return [.consultationClosed(r)]
        }
    }
}
