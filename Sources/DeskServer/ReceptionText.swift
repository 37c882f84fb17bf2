import DeskDomain

/// The reception's words, in Japanese and English. The public reads them: no field path or internal name appears.
enum ReceptionText {
    case title, intro, noProgress, threatNotice, optionalContact, anonymous, name, phone, email, branch, store, anyPlace,
         occurredAt, staffName, staffCharacteristics, complaint, requests, feedbackWanted, send, required, optional,
         receivedTitle, receiptIs, keepReceipt, whatNext, sameAgain, errorsTitle, fixBelow, otherLanguage, tooFast, tryAgain,
         tooMany, notFound, tooLarge, unsupported, serverError, malformed, attachments, chooseFilesAgain,
         followUpLink, followUpTitle, followUpIntro, followUpText, newSubmissionLink, addedTitle, addedBody, unknownReceipt,
         textOrFile

    func text(_ l: Language, _ org: String = "") -> String {
        let (ja, en): (String, String) = switch self {
        case .title: ("\(org) ご意見・ご要望 受付フォーム", "\(org): complaints and requests")
        case .intro: ("このフォームは \(org) へのご意見・ご要望を受け付けます。受付窓口が内容を確認し、正当なクレームかカスタマーハラスメントかを検証して、\(org) の担当者に報告します。",
                      "This form takes complaints and requests about \(org). The desk verifies whether each is a legitimate complaint or customer harassment and reports it to the person in charge at \(org).")
        case .noProgress: ("進捗についてのお問い合わせにはお答えしておりません。\(org) が必要と判断した場合に限り、確認事項や検証結果をご連絡することがあります。",
                           "Neither \(org) nor the desk answers enquiries about progress. Only if \(org) deems it necessary may you be contacted with questions or the result.")
        case .threatNotice: ("組織・個人・受付窓口に対する脅迫や誹謗中傷を含む内容は受け付けず、警察に報告します。",
                             "A message that threatens or slanders the organization, its people or the desk is not accepted and is reported to the police.")
        case .optionalContact: ("連絡先は任意です。ご記入いただいてもご連絡をお約束するものではありません。",
                                "Contact details are optional; giving them does not mean you will be contacted.")
        case .anonymous: ("匿名で送る(お名前を記入しない)", "Send anonymously (no name)")
        case .name: ("お名前", "Your name")
        case .phone: ("電話番号", "Phone number")
        case .email: ("メールアドレス", "E-mail address")
        case .branch: ("支店・事業所", "Branch")
        case .store: ("店舗", "Store")
        case .anyPlace: ("選択しない", "Not chosen")
        case .occurredAt: ("発生日時(日本時間)", "When it happened (Japan time)")
        case .staffName: ("対応した従業員のお名前", "Name of the staff member")
        case .staffCharacteristics: ("従業員の特徴(名前が分からない場合)", "What the staff member looked like (if you don't know the name)")
        case .complaint: ("ご意見・ご不満の内容", "What happened, and your complaint")
        case .requests: ("ご要望", "What you ask for")
        case .feedbackWanted: ("検証結果についての連絡を希望する", "I would like to hear the result")
        case .send: ("送信する", "Send")
        case .required: ("必須", "required")
        case .optional: ("任意", "optional")
        case .receivedTitle: ("受け付けました", "Received")
        case .receiptIs: ("受付番号", "Receipt number")
        case .keepReceipt: ("この番号を控えてください。同じ件について窓口に連絡するときにお伝えください。",
                            "Please keep this number and quote it when you contact the desk about the same matter.")
        case .whatNext: ("受付窓口が内容を確認し、3営業日以内に \(org) へ報告します。進捗についてのお問い合わせにはお答えしておりません。",
                         "The desk verifies what you sent and reports it to \(org) within 3 business days. Enquiries about progress are not answered.")
        case .sameAgain: ("この内容は既に受け付けています。受付番号は最初に送信したときに表示されたものです。",
                          "This was already received. Its receipt number is the one shown when you first sent it.")
        case .errorsTitle: ("入力内容を確認してください", "Please check what you entered")
        case .fixBelow: ("次の項目を直してから、もう一度送信してください。", "Please correct these and send again.")
        case .otherLanguage: ("English", "日本語")
        case .tooFast: ("送信が早すぎました。内容を確認して、もう一度送信してください。", "That was sent too quickly. Please check it and send again.")
        case .tryAgain: ("フォームの有効期限が切れました。もう一度送信してください。", "The form expired. Please send it again.")
        case .tooMany: ("送信が多すぎます。しばらくしてからもう一度お試しください。", "Too many submissions. Please try again later.")
        case .notFound: ("このページはありません。", "There is no such page.")
        case .tooLarge: ("送信内容が大きすぎます。", "What was sent is too large.")
        case .unsupported: ("この形式は受け付けていません。", "This format is not accepted.")
        case .malformed: ("送信内容を読み取れませんでした。もう一度お試しください。", "What was sent could not be read. Please try again.")
        case .attachments: ("写真・スクリーンショット・録音・PDF", "Photos, screenshots, recordings, PDF")
        case .chooseFilesAgain: ("添付するファイルは、もう一度選んでください。", "Please choose the files to attach again.")
        case .followUpLink: ("受付番号をお持ちの方は、こちらから同じ件に情報を追加できます。", "If you have a receipt number, you can add to the same matter here.")
        case .followUpTitle: ("\(org) 受付済みの件への追加", "\(org): add to a matter already received")
        case .followUpIntro: ("受付のときにお伝えした受付番号(窓口でお渡ししたご案内に記載の番号を含みます)を入力し、追加する内容やファイルを送ってください。",
                              "Enter the receipt number you were given (including the one on the leaflet handed to you at the counter), then what you want to add.")
        case .followUpText: ("追加する内容", "What you want to add")
        case .newSubmissionLink: ("新しい件として送る場合はこちら", "To send a new matter instead, use the reception form")
        case .addedTitle: ("追加の内容を受け付けました", "Your addition was received")
        case .addedBody: ("受付番号の件に追加しました。", "It was added to the matter of your receipt number.")
        case .unknownReceipt: ("この受付番号は見つかりませんでした。番号をお確かめください。", "This receipt number was not found. Please check the number.")
        case .textOrFile: ("追加する内容を入力するか、ファイルを選んでください。", "Please write what you want to add, or choose a file.")
        case .serverError: ("受け付けられませんでした。時間をおいてもう一度お試しください。", "It could not be received. Please try again later.")
        }
        return l == .ja ? ja : en
    }

    /// A byte count as people read it: "10 MB", "512 KB".
    static func size(_ bytes: Int, _ l: Language) -> String {
        bytes >= 1024 * 1024 ? "\(bytes / (1024 * 1024)) MB" : bytes >= 1024 ? "\(bytes / 1024) KB" : "\(bytes) " + (l == .ja ? "バイト" : "bytes")
    }

    static func attachmentsHint(_ s: ReceptionSettings, _ l: Language) -> String {
        l == .ja ? "JPEG・PNG・GIF・WebP・HEIC の画像、MP3・M4A・WAV・Ogg の音声、PDF。1ファイル \(size(s.maxFileBytes, l))まで、\(s.maxFiles)個まで、合計 \(size(s.maxUpload, l))まで。"
                 : "Images (JPEG, PNG, GIF, WebP, HEIC), audio (MP3, M4A, WAV, Ogg) or PDF: up to \(size(s.maxFileBytes, l)) each, \(s.maxFiles) files, \(size(s.maxUpload, l)) in all."
    }

    static func fileTooLarge(_ name: String, _ l: Language, limit: Int) -> String {
        l == .ja ? "ファイル「\(name)」が大きすぎます(1ファイル \(size(limit, l))まで)。" : "The file \"\(name)\" is too large (up to \(size(limit, l)) each)."
    }

    static func tooManyFiles(_ limit: Int, _ l: Language) -> String {
        l == .ja ? "添付できるファイルは\(limit)個までです。" : "Up to \(limit) files can be attached."
    }

    static func fileNameRefused(_ l: Language) -> String {
        l == .ja ? "ファイル名が長すぎるか、使えない文字を含んでいます。名前を変えてからもう一度選んでください。"
                 : "A file's name is too long or has a character that is not allowed. Rename it and choose it again."
    }

    static func fileRefused(_ name: String?, _ p: AttachmentType.Problem, _ l: Language) -> String {
        let n = name.map { Sanitizer.visible($0) } ?? (l == .ja ? "(名前なし)" : "(no name)")
        switch (p, l) {
        case (.notAccepted, .ja): return "ファイル「\(n)」はこの形式では受け付けていません(画像・音声・PDF のみ)。"
        case (.notAccepted, .en): return "The file \"\(n)\" is not of a type accepted here (images, audio and PDF only)."
        case (.mismatch, .ja): return "ファイル「\(n)」の中身が、示された形式と一致しません。"
        case (.mismatch, .en): return "The file \"\(n)\" is not what its type says it is."
        }
    }

    /// What people call a field of the form (its JSON path in the API).
    static func fieldName(_ path: String, _ l: Language) -> String {
        let t: ReceptionText? = switch path {
        case "applicant.name": .name
        case "applicant.phone": .phone
        case "applicant.email": .email
        case "applicant.anonymous": .anonymous
        case "branch": .branch
        case "store": .store
        case "occurredAt": .occurredAt
        case "complaint": .complaint
        case "requests": .requests
        case "feedbackWanted": .feedbackWanted
        case "attachments": .attachments
        case "receipt": .receiptIs
        case "text": .followUpText
        default: path.hasSuffix(".characteristics") ? .staffCharacteristics : path.hasPrefix("staff") ? .staffName : nil
        }
        return t?.text(l) ?? path
    }

    /// A refusal of one field, in the request's language, naming the field as people call it.
    static func message(_ e: InputError, _ l: Language) -> (field: String?, message: String) {
        func f(_ p: String) -> String { fieldName(p, l) }
        switch (e, l) {
        case let (.tooLong(p, limit, actual), .ja): return (p, "\(f(p))は\(limit)文字までです(\(actual)文字あります)。")
        case let (.tooLong(p, limit, actual), .en): return (p, "\(f(p)) is \(actual) characters; the limit is \(limit).")
        case let (.missing(p), .ja): return (p, "\(f(p))を入力してください。")
        case let (.missing(p), .en): return (p, "\(f(p)) is required.")
        case let (.nul(p), .ja), let (.nulAt(p, _), .ja): return (p, "\(f(p))に使えない文字(NUL)が含まれています。")
        case let (.nul(p), .en), let (.nulAt(p, _), .en): return (p, "\(f(p)) contains a character that is not allowed (NUL).")
        case let (.invalid(p, expected), .ja):
            return (p, p == "complaint" ? "\(f(p))を入力してください。" : "\(f(p))の内容が正しくありません(\(expected))。")
        case let (.invalid(p, expected), .en): return (p, "\(f(p)) must be \(expected).")
        case let (.wrongType(p, expected), .ja): return (p, "\(f(p))の形式が正しくありません(\(expected))。")
        case let (.wrongType(p, expected), .en): return (p, "\(f(p)) must be \(expected).")
        case let (.tooMany(p, limit, _), .ja): return (p, "\(f(p))は\(limit)件までです。")
        case let (.tooMany(p, limit, actual), .en): return (p, "\(f(p)) has \(actual) entries; the limit is \(limit).")
        case let (.unknownField(p), .ja): return (p, "\(Sanitizer.visible(p)) はこのフォームの項目ではありません。")
        case let (.badEncoding(p, offset), .ja): return (p, "\(p.map(f) ?? "送信内容")が UTF-8 ではありません(\(offset) バイト目)。")
        case let (.tooLarge(_, limit, _), .ja): return (nil, "送信内容が大きすぎます(上限 \(limit) バイト)。")
        case let (.malformed(_, detail), .ja): return (nil, "JSON として読めません: \(detail)")
        case (.notAnObject, .ja): return (nil, "送信内容は JSON オブジェクトでなければなりません。")
        case let (.unknownField(p), .en), let (.badEncoding(p?, _), .en): return (p, e.description)
        default: return (nil, e.description)
        }
    }
}
