import DeskDomain

// Refusals in the reader's language, for every front end (see `HumanMessage`).

extension DeskAction {
    /// `label` in Japanese, read with できません ("確認を開始できません").
    public var labelJA: String {
        switch self {
        case .takeCase: "担当を引き受け"
        case .assignCase: "案件を他の人に割り当て"
        case .recordIntake, .recordFacts, .recordStatement, .linkCounterparty, .handOver, .startReview, .assess, .classify,
             .overrideLane, .escalate, .report, .close, .rejectAsThreat, .logEnquiry, .addNote, .placeHold, .liftHold,
             .takeLadderStep, .draftReport, .approveReport, .recordDecision, .giveFeedback, .completeTask, .openTask:
            DecideError.command(label)
        case .recordCounterAction: "窓口で行ったことを記録"
        case .readQueue: "一覧を閲覧"
        case .readCaseText: "案件の内容を閲覧"
        case .readContactDetails: "申出人の氏名・連絡先を閲覧"
        case .readEvidence: "証拠を開くことが"
        case .readReport: "報告書を印刷"
        case .listTasks: "タスクの一覧を表示"
        case .readMonthlyTotals: "月次集計を表示"
        case .listCounterparties: "相手方の一覧を表示"
        case .listSubjects: "個人データの対象者の一覧を表示"
        case .seePresence: "誰が案件を開いているかを表示"
        case .readAccessLog: "閲覧記録を表示"
        case .listOrganizations: "組織の一覧を表示"
        case .listStaff: "職員の一覧を表示"
        case .verifyLog: "記録を検証"
        case .setStanding: "相手方への警告・利用禁止を設定"
        case .eraseSubject: "個人データを消去"
        case .eraseEmployee: "従業員の個人データを消去"
        case .exportSubject: "個人データを書き出し"
        case .exportEmployee: "従業員の個人データを書き出し"
        case .runRetention: "保存期間切れの消去を実行"
        case .setRetention: "保存期間を設定"
        case .registerOrganization: "組織を登録"
        case .adoptPolicy: "対応方針を採用"
        case .manageStaff: "職員を管理"
        case .rebuild: "集計表を再構築"
        case .fillDemo: "デモデータを作成"
        case .anchorLog: "記録に署名"
        case .backUp: "バックアップ"
        case .restore: "バックアップから復元"
        case .listConsultations: "従業員相談の一覧を表示"
        case .openConsultation: "従業員相談を受付"
        case .readConsultation: "従業員相談を閲覧"
        case .handleConsultation: "従業員相談を扱うことが"
        case .seeConsultationFlags: "相談の健康・二次被害の情報を表示"
        case .workShift: "勤務を記録"
        case .readHandovers: "引継ぎを閲覧"
        case .seeWholeShiftBoard: "勤務表を表示"
        }
    }

    public func label(_ language: Language) -> String { language == .ja ? labelJA : label }
}

extension RoleMatrix {
    /// "監督者・監査担当のみ": who may, in Japanese.
    public static func describeJA(_ roles: Set<Role>) -> String {
        let names = Role.allCases.filter(roles.contains).map(\.label.ja)
        return names.isEmpty ? "誰もできません" : names.joined(separator: "・") + "のみ"
    }
}

extension DeskError: HumanMessage {
    public func message(_ language: Language) -> String {
        guard language == .ja else { return description }
        switch self {
        case .notOnStaff(let u):
            return "OS ユーザー \(Sanitizer.visible(u)) は窓口の職員に登録されていません。監督者が `mado staff add \(Sanitizer.visible(u)) --role ROLE --name NAME` で登録してください"
        case .removedFromStaff(let u): return "OS ユーザー \(Sanitizer.visible(u)) は窓口の職員から外されています"
        case let .notAllowed(a, r): return "\(r.label.ja)は\(a.labelJA)できません (\(RoleMatrix.describeJA(RoleMatrix.roles(for: a))))"
        case .readOnly: return "閲覧専用です (--read-only): 何も記録しません"
        case .noSuchCase(let c): return "案件 \(Sanitizer.visible(c)) はありません"
        case .noSuchConsultation(let k): return "相談 \(Sanitizer.visible(k)) はありません"
        case .noSuchSubject(let s): return "対象者 \(Sanitizer.visible(s)) はいません"
        case .alreadyErased(let s): return "対象者 \(Sanitizer.visible(s)) のデータはすでに消去されています。何も変更していません"
        case let .unknownOrganization(o, known):
            return "組織 \(Sanitizer.visible(o)) は登録されていません" + (known.isEmpty ? " (まだ組織がありません: mado org add)"
                : " (登録済み: \(known.map(Sanitizer.visible).joined(separator: "、")))")
        case .noOrganizations: return "組織がまだ登録されていません (mado org add)"
        case .alreadyRegistered(let o): return "\(Sanitizer.visible(o)) はすでに登録されています (mado org show \(Sanitizer.visible(o)))"
        case .lastSupervisor(let u): return "\(Sanitizer.visible(u)) は最後の監督者です。先に別の監督者を追加してください"
        case .cannotRemoveYourself: return "自分自身は削除できません"
        case .notEmpty: return "このデータベースにはすでに案件か組織があります。デモデータは新しいデータベースにだけ作成します"
        case .decided(let e): return e.message(language)
        case let .keyRequired(w, p): return "\(w) には窓口の鍵ファイルが必要ですが、ここでは使えません (\(p))"
        case .notClear(let f):
            return "\(DecideError.field[f] ?? f) は 1 行の表示可能な文字 (\(ClearReason.limit) 字まで) にしてください (個人データは含めません)"
        }
    }
}

extension AppendError: HumanMessage {
    public func message(_ language: Language) -> String {
        guard language == .ja else { return description }
        switch self {
        case .wrongExpectedVersion: return "この間に案件が更新されました。読み込み直してからもう一度行ってください"
        case .duplicateSubmission(let c): return "この申出はすでに案件 \(c) として受け付けています"
        case .busy(let m?): return "データベースが使用中です (\(m))。終わってからもう一度行ってください"
        case .busy(nil): return "データベースが使用中です (別のプロセスが書き込みをロックしています)。もう一度行ってください"
        case .database(let m): return "データベースのエラー: \(m)"
        }
    }
}

extension LogError: HumanMessage {
    public func message(_ language: Language) -> String {
        guard language == .ja else { return description }
        switch self {
        case let .doesNotVerify(w, r): return "\(w) の検証に失敗しました: \(r)。何も変更していません"
        case .noInput(let p): return "ファイル \(p) はありません"
        case let .cannotCreate(p, r): return "\(p) を作成できません: \(r)。何も書き込んでいません"
        case let .io(p, r): return "\(p): \(r)。何も残していません"
        case let .readOnly(p, r): return "\(p) は読み取り専用で開いています (\(r))。何も記録できません"
        case .anotherDesk(let p): return "\(p) は別の窓口のデータベースです。何も置き換えていません"
        case .inProgress(let m): return "\(m) を実行中です。終わるまでお待ちください"
        }
    }
}
