import DeskDomain
@testable import DeskIntake
import Foundation
import Testing

/// The e-mail fixtures (made by scripts/gen-email-fixtures.py) and messages built in the tests.
enum Mail {
    static func fixture(_ name: String) -> Data {
        guard let dir = Bundle.module.url(forResource: "Fixtures", withExtension: nil),
              let data = try? Data(contentsOf: dir.appendingPathComponent("email/\(name)")) else {
            fatalError("email/\(name) is missing from the test bundle")
        }
        return data
    }

    static let fixtures = ["01-utf8-qp.eml", "02-iso2022jp.eml", "03-shiftjis-base64.eml", "04-eucjp-8bit.eml",
                           "05-attachments.eml", "06-alternative.eml", "06b-html-only.eml", "07-attachments-crlf.eml"]

    /// A message from header lines and a body, LF line ends.
    static func message(_ headers: [String], _ body: String) -> Data {
        Data((headers.joined(separator: "\n") + "\n\n" + body).utf8)
    }

    static func plain(_ body: String, charset: String = "UTF-8", encoding: String = "8bit", subject: String = "件名") -> Data {
        message(["From: a@example.jp", "Subject: \(subject)", "MIME-Version: 1.0",
                 "Content-Type: text/plain; charset=\(charset)", "Content-Transfer-Encoding: \(encoding)"], body)
    }

    /// multipart/mixed (boundary `b`) of the given parts, each "headers\n\nbody".
    static func mixed(_ parts: [String], close: Bool = true) -> Data {
        var body = "preamble\n"
        for p in parts { body += "--b\n" + p + "\n" }
        if close { body += "--b--\nepilogue\n" }
        return message(["From: a@example.jp", "Subject: s", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=b"], body)
    }

    static func date(_ iso: String) -> Date? { ISO8601DateFormatter().date(from: iso) }

    static func refusal(_ data: Data) -> InputError? {
        do {
            _ = try EmailParser.parse(data)
            return nil
        } catch {
            return error
        }
    }
}

@Suite("E-mail parser")
struct EmailParserTests {
    // MARK: fixtures, asserted exactly

    @Test("UTF-8, quoted-printable, B-encoded subject split mid-character across two words")
    func utf8QuotedPrintable() throws {
        let m = try EmailParser.parse(Mail.fixture("01-utf8-qp.eml"))
        #expect(m.subject == "店舗での対応について（ご相談）")
        #expect(m.from == "山田 太郎 <taro.yamada@example.jp>")
        #expect(m.fromName == "山田 太郎")
        #expect(m.fromAddress == "taro.yamada@example.jp")
        #expect(m.to == ["お客様相談窓口 <desk@example.org>"])
        #expect(m.date == Mail.date("2026-11-24T13:15:03Z"))
        #expect(m.dateHeader == "2026-11-24T22:15:03+09:00")
        #expect(m.messageID == "<20261124221503.12345@example.jp>")
        #expect(m.text == "相談窓口 御中\n\n11月20日の夕方、新宿店のレジで店員の方から大声で怒鳴られました。"
            + "ほかのお客様の前で、とても恥ずかしい思いをしました。\n謝罪と説明を求めます。\n\n山田")
        #expect(m.attachments.isEmpty)
        #expect(m.original == Mail.fixture("01-utf8-qp.eml"))
        #expect(WebFormParser.isISO8601WithOffset(m.dateHeader ?? ""))
    }

    @Test("ISO-2022-JP body and B-encoded subject, date without weekday or seconds")
    func iso2022jp() throws {
        let m = try EmailParser.parse(Mail.fixture("02-iso2022jp.eml"))
        #expect(m.subject == "電話での暴言について")
        #expect(m.from == "鈴木 花子 <hanako@example.ne.jp>")
        #expect(m.to == ["desk@example.org"])
        #expect(m.dateHeader == "2026-11-24T09:05:00+09:00")
        #expect(m.date == Mail.date("2026-11-24T00:05:00Z"))
        #expect(m.messageID == "<iso2022jp.1@example.ne.jp>")
        #expect(m.text == "お世話になっております。\n昨日お電話した際、担当者の言葉遣いがとても乱暴でした。\n折り返しのご連絡をお願いします。")
    }

    @Test("Shift_JIS is read as CP932: 髙, ① and ～ come through; two-digit year and JST")
    func shiftJIS() throws {
        let m = try EmailParser.parse(Mail.fixture("03-shiftjis-base64.eml"))
        #expect(m.subject == "ご意見①")
        #expect(m.fromName == "髙橋 一郎")
        #expect(m.fromAddress == "takahashi@example.com")
        #expect(m.dateHeader == "2026-11-23T18:30:00+09:00")
        #expect(m.text == "担当の髙橋です。\n① 待ち時間が長い\n② 説明が不十分\n営業時間は１０時\u{FF5E}１９時です。")
        #expect(m.messageID == nil)
    }

    @Test("EUC-JP 8bit body, Q-encoded subject, a (JST) comment in the date")
    func eucJP() throws {
        let m = try EmailParser.parse(Mail.fixture("04-eucjp-8bit.eml"))
        #expect(m.subject == "店内の騒音について")
        #expect(m.from == "Sato Jiro <sato@example.jp>")
        #expect(m.fromName == "Sato Jiro")
        #expect(m.dateHeader == "2026-11-25T10:00:00+09:00")
        #expect(m.date == Mail.date("2026-11-25T01:00:00Z"))
        #expect(m.text == "昨夜、隣の席のお客様が大声で騒いでいました。\n店員の方は注意してくれませんでした。")
    }

    static let pdf = Data("%PDF-1.4\n%mado test\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".utf8)
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0...255).map { UInt8($0) })

    @Test("multipart/mixed with RFC 2231 (continued) and RFC 2047 file names, LF and CRLF alike",
          arguments: ["05-attachments.eml", "07-attachments-crlf.eml"])
    func attachments(_ name: String) throws {
        let m = try EmailParser.parse(Mail.fixture(name))
        #expect(m.subject == "見積書の件")
        #expect(m.from == "田中 <tanaka@example.jp>")
        #expect(m.to == ["desk@example.org", "Kobayashi, Ken <ken@example.org>"])
        #expect(m.messageID == "<mixed.5@example.jp>")
        #expect(m.text == "見積書と写真を添付します。\n金額が説明と違います。")
        #expect(m.attachments == [
            .init(filename: "見積書.pdf", mediaType: "application/pdf", bytes: Self.pdf),
            .init(filename: "店舗の写真.png", mediaType: "image/png", bytes: Self.png),
        ])
        #expect(m.original == Mail.fixture(name))
    }

    @Test("the CRLF fixture reads exactly as the LF one")
    func crlfSameAsLF() throws {
        var lf = try EmailParser.parse(Mail.fixture("05-attachments.eml"))
        let crlf = try EmailParser.parse(Mail.fixture("07-attachments-crlf.eml"))
        lf.original = crlf.original
        #expect(lf == crlf)
    }

    @Test("multipart/alternative inside mixed: text/plain is the body, the CSV an attachment")
    func alternative() throws {
        let m = try EmailParser.parse(Mail.fixture("06-alternative.eml"))
        #expect(m.subject == "駐車場でのトラブル")
        #expect(m.fromName == "伊藤 美咲")
        #expect(m.text == "駐車場で警備員の方に威圧的な態度を取られました。\n録音があります。")
        #expect(m.attachments == [.init(filename: "記録.csv", mediaType: "text/csv",
                                        bytes: Data("日時,内容\n2026-11-27 12:00,駐車場".utf8))])
    }

    @Test("HTML only: tags, script, style and title dropped, entities decoded, blocks become lines")
    func htmlOnly() throws {
        let m = try EmailParser.parse(Mail.fixture("06b-html-only.eml"))
        #expect(m.subject == "Complaint (HTML only)")
        #expect(m.from == "complaints@example.com" && m.fromName == nil)
        #expect(m.dateHeader == "2026-11-28T07:00:00-05:00")
        #expect(m.text == "お客様相談室 御中\n\n先日、店長から「二度と来るな」と言われました。\n理由の説明を求めます & 返金も。\n\n<記録> ① ② \"写真あり\"")
        #expect(m.attachments.isEmpty)
    }

    @Test("original is the input exactly, and parsing is deterministic", arguments: Mail.fixtures)
    func originalAndDeterminism(_ name: String) throws {
        let data = Mail.fixture(name)
        let a = try EmailParser.parse(data), b = try EmailParser.parse(data)
        #expect(a.original == data)
        #expect(a == b)
    }

    // MARK: headers

    @Test("folded headers, case-insensitive names; the first From, Subject and Date win")
    func headerRules() throws {
        let m = try EmailParser.parse(Mail.message([
            "SUBJECT: first", "subject: second", "from: \"Yamada, Taro\"", "  <taro@example.jp>", "From: x@example.jp",
            "DATE: Tue, 24 Nov 2026 22:15:03 +0900", "Date: Wed, 25 Nov 2026 00:00:00 +0000", "To: a@example.jp", "To: b@example.jp",
            "content-type: TEXT/PLAIN; CHARSET=utf-8",
        ], "本文\r\n二行目\r三行目\n\n\n   "))
        #expect(m.subject == "first")
        #expect(m.from == "Yamada, Taro <taro@example.jp>")
        #expect(m.dateHeader == "2026-11-24T22:15:03+09:00")
        #expect(m.to == ["a@example.jp", "b@example.jp"])
        #expect(m.text == "本文\n二行目\n三行目")
    }

    @Test("RFC 2047: Q with underscores, charset*lang, words joined across white space but not across text")
    func encodedWords() throws {
        let subject = "=?UTF-8*ja?Q?=E5=A0=B1=E5=91=8A_1?= =?utf-8?q?=E4=BB=B6?=\t=?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?= and =?us-ascii?q?plain?= text"
        let m = try EmailParser.parse(Mail.plain("x", subject: subject))
        #expect(m.subject == "報告 1件テスト and plain text")
        // A word that does not decode as B says stays as written.
        let kept = try EmailParser.parse(Mail.plain("x", subject: "=?UTF-8?B?!!!?= ok"))
        #expect(kept.subject == "=?UTF-8?B?!!!?= ok")
    }

    @Test("ISO-2022-JP as CP50221: NEC row 13 (①, ㈱), half-width katakana by ESC ( I and by SO/SI")
    func iso2022jpExtensions() throws {
        let esc = "\u{1B}"
        let body = "\(esc)$B-!-j\(esc)(B \(esc)(I6E\(esc)(B \u{0E}6E\u{0F} end"
        let m = try EmailParser.parse(Mail.plain(body, charset: "ISO-2022-JP", encoding: "7bit"))
        #expect(m.text == "①㈱ ｶﾅ ｶﾅ end")
        // JIS X 0212 is not in CP932; glibc's ISO-2022-JP-2 reads it (0x3021 is 丂).
        let jisx0212 = try EmailParser.parse(Mail.plain("\(esc)$(D0!\(esc)(B", charset: "iso-2022-jp", encoding: "7bit"))
        #expect(jisx0212.text == "丂")
    }

    @Test("dates in RFC 5322's obsolete and common forms; what cannot be read is nil, not an error", arguments: [
        ("Tue, 24 Nov 2026 22:15:03 +0900", "2026-11-24T22:15:03+09:00"),
        ("24 Nov 2026 22:15 +0900", "2026-11-24T22:15:00+09:00"),
        ("Tue, 24 Nov 2026 22:15:03 +0900 (JST)", "2026-11-24T22:15:03+09:00"),
        ("Tue,24 Nov 26 22:15:03 GMT", "2026-11-24T22:15:03+00:00"),
        ("Thu, 1 Jan 98 00:00:00 UT", "1998-01-01T00:00:00+00:00"),
        ("Mon, 23 Nov 2026 18:30:00 JST", "2026-11-23T18:30:00+09:00"),
        ("Sun, 29 Feb 2032 23:59:60 -0330", "2032-02-29T23:59:59-03:30"),
        ("Fri, 27 Nov 2026 12:00:00 EST", "2026-11-27T12:00:00-05:00"),
        ("Tue, 24 Nov 2026 22:15:03", nil), ("30 Feb 2026 10:00:00 +0900", nil), ("yesterday", nil),
        ("24 Nov 2026 25:00:00 +0900", nil), ("24 Nov 2026 10:00:00 +9900", nil), ("", nil),
    ] as [(String, String?)])
    func dates(_ header: String, _ iso: String?) throws {
        let parsed = EmailDate.parse(header)
        #expect(parsed?.iso == iso)
        if let iso { #expect(parsed?.date == ISO8601DateFormatter().date(from: iso)) }
        let m = try EmailParser.parse(Mail.message(["From: a@example.jp", "Subject: s", "Date: \(header)"], "x"))
        #expect(m.dateHeader == iso)
    }

    @Test("From forms: obsolete comment name, no name, encoded name inside quotes")
    func fromForms() throws {
        func from(_ v: String) throws -> EmailSubmission { try EmailParser.parse(Mail.message(["From: \(v)", "Subject: s"], "x")) }
        #expect(try from("taro@example.jp (Taro Yamada)").from == "Taro Yamada <taro@example.jp>")
        #expect(try from("<taro@example.jp>").from == "taro@example.jp")
        #expect(try from("\"=?UTF-8?B?5bGx55Sw?=\" <y@example.jp>").fromName == "山田")
        #expect(try from("Group: a@example.jp, b@example.jp;").fromAddress == "a@example.jp")
        #expect(Mail.refusal(Mail.message(["From: nobody", "Subject: s"], "x"))
            == .invalid("the e-mail's From header", expected: "a mailbox like 名前 <name@example.jp>"))
        // Names are decoded before GMime splits the list: a comma inside a word is part of the name, and
        // ①, ㈱ (CP932) survive, which GMime's own decoding turns into `?`.
        #expect(try from("=?UTF-8?B?\(Data("Yamada, Taro".utf8).base64EncodedString())?= <t@example.jp>").from
            == "Yamada, Taro <t@example.jp>")
        #expect(try from("=?ISO-2022-JP?B?GyRCLSEtahsoQg==?= <c@example.jp>").fromName == "①㈱")
        #expect(Mail.refusal(Mail.message(["From: =?UTF-8?B?YQBi?= <n@example.jp>", "Subject: s"], "x"))
            == .invalid("the e-mail's From header", expected: "no control characters"))
        let long = String(repeating: "a", count: 250) + "@example.jp"
        #expect(Mail.refusal(Mail.message(["From: \(long)", "Subject: s"], "x"))
            == .tooLong("the e-mail's From address", limit: IntakeLimits.email, actual: long.count))
    }

    // MARK: MIME

    @Test("RFC 2231: one-piece encoded filename, continuations mixing encoded and plain, name= on Content-Type")
    func rfc2231() throws {
        let m = try EmailParser.parse(Mail.mixed([
            "Content-Type: text/plain; charset=utf-8\n\n本文",
            "Content-Type: application/pdf\nContent-Disposition: attachment; filename*=UTF-8''%E5%A0%B1%E5%91%8A%E6%9B%B8.pdf\n\nA",
            "Content-Type: application/pdf\nContent-Disposition: attachment; filename*0*=iso-2022-jp'ja'%1B%24B%4A%73%39%70%1B%28B;\n filename*1=\"_2.pdf\"\n\nB",
            "Content-Type: image/jpeg; name=\"=?ISO-2022-JP?B?GyRCPEw/PxsoQg==?=.jpg\"\n\nC",
            "Content-Type: application/octet-stream\nContent-Disposition: attachment; filename=\"C:\\\\Users\\\\x\\\\..\\\\secret.txt\"\n\nD",
        ]))
        #expect(m.text == "本文")
        #expect(m.attachments.map(\.filename) == ["報告書.pdf", "報告_2.pdf", "写真.jpg", "secret.txt"])
        #expect(m.attachments.map(\.mediaType) == ["application/pdf", "application/pdf", "image/jpeg", "application/octet-stream"])
        #expect(m.attachments.map(\.bytes) == ["A", "B", "C", "D"].map { Data($0.utf8) })
    }

    @Test("message/rfc822 is kept whole as an attachment; a text part with a filename is an attachment")
    func forwardedMessage() throws {
        let inner = "From: x@example.jp\nSubject: 転送元\n\n元のメール"
        let m = try EmailParser.parse(Mail.mixed([
            "Content-Type: text/plain; charset=utf-8\n\n転送します。",
            "Content-Type: message/rfc822\n\n" + inner,
            "Content-Type: text/plain; charset=utf-8; name=memo.txt\n\nメモ",
        ]))
        #expect(m.text == "転送します。")
        #expect(m.attachments == [.init(filename: nil, mediaType: "message/rfc822", bytes: Data(inner.utf8)),
                                  .init(filename: "memo.txt", mediaType: "text/plain", bytes: Data("メモ".utf8))])
    }

    @Test("the boundary inside a line, or as the prefix of a longer word, is text; several inline texts join")
    func boundaryInBody() throws {
        let m = try EmailParser.parse(Mail.mixed([
            "Content-Type: text/plain; charset=utf-8\n\n前半 --b の話\n--bogus は区切りではない\n--b-- でもない？",
            "\n二つ目の本文",
        ]))
        // RFC 2046 §5.1.1: only white space may follow a closing `--b--`, so that line is text as well.
        #expect(m.text == "前半 --b の話\n--bogus は区切りではない\n--b-- でもない？\n\n二つ目の本文")
        let n = try EmailParser.parse(Mail.mixed([
            "Content-Type: text/plain; charset=utf-8\n\n一つ目\n--bx",
            "\n二つ目",
        ]))
        #expect(n.text == "一つ目\n--bx\n\n二つ目")
    }

    @Test("deep but allowed nesting (10 multiparts) and related/alternative with HTML inside")
    func nestingAllowed() throws {
        func nest(_ levels: Int) -> String {
            var s = "Content-Type: text/plain; charset=utf-8\n\n奥の本文"
            for l in (1..<levels).reversed() { s = "Content-Type: multipart/mixed; boundary=l\(l)\n\n--l\(l)\n\(s)\n--l\(l)--" }
            return s
        }
        let m = try EmailParser.parse(Mail.mixed([nest(10)]))
        #expect(m.text == "奥の本文")
        let related = try EmailParser.parse(Mail.mixed([
            "Content-Type: multipart/alternative; boundary=alt\n\n--alt\nContent-Type: multipart/related; boundary=rel\n\n"
                + "--rel\nContent-Type: text/html; charset=utf-8\n\n<p>HTMLだけ</p>\n--rel\nContent-Type: image/png\nContent-ID: <i1>\n\nPNG\n--rel--\n--alt--",
        ]))
        #expect(related.text == "HTMLだけ")
        #expect(related.attachments == [.init(filename: nil, mediaType: "image/png", bytes: Data("PNG".utf8))])
    }

    // MARK: refusals

    @Test("broken MIME is refused naming the part by its path")
    func brokenMIME() {
        #expect(Mail.refusal(Mail.mixed(["Content-Type: text/plain\n\nx"], close: false))
            == .invalid("the e-mail's top-level multipart", expected: "a multipart that ends with its closing boundary line (--boundary--)"))
        #expect(Mail.refusal(Mail.mixed(["Content-Type: text/plain\n\nx",
                                         "Content-Type: multipart/alternative; boundary=in\n\n--in\n\nx\n--in\n\ny"]))
            == .invalid("the e-mail's MIME part 2", expected: "a multipart that ends with its closing boundary line (--boundary--)"))
        #expect(Mail.refusal(Mail.mixed(["Content-Type: multipart/related\n\nx"]))
            == .invalid("the e-mail's MIME part 1", expected: "a multipart with a boundary parameter (1 to 200 characters)"))
        #expect(Mail.refusal(Mail.message(["Subject: s", "Content-Type: multipart/mixed; boundary=zzz"], "no delimiter here\n"))
            == .invalid("the e-mail's top-level multipart", expected: "a multipart whose boundary starts a line of its body (it never does)"))
        #expect(Mail.refusal(Mail.message(["Subject: s", "Content-Type: multipart/mixed; boundary=b",
                                           "Content-Transfer-Encoding: base64"], "--b\n\nx\n--b--\n"))
            == .invalid("the e-mail's top-level multipart", expected: "a multipart without a transfer encoding (7bit, 8bit or binary)"))
    }

    @Test("an unknown charset is refused naming the part or header and the charset, sanitized")
    func unknownCharset() {
        #expect(Mail.refusal(Mail.plain("x", charset: "x-klingon")) == Charsets.unknown("the e-mail's MIME part 1", "x-klingon"))
        #expect(Mail.refusal(Mail.plain("x", charset: "x-klingon"))?.description
            == "the e-mail's MIME part 1 must be in a character set the desk can read (UTF-8, ISO-2022-JP, Shift_JIS, EUC-JP, "
            + "ISO-8859-1 and the others glibc knows); \"x-klingon\" is not one")
        #expect(Mail.refusal(Mail.plain("x", subject: "=?x-klingon?B?YWJj?="))
            == Charsets.unknown("the e-mail's Subject header", "x-klingon"))
        // A label that would smuggle iconv options is not passed on.
        #expect(Mail.refusal(Mail.plain("x", charset: "\"UTF-8//TRANSLIT\"")) == Charsets.unknown("the e-mail's MIME part 1", "utf-8//translit"))
        // RFC 2231 lets a parameter carry any byte; the label is shown made visible.
        let p = Mail.refusal(Mail.mixed(["Content-Type: text/plain; charset*=us-ascii''x%1B%5B2J\n\nx"]))?.description ?? ""
        #expect(p.contains("the e-mail's MIME part 1") && p.contains("x␛[2j") && !p.contains("\u{1B}"), "\(p)")
    }

    @Test("text that is not valid in its charset is refused with the offset")
    func invalidText() throws {
        var bytes = [UInt8](Mail.plain("ab", charset: "Shift_JIS"))
        bytes.append(0x82)                                       // a lead byte with nothing after it
        #expect(Mail.refusal(Data(bytes)) == Charsets.badText("the e-mail's MIME part 1", "shift_jis", 2))
        var utf = [UInt8](Mail.plain("ab", charset: "utf-8"))
        utf.append(contentsOf: [0xE3, 0x81])
        #expect(Mail.refusal(Data(utf)) == Charsets.badText("the e-mail's MIME part 1", "utf-8", 2))
        var unlabelled = [UInt8](Mail.message(["Subject: s"], "ab"))
        unlabelled.append(0xA4)
        #expect(Mail.refusal(Data(unlabelled)) == .invalid("the e-mail's MIME part 1",
                                                           expected: "US-ASCII or UTF-8 text, as it names no other character set (byte 2 is not)"))
        #expect(try EmailParser.parse(Mail.message(["Subject: s"], "8bit UTF-8 without a label: 日本語")).text
            == "8bit UTF-8 without a label: 日本語")
    }

    static let tenMiB = IntakeLimits.attachmentBytes

    static func withAttachment(size: Int) -> Data {
        let b64 = Data(count: size).base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed])
        return Mail.mixed(["Content-Type: text/plain; charset=utf-8\n\n本文",
                           "Content-Type: application/octet-stream\nContent-Disposition: attachment; filename=\"=?UTF-8?B?6KaL56mN5pu4LnBkZg==?=\"\n"
                               + "Content-Transfer-Encoding: base64\n\n" + b64])
    }

    @Test("an attachment one byte over 10 MiB is refused before decoding, naming it, its part and the limit")
    func attachmentTooLarge() throws {
        let over = Mail.refusal(Self.withAttachment(size: Self.tenMiB + 1))
        #expect(over == .tooLarge(what: "attachment 1 (\"見積書.pdf\") in the e-mail's MIME part 2",
                                  limit: Self.tenMiB, actual: Self.tenMiB + 1))
        #expect(over?.description == "attachment 1 (\"見積書.pdf\") in the e-mail's MIME part 2 is 10485761 bytes; the limit is 10485760 bytes")
        let exact = try EmailParser.parse(Self.withAttachment(size: Self.tenMiB))
        #expect(exact.attachments.first?.bytes.count == Self.tenMiB)
    }

    @Test("control characters in raw headers are refused, naming the header, never echoing it")
    func headerControls() throws {
        for c in ["\u{1B}", "\u{0}", "\u{7}", "\u{7F}", "\r"] {
            let data = Mail.message(["From: a@example.jp", "Subject: 件名\(c)[2J"], "x")
            let e = Mail.refusal(data)
            #expect(e == .invalid("the e-mail's Subject header", expected: "no control characters"))
            #expect(e?.description.contains(c) == false)
        }
        #expect(Mail.refusal(Mail.mixed(["Content-Type: text/plain\nX-Note: a\u{1B}b\n\nx"]))
            == .invalid("the X-Note header of the e-mail's MIME part 1", expected: "no control characters"))
        // Encoded-words can carry any byte; the decoded value is checked too.
        #expect(Mail.refusal(Mail.plain("x", subject: "=?UTF-8?B?G1syShtbMko=?="))
            == .invalid("the e-mail's Subject header", expected: "no control characters"))
        var sjisRaw = [UInt8](Mail.message(["From: a@example.jp"], "x"))
        sjisRaw.insert(contentsOf: Array("Subject: ".utf8) + [0x82, 0xA0, 0x0A], at: 0)
        #expect(Mail.refusal(Data(sjisRaw)) == .invalid("the e-mail's Subject header",
                                                        expected: "ASCII or UTF-8 text (other character sets must be RFC 2047 encoded)"))
        #expect(try EmailParser.parse(Mail.plain("x", subject: "生のUTF-8 (RFC 6532)")).subject == "生のUTF-8 (RFC 6532)")
    }

    @Test("controls in decoded body text are refused; NUL as NUL; tabs stay")
    func bodyControls() throws {
        #expect(Mail.refusal(Mail.plain("a\u{0}b")) == .nul("the e-mail's MIME part 1"))
        #expect(Mail.refusal(Mail.plain("=00", encoding: "quoted-printable")) == .nul("the e-mail's MIME part 1"))
        #expect(Mail.refusal(Mail.plain("a\u{1B}[2Jb")) == .invalid("the e-mail's MIME part 1", expected: "text without control characters"))
        #expect(Mail.refusal(Mail.plain("\u{85}", charset: "utf-8")) == .invalid("the e-mail's MIME part 1", expected: "text without control characters"))
        #expect(try EmailParser.parse(Mail.plain("列1\t列2")).text == "列1\t列2")
    }

    @Test("invalid base64 is refused naming the part and the offset; unknown transfer encodings too")
    func invalidBase64() throws {
        #expect(Mail.refusal(Mail.mixed(["\nx", "Content-Type: application/pdf; name=a.pdf\nContent-Transfer-Encoding: base64\n\nQUJD\nR*FG"]))
            == .invalid("attachment 1 (\"a.pdf\") in the e-mail's MIME part 2", expected: "valid base64 (byte 6 of its content is not)"))
        #expect(Mail.refusal(Mail.plain("44GC!", encoding: "base64"))
            == .invalid("the e-mail's MIME part 1", expected: "valid base64 (byte 4 of its content is not)"))
        #expect(Mail.refusal(Mail.plain("x", encoding: "x-uuencode"))
            == .invalid("the e-mail's MIME part 1", expected: "in a Content-Transfer-Encoding the desk can read (7bit, 8bit, binary, "
                        + "quoted-printable or base64), not \"x-uuencode\""))
        #expect(try EmailParser.parse(Mail.plain("44GC\n44GE\n", encoding: "BASE64")).text == "あい")
    }

    @Test("quoted-printable: soft breaks, lower-case hex, invalid = sequences kept as written")
    func quotedPrintable() throws {
        let m = try EmailParser.parse(Mail.plain("=e3=81=82=E3=81=84=  \n=E3=81=86 a=b =ZZ 100%=\r\nend=", encoding: "quoted-printable"))
        #expect(m.text == "あいう a=b =ZZ 100%end")
    }

    @Test("format=flowed: soft breaks join (delsp=yes drops the space), quotes and the signature line stay")
    func formatFlowed() throws {
        let m = try EmailParser.parse(Mail.plain("先日の件で、 \nご連絡しました。\n>引用の \n>続き\n \n-- \n署名", charset: "utf-8; format=flowed; delsp=yes"))
        #expect(m.text == "先日の件で、ご連絡しました。\n> 引用の続き\n\n-- \n署名")
        let en = try EmailParser.parse(Mail.plain("This line is \nwrapped.\n From is stuffed.", charset: "us-ascii; format=flowed"))
        #expect(en.text == "This line is wrapped.\nFrom is stuffed.")
    }

    @Test("nesting deeper than 10 multiparts is refused naming the part")
    func nestingTooDeep() {
        var s = "Content-Type: text/plain\n\nx"
        for l in (1...10).reversed() { s = "Content-Type: multipart/mixed; boundary=l\(l)\n\n--l\(l)\n\(s)\n--l\(l)--" }
        #expect(Mail.refusal(Mail.mixed([s]))
            == .invalid("the e-mail's MIME part 1.1.1.1.1.1.1.1.1.1", expected: "nested at most 10 multiparts deep"))
    }

    @Test("empty input, only white space, only headers, no headers")
    func emptyish() throws {
        #expect(Mail.refusal(Data()) == .missing("the e-mail"))
        #expect(Mail.refusal(Data(" \r\n\n\t".utf8)) == .missing("the e-mail"))
        #expect(Mail.refusal(Data("From: a@example.jp\nTo: b@example.jp".utf8)) == .missing("the message body"))
        let onlySubject = try EmailParser.parse(Data("Subject: 件名だけ".utf8))
        #expect(onlySubject.subject == "件名だけ" && onlySubject.text.isEmpty)
        #expect(Mail.refusal(Data("これはメールではない\n本文".utf8))
            == .invalid("the e-mail", expected: "header fields (From:, Subject: and so on) before its body"))
        #expect(Mail.refusal(Mail.message(["From: a@example.jp", "Subject:  "], " \n\n")) == .missing("the message body"))
        // An mbox From line first is skipped. A line in the header section that is not a field is passed
        // over, as GMime reads it, and the fields after it still count.
        let stray = try EmailParser.parse(Data("From a@example.jp Tue Nov 24 2026\nSubject: s\nstray line\nTo: b@example.jp\n\nbody\n".utf8))
        #expect(stray.subject == "s" && stray.to == ["b@example.jp"] && stray.text == "body")
        #expect(try EmailParser.parse(Data("From : a@example.jp\nSubject: s\n\nx".utf8)).fromAddress == "a@example.jp")
    }

    @Test("21 attachments are refused with the count; 20 are taken")
    func tooManyAttachments() throws {
        let part = "Content-Type: application/octet-stream\n\nx"
        #expect(Mail.refusal(Mail.mixed(Array(repeating: part, count: 21)))
            == .tooMany("the e-mail's attachments", limit: 20, actual: 21))
        #expect(try EmailParser.parse(Mail.mixed(Array(repeating: part, count: 20))).attachments.count == 20)
        let parts = Mail.mixed(Array(repeating: "\nx", count: IntakeLimits.mimeParts + 1))
        #expect(Mail.refusal(parts) == .tooMany("the e-mail's MIME parts", limit: IntakeLimits.mimeParts, actual: IntakeLimits.mimeParts + 1))
    }

    @Test("size limits: the whole message, the header section, the body text, a file name, the subject")
    func sizeLimits() {
        #expect(Mail.refusal(Data(count: IntakeLimits.submissionBytes + 1))
            == .tooLarge(what: "the e-mail", limit: IntakeLimits.submissionBytes, actual: IntakeLimits.submissionBytes + 1))
        let filler = String(repeating: "X-Filler: 0123456789012345678901234567890123456789\n", count: 6_000)
        let headers = Data(("Subject: s\n" + filler + "\nbody").utf8)
        #expect(Mail.refusal(headers)
            == .tooLarge(what: "the e-mail's header section", limit: IntakeLimits.headerBytes, actual: 11 + filler.utf8.count + 1))
        #expect(Mail.refusal(Mail.plain(String(repeating: "あ", count: 20_001)))
            == .tooLong("the message body", limit: IntakeLimits.complaint, actual: 20_001))
        let longName = String(repeating: "長", count: 256) + ".pdf"
        #expect(Mail.refusal(Mail.mixed(["\nx", "Content-Disposition: attachment; filename=\"\(longName)\"\n\nA"]))
            == .tooLong("the file name of attachment 1 in the e-mail's MIME part 2", limit: 255, actual: 260))
        #expect(Mail.refusal(Mail.plain("x", subject: String(repeating: "件", count: 1_001)))
            == .tooLong("the e-mail's Subject header", limit: IntakeLimits.subject, actual: 1_001))
    }

    @Test("bidi overrides in a file name are made visible, controls refused")
    func filenameTricks() {
        let m = try? EmailParser.parse(Mail.mixed(["\nx", "Content-Disposition: attachment; filename=\"invoice\u{202E}fdp.exe\"\n\nA"]))
        #expect(m?.attachments.first?.filename == "invoice<U+202E>fdp.exe")
        #expect(Mail.refusal(Mail.mixed(["\nx", "Content-Disposition: attachment; filename*=UTF-8''a%1Bb.txt\n\nA"]))
            == .invalid("the file name of attachment 1 in the e-mail's MIME part 2", expected: "no control characters"))
    }

    // MARK: hostile input

    @Test("hostile shapes: many headers, many parts, binary junk, nested garbage, all end quickly")
    func hostileShapes() throws {
        let many = "Subject: s\n" + String(repeating: "X-A: b\n", count: 30_000) + "\nbody"
        #expect(try EmailParser.parse(Data(many.utf8)).text == "body")
        var junk = SplitMix64(seed: 7)
        let binary = Data((0..<100_000).map { _ in UInt8(truncatingIfNeeded: junk.next()) })
        #expect(Mail.refusal(binary) != nil)
        let deep = String(repeating: "Content-Type: multipart/mixed; boundary=x\n\n--x\n", count: 200)
        #expect(Mail.refusal(Mail.message(["Subject: s", "Content-Type: multipart/mixed; boundary=x"], "--x\n" + deep)) != nil)
        let unclosedScript = try EmailParser.parse(Mail.message(["Subject: s", "Content-Type: text/html"],
                                                                String(repeating: "<script>", count: 5_000) + "x"))
        #expect(unclosedScript.text.isEmpty)
    }

    @Test("GMime is handed nothing it would build too much of: boundary lines, one huge field, all fields together")
    func gmimeBudget() throws {
        // Each line starting with -- may open a part: 10,000 parts and a closing line.
        #expect(Mail.refusal(Mail.mixed(Array(repeating: "\nx", count: IntakeLimits.boundaryLines)))
            == .tooMany("the e-mail's lines that start with \"--\" (each may be a MIME boundary)",
                        limit: IntakeLimits.boundaryLines, actual: IntakeLimits.boundaryLines + 1))
        // One field larger than a header section may be, measured wherever it is.
        let field = "Content-Type: text/plain" + String(repeating: ";\n a=b", count: IntakeLimits.headerBytes / 6) + "\n"
        let huge = Mail.mixed(["\nx", field + "\nA"])
        let at = [UInt8](huge).firstRange(of: Array("Content-Type: text/plain;".utf8))!.lowerBound
        #expect(Mail.refusal(huge) == .tooLarge(what: "the header field at byte \(at) of the e-mail",
                                                limit: IntakeLimits.headerBytes, actual: field.utf8.count))
        // Header fields of all parts together: GMime stops reading once they pass the limit.
        let padded = Mail.mixed(Array(repeating: "X-Pad: \(String(repeating: "p", count: 4_000))\n\nx", count: 300))
        guard case let .tooLarge(what, limit, actual)? = Mail.refusal(padded) else { Issue.record("not refused"); return }
        #expect(what == "the header fields of all the e-mail's parts together" && limit == IntakeLimits.allHeaderBytes)
        #expect(actual > limit && actual < limit + 16 * 1024)
    }

    @Test("mutated fixtures (fixed seed): every parse returns or throws InputError, none crashes")
    func mutations() {
        var rng = SplitMix64(seed: 0x6D61646F)
        var taken = 0, refused = 0
        for k in 0..<600 {
            var b = [UInt8](Mail.fixture(Mail.fixtures[k % Mail.fixtures.count]))
            for _ in 0..<(1 + Int(rng.next() % 8)) {
                let at = Int(rng.next() % UInt64(b.count))
                switch rng.next() % 4 {
                case 0: b[at] = UInt8(truncatingIfNeeded: rng.next())
                case 1: b.insert(UInt8(truncatingIfNeeded: rng.next()), at: at)
                case 2: if b.count > 1 { b.remove(at: at) }
                default: b[at] = [0x0A, 0x2D, 0x3D, 0x3F, 0x1B, 0x00, 0x3C, 0x22][Int(rng.next() % 8)]
                }
            }
            do {
                let m = try EmailParser.parse(Data(b))
                #expect(m.original == Data(b))
                taken += 1
            } catch {
                #expect(!error.description.isEmpty)
                refused += 1
            }
        }
        #expect(taken + refused == 600)
        #expect(taken > 0 && refused > 0)
    }
}

