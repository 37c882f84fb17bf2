/// A refusal in the reader's language. The error keeps its English words (tests and logs compare them); Japanese is
/// looked up from them here, so every front end translates the same way.
extension DecideError {
    public func message(_ language: Language) -> String {
        guard language == .ja else { return description }
        switch self {
        case .noSuchCase: return "その案件はありません"
        case .alreadyExists: return "その案件はすでにあります"
        case let .wrongState(c, s): return "\(Self.command(c))できません: 案件は「\(s.label.ja)」です"
        case let .missing(c, w): return "\(Self.command(c))できません: 先に\(Self.what[w] ?? w)が必要です"
        case let .invalid(f, r): return "\(Self.field[f] ?? f): \(Self.reason(r))"
        }
    }

    /// Why, without naming the action: for a menu or a pane that names it beside the refusal ("案件は「完了」です").
    public func reason(_ language: Language) -> String {
        let ja = language == .ja
        switch self {
        case let .wrongState(_, s): return ja ? "案件は「\(s.label.ja)」です" : "the case is \(s.label.en)"
        case let .missing(_, w): return ja ? "先に\(Self.what[w] ?? w)が必要です" : "\(w) first"
        case let .invalid(_, r): return ja ? Self.reason(r) : Self.reasonEN(r)
        case .noSuchCase, .alreadyExists: return message(language)
        }
    }

    /// "start review" → "確認を開始" (read with できません).
    public static func command(_ en: String) -> String { commands[en] ?? en }

    static let commands: [String: String] = [
        "record intake": "受付を記録", "record facts": "事実を記録", "record statement": "発言を記録",
        "link counterparty": "相手方を紐付け", "hand over": "引継ぎ", "start review": "確認を開始", "assess": "評価",
        "classify": "判断", "override the lane": "区分を変更", "escalate": "エスカレーション", "report": "組織へ報告",
        "close": "完了に", "reject as threat": "脅迫等として不受理に", "log enquiry": "問い合わせを記録", "add note": "メモを追加",
        "assign": "担当を割り当て", "place a legal hold": "保全を開始", "lift the legal hold": "保全を解除",
        "take a police-ladder step": "警察対応の手順を記録", "draft the report": "報告書を下書き",
        "approve the report": "報告書を承認", "record the organization's decision": "組織の決定を記録",
        "give feedback to the applicant": "申出人へ連絡", "complete a task": "タスクを完了", "open a task": "タスクを開始",
        "open a consultation": "相談を受付", "add a note": "メモを追加", "close a consultation": "相談を終了",
        "set a counterparty's standing": "相手方への警告・利用禁止を設定",
    ]

    /// What must come first or be given, in Japanese, by its English words.
    public static let what: [String: String] = [
        "record the facts": "事実の記録", "assess the case": "評価", "hand the case over": "引継ぎ",
        "draft the report": "報告書の下書き", "a supervisor's approval of the latest draft": "最新の下書きへの監督者の承認",
        "classify the case": "判断", "report the case to the organization": "組織への報告",
        "the organization's decision": "組織の決定", "place a hold": "保全", "the complaint": "苦情の内容", "the words": "発言の内容",
        "the reason": "理由", "the recipient": "送付先", "the desk's opinion and advice": "窓口の所見と助言", "the decision": "決定の内容",
        "what was said": "伝えた内容", "the reference": "参照番号", "the outcome": "結果", "the note": "メモ",
        "the harm suffered": "受けた被害の内容",
    ]

    /// Field names in Japanese, by the names refusals use.
    public static let field: [String: String] = [
        "classification": "判断", "lane": "区分", "report": "報告書", "feedback": "申出人への連絡", "channel": "連絡方法",
        "task": "タスク", "hold": "保全", "ladder": "警察対応", "applicant.name": "申出人の氏名",
        "minutesSpent": FactName.minutesSpent.label.ja, "earlierContacts": FactName.earlierContacts.label.ja,
        "means": "手段・態様", "includeName": "氏名の記載", "includeContact": "連絡先の記載", "sentTo": "送付先",
        "reference": "参照番号", "outcome": "結果", "shift": "勤務", "note": "申し送り", "anonymous": "匿名",
        "consultation": "相談", "due": "期日", "consent": "同意", "until": "期限",
    ]

    static let reasons: [String: String] = [
        "harassment means the means were not acceptable; the assessment says they were":
            "カスタマーハラスメントは手段・態様が不相当な場合です。評価では相当とされています",
        "the latest draft is already approved": "最新の下書きはすでに承認済みです",
        "you drafted it; another supervisor approves it": "下書きした本人は承認できません。別の監督者が承認します",
        "the organization decided the applicant is not to be contacted": "組織は申出人へ連絡しないと決定しています",
        "the applicant did not ask for feedback": "申出人は連絡を希望していません",
        "the applicant left no phone number": "申出人の電話番号がありません",
        "the applicant left no e-mail address": "申出人のメールアドレスがありません",
        "feedback goes by phone or e-mail": "連絡は電話かメールで行います",
        "an anonymous applicant has no name": "匿名の申出人には氏名がありません",
        "0 to 1440": "0 から 1440 までです", "0 to 10000": "0 から 10000 までです",
        "the case is classified as harassment; a supervisor must classify it again first":
            "カスタマーハラスメントと判断済みです。先に監督者が判断し直す必要があります",
        "the applicant is anonymous or gave no name": "申出人は匿名か、氏名を伝えていません",
        "the applicant left no phone or e-mail": "申出人の電話番号もメールアドレスもありません",
        "your shift has already started": "勤務はすでに始まっています",
        "you have no shift to end; start one first": "終了する勤務がありません。先に勤務を開始してください",
        "an anonymous consultation keeps no name or contact": "匿名の相談には氏名や連絡先を記録しません",
        "it is closed": "終了しています", "a due date from today on": "期日は今日以降にしてください",
        "the employee's consent is needed to link a customer case": "顧客の案件と紐付けるには従業員の同意が必要です",
        "lifting a standing takes no end date": "解除に期限は不要です",
        "a warning or ban needs its last day": "警告・利用禁止には最終日が必要です",
        "110 has already been called": "すでに110番通報しています",
        "first tell them the response has ended": "先に対応終了を告げてください",
        "first ask them to stop": "先に行為の中止を求めてください",
        "first order them to leave": "先に退去を命じてください",
        "first give the final warning (or record a weapon or a threat to life: danger lane)":
            "先に最終警告をしてください (凶器や生命への脅しがあれば危険区分として記録してください)",
    ]

    /// Fixed reasons from the table; those with a value in them by their shape.
    public static func reason(_ r: String) -> String {
        if let ja = reasons[r] { return ja }
        func after(_ prefix: String, _ suffix: String = "") -> String? {
            guard r.hasPrefix(prefix), r.hasSuffix(suffix), r.count >= prefix.count + suffix.count else { return nil }
            return String(r.dropFirst(prefix.count).dropLast(suffix.count))
        }
        if let c = after("the case is already classified as ") { return "すでに「\(Classification(rawValue: c)?.label.ja ?? c)」と判断されています" }
        if let l = after("the case is already in the ", " lane") { return "すでに「\(Lane(rawValue: l)?.label.ja ?? l)」区分です" }
        if let k = after("the case already has an open ", " task") { return "「\(TaskKind(rawValue: k)?.label.ja ?? k)」のタスクはすでに開いています" }
        if let k = after("the case has no open ", " task") { return "「\(TaskKind(rawValue: k)?.label.ja ?? k)」のタスクは開いていません" }
        if let k = after("a ", " task is already open") { return "「\(CareKind(rawValue: k)?.label.ja ?? k)」はすでに開いています" }
        if let k = after("no open ", " task") { return "「\(CareKind(rawValue: k)?.label.ja ?? k)」は開いていません" }
        if let h = after("the case is already on hold (", ")") { return "すでに保全中です (\(HoldKind(rawValue: h)?.label.ja ?? h))" }
        if r.contains(" was already taken "), let step = LadderStep(rawValue: String(r.prefix { $0 != " " })) {
            return "「\(step.name.ja)」は上限の回数まで記録済みです"
        }
        if let d = after("", " is already past") { return "\(d) はすでに過ぎています" }
        if let n = after("at most ", " days ahead; decide again when it lapses") { return "最長 \(n) 日先までです。期限が来たら改めて決めてください" }
        if let ks = after("care tasks are still open: ") {
            return "ケアがまだ開いています: " + ks.split(separator: ",").map { k in
                let k = k.trimmingCharacters(in: .whitespaces)
                return CareKind(rawValue: k)?.label.ja ?? k
            }.joined(separator: "、")
        }
        if r.hasPrefix("1-"), r.contains("printable characters on one line") {
            return "1 行の表示可能な文字 (\(ClearReason.limit) 字まで) で、個人データを含めないでください"
        }
        if r.hasPrefix("at most "), r.contains(" characters (it has "), let limit = r.dropFirst(8).split(separator: " ").first {
            return "\(limit) 字までです"
        }
        return r
    }

    /// The English reason with the stored names in it (task kinds, care kinds, lanes, classifications) in words.
    public static func reasonEN(_ r: String) -> String {
        func swapping(_ prefix: String, _ suffix: String, _ word: (String) -> String?) -> String? {
            guard r.hasPrefix(prefix), r.hasSuffix(suffix), r.count >= prefix.count + suffix.count else { return nil }
            let k = String(r.dropFirst(prefix.count).dropLast(suffix.count))
            return word(k).map { prefix + "“" + $0 + "”" + suffix }
        }
        return swapping("the case is already classified as ", "") { Classification(rawValue: $0)?.label.en }
            ?? swapping("the case is already in the ", " lane") { Lane(rawValue: $0)?.label.en }
            ?? swapping("the case already has an open ", " task") { TaskKind(rawValue: $0)?.label.en }
            ?? swapping("the case has no open ", " task") { TaskKind(rawValue: $0)?.label.en }
            ?? swapping("a ", " task is already open") { CareKind(rawValue: $0)?.label.en }
            ?? swapping("no open ", " task") { CareKind(rawValue: $0)?.label.en }
            ?? swapping("the case is already on hold (", ")") { HoldKind(rawValue: $0)?.label.en }
            ?? swapping("care tasks are still open: ", "") { ks in
                ks.split(separator: ",").map { k in
                    let k = k.trimmingCharacters(in: .whitespaces)
                    return CareKind(rawValue: k)?.label.en ?? k
                }.joined(separator: ", ")
            }
            ?? r
    }
}

extension LadderProgress {
    /// `refusal(_:danger:)` in `language`.
    public func refusal(_ step: LadderStep, danger: Bool, language: Language) -> String? {
        refusal(step, danger: danger).map { language == .ja ? DecideError.reason($0) : $0 }
    }
}
