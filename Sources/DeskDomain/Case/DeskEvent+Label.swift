/// What people read for an event: the console's timeline, `mado show`, the CLI's answer to an action.
extension DeskEvent: Labelled {
    public var label: (ja: String, en: String) {
        switch self {
        case .intakeRecorded: ("受付", "intake recorded")
        case .factsRecorded: ("事実の記録", "facts recorded")
        case .statementRecorded: ("発言の記録", "statement recorded")
        case .counterpartyLinked: ("相手方の紐付け", "counterparty linked")
        case .handedOver: ("引継ぎ", "handed over")
        case .reviewStarted: ("確認開始", "review started")
        case .assessed: ("評価", "assessed")
        case .classified: ("判断", "classified")
        case .laneOverridden: ("区分の変更", "lane changed")
        case .escalated: ("エスカレーション", "escalated")
        case .reported: ("組織への報告", "reported to the organization")
        case .closed: ("完了", "closed")
        case .rejectedAsThreat: ("脅迫等で不受理", "rejected as a threat")
        case .enquiryLogged: ("問い合わせの記録", "enquiry logged")
        case .noteAdded: ("メモ", "note added")
        case .caseAssigned: ("担当者の割当て", "assigned")
        case .legalHoldPlaced: ("保全の開始", "legal hold placed")
        case .legalHoldLifted: ("保全の解除", "legal hold lifted")
        case .ladderStepTaken: ("警察対応", "police ladder step taken")
        case .reportDrafted: ("報告書の下書き", "report drafted")
        case .reportApproved: ("報告書の承認", "report approved")
        case .organizationDecided: ("組織の決定", "organization's decision recorded")
        case .feedbackGiven: ("申出人への連絡", "feedback given")
        case .taskOpened: ("タスクの開始", "task opened")
        case .taskDone: ("タスクの完了", "task done")
        case .organizationRegistered: ("組織の登録", "organization registered")
        case .retentionSet: ("保存期間の設定", "retention set")
        case .policyAdopted: ("対応方針の採用", "policy adopted")
        case .staffAdded: ("職員の追加", "staff member added")
        case .staffRemoved: ("職員の削除", "staff member removed")
        case .shiftStarted: ("勤務開始", "shift started")
        case .shiftEnded: ("勤務終了・引継ぎ", "shift ended")
        case .consultationOpened: ("相談の受付", "consultation opened")
        case .careTaskOpened: ("ケアの開始", "care task opened")
        case .careTaskDone: ("ケアの完了", "care task done")
        case .consultationLinked: ("案件との紐付け", "consultation linked")
        case .consultationNoted: ("相談メモ", "consultation note added")
        case .consultationClosed: ("相談の終了", "consultation closed")
        case .restrictedAccess: ("制限付き記録の閲覧", "restricted record opened")
        case .subjectErased: ("個人データの消去", "personal data erased")
        case .subjectExported: ("個人データの書き出し", "personal data exported")
        case .standingSet: ("相手方への警告・利用禁止", "counterparty's standing set")
        case .checkpointSigned: ("記録の署名", "log head signed")
        }
    }

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
        default: return label(language)
        }
    }

    /// What the CLI answers after recording it: "確認開始を記録しました" / "review started".
    public func recorded(_ language: Language) -> String {
        language == .ja ? summary(.ja) + " を記録しました" : summary(.en)
    }
}
