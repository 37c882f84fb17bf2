import DeskApp
import DeskDomain

/// Every string the console shows, in Japanese and English. One table, so nothing is left untranslated.
public enum UIText: CaseIterable, Sendable {
    case queue, detail, escalation, overdue, danger, due, age, state, lane, organization, search, noCases, readOnly,
         loading, quitConfirm, note, saved, refused, conflict, newCases, take, addNote, changeState, moveUp, moveDown,
         page, topBottom, nextPane, open, back, quit, openHelp, redraw, nextHit, cycleLane, toggleOverdue, toggleMine,
         clearFilter, selectCase, timeline, applicant, complaint, requests, statements, facts, ledger, lanePolicy,
         escalations, actions, notAllowed, hold, reportDue, assignee, nothing, mine, cancelled, focusPane, helpTitle,
         late, cycleOrganization, cycleState, ladderStep, ladder, ladderNext, ladderDanger, reason, outcome,
         confirmAction, suspend, thisPane, everyPane, noMatch, eraseSubject, retentionDue, erased, walRetained,
         eraseTitle, eraseWarning, cancel, eraseButton, noSubjects, alreadyErased, retentionNone, assignTo, noStaff,
         notYetDue, notYetDueShort, handOverKey, fixedScriptsKey, counterForm, elapsed, factsNotJudgement,
         handOverButton, complaintNeeded, fixedScriptsTitle, leafletWritten, noOrganizations, opinion, decision,
         whatWasSaid, reference, likelyThreat, openTasks, reportStage, monthlyKey, monthlyTitle, shiftKey, shiftTitle,
         handoverTitle, shiftNotePrompt, shiftStarted, shiftEnded, onShift, offShift, holds, noShiftYet, alsoOpen,
         consultationsKey, consultationsTitle, noConsultations, busy, busyRebuild, busyRestore, busyOther, busyTryAgain
    // What keys do in dialogs (the key table's help texts), and the prompts their hints follow.
    case close, closes, dismiss, yes, no, keepFilter, saveNote, confirmText, doIt, choose, next, eraseNext, openConsultation, scroll,
         backToList, startShiftNow, startShift, endShift, month, changeOrganization, field, tick, nextOrRecord, yesNoAnswer,
         nextOrHandOver, item, done, scriptLanguage, writeLeaflet, switchButton, pressButton, typeText, typeNote, chooseAction,
         discardQuestion
    // The console's input and frame: the `:` line, sticky selection, the action menu, discarding typed text.
    case outsideFilter, commandUnknown, commandAmbiguous, commandNeedsArgument, languageChoices, themeSwitched, languageSwitched,
         typeCommand, commandLineKey, complete, run, takeConfirm, actionsTitle, discardKeep, startShiftConfirm, more
    // Why the console does not open on a terminal (said before it starts, in the console's language).
    case terminalCannotDraw, terminalUnknown
    // The desk's vocabulary where a stored name used to show (issue 18).
    case namedStaff, policyTable, ruleReason, scriptRead, leafletGiven
    // The counter's decision screen: recording what was done, printing the leaflet (CounterText has the sentences).
    case recordTicked, printLeaflet
    // The case pane's sections for deciding (CaseText+Decision).
    case assessment, reportDraft
    // A counsellor's keys on the consultation desk (Update+ConsultActions).
    case consultNoteKey, consultCareKey, consultCareDoneKey, consultLinkKey, consultCloseKey, newConsultationKey

    public func text(_ lang: Language) -> String {
        let (ja, en) = pair
        return lang == .ja ? ja : en
    }

    /// Split by room so that no switch runs to hundreds of lines; every case is in one of them (a test checks).
    private var pair: (String, String) { keyText ?? paneText ?? dialogText ?? consoleText ?? vocabularyText ?? counterText ?? decisionText ?? ("", "") }

    /// The `:` command line, the action menu, the sticky selection and what asks before typed text is dropped.
    private var consoleText: (String, String)? {
        switch self {
        case .outsideFilter: ("絞り込み外", "outside the filter")
        case .commandUnknown: ("そのコマンドはありません", "no such command")
        case .commandAmbiguous: ("候補が複数あります", "more than one command matches")
        case .commandNeedsArgument: ("指定が必要です", "needs a value")
        case .languageChoices: ("言語は ja または en です", "the language is ja or en")
        case .themeSwitched: ("配色を切り替えました", "theme switched to")
        case .languageSwitched: ("表示を日本語にしました", "the console is in English now")
        case .typeCommand: ("コマンドを入力", "Type a command")
        case .commandLineKey: ("コマンド (:note :lang en :q など)", "command (:note, :lang en, :q …)")
        case .complete: ("補完", "complete")
        case .run: ("実行", "run")
        case .takeConfirm: ("この案件を担当します (記録されます)", "take this case (it is recorded as yours)")
        case .actionsTitle: ("操作", "actions")
        case .discardKeep: ("いいえで入力に戻ります", "No goes back to what you typed")
        case .startShiftConfirm: ("勤務を開始します (記録されます)。よろしいですか？", "Start your shift (it is recorded)?")
        case .more: ("ほか", "more")
        default: nil
        }
    }

    /// What keys do: the key table's help texts, for the status line, the help and the dialogs' hints.
    private var keyText: (String, String)? {
        switch self {
        case .search: ("検索", "search")
        case .take: ("担当する", "take case")
        case .addNote: ("メモを追加", "add note")
        case .changeState: ("状態を変更", "change state")
        case .moveUp: ("上へ", "up")
        case .moveDown: ("下へ", "down")
        case .page: ("ページ送り", "page")
        case .topBottom: ("先頭/末尾", "top/bottom")
        case .nextPane: ("次の枠", "next pane")
        case .open: ("開く", "open")
        case .back: ("戻る", "back")
        case .quit: ("終了", "quit")
        case .openHelp: ("ヘルプ", "help")
        case .redraw: ("再描画", "redraw")
        case .nextHit: ("次/前の一致", "next/previous match")
        case .cycleLane: ("区分で絞り込み", "filter by lane")
        case .toggleOverdue: ("期限超過のみ", "overdue only")
        case .toggleMine: ("自分の担当のみ", "mine only")
        case .clearFilter: ("絞り込み解除", "clear filters")
        case .focusPane: ("枠へ移動", "go to pane")
        case .helpTitle: ("キー操作", "Keys")
        case .suspend: ("一時停止 (fg で再開)", "suspend (fg resumes)")
        case .thisPane: ("この枠", "In this pane")
        case .everyPane: ("どの枠でも", "In every pane")
        case .eraseSubject: ("個人データを消去 (監督者)", "erase a person's data (supervisor)")
        case .assignTo: ("担当者を割り当てる (監督者)", "assign to someone (supervisor)")
        case .handOverKey: ("引継ぎ (事実を記録して窓口へ)", "hand over (record the facts)")
        case .fixedScriptsKey: ("定型文", "fixed scripts")
        case .cycleOrganization: ("組織で絞り込み", "filter by organization")
        case .cycleState: ("状態で絞り込み", "filter by state")
        case .ladderStep: ("警察対応の次の段階", "next police-ladder step")
        case .monthlyKey: ("月次集計", "monthly totals")
        case .shiftKey: ("勤務と引継ぎ", "shifts and handovers")
        case .consultationsKey: ("従業員相談", "employee consultations")
        case .close: ("閉じる", "close")
        case .closes: ("で閉じる", "closes")
        case .dismiss: ("取消", "cancel")
        case .yes: ("はい", "yes")
        case .no: ("いいえ", "no")
        case .keepFilter: ("この条件で絞り込む", "keep this filter")
        case .saveNote: ("保存", "save")
        case .confirmText: ("確定", "confirm")
        case .doIt: ("実行", "do it")
        case .choose: ("選択", "choose")
        case .next: ("次へ", "next")
        case .eraseNext: ("消去へ", "erase")
        case .openConsultation: ("開く (カウンセラー、記録されます)", "open (counsellors; recorded)")
        case .scroll: ("スクロール", "scroll")
        case .backToList: ("一覧へ", "back to the list")
        case .startShiftNow: ("勤務を開始", "start my shift")
        case .startShift: ("勤務開始", "start my shift")
        case .endShift: ("勤務終了 (引継ぎ)", "end it (handover)")
        case .month: ("月", "month")
        case .changeOrganization: ("組織", "organization")
        case .field: ("項目", "field")
        case .tick: ("切り替え", "switch or tick")
        case .nextOrRecord: ("次へ・記録", "next / record")
        case .yesNoAnswer: ("はい/いいえ", "yes/no")
        case .nextOrHandOver: ("次へ・引継ぎ", "next / hand over")
        case .item: ("項目", "item")
        case .done: ("済", "done")
        case .scriptLanguage: ("言語", "language")
        case .writeLeaflet: ("ご案内を書き出す", "write leaflet")
        case .switchButton: ("取消/消去を切り替え", "switch between Cancel and Erase")
        case .pressButton: ("選んだボタンを押す", "press the marked button")
        case .typeText: ("入力", "Type")
        case .typeNote: ("メモを入力 (事実を記録)", "Type a note (facts, not opinions)")
        case .chooseAction: ("操作を選択", "Choose an action")
        case .discardQuestion: ("入力中の内容を破棄しますか?", "Discard what you typed?")
        default: nil
        }
    }

    /// The panes (queue, case, escalation) and the status line's messages.
    private var paneText: (String, String)? {
        switch self {
        case .queue: ("キュー", "Queue")
        case .detail: ("案件詳細", "Case")
        case .escalation: ("対応・エスカレーション", "Escalation")
        case .overdue: ("期限超過", "overdue")
        case .danger: ("危険", "DANGER")
        case .due: ("報告期限", "due")
        case .age: ("経過", "age")
        case .state: ("状態", "state")
        case .lane: ("区分", "lane")
        case .organization: ("組織/店舗", "organization/store")
        case .noCases: ("該当する案件はありません", "No cases match")
        case .readOnly: ("閲覧のみ", "read-only")
        case .loading: ("読み込み中…", "Loading…")
        case .saved: ("記録しました", "Recorded")
        case .refused: ("できません", "Refused")
        case .busy: ("データベースが使用中で記録できませんでした", "Not recorded: the database stayed busy")
        case .busyRebuild: ("投影の再構築", "a rebuild of the projections")
        case .busyRestore: ("バックアップからの復元", "a restore from a backup")
        case .busyOther: ("mado 以外のプロセスが書き込みを止めています (sqlite3 など)。もう一度操作してください",
                          "a process that is not mado's held the write lock (a sqlite3 shell?); try again")
        case .busyTryAgain: ("終わってからもう一度操作してください", "try again when it is done")
        case .conflict: ("他の端末で更新されたため再読込しました。もう一度操作してください", "Changed in another terminal; reloaded. Try again.")
        case .newCases: ("新着", "new")
        case .selectCase: ("案件を選んでください", "Select a case")
        case .timeline: ("経過記録", "Timeline")
        case .applicant: ("申出人", "Applicant")
        case .complaint: ("苦情・申出の内容", "Complaint")
        case .requests: ("要求", "Requests")
        case .statements: ("発言 (そのまま)", "Statements (verbatim)")
        case .facts: ("確認事項", "Facts")
        case .ledger: ("相手方の過去の接触", "Counterparty's earlier contacts")
        case .lanePolicy: ("区分", "Lane")
        case .escalations: ("エスカレーション", "Escalations")
        case .actions: ("今できる操作", "What you may do now")
        case .notAllowed: ("不可", "not allowed")
        case .hold: ("法的保全中", "legal hold")
        case .reportDue: ("報告期限", "Report due")
        case .assignee: ("担当", "Assignee")
        case .nothing: ("なし", "none")
        case .mine: ("自分", "mine")
        case .cancelled: ("取り消しました", "Cancelled")
        case .noMatch: ("これ以上の一致はありません", "no further match")
        case .retentionDue: ("今月の保存期限", "retention due this month")
        case .late: ("超過", "late")
        case .ladder: ("警察対応の段階", "Police ladder")
        case .ladderNext: ("次", "next")
        case .ladderDanger: ("危険: 段階を踏まず、今すぐ110番", "DANGER: skip the ladder, call 110 now")
        case .likelyThreat: ("脅迫・誹謗の可能性 — 内容を読んで判断してください (s → 受け付けない)",
                             "may be a threat or slander — read it and decide (s → reject)")
        case .openTasks: ("未完了の作業", "open tasks")
        case .reportStage: ("報告書", "report")
        case .alsoOpen: ("他の端末でも表示中", "also open in another console")
        default: nil
        }
    }

    /// Dialogs, forms and overlays.
    private var dialogText: (String, String)? {
        switch self {
        case .quitConfirm: ("入力中の内容があります。終了しますか？", "Unsaved input. Quit anyway?")
        case .note: ("メモ", "Note")
        case .notYetDue: ("保存期間がまだ終わっていません。期限", "the retention period has not ended yet; it ends on")
        case .notYetDueShort: ("期限前", "not yet due")
        case .counterForm: ("引継ぎ", "Hand over")
        case .elapsed: ("経過", "elapsed")
        case .factsNotJudgement: ("判断せず、事実と言葉だけを記録します", "record facts and words, not judgements")
        case .handOverButton: ("引継ぐ (方針が判断します)", "Hand over (the policy decides)")
        case .complaintNeeded: ("何があったかを書いてください", "write what happened first")
        case .fixedScriptsTitle: ("定型文 (そのまま読み上げます)", "Fixed scripts (read them as written)")
        case .leafletWritten: ("ご案内を書き出しました", "leaflet written to")
        case .noOrganizations: ("登録された組織がありません (mado org add)", "no organization is registered")
        case .noStaff: ("割り当てられる職員がいません", "no active operator or supervisor")
        case .erased: ("消去しました (消去を記録)", "erased (the erasure is recorded)")
        case .walRetained: ("記録済み。他の端末が読み終えるまで古い写しが WAL に残ります", "recorded; old copies stay in the WAL until every terminal releases it")
        case .eraseTitle: ("個人データの消去", "Erase personal data")
        case .eraseWarning: ("次の項目は二度と読めなくなります。取り消せません。", "These fields become unreadable for good. This cannot be undone.")
        case .cancel: ("取消", "Cancel")
        case .eraseButton: ("消去する", "Erase")
        case .noSubjects: ("この案件に個人データはありません", "this case holds no personal data")
        case .alreadyErased: ("消去済み", "erased")
        case .retentionNone: ("今月保存期限を迎える人はいません", "nobody's retention period ends this month")
        case .reason: ("理由", "reason")
        case .outcome: ("結果", "outcome")
        case .confirmAction: ("記録します。よろしいですか？", "This will be recorded. Go ahead?")
        case .opinion: ("当窓口の意見・助言", "the desk's opinion and advice")
        case .decision: ("組織の決定", "the organization's decision")
        case .whatWasSaid: ("伝えた内容", "what was said")
        case .reference: ("参照 (受理番号、誰にどう伝えたか。個人情報は書かない)", "reference (report number, whom and how; no personal data)")
        case .monthlyTitle: ("月次集計", "Monthly totals")
        case .shiftTitle: ("勤務", "Shifts")
        case .handoverTitle: ("前回の勤務以降の引継ぎ", "Handovers since your last shift")
        case .shiftNotePrompt: ("次の担当者への申し送り (空でも可)", "note for the next operator (may be empty)")
        case .shiftStarted: ("勤務を開始しました", "your shift has started")
        case .shiftEnded: ("勤務を終了し、引継ぎを記録しました", "your shift has ended; the handover is recorded")
        case .onShift: ("勤務中", "on shift")
        case .offShift: ("勤務外", "off")
        case .holds: ("担当", "holds")
        case .noShiftYet: ("勤務記録なし", "no shift yet")
        case .consultationsTitle: ("従業員相談", "Employee consultations")
        case .noConsultations: ("相談はありません", "no consultations")
        case .terminalCannotDraw:
            ("この端末ではコンソールを開けません (カーソルを動かせない端末です)。xterm-256color などの端末で開くか、サブコマンドを使ってください (mado --help)",
             "the console cannot run on this terminal (it cannot move the cursor); use one such as xterm-256color, or a subcommand (mado --help)")
        case .terminalUnknown:
            ("この端末の種類を terminfo が知りません。TERM に xterm-256color など既知の種類を設定してください",
             "terminfo does not know this terminal type; set TERM to one it knows, such as xterm-256color")
        default: nil
        }
    }
}

extension UIText {
    /// Words the panes use instead of stored names and ids.
    fileprivate var vocabularyText: (String, String)? {
        switch self {
        case .namedStaff: ("対応した職員", "staff named")
        case .policyTable: ("対応方針", "policy")
        case .ruleReason: ("根拠", "because of")
        case .scriptRead: ("読み上げる文", "read aloud")
        case .leafletGiven: ("お渡しするご案内", "leaflet")
        default: nil
        }
    }
}

extension UIText {
    /// Why an append was not recorded when the write lock stayed taken: mado's own work on the whole log (a rebuild, a
    /// restore), who runs it and since when, or a process that is not mado's.
    public static func busyMessage(_ holder: Maintenance?, _ lang: Language) -> String {
        guard let m = holder else { return busy.text(lang) + ": " + busyOther.text(lang) }
        let what = (m.kind == .rebuild ? busyRebuild : busyRestore).text(lang)
        let user = Sanitizer.visible(m.user), host = Sanitizer.visible(m.host)
        return lang == .ja
            ? "\(busy.text(lang)): \(what) (\(user)、pid \(m.pid)、\(host)、\(m.since) から)。\(busyTryAgain.text(lang))"
            : "\(busy.text(lang)): \(what) by \(user) (pid \(m.pid) on \(host), since \(m.since)); \(busyTryAgain.text(lang))"
    }
}
