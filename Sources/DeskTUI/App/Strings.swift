import DeskDomain

/// Every string the console shows, in Japanese and English. One table, so nothing is left untranslated.
public enum UIText: CaseIterable, Sendable {
    case queue, detail, escalation, help, cases, overdue, danger, due, age, state, lane, organization, filter, search,
         noCases, tooSmall, needSize, readOnly, loading, quitConfirm, yesNo, note, notePrompt, saved, refused, conflict,
         changed, newCases, take, addNote, changeState, moveUp, moveDown, page, topBottom, nextPane, open, back, quit,
         openHelp, redraw, nextHit, cycleLane, toggleOverdue, toggleMine, clearFilter, selectCase, timeline,
         applicant, complaint, requests, statements, facts, ledger, lanePolicy, escalations, actions, notAllowed,
         hold, reportDue, assignee, nothing, mine, all, actionMenu, enterText, cancelled, focusPane, helpTitle,
         closeHelp, late, cycleOrganization, cycleState, ladderStep, ladder, ladderNext, ladderDanger, reason, outcome, sentTo, confirmAction, keyColumn, actionColumn, erasedNote, suspend, thisPane, everyPane, noMatch

    public func text(_ lang: Language) -> String {
        let (ja, en) = pair
        return lang == .ja ? ja : en
    }

    private var pair: (String, String) {
        switch self {
        case .queue: ("キュー", "Queue")
        case .detail: ("案件詳細", "Case")
        case .escalation: ("対応・エスカレーション", "Escalation")
        case .help: ("ヘルプ", "Help")
        case .cases: ("件", "cases")
        case .overdue: ("期限超過", "overdue")
        case .danger: ("危険", "DANGER")
        case .due: ("報告期限", "due")
        case .age: ("経過", "age")
        case .state: ("状態", "state")
        case .lane: ("区分", "lane")
        case .organization: ("組織/店舗", "organization/store")
        case .filter: ("絞り込み", "filter")
        case .search: ("検索", "search")
        case .noCases: ("該当する案件はありません", "No cases match")
        case .tooSmall: ("端末が小さすぎます", "Terminal too small")
        case .needSize: ("80×24 以上が必要です", "needs at least 80×24")
        case .readOnly: ("閲覧のみ", "read-only")
        case .loading: ("読み込み中…", "Loading…")
        case .quitConfirm: ("入力中の内容があります。終了しますか？", "Unsaved input. Quit anyway?")
        case .yesNo: ("y: はい  N: いいえ", "y: yes  N: no")
        case .note: ("メモ", "Note")
        case .notePrompt: ("メモを入力 (事実を記録)  Enter: 保存  Esc: 取消", "Type a note (facts, not opinions)  Enter: save  Esc: cancel")
        case .saved: ("記録しました", "Recorded")
        case .refused: ("できません", "Refused")
        case .conflict: ("他の端末で更新されたため再読込しました。もう一度操作してください", "Changed in another terminal; reloaded. Try again.")
        case .changed: ("更新", "changed")
        case .newCases: ("新着", "new")
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
        case .all: ("すべて", "all")
        case .actionMenu: ("操作を選択  Enter: 実行  Esc: 取消", "Choose an action  Enter: do it  Esc: cancel")
        case .enterText: ("入力  Enter: 確定  Esc: 取消", "Type  Enter: confirm  Esc: cancel")
        case .cancelled: ("取り消しました", "Cancelled")
        case .focusPane: ("枠へ移動", "go to pane")
        case .helpTitle: ("キー操作", "Keys")
        case .suspend: ("一時停止 (fg で再開)", "suspend (fg resumes)")
        case .thisPane: ("この枠", "In this pane")
        case .everyPane: ("どの枠でも", "In every pane")
        case .noMatch: ("これ以上の一致はありません", "no further match")
        case .closeHelp: ("Esc または ? で閉じる", "Esc or ? closes")
        case .late: ("超過", "late")
        case .cycleOrganization: ("組織で絞り込み", "filter by organization")
        case .cycleState: ("状態で絞り込み", "filter by state")
        case .ladderStep: ("警察対応の次の段階", "next police-ladder step")
        case .ladder: ("警察対応の段階", "Police ladder")
        case .ladderNext: ("次", "next")
        case .ladderDanger: ("危険: 段階を踏まず、今すぐ110番", "DANGER: skip the ladder, call 110 now")
        case .reason: ("理由", "reason")
        case .outcome: ("結果", "outcome")
        case .sentTo: ("報告先", "report to")
        case .confirmAction: ("記録します。よろしいですか？", "This will be recorded. Go ahead?")
        case .keyColumn: ("キー", "Key")
        case .actionColumn: ("操作", "Action")
        case .erasedNote: ("削除済み", "erased")
        }
    }
}
