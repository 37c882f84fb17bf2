import DeskDomain
import Foundation

/// Deterministic demo cases, written through the domain's commands like real work.
public struct DemoData {
    public let seed: UInt64
    public let now: Date

    public init(seed: UInt64, now: Date) {
        self.seed = seed
        self.now = now
    }

    struct Scenario {
        let language: Language
        let channel: Channel
        let complaint: String
        let requests: String?
        let words: String?
        let facts: FactSheet?
    }

    public static let organizations: [OrganizationRegistered] = [
        OrganizationRegistered(id: "demo-hotel", name: "デモホテル東京", branches: [Branch(name: "新宿", stores: ["本館", "別館"])],
                               reportTo: "総務部 顧客対応担当", language: .ja),
        OrganizationRegistered(id: "demo-rail", name: "デモ鉄道", branches: [Branch(name: "中央線", stores: ["新宿駅", "立川駅"])],
                               reportTo: "お客さまセンター長", language: .ja),
        OrganizationRegistered(id: "demo-clinic", name: "Demo General Hospital", branches: [Branch(name: "Outpatients", stores: ["Reception", "Pharmacy"])],
                               reportTo: "Patient Relations Manager", language: .en),
        OrganizationRegistered(id: "demo-city", name: "デモ市役所", branches: [Branch(name: "市民課", stores: ["1階窓口", "2階窓口"])],
                               reportTo: "市民課長", language: .ja, closedDays: [.yearEnd]),
    ]

    static let staff: [StaffAdded] = [
        StaffAdded(user: "demo.tanaka", displayName: "田中 一郎", role: .staff),
        StaffAdded(user: "demo.suzuki", displayName: "鈴木 花子", role: .operator),
        StaffAdded(user: "demo.sato", displayName: "佐藤 健", role: .supervisor),
        StaffAdded(user: "demo.kato", displayName: "加藤 由美", role: .counsellor),
        StaffAdded(user: "demo.ito", displayName: "伊藤 誠", role: .auditor),
    ]

    static func facts(_ edit: (inout FactSheet) -> Void) -> FactSheet {
        var f = FactSheet()
        edit(&f)
        return f
    }

    static let scenarios: [Scenario] = [
        Scenario(language: .ja, channel: .counter,
                 complaint: "チェックインの待ち時間について、カウンターで2時間にわたり大声を出し「支配人を呼べ」と繰り返した。",
                 requests: "支配人による謝罪", words: "責任者を出せ。出すまで帰らない。",
                 facts: facts { $0.minutesSpent = 120; $0.refusesToLeave = true }),
        Scenario(language: .ja, channel: .counter, complaint: "予約の取り違えについて、土下座して謝れと要求された。",
                 requests: "土下座での謝罪", words: "土下座しろ。誠意を見せろ。", facts: facts { $0.apologyDemand = true; $0.minutesSpent = 25 }),
        Scenario(language: .ja, channel: .webForm, complaint: "料金の説明が分かりにくかったので、案内の仕方を改善してほしい。",
                 requests: "料金表の掲示", words: nil, facts: nil),
        Scenario(language: .ja, channel: .counter, complaint: "担当者の名前と自宅の電話番号を教えろ、あの店員をクビにしろと言われた。",
                 requests: nil, words: "あいつの名前と住所を教えろ。", facts: facts { $0.demandAboutEmployee = true; $0.minutesSpent = 15 }),
        Scenario(language: .ja, channel: .counter, complaint: "カウンターを叩き「火をつけてやる」と言った。",
                 requests: nil, words: "こんな店、火をつけてやる。", facts: facts { $0.threatToLifeOrArson = true; $0.minutesSpent = 10 }),
        Scenario(language: .ja, channel: .phone, complaint: "同じ内容の電話が一日に何度もかかってきた。今週で5回目。",
                 requests: "前回の回答の撤回", words: "何度でも電話するからな。", facts: facts { $0.earlierContacts = 5; $0.minutesSpent = 40 }),
        Scenario(language: .ja, channel: .counter, complaint: "スタッフを無断で撮影し、SNSに店舗名と写真を載せると言われた。",
                 requests: nil, words: "ネットにさらしてやる。", facts: facts { $0.filmingOrPosting = true; $0.reviewOrMediaThreat = true }),
        Scenario(language: .ja, channel: .email, complaint: "診察の待ち時間が長いので、予約制を見直してほしい。", requests: "予約枠の拡大",
                 words: nil, facts: nil),
        Scenario(language: .ja, channel: .counter, complaint: "説明の途中で胸ぐらをつかまれた。", requests: nil,
                 words: "ふざけるな。", facts: facts { $0.weaponOrPhysicalContact = true; $0.minutesSpent = 5 }),
        Scenario(language: .ja, channel: .answeringMachine, complaint: "返金に加えて、慰謝料として100万円を払えという留守番電話が残されていた。",
                 requests: "100万円の支払い", words: nil, facts: nil),
        Scenario(language: .en, channel: .counter,
                 complaint: "The guest shouted at the front desk for 45 minutes and refused to leave until the manager came.",
                 requests: "An apology from the manager", words: "I'm not leaving until your boss gets here.",
                 facts: facts { $0.minutesSpent = 45; $0.refusesToLeave = true }),
        Scenario(language: .en, channel: .webForm, complaint: "Please make clearer announcements when trains are delayed.",
                 requests: "Announcements in English", words: nil, facts: nil),
        Scenario(language: .en, channel: .phone, complaint: "The caller said he would come to the station with a knife.",
                 requests: nil, words: "I'll come down there with a knife.", facts: facts { $0.threatToLifeOrArson = true }),
        Scenario(language: .en, channel: .counter, complaint: "The customer demanded that the clerk come to his home to apologise.",
                 requests: "A home visit", words: "You will come to my house and apologise.", facts: facts { $0.offSiteSummons = true }),
        Scenario(language: .en, channel: .counter, complaint: "The visitor made repeated remarks about the clerk's nationality.",
                 requests: nil, words: "People like you shouldn't work here.", facts: facts { $0.discriminatoryRemarks = true }),
        Scenario(language: .en, channel: .email, complaint: "The pharmacy closed ten minutes before the posted time.",
                 requests: "Keep to the posted hours", words: nil, facts: nil),
        Scenario(language: .ja, channel: .counter, complaint: "注文と違う料理が出てきたので取り替えてほしいと言われた。",
                 requests: "料理の交換", words: "頼んだものと違いますよ。", facts: facts { $0.minutesSpent = 5 }),
        Scenario(language: .en, channel: .counter, complaint: "The guest asked why the room was not cleaned by noon.",
                 requests: "Cleaning before noon", words: "Could someone look into this, please?", facts: facts { $0.minutesSpent = 8 }),
    ]

    static let names = ["山田 花子", "高橋 誠", "渡辺 健太", "中村 さくら", "小林 大輔", "John Smith", "Emily Brown"]
    static let clerks = [("佐々木", "眼鏡の男性、フロント担当"), ("井上", "レジ担当の女性"), ("Ms. Walker", "reception, night shift")]

    enum Target: CaseIterable { case intake, handedOver, underReview, reported, closed, escalated, rejectedThreat }

    /// Writes the demo through the desk's own use cases, as its demo staff; returns the number of cases. `desk` acts for
    /// a supervisor, who registers the organizations and the staff.
    public func fill(_ desk: Desk) throws -> Int {
        try desk.require(.fillDemo)
        guard try desk.reads.caseCount() == 0, try desk.reads.organizations().isEmpty else { throw DeskError.notEmpty }
        let clock = DemoClock(now.addingTimeInterval(-48 * 9 * 3600 - 3600))
        let admin = desk.clocked { clock.now }
        for o in Self.organizations { try admin.registerOrganization(o) }
        for m in Self.staff where try desk.reads.staffMember(m.user) == nil {
            try admin.addStaff(m.user, role: m.role, displayName: m.displayName)
        }
        let clerk = admin.acting(as: "demo.tanaka"), op = admin.acting(as: "demo.suzuki"), sup = admin.acting(as: "demo.sato")
        var rng = SplitMix64(seed: seed)
        // One counterparty who comes back, so the ledger has a history to show.
        var regular: SubjectID?
        let count = 48
        for i in 0..<count {
            let sc = Self.scenarios[(i + Int(rng.below(3))) % Self.scenarios.count]
            let org = Self.organizations[i % Self.organizations.count]
            let branch = org.branches[0]
            clock.now = now.addingTimeInterval(-Double(count - i) * 9 * 3600 - Double(rng.below(3600)))
            func tick() {
                clock.now = clock.now.addingTimeInterval(Double(600 + rng.below(1800)))
            }
            let named = sc.channel != .counter && rng.below(3) != 0
            let name = Self.names[Int(rng.below(UInt64(Self.names.count)))]
            let phone = String(format: "090-%04d-%04d", rng.below(10000), rng.below(10000))
            var staff: [Submission.StaffMember] = []
            if sc.channel == .counter || rng.below(2) == 0 {
                let c = Self.clerks[Int(rng.below(UInt64(Self.clerks.count)))]
                staff.append(Submission.StaffMember(name: c.0, characteristics: c.1))
            }
            // The draws in the order the demo always made them, so that a seed gives the same cases.
            let store = branch.stores[Int(rng.below(UInt64(branch.stores.count)))]
            let email = named && rng.below(2) == 0 ? "applicant\(i)@example.jp" : nil
            let feedbackWanted = rng.below(2) == 0
            let submission = Submission(
                organization: org.id, branch: branch.name, store: store, channel: sc.channel, language: sc.language,
                applicant: Submission.Applicant(anonymous: !named, name: named ? name : nil, phone: named ? phone : nil, email: email),
                staff: staff, complaint: sc.complaint, requests: sc.requests, feedbackWanted: feedbackWanted)
            let taker = sc.channel == .counter ? clerk : op
            guard case .new(let id, _, _) = try taker.takeIn(submission) else { throw DeskError.notEmpty }
            func run(_ a: CaseAction, _ who: Desk) throws {
                tick()
                try who.act(a, on: id)
            }
            // Steps added to the demo later take a fixed quarter-hour, so the random draws of every other case stay as they were.
            func then(_ a: CaseAction, _ who: Desk) throws {
                clock.now = clock.now.addingTimeInterval(900)
                try who.act(a, on: id)
            }

            if let f = sc.facts { try run(.recordFacts(f), taker) }
            if let w = sc.words { try run(.recordStatement(speaker: .counterparty, text: w, verbatim: true), taker) }
            if sc.facts?.earlierContacts ?? 0 > 0 || (sc.channel == .counter && i % 5 == 0) {
                tick()
                let events = try op.act(.linkCounterparty(label: "60代男性、グレーの帽子、毎週来店", existing: regular), on: id)
                for case .counterpartyLinked(let p) in events { regular = p.counterparty }
            }
            let targets = Target.allCases
            var target = targets[(i / 2 + i % 2 * 3) % targets.count]
            let danger = sc.facts.map { PolicyTable.standard.decide($0).lane == .danger } ?? false
            if target == .rejectedThreat && sc.channel == .counter { target = .escalated }
            if danger && target != .intake { target = .escalated }
            // At the counter: the police ladder as the clerk took it (danger skips straight to 110).
            if danger && target != .intake { try run(.takeLadderStep(.call110), clerk) }
            if sc.facts?.refusesToLeave == true {
                for step: LadderStep in [.endResponse, .askToStop, .askToStop, .orderToLeave] { try run(.takeLadderStep(step), clerk) }
            }
            if target == .intake { continue }
            if sc.channel == .counter || sc.facts != nil { try run(.handOver, taker) }
            if target == .handedOver && sc.facts != nil { continue }
            if target == .rejectedThreat {
                try run(.rejectAsThreat(reason: "脅迫的な内容のため受け付けない。警察へ相談する。"), op)
                if i % 2 == 0 { try then(.completeTask(.notifyOrganization, reference: "\(org.reportTo)へ電話で連絡"), op) }
                continue
            }
            try run(.startReview, op)
            try run(.assign(to: "demo.suzuki"), op)
            if i % 4 == 1 { try run(.logEnquiry(.phone), clerk) }
            if target == .underReview || target == .handedOver { continue }
            if target == .escalated {
                let reason = danger ? "生命・身体への危険のため110番通報した。" : "要求が執拗なため弁護士に相談する。"
                try run(.escalate(danger ? .police : .lawyer, reason: reason), sup)
                continue
            }
            let harassment = sc.facts.map { PolicyTable.standard.decide($0).lane != .complaint } ?? false
            try run(.assess(validity: harassment ? .invalid : .valid, means: harassment ? .unacceptable : .acceptable,
                            behaviours: sc.facts.map { PolicyTable.standard.decide($0).behaviours } ?? [],
                            reason: harassment ? "長時間にわたり同じ要求を繰り返し、退去の求めに応じなかった。"
                                               : "案内表示が分かりにくかったという指摘で、手段は穏当だった。",
                            opinion: harassment ? "要求の手段が社会通念上不相当であり、組織として対応を打ち切ることを勧める。"
                                                : "正当な苦情であり、案内表示の改善を勧める。"), op)
            try run(.classify(harassment ? .harassment : .legitimateComplaint, reason: harassment ? "手段が不相当なため" : "正当な指摘のため"), sup)
            try then(.draftReport(opinion: harassment ? "組織として対応を打ち切り、以後の連絡は当窓口で受けることを勧める。"
                                                      : "案内表示を改め、申出人への回答を検討することを勧める。",
                                  includeName: false, includeContact: false), op)
            try then(.approveReport, sup)
            try run(.report(sentTo: org.reportTo), op)
            if target == .closed {
                // Some organizations want a named applicant told what they decided.
                let feedback = !harassment && named && i % 2 == 0
                try then(.recordDecision(harassment ? "以後の対応を打ち切る。" : "案内表示を改める。", feedback: feedback), op)
                try run(.close(outcome: harassment ? "serviceRefused" : "resolved"), sup)
            }
        }
        return count
    }
}

/// The demo's present moment, moved on by each step it writes.
final class DemoClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Date
    init(_ start: Date) { value = start }
    var now: Date {
        get { lock.lock(); defer { lock.unlock() }; return value }
        set { lock.lock(); value = newValue; lock.unlock() }
    }
}
