/// What people read for an event: the console's timeline, `mado show`, the CLI's answer to an action.
extension DeskEvent: Labelled {
    public var label: (ja: String, en: String) { Self.label(type: type) ?? (type, type) }

    /// The label of a stored event type (erasure previews name fields by it).
    public static func label(type: String) -> (ja: String, en: String)? { labels[type] }

    // Keyed by the stored type; a test holds every type the log writes to a row here.
    private static let labels: [String: (ja: String, en: String)] = [
        "intakeRecorded": ("受付", "intake recorded"),
        "factsRecorded": ("事実の記録", "facts recorded"),
        "statementRecorded": ("発言の記録", "statement recorded"),
        "counterpartyLinked": ("相手方の紐付け", "counterparty linked"),
        "handedOver": ("引継ぎ", "handed over"),
        "reviewStarted": ("確認開始", "review started"),
        "assessed": ("評価", "assessed"),
        "classified": ("判断", "classified"),
        "laneOverridden": ("区分の変更", "lane changed"),
        "escalated": ("エスカレーション", "escalated"),
        "reported": ("組織への報告", "reported to the organization"),
        "closed": ("完了", "closed"),
        "rejectedAsThreat": ("脅迫等で不受理", "rejected as a threat"),
        "enquiryLogged": ("問い合わせの記録", "enquiry logged"),
        "noteAdded": ("メモ", "note added"),
        "caseAssigned": ("担当者の割当て", "assigned"),
        "legalHoldPlaced": ("保全の開始", "legal hold placed"),
        "legalHoldLifted": ("保全の解除", "legal hold lifted"),
        "ladderStepTaken": ("警察対応", "police ladder step taken"),
        "reportDrafted": ("報告書の下書き", "report drafted"),
        "reportApproved": ("報告書の承認", "report approved"),
        "organizationDecided": ("組織の決定", "organization's decision recorded"),
        "feedbackGiven": ("申出人への連絡", "feedback given"),
        "taskOpened": ("タスクの開始", "task opened"),
        "taskDone": ("タスクの完了", "task done"),
        "organizationRegistered": ("組織の登録", "organization registered"),
        "retentionSet": ("保存期間の設定", "retention set"),
        "policyAdopted": ("対応方針の採用", "policy adopted"),
        "staffAdded": ("職員の追加", "staff member added"),
        "staffRemoved": ("職員の削除", "staff member removed"),
        "shiftStarted": ("勤務開始", "shift started"),
        "shiftEnded": ("勤務終了・引継ぎ", "shift ended"),
        "consultationOpened": ("相談の受付", "consultation opened"),
        "careTaskOpened": ("ケアの開始", "care task opened"),
        "careTaskDone": ("ケアの完了", "care task done"),
        "consultationLinked": ("案件との紐付け", "consultation linked"),
        "consultationNoted": ("相談メモ", "consultation note added"),
        "consultationClosed": ("相談の終了", "consultation closed"),
        "restrictedAccess": ("制限付き記録の閲覧", "restricted record opened"),
        "subjectErased": ("個人データの消去", "personal data erased"),
        "subjectExported": ("個人データの書き出し", "personal data exported"),
        "standingSet": ("相手方への警告・利用禁止", "counterparty's standing set"),
        "checkpointSigned": ("記録の署名", "log head signed"),
        "applicantAdded": ("申出人からの追加", "more from the applicant"),
        "counterActionTaken": ("窓口での対応", "done at the counter"),
        "contactSet": ("連絡先・プリンターの設定", "contact details and printer set"),
    ]

    /// The label with what the event decided, in words and without personal text: "警察対応: 最終警告".
    public func summary(_ language: Language) -> String {
        let ja = language == .ja
        func with(_ detail: String) -> String { label(language) + ": " + detail }
        switch self {
        case .ladderStepTaken(let p): return with(p.step.name(language))
        case .handedOver(let p): return with(p.lane.label(language))
        case .laneOverridden(let p): return with((p.from.map { $0.label(language) } ?? "-") + " → " + p.to.label(language))
        case .classified(let p): return with(p.classification.label(language))
        case .assessed(let p): return with(p.validity.label(language) + (ja ? "・" : ", ") + p.means.label(language))
        case .escalated(let p): return with(p.target.label(language))
        case .legalHoldPlaced(let p): return with(p.kind.label(language))
        case .taskOpened(let p): return with(p.kind.label(language))
        case .taskDone(let p): return with(p.kind.label(language))
        case .careTaskOpened(let p): return with(p.kind.label(language))
        case .careTaskDone(let p): return with(p.kind.label(language))
        case .standingSet(let p): return with(p.standing.label(language) + (p.until.map { ja ? " \($0) まで" : " until \($0)" } ?? ""))
        case .statementRecorded(let p): return with(p.speaker.label(language))
        case .enquiryLogged(let p): return with(p.channel.label(language))
        case .feedbackGiven(let p): return with(p.channel.label(language))
        case .counterActionTaken(let p): return with(p.action.label(language))
        default: return label(language)
        }
    }

    /// What the CLI answers after recording it: "確認開始 を記録しました" / "review started".
    public func recorded(_ language: Language) -> String { Self.recorded([self], language) }

    /// What the CLI answers after recording `events` ("受付、事実の記録 を記録しました"); nothing recorded says so.
    public static func recorded(_ events: [DeskEvent], _ language: Language) -> String {
        let ja = language == .ja
        if events.isEmpty { return ja ? "変更はありません" : "nothing changed" }
        let what = events.map { $0.summary(language) }.joined(separator: ja ? "、" : ", ")
        return ja ? what + " を記録しました" : what
    }
}

extension DeskEvent {
    /// A personal field as people name it, from its `eventType.path` (`intakeRecorded.applicant.name` → 受付: 申出人の氏名).
    public static func fieldLabel(_ field: String, _ language: Language) -> String {
        let type = String(field.prefix { $0 != "." })
        let path = field.dropFirst(type.count + 1).split(separator: ".")
        let ja = language == .ja
        // Numbered entries (staff.0.name) are named by their number, counted from 1.
        let index = path.dropFirst().first.flatMap { Int($0) }.map { " \($0 + 1)" } ?? ""
        let words: (String, String)
        switch (path.first.map(String.init) ?? "", path.last.map(String.init) ?? "") {
        case ("applicant", "name"): words = ("申出人の氏名", "applicant's name")
        case ("applicant", "phone"): words = ("申出人の電話番号", "applicant's phone")
        case ("applicant", "email"): words = ("申出人のメールアドレス", "applicant's e-mail")
        case ("staff", "name"): words = ("職員\(index)の氏名", "staff\(index) name")
        case ("staff", "characteristics"): words = ("職員\(index)の特徴", "staff\(index) description")
        case ("attachments", _): words = ("添付\(index)のファイル名", "attachment\(index) file name")
        case ("complaint", _): words = ("苦情の内容", "complaint")
        case ("requests", _): words = ("要求", "requests")
        case ("text", _): words = ("本文", "text")
        case ("label", _): words = ("相手方の呼び名", "counterparty's label")
        case ("reason", _): words = ("理由", "reason")
        case ("opinion", _): words = ("所見", "opinion")
        case ("decision", _): words = ("決定の内容", "decision")
        case ("note", _): words = ("申し送り", "note")
        case ("name", _): words = ("氏名", "name")
        case ("contact", _): words = ("連絡先", "contact")
        case ("harm", _): words = ("被害の内容", "harm suffered")
        case ("wants", _): words = ("希望", "what they want")
        default: words = (path.joined(separator: "."), path.joined(separator: "."))
        }
        let event = label(type: type).map { ja ? $0.ja : $0.en } ?? type
        return event + (ja ? "の" : ": ") + (ja ? words.0 : words.1)
    }
}
