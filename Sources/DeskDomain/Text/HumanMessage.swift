/// An error that can say itself in the reader's language; front ends show any error through `humanMessage`.
public protocol HumanMessage {
    func message(_ language: Language) -> String
}

/// Any error's message in `language` (see `HumanMessage`).
public func humanMessage(_ error: any Error, _ language: Language) -> String {
    (error as? any HumanMessage)?.message(language) ?? String(describing: error)
}

extension DecideError: HumanMessage {}

extension InputError: HumanMessage {
    public func message(_ language: Language) -> String {
        guard language == .ja else { return description }
        switch self {
        case let .tooLarge(w, l, a): return "\(w) は \(a) バイトです。上限は \(l) バイトです"
        case let .malformed(w, _): return "\(w) は正しい JSON ではありません"
        case let .badEncoding(f?, o): return "\(f) は正しい UTF-8 ではありません (入力の \(o) バイト目)"
        case let .badEncoding(nil, o): return "入力が正しい UTF-8 ではありません (\(o) バイト目)"
        case .notAnObject(let w): return "\(w) は JSON オブジェクトでなければなりません"
        case .unknownField(let f): return "\(Sanitizer.visible(f)) はこのフォームの項目ではありません"
        case .missing(let f): return "\(DecideError.what[f] ?? f) が必要です"
        case .wrongType: return description
        case let .tooLong(f, l, a): return "\(DecideError.field[f] ?? f) は \(a) 字です。上限は \(l) 字です"
        case let .tooMany(f, l, a): return "\(f) は \(a) 件です。上限は \(l) 件です"
        case .nul(let f): return "\(f) に NUL 文字は使えません"
        case let .nulAt(f, o): return "\(f) に NUL 文字は使えません (\(o) バイト目)"
        case let .invalid(f, e):
            if e == "printable characters on one line" { return "\(DecideError.field[f] ?? f) は 1 行の表示可能な文字にしてください" }
            return Self.expected[e].map { "\(DecideError.field[f] ?? f) は\($0)です" } ?? description
        }
    }

    /// What a field must be, in Japanese, by the English the check gives (`ContactSet.validate`).
    static let expected = [
        "a phone number: digits, spaces, '+', '-' and parentheses, with 3 or more digits": "電話番号 (数字 3 桁以上と空白・+・-・括弧)",
        "an e-mail address such as desk@example.jp": "メールアドレス (desk@example.jp など)",
        "an http:// or https:// address with a host, without spaces": "空白のない http:// か https:// のアドレス",
        "a printer name (letters, digits, '-', '_', '.') or an absolute directory for the leaflet files":
            "プリンター名 (英数字・-・_・.) か、ご案内のファイルを書く絶対パスのディレクトリ",
    ]
}
