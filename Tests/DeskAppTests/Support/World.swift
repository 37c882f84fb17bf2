import DeskApp
import DeskDomain
import Foundation

/// A small desk on the fake log: an organization, one user of every role, a case taken in from the web form and one
/// handed over at the counter, an employee's consultation.
struct World {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)       // 2026-09-21
    let log = FakeLog()
    var clock = t0
    var webCase = CaseID(number: 1)
    var counterCase = CaseID(number: 2)
    var consultation = ConsultationID(number: 1)
    var applicant = SubjectID("s-0")
    var employee = SubjectID("s-0")

    static func user(_ role: Role) -> String { "u-\(role.rawValue)" }

    /// The desk acting for `user` at `at` (the world's present by default).
    func desk(_ user: String = World.user(.supervisor), at: Date? = nil) -> Desk {
        let now = at ?? clock
        return Desk(log: log, reads: log, user: user, clock: { now })
    }
    func desk(_ role: Role) -> Desk { desk(Self.user(role)) }

    static let submission = Submission(organization: "demo-hotel", branch: "新宿", store: "本館", channel: .webForm, language: .ja,
                                       applicant: .init(anonymous: false, name: "榊原楓花", phone: "090-7346-2281"),
                                       staff: [.init(name: "佐藤", characteristics: "眼鏡")], complaint: "フロントで二時間怒鳴られた",
                                       requests: "謝罪", original: Data(#"{"form":"mado.webform/1"}"#.utf8))

    init() throws {
        // The first supervisor, as `mado init` records them.
        try log.append([.staffAdded(StaffAdded(user: Self.user(.supervisor), displayName: "監督", role: .supervisor))],
                       to: .stream(StreamID("staff-\(Self.user(.supervisor))")), expected: .noStream, actor: Actor(Self.user(.supervisor)),
                       at: Self.t0, newSubjects: [], evidence: [])
        let sup = desk()
        for role in Role.allCases where role != .supervisor { try sup.addStaff(Self.user(role), role: role, displayName: role.rawValue) }
        try sup.registerOrganization(OrganizationRegistered(id: "demo-hotel", name: "テストホテル", branches: [Branch(name: "新宿", stores: ["本館"])],
                                                            reportTo: "総務部", language: .ja))
        guard case .new(let id, _, _) = try desk(.staff).takeIn(Self.submission) else { throw DeskError.notEmpty }
        webCase = id
        applicant = try requireSubject(log.subjects(of: id).first { $0.kind == .applicant })
        var facts = FactSheet()
        facts.apologyDemand = true
        counterCase = try desk(.staff).handOver(CounterReport(organization: "demo-hotel", complaint: "土下座を求められた", words: "土下座しろ",
                                                              facts: facts)).id
        consultation = try desk(.counsellor).openConsultation(ConsultationRequest(organization: "demo-hotel", anonymous: true,
                                                                                  harm: "上司に責められた", mentalHealth: true))
        employee = try requireSubject(log.subjects(of: nil).first { $0.kind == .employee })
    }
}

/// The subject a fold found, or a failure that says it found none.
func requireSubject(_ row: SubjectRow?) throws -> SubjectID {
    guard let row else { throw DeskError.noSuchSubject("(none found)") }
    return row.id
}
