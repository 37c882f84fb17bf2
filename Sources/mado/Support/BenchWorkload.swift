import DeskDomain
import Foundation

/// The benchmark's workload in the product's own events: the shapes of `shared/bench` (streams, events per
/// transaction, mean payload about 590 bytes, mostly Japanese), deterministic from the seed.
struct BenchWorkload {
    enum Kind: CaseIterable { case intake, facts, statement, note }

    /// One event to append: which stream (a case number), its version, its kind, who appends it.
    struct Step {
        let stream: Int
        let version: Int
        let kind: Kind
        let actor: Actor
    }

    static let fragments = [
        "組織の担当窓口へ三営業日以内に報告する", "SNSに店舗名と従業員の写真を載せると言われた", "電話口で危害を加えると脅された",
        "当日の勤務表と対応記録を確認した", "同じ内容の電話が一日に何度もかかってきた", "責任者を出せと二時間にわたり繰り返した",
        "土下座して謝れと要求された", "返金に加えて慰謝料を払えと言われた", "担当者の自宅の住所を教えろと迫られた",
        "カウンターを強く叩いて大声を出した", "録音していることを伝えると態度が変わった", "店舗の外で待ち伏せされたと報告があった",
        "The caller repeated the same demand for an hour", "He said he would post the clerk's photo online",
        "対応した職員は事実のみを記録した", "警察への相談を検討している",
    ]
    static let channels: [Channel] = [.counter, .phone, .answeringMachine, .webForm, .email]

    var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    mutating func pick<T>(_ a: [T]) -> T { a[Int(rng.below(UInt64(a.count)))] }

    mutating func text(_ n: Int) -> String { (0..<n).map { _ in pick(Self.fragments) }.joined(separator: "。") + "。" }

    /// The clerks who append, on the staff of every bench database.
    static let clerks = 40
    static func clerk(_ n: Int) -> Actor { Actor(String(format: "desk-%02d", n)) }

    mutating func actor() -> Actor { Self.clerk(1 + Int(rng.below(UInt64(Self.clerks)))) }

    mutating func randomKind() -> Kind { [Kind.facts, .statement, .note][Int(rng.below(3))] }

    /// The event for a step; personal fields belong to the stream's applicant.
    mutating func event(_ kind: Kind, subject: SubjectID) -> DeskEvent {
        switch kind {
        case .intake:
            let channel = pick(Self.channels)
            return .intakeRecorded(IntakeRecorded(
                organization: OrganizationID(String(format: "org-%03d", 1 + rng.below(50))), channel: channel,
                occurredAt: String(format: "2026-%02d-%02dT10:00:00+09:00", 1 + rng.below(12), 1 + rng.below(28)), language: .ja,
                applicant: Applicant(subject: subject, anonymous: rng.below(2) == 1),
                complaint: Personal(text(6), owner: subject), feedbackWanted: rng.below(2) == 1))
        case .facts:
            var f = FactSheet()
            f.minutesSpent = 5 + Int(rng.below(120))
            f.earlierContacts = Int(rng.below(6))
            f.refusesToLeave = rng.below(2) == 1
            f.apologyDemand = rng.below(2) == 1
            f.reviewOrMediaThreat = rng.below(2) == 1
            f.demandAboutEmployee = rng.below(4) == 1
            return .factsRecorded(f)
        case .statement:
            return .statementRecorded(StatementRecorded(speaker: .counterparty, text: Personal(text(9), owner: subject),
                                                        verbatim: rng.below(2) == 1))
        case .note:
            return .noteAdded(CaseText(text: Personal(text(8), owner: subject)))
        }
    }

    /// W1, W2: 32 streams open at once, each 5-10 events long; one event per transaction.
    static func interleaved(seed: UInt64, events n: Int, firstStream: Int = 1, hot: (Int) -> Bool = { _ in false })
        -> (steps: [Step], generator: BenchWorkload) {
        var g = BenchWorkload(seed: seed)
        var next = firstStream
        var slots: [(stream: Int, version: Int, length: Int)] = []
        for _ in 0..<32 {
            slots.append((next, 0, 5 + Int(g.rng.below(6))))
            next += 1
        }
        var steps: [Step] = []
        steps.reserveCapacity(n)
        for i in 0..<n {
            if hot(i) {
                steps.append(Step(stream: -1, version: 0, kind: .note, actor: g.actor()))
                continue
            }
            let s = Int(g.rng.below(32))
            slots[s].version += 1
            let kind: Kind = slots[s].version == 1 ? .intake : g.randomKind()
            steps.append(Step(stream: slots[s].stream, version: slots[s].version, kind: kind, actor: g.actor()))
            if slots[s].version == slots[s].length {
                slots[s] = (next, 0, 5 + Int(g.rng.below(6)))
                next += 1
            }
        }
        return (steps, g)
    }
}
