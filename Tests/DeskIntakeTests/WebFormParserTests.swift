import DeskDomain
import DeskIntake
import Foundation
import Testing

/// The acceptance fixture and variants of it with one thing changed.
enum WebForm {
    static let fixture: Data = {
        guard let dir = Bundle.module.url(forResource: "Fixtures", withExtension: nil),
              let data = try? Data(contentsOf: dir.appendingPathComponent("webform-acceptance.json")) else {
            fatalError("webform-acceptance.json is missing from the test bundle")
        }
        return data
    }()

    static var fixtureObject: [String: Any] {
        guard let o = try? JSONSerialization.jsonObject(with: fixture) as? [String: Any] else {
            fatalError("the fixture is not a JSON object")
        }
        return o
    }

    /// The fixture with `edit` applied, re-serialized.
    static func edited(_ edit: (inout [String: Any]) -> Void) -> Data {
        var o = fixtureObject
        edit(&o)
        guard let data = try? JSONSerialization.data(withJSONObject: o, options: [.sortedKeys]) else {
            fatalError("cannot serialize a variant")
        }
        return data
    }

    static func applicant(_ edit: (inout [String: Any]) -> Void) -> Data {
        edited { o in
            var a = o["applicant"] as? [String: Any] ?? [:]
            edit(&a)
            o["applicant"] = a
        }
    }

    static func json(_ text: String) -> Data { Data(text.utf8) }

    /// The fixture's bytes with `bytes` inserted `after` the given text, and the offset of the insertion.
    static func inserting(_ bytes: [UInt8], after marker: String) -> (data: Data, offset: Int) {
        let b = [UInt8](fixture)
        let m = [UInt8](marker.utf8)
        guard let start = (0...(b.count - m.count)).first(where: { Array(b[$0..<($0 + m.count)]) == m }) else {
            fatalError("\(marker) is not in the fixture")
        }
        let at = start + m.count
        return (Data(b[..<at] + bytes + b[at...]), at)
    }

    static let secret = "SECRET-秘密のテキスト"
}

@Suite("Web form parser")
struct WebFormParserTests {
    // MARK: acceptance

    @Test("the acceptance fixture parses")
    func fixtureParses() throws {
        let s = try WebFormParser.parse(WebForm.fixture)
        #expect(s.organization == "demo-hotel")
        #expect(s.branch == "新宿")
        #expect(s.store == "本館")
        #expect(s.occurredAt == "2026-10-01T14:30:00+09:00")
        #expect(s.applicant.anonymous)
        #expect(s.applicant.name == nil && s.applicant.phone == nil && s.applicant.email == nil)
        #expect(s.staff.count == 1)
        #expect(s.staff.first?.name == "佐藤")
        #expect(s.staff.first?.characteristics == "眼鏡の男性、フロント担当")
        #expect(s.complaint.hasPrefix("チェックインの際、"))
        #expect(s.complaint.hasSuffix("改善をお願いしたい。"))
        #expect(s.requests == "待ち時間の短縮と事前の案内")
        #expect(!s.feedbackWanted)
        #expect(s.language == .ja)
        #expect(s.original == WebForm.fixture)
    }

    @Test("a named applicant with contact details, many staff and long texts within the limits is accepted")
    func limitsAccepted() throws {
        let data = WebForm.edited { o in
            o["applicant"] = ["anonymous": false, "name": String(repeating: "名", count: 200),
                              "phone": "090-1234-5678", "email": "taro@example.jp"] as [String: Any]
            o["staff"] = (0..<20).map { ["name": "職員\($0)"] }
            o["complaint"] = String(repeating: "あ", count: 19_999) + "\n"
            o["requests"] = NSNull()
            o["feedbackWanted"] = true
            o["language"] = "en"
            o["occurredAt"] = "2026-10-01T05:30:00.250Z"
            o["branch"] = NSNull()
        }
        let s = try WebFormParser.parse(data)
        #expect(!s.applicant.anonymous)
        #expect(s.applicant.name?.count == 200)
        #expect(s.applicant.phone == "090-1234-5678")
        #expect(s.staff.count == 20)
        #expect(s.staff.last?.name == "職員19")
        #expect(s.complaint.count == 20_000)
        #expect(s.requests == nil)
        #expect(s.branch == nil)
        #expect(s.feedbackWanted)
        #expect(s.language == .en)
    }

    @Test("optional fields may be left out")
    func minimal() throws {
        let s = try WebFormParser.parse(WebForm.json(
            #"{"form":"mado.webform/1","organization":"demo-hotel","applicant":{"anonymous":true},"complaint":"待たされた 👍🏽","language":"ja"}"#))
        #expect(s.complaint == "待たされた 👍🏽")
        #expect(s.staff.isEmpty)
        #expect(s.occurredAt == nil && s.branch == nil && s.store == nil && s.requests == nil)
        #expect(!s.feedbackWanted)
    }

    // MARK: refusals

    struct Refusal: Sendable, CustomTestStringConvertible {
        let name: String
        let input: Data
        let error: InputError
        var testDescription: String { name }
    }

    static let occurredAtExpected = "an ISO 8601 date and time with an offset, like 2026-10-01T14:30:00+09:00"

    static let refusals: [Refusal] = {
        typealias W = WebForm
        var r: [Refusal] = [
            // complaint
            Refusal(name: "a complaint that is a number", input: W.edited { $0["complaint"] = 42 },
                    error: .wrongType("complaint", expected: "a string, not a number")),
            Refusal(name: "a complaint that is a boolean", input: W.edited { $0["complaint"] = true },
                    error: .wrongType("complaint", expected: "a string, not a boolean")),
            Refusal(name: "a complaint that is an array", input: W.edited { $0["complaint"] = [W.secret] },
                    error: .wrongType("complaint", expected: "a string, not an array")),
            Refusal(name: "a NUL in the complaint", input: W.edited { $0["complaint"] = W.secret + "\u{0}続き" },
                    error: .nul("complaint")),
            Refusal(name: "a complaint of 20,001 characters",
                    input: W.edited { $0["complaint"] = String(repeating: "a", count: 20_001) },
                    error: .tooLong("complaint", limit: 20_000, actual: 20_001)),
            Refusal(name: "a complaint of 20,001 Japanese characters",
                    input: W.edited { $0["complaint"] = String(repeating: "苦", count: 20_001) },
                    error: .tooLong("complaint", limit: 20_000, actual: 20_001)),
            Refusal(name: "a missing complaint", input: W.edited { $0["complaint"] = nil }, error: .missing("complaint")),
            Refusal(name: "a null complaint", input: W.edited { $0["complaint"] = NSNull() }, error: .missing("complaint")),
            Refusal(name: "a complaint of only blanks", input: W.edited { $0["complaint"] = " \n\u{3000}\t" },
                    error: .invalid("complaint", expected: "some text")),
            Refusal(name: "requests of 20,001 characters",
                    input: W.edited { $0["requests"] = String(repeating: "b", count: 20_001) },
                    error: .tooLong("requests", limit: 20_000, actual: 20_001)),

            // unknown fields
            Refusal(name: "an unknown top-level field", input: W.edited { $0["surprise"] = W.secret },
                    error: .unknownField("surprise")),
            Refusal(name: "an unknown field in the applicant", input: W.applicant { $0["age"] = 42 },
                    error: .unknownField("applicant.age")),
            Refusal(name: "an unknown field in a staff entry",
                    input: W.edited { $0["staff"] = [["name": "佐藤", "age": 30]] as [[String: Any]] },
                    error: .unknownField("staff[0].age")),
            Refusal(name: "an unknown field named with an escape sequence",
                    input: W.edited { $0["\u{1B}[2Jevil"] = 1 }, error: .unknownField("\u{1B}[2Jevil")),

            // not a form at all
            Refusal(name: "an array", input: W.json("[]"), error: .notAnObject(what: "the submission")),
            Refusal(name: "a string", input: W.json(#""text""#), error: .notAnObject(what: "the submission")),
            Refusal(name: "null", input: W.json("null"), error: .notAnObject(what: "the submission")),
            Refusal(name: "a number", input: W.json("42"), error: .notAnObject(what: "the submission")),

            // form, organization, language, occurredAt
            Refusal(name: "a wrong form", input: W.edited { $0["form"] = "mado.webform/2" },
                    error: .invalid("form", expected: #""mado.webform/1""#)),
            Refusal(name: "a missing form", input: W.edited { $0["form"] = nil }, error: .missing("form")),
            Refusal(name: "an organization that is not an id", input: W.edited { $0["organization"] = "Demo Hotel" },
                    error: .invalid("organization", expected: "an organization id (lower-case letters, digits and '-')")),
            Refusal(name: "an unknown language", input: W.edited { $0["language"] = "fr" },
                    error: .invalid("language", expected: #""ja" or "en""#)),
            Refusal(name: "a language spelled out", input: W.edited { $0["language"] = "japanese" },
                    error: .tooLong("language", limit: 2, actual: 8)),
            Refusal(name: "a missing language", input: W.edited { $0["language"] = nil }, error: .missing("language")),
            Refusal(name: "an occurredAt that is not a date", input: W.edited { $0["occurredAt"] = "yesterday" },
                    error: .invalid("occurredAt", expected: occurredAtExpected)),
            Refusal(name: "an occurredAt without an offset", input: W.edited { $0["occurredAt"] = "2026-10-01T14:30:00" },
                    error: .invalid("occurredAt", expected: occurredAtExpected)),
            Refusal(name: "an occurredAt without a time", input: W.edited { $0["occurredAt"] = "2026-10-01" },
                    error: .invalid("occurredAt", expected: occurredAtExpected)),
            Refusal(name: "an occurredAt in month 13", input: W.edited { $0["occurredAt"] = "2026-13-01T14:30:00+09:00" },
                    error: .invalid("occurredAt", expected: occurredAtExpected)),
            Refusal(name: "an occurredAt at 25 o'clock", input: W.edited { $0["occurredAt"] = "2026-10-01T25:30:00+09:00" },
                    error: .invalid("occurredAt", expected: occurredAtExpected)),

            // applicant
            Refusal(name: "an anonymous applicant with a name",
                    input: W.applicant { $0["name"] = "山田太郎" },
                    error: .invalid("applicant.name", expected: "absent when applicant.anonymous is true")),
            Refusal(name: "a missing applicant", input: W.edited { $0["applicant"] = nil }, error: .missing("applicant")),
            Refusal(name: "an applicant that is a string", input: W.edited { $0["applicant"] = "山田" },
                    error: .wrongType("applicant", expected: "an object")),
            Refusal(name: "an applicant without anonymous", input: W.applicant { $0["anonymous"] = nil },
                    error: .missing("applicant.anonymous")),
            Refusal(name: "anonymous as a string", input: W.applicant { $0["anonymous"] = "yes" },
                    error: .wrongType("applicant.anonymous", expected: "true or false, not a string")),
            Refusal(name: "a name of two lines",
                    input: W.applicant { $0["anonymous"] = false; $0["name"] = "山田\n太郎" },
                    error: .invalid("applicant.name", expected: "one line")),
            Refusal(name: "a name of 201 characters",
                    input: W.applicant { $0["anonymous"] = false; $0["name"] = String(repeating: "名", count: 201) },
                    error: .tooLong("applicant.name", limit: 200, actual: 201)),
            Refusal(name: "an e-mail address of 255 characters",
                    input: W.applicant { $0["email"] = String(repeating: "m", count: 244) + "@example.jp" },
                    error: .tooLong("applicant.email", limit: 254, actual: 255)),

            // staff
            Refusal(name: "staff that is not an array", input: W.edited { $0["staff"] = ["name": "佐藤"] },
                    error: .wrongType("staff", expected: "an array, not an object")),
            Refusal(name: "staff given as one string", input: W.edited { $0["staff"] = "佐藤" },
                    error: .wrongType("staff", expected: "an array, not a string")),
            Refusal(name: "a staff entry that is a string", input: W.edited { $0["staff"] = ["佐藤"] },
                    error: .wrongType("staff[0]", expected: "an object")),
            Refusal(name: "a staff entry without a name", input: W.edited { $0["staff"] = [["characteristics": "眼鏡"]] },
                    error: .missing("staff[0].name")),
            Refusal(name: "the second staff entry without a name",
                    input: W.edited { $0["staff"] = [["name": "佐藤"], [:]] as [[String: String]] }, error: .missing("staff[1].name")),
            Refusal(name: "21 staff entries", input: W.edited { $0["staff"] = (0..<21).map { ["name": "職員\($0)"] } },
                    error: .tooMany("staff", limit: 20, actual: 21)),
            Refusal(name: "staff characteristics of 1,001 characters",
                    input: W.edited { $0["staff"] = [["name": "佐藤", "characteristics": String(repeating: "c", count: 1001)]] },
                    error: .tooLong("staff[0].characteristics", limit: 1000, actual: 1001)),

            // other fields
            Refusal(name: "feedbackWanted as a string", input: W.edited { $0["feedbackWanted"] = "false" },
                    error: .wrongType("feedbackWanted", expected: "true or false, not a string")),
            Refusal(name: "feedbackWanted as a number", input: W.edited { $0["feedbackWanted"] = 0 },
                    error: .wrongType("feedbackWanted", expected: "true or false, not a number")),
            Refusal(name: "a store of two lines", input: W.edited { $0["store"] = "本館\r\n別館" },
                    error: .invalid("store", expected: "one line")),
        ]

        // Invalid UTF-8 inside the complaint's string, after some Japanese text.
        let ffFe = W.inserting([0xFF, 0xFE], after: #""complaint": "チェックイン"#)
        r.append(Refusal(name: "bytes FF FE inside the complaint", input: ffFe.data,
                         error: .badEncoding(field: "complaint", byteOffset: ffFe.offset)))
        let overlong = W.inserting([0xC0, 0xAF], after: #""complaint": ""#)
        r.append(Refusal(name: "an overlong '/' inside the complaint", input: overlong.data,
                         error: .badEncoding(field: "complaint", byteOffset: overlong.offset)))
        let surrogate = W.inserting([0xED, 0xA0, 0x80], after: #""requests": "待ち"#)
        r.append(Refusal(name: "an encoded surrogate inside the requests", input: surrogate.data,
                         error: .badEncoding(field: "requests", byteOffset: surrogate.offset)))
        let tooHigh = W.inserting([0xF4, 0x90, 0x80, 0x80], after: #""store": ""#)
        r.append(Refusal(name: "a code point above U+10FFFF inside the store", input: tooHigh.data,
                         error: .badEncoding(field: "store", byteOffset: tooHigh.offset)))
        let truncated = Data([UInt8](WebForm.fixture) + [0xE3, 0x81])
        r.append(Refusal(name: "a sequence cut short at the end of the input", input: truncated,
                         error: .badEncoding(field: nil, byteOffset: WebForm.fixture.count)))
        let stray = Data([0x80] + [UInt8](WebForm.fixture))
        r.append(Refusal(name: "a stray continuation byte before anything", input: stray,
                         error: .badEncoding(field: nil, byteOffset: 0)))
        return r
    }()

    @Test("bad input is refused with the exact error", arguments: WebFormParserTests.refusals)
    func refused(_ r: Refusal) {
        #expect(throws: r.error) { try WebFormParser.parse(r.input) }
    }

    @Test("malformed JSON is refused as malformed", arguments: ["{", "", "{\"form\": }", "{\"form\": \"x\"", "{\"form\": tru}", "{'form': 1}"])
    func malformed(_ text: String) {
        do {
            _ = try WebFormParser.parse(Data(text.utf8))
            Issue.record("\(text) was accepted")
        } catch {
            guard case .malformed(let what, let detail) = error else {
                Issue.record("\(text): \(error)")
                return
            }
            #expect(what == "the submission")
            #expect(!detail.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        }
    }

    @Test("a 20 MB complaint is refused as too long")
    func twentyMegabytes() {
        var data = Data(#"{"form":"mado.webform/1","organization":"demo-hotel","applicant":{"anonymous":true},"language":"ja","complaint":""#.utf8)
        data.append(Data(repeating: UInt8(ascii: "a"), count: 20_000_000))
        data.append(Data(#""}"#.utf8))
        #expect(throws: InputError.tooLong("complaint", limit: 20_000, actual: 20_000_000)) {
            try WebFormParser.parse(data)
        }
    }

    @Test("a submission over 64 MiB is refused before it is read")
    func tooLarge() {
        let data = Data(count: 64 * 1024 * 1024 + 1)
        #expect(throws: InputError.tooLarge(what: "the submission", limit: 64 * 1024 * 1024, actual: 64 * 1024 * 1024 + 1)) {
            try WebFormParser.parse(data)
        }
    }

    @Test("invalid UTF-8 in a nested field is reported with its full path")
    func badEncodingNestedPath() {
        let bad = WebForm.inserting([0xFF], after: #""name": "佐"#)
        #expect(throws: InputError.badEncoding(field: "staff[0].name", byteOffset: bad.offset)) {
            try WebFormParser.parse(bad.data)
        }
    }

    @Test("an occurredAt on a day that does not exist is refused",
          arguments: ["2026-02-30T14:30:00+09:00", "2026-04-31T00:00:00Z", "2026-10-01T14:30:00+99:00"])
    func impossibleOccurredAt(_ text: String) {
        let data = WebForm.edited { $0["occurredAt"] = text }
        #expect(throws: InputError.invalid("occurredAt", expected: Self.occurredAtExpected)) {
            try WebFormParser.parse(data)
        }
    }

    // MARK: descriptions

    static func isSafe(_ s: String) -> Bool {
        !s.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }

    @Test("an error's description never carries the offending text", arguments: WebFormParserTests.refusals)
    func descriptionIsSafe(_ r: Refusal) {
        do {
            _ = try WebFormParser.parse(r.input)
            Issue.record("accepted")
        } catch {
            let d = error.description
            #expect(Self.isSafe(d), "\(d.debugDescription)")
            #expect(!d.contains(WebForm.secret))
            #expect(!d.contains("山田"))
            #expect(!d.contains("aaaaaaaaaa"))
            #expect(!d.contains("苦苦"))
        }
    }

    @Test("an unknown field with an escape sequence is described with a visible ␛")
    func unknownFieldDescription() {
        let d = InputError.unknownField("\u{1B}[2Jevil").description
        #expect(d == "␛[2Jevil is not a field of this form")
        #expect(!d.contains("\u{1B}"))
    }

    @Test("descriptions name the field and the limit")
    func descriptions() {
        #expect(InputError.tooLong("complaint", limit: 20_000, actual: 20_001).description
            == "complaint is 20001 characters; the limit is 20000")
        #expect(InputError.badEncoding(field: "complaint", byteOffset: 17).description
            == "complaint is not valid UTF-8 (byte 17 of the input)")
        #expect(InputError.badEncoding(field: nil, byteOffset: 0).description == "the input is not valid UTF-8 (byte 0)")
        #expect(InputError.nul("complaint").description == "complaint contains a NUL character, which is not allowed")
        #expect(InputError.tooMany("staff", limit: 20, actual: 21).description == "staff has 21 entries; the limit is 20")
    }
}
