import DeskDomain

extension StoreError: HumanMessage {
    public func message(_ language: Language) -> String {
        guard language == .ja else { return description }
        switch self {
        case .noDatabase(let p): return "\(p) に窓口のデータベースがありません。先に `mado init --db \(p)` を実行してください"
        case .alreadyInitialized(let p): return "\(p) はすでに窓口のデータベースです。何も変更していません"
        case .notInitialized(let p): return "\(p) は初期化された窓口のデータベースではありません。`mado init` を実行してください"
        case .newerSchema(let p): return "\(p) は新しい版の mado で書かれています。mado を更新してください"
        case .upgradeNeeded(let p): return "\(p) は古い版の mado で書かれており更新が必要ですが、ここでは読み取り専用です。書き込める場所にコピーしてください"
        case .olderFormat(let p): return "\(p) はこの mado が読めない古い形式です。`mado init` で作り直してください"
        case .keyFileMissing(let p): return "\(p) に窓口の鍵ファイルがありません (--key-file か MADO_KEY_FILE で指定してください)"
        case let .keyFileMode(p, m): return "鍵ファイル \(p) の権限が \(m) です。他のユーザーが読み書きできないようにしてください: chmod 0640 \(p)"
        case .keyFileMalformed(let p): return "\(p) は mado の鍵ファイルではありません"
        case .keyFileOfAnotherDesk(let p): return "鍵ファイル \(p) は別の窓口のデータベースのものです"
        case .keyFileExists(let p): return "\(p) にはすでに鍵ファイルがあります。移動するか --key-file で別の場所を指定してください"
        case .keyRequired(let w): return "\(w) には窓口の鍵ファイルが必要ですが、ここでは使えません"
        case .noSuchCase(let c): return "案件 \(Sanitizer.visible(c)) はありません"
        case .noSuchSubject(let s): return "対象者 \(Sanitizer.visible(s)) はいません"
        case .alreadyErased(let s): return "対象者 \(s) のデータはすでに消去されています。何も変更していません"
        case .subjectWasErased(let s): return "対象者 \(s) のデータは消去済みです。これ以上記録できません"
        case let .onHold(s, c, k):
            return "対象者 \(s) のデータは消去できません: 案件 \(c) が保全中です (\(HoldKind(rawValue: k)?.label.ja ?? k))。先に監督者が保全を解除してください"
        case let .damagedProjection(t, r): return "\(t) 表に mado が書かない行があります (\(r))。`mado rebuild` を実行してください (監督者、鍵ファイルが必要)"
        case .io(let m): return m
        }
    }
}
