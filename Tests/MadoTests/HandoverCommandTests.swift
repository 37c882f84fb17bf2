import DeskApp
import DeskDomain
import DeskStore
import Foundation
@testable import mado
import Testing

/// `mado handover` and `mado policy`: the counter without the console.
@Suite("mado handover and policy", .serialized)
struct HandoverCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("a sit-in for a written apology: one case, the policy's scripts and checklist, the leaflet file, the log")
    func sitIn() throws {
        let desk = try CommandLineTests.Desk()
        let answers = desk.write("a.json", #"{"apologyDemand": true, "minutesSpent": 180, "refusesToLeave": true}"#)
        let leaflet = desk.dir.appendingPathComponent("leaflet.txt").path
        let before = try desk.events()
        let r = try CommandLineTests.run(["handover", "--db", desk.db, "--org", "demo-hotel", "--branch", "新宿", "--store", "本館",
                                          "--complaint", "フロントで三時間、謝罪文を求めて帰らない", "--words", "土下座しろ",
                                          "--staff", "井上", "--answers", answers, "--leaflet", leaflet])
        #expect(r.status == 0, "\(r.err)")
        let id = try #require(r.out.split(separator: " ").first.map(String.init))
        #expect(r.out.contains("区分: 引継  (根拠: 退去しない、方針 standard/2)"))
        #expect(r.out.contains("  1. これ以上この場ではご対応できません。") && r.out.contains("  2. 本日の対応は終了しました。お引き取りください。"))
        #expect(r.out.contains("  [ ] 警察対応の手順に沿って進める"))
        let paper = try String(contentsOfFile: leaflet, encoding: .utf8)
        // The customer's receipt, as the clerk's screen gave it, never the case id.
        let receipt = try #require(r.out.firstMatch(of: /お客様の受付番号: (\d{4}-\d{4}-\d{4}-\d{4})/).map { String($0.output.1) })
        #expect(paper.contains("(デモホテル東京)") && paper.contains("受付番号: \(receipt)\n") && !paper.contains(id))
        // intake, statement, facts, hand-over: one transaction, in the log.
        #expect(try desk.events() == before + 4)
        let show = try CommandLineTests.run(["show", id, "--db", desk.db])
        #expect(show.out.contains("handed over: handover") && show.out.contains("(because of refuses to leave; policy standard/2)") && show.out.contains("土下座しろ"))
        #expect(show.out.contains("refuses to leave, 180 minutes spent, demand for a kneeling or written apology"))
    }

    @Test("a knife: the danger lane says call 110 now, in English and as JSON")
    func danger() throws {
        let desk = try CommandLineTests.Desk()
        let r = try CommandLineTests.run(["handover", "--db", desk.db, "--org", "demo-rail", "--channel", "phone", "--complaint", "knife shown",
                                          "--yes", "weaponOrPhysicalContact", "--language", "en", "--format", "json"])
        #expect(r.status == 0, "\(r.err)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(o["lane"] as? String == "danger" && o["rule"] as? String == "danger" && o["policy"] as? String == "standard/2")
        let actions = (o["actions"] as? [[String: String]])?.compactMap { $0["id"] }
        #expect(actions?.first == "call110")
        #expect((o["scripts"] as? [[String: String]])?.first?["text"] == "We cannot continue. We are calling the police.")
        let text = try CommandLineTests.run(["handover", "--db", desk.db, "--org", "demo-rail", "--complaint", "threat",
                                             "--yes", "threatToLifeOrArson", "--language", "en"])
        #expect(text.out.contains("!! Call 110 now. Skip the ladder."))
    }

    @Test("bad answers are refused by name, and nothing is written", arguments: [
        (["--answers", "ANSWERS:{\"apologyDemand\": 1}"], "answers.apologyDemand must be true or false"),
        (["--answers", "ANSWERS:{\"minutesSpent\": true}"], "answers.minutesSpent must be a whole number from 0 to 10,000"),
        (["--answers", "ANSWERS:{\"kneeling\": true}"], "kneeling is not a field"),
        (["--answers", "ANSWERS:[1]"], "--answers must be a JSON object"),
        (["--yes", "kneeling"], "--yes"),
        (["--minutes=-5"], "--minutes must be 0 to 10,000"),
        (["--org", "nowhere"], "--org must be a registered organization"),
        (["--store", "\u{1B}[2Jshop"], "--store must be one of the stores"),
    ])
    func refusals(_ extra: [String], _ message: String) throws {
        let desk = try CommandLineTests.Desk()
        let before = try desk.events()
        let args = extra.map { $0.hasPrefix("ANSWERS:") ? desk.write("bad.json", String($0.dropFirst(8))) : $0 }
        var base = ["handover", "--db", desk.db, "--complaint", "x"]
        if !args.contains("--org") { base += ["--org", "demo-hotel"] }
        let r = try CommandLineTests.run(base + args)
        #expect(r.status != 0)
        #expect(r.err.contains(message), "\(r.err)")
        #expect(!r.err.contains("\u{1B}"))
        #expect(try desk.events() == before)
    }

    @Test("policy check passes the shipped file and names the rule in a broken one; policy show lists the rules")
    func policy() throws {
        let file = Self.root.appendingPathComponent("Policies/standard.toml").path
        let ok = try CommandLineTests.run(["policy", "check", file])
        #expect(ok.status == 0 && ok.out.contains("policy standard/2, effective 2026-04-01: 10 rules"))
        let desk = try CommandLineTests.Desk(demo: false)
        let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "scripts = [\"refuse-filming\", ", with: "scripts = [\"refuse-photos\", ")
        let bad = try CommandLineTests.run(["policy", "check", desk.write("bad.toml", text)])
        #expect(bad.status == 1 && bad.err.contains("rule filming-or-posting: script refuse-photos is not defined"))
        let show = try CommandLineTests.run(["policy", "show", "--ids"])
        #expect(show.out.contains("sit-in: refusesToLeave -> handover") && show.out.contains("too-long: minutesSpent >= 30 -> handover"))
        // Without --ids, the same rules in words.
        let words = try CommandLineTests.run(["policy", "show", "--lang", "ja"]).out
        #expect(words.contains("退去しない → 引継") && words.contains("対応時間 30 以上 → 引継") && !words.contains("sit-in") && !words.contains("refusesToLeave"),
                "\(words)")
    }

    @Test("assess, classify and override the lane from the command line; the two-axis rule refuses by name")
    func assessClassifyOverride() throws {
        let desk = try CommandLineTests.Desk()
        let h = try CommandLineTests.run(["handover", "--db", desk.db, "--org", "demo-hotel", "--complaint", "料金の説明が分かりにくい",
                                          "--minutes", "10"])
        let id = try #require(h.out.split(separator: " ").first.map(String.init))
        #expect(h.out.contains("区分: 苦情"))
        #expect(try CommandLineTests.run(["note", id, "--db", desk.db, "--text", "確認開始"]).status == 0)
        // Review, then assess as polite: classifying it as harassment is refused.
        let db = try SQLiteEventStore.open(path: desk.db)
        try Desk(log: db, reads: db, user: Identity.osUser).act(.startReview, on: CaseID(id)!)
        db.close()
        let a = try CommandLineTests.run(["assess", id, "--db", desk.db, "--validity", "valid", "--means", "acceptable",
                                          "--reason", "穏当な問い合わせ"])
        #expect(a.status == 0 && a.out.contains(": assessed: "), "\(a.err)")
        let bad = try CommandLineTests.run(["classify", id, "--db", desk.db, "--as", "harassment", "--reason", "念のため"])
        #expect(bad.status == 1 && bad.err.contains("harassment means the means were not acceptable"))
        let ok = try CommandLineTests.run(["classify", id, "--db", desk.db, "--as", "legitimateComplaint", "--reason", "正当な指摘"])
        #expect(ok.status == 0 && ok.out.contains(": classified: legitimate complaint"))
        let lane = try CommandLineTests.run(["lane", id, "--db", desk.db, "--to", "handover", "--reason", "同じ客が三度目"])
        #expect(lane.status == 0 && lane.out.contains(": lane changed: complaint → handover"))
        let show = try CommandLineTests.run(["show", id, "--db", desk.db])
        #expect(show.out.contains("classified: legitimate complaint") && show.out.contains(": 正当な指摘"))
        #expect(show.out.contains("lane changed: complaint → handover") && show.out.contains(": 同じ客が三度目"))
        #expect(show.out.contains("lane        handover"))
        let empty = try CommandLineTests.run(["lane", id, "--db", desk.db, "--to", "danger", "--reason", " "])
        #expect(empty.status == 64 && empty.err.contains("--reason is empty"))
    }

    @Test("an organization adopts its own policy: later hand-overs there follow it and record its version")
    func adopt() throws {
        let desk = try CommandLineTests.Desk()
        let std = try String(contentsOfFile: Self.root.appendingPathComponent("Policies/standard.toml").path, encoding: .utf8)
        let own = std.replacingOccurrences(of: "id = \"standard\"", with: "id = \"city-hall\"")
            .replacingOccurrences(of: "minutes_threshold = 30", with: "minutes_threshold = 20")
            .replacingOccurrences(of: "minutesSpent >= 30", with: "minutesSpent >= 20")
        let file = desk.write("city.toml", own)
        let before = try CommandLineTests.run(["handover", "--db", desk.db, "--org", "demo-city", "--complaint", "窓口で長い説明を求めた",
                                               "--minutes", "25"])
        #expect(before.out.contains("根拠: 確認事項のいずれにも該当しない、方針 standard/2"))
        let a = try CommandLineTests.run(["policy", "adopt", "--db", desk.db, "--org", "demo-city", file])
        #expect(a.status == 0 && a.out.contains("demo-city: policy city-hall/2"), "\(a.err)")
        let after = try CommandLineTests.run(["handover", "--db", desk.db, "--org", "demo-city", "--complaint", "窓口で長い説明を求めた",
                                              "--minutes", "25"])
        #expect(after.out.contains("根拠: 対応時間 20 以上、方針 city-hall/2"))
        // Other organizations keep the standard table.
        let other = try CommandLineTests.run(["handover", "--db", desk.db, "--org", "demo-hotel", "--complaint", "説明", "--minutes", "25"])
        #expect(other.out.contains("方針 standard/2"))
        let show = try CommandLineTests.run(["policy", "show", "--db", desk.db, "--org", "demo-city", "--ids"])
        #expect(show.out.contains("policy city-hall/2") && show.out.contains("too-long: minutesSpent >= 20"))
        // A rebuild gives the organization the same policy back.
        #expect(try CommandLineTests.run(["rebuild", "--db", desk.db]).status == 0)
        let again = try CommandLineTests.run(["handover", "--db", desk.db, "--org", "demo-city", "--complaint", "説明", "--minutes", "21"])
        #expect(again.out.contains("方針 city-hall/2"))
        // A broken file and a future one are refused; nothing is adopted.
        let broken = try CommandLineTests.run(["policy", "adopt", "--db", desk.db, "--org", "demo-hotel",
                                               desk.write("b.toml", own.replacingOccurrences(of: "lane = \"complaint\"", with: "lane = \"x\""))])
        #expect(broken.status == 1 && broken.err.contains("rule ordinary-complaint: lane must be one of"))
        let future = try CommandLineTests.run(["policy", "adopt", "--db", desk.db, "--org", "demo-hotel",
                                               desk.write("f.toml", own.replacingOccurrences(of: "effective = 2026-04-01", with: "effective = 2099-04-01"))])
        #expect(future.status == 1 && future.err.contains("takes effect on 2099-04-01"))
        #expect(try CommandLineTests.run(["policy", "adopt", "--db", desk.db, "--org", "nowhere", file]).status == 1)
        // The shipped id and version with other rules would make recorded decisions ambiguous.
        let clash = try CommandLineTests.run(["policy", "adopt", "--db", desk.db, "--org", "demo-hotel",
                                              desk.write("c.toml", std.replacingOccurrences(of: "minutes_threshold = 30", with: "minutes_threshold = 25"))])
        #expect(clash.status == 1 && clash.err.contains("standard/2 is the shipped policy's id and version"))
    }
}


/// Counterparties: linked to cases, warned or banned until a day by a supervisor, lapsing on their own.
@Suite("mado counterparty", .serialized)
struct CounterpartyCommandTests {
    @Test("link, ban until a day, show it on the case, lift it; refusals name the field")
    func standing() throws {
        let desk = try CommandLineTests.Desk()
        let l = try CommandLineTests.run(["counterparty", "link", "C-000002", "--db", desk.db, "--label", "60代男性、常連"])
        #expect(l.status == 0, "\(l.err)")
        let subject = try #require(l.out.split(separator: " ").first.map(String.init))
        let again = try CommandLineTests.run(["counterparty", "link", "C-000003", "--db", desk.db, "--label", "同じ男性", "--subject", subject])
        #expect(again.status == 0 && again.out.contains("linked to C-000003"))
        let until = LocalDate(japanTime: Date()).adding(days: 90).description
        let ban = try CommandLineTests.run(["counterparty", "standing", subject, "--db", desk.db, "--set", "banned", "--until", until,
                                            "--reason", "三度の退去命令に従わなかった"])
        #expect(ban.status == 0 && ban.out.contains("banned until \(until)"), "\(ban.err)")
        let show = try CommandLineTests.run(["show", "C-000003", "--db", desk.db])
        #expect(show.out.contains("\(subject)  banned until \(until)"))
        let list = try CommandLineTests.run(["counterparty", "list", "--db", desk.db])
        #expect(list.out.contains("\(subject)  banned until \(until)  C-000002 C-000003  同じ男性"))
        // Refusals: past day, no day, not a counterparty, lifting with a day.
        let past = try CommandLineTests.run(["counterparty", "standing", subject, "--db", desk.db, "--set", "warned", "--until", "2020-01-01", "--reason", "x"])
        #expect(past.status == 1 && past.err.contains("until: 2020-01-01 is already past"))
        let noDay = try CommandLineTests.run(["counterparty", "standing", subject, "--db", desk.db, "--set", "warned", "--reason", "x"])
        #expect(noDay.status == 1 && noDay.err.contains("a warning or ban needs its last day"))
        let applicant = try #require(try CommandLineTests.run(["subject", "list", "--case", "C-000003", "--db", desk.db]).out
            .split(separator: "\n").first { $0.contains("applicant") }?.split(separator: " ").first.map(String.init))
        let wrong = try CommandLineTests.run(["counterparty", "standing", applicant, "--db", desk.db, "--set", "warned", "--until", until, "--reason", "x"])
        #expect(wrong.status == 1 && wrong.err.contains("subject must be a counterparty"))
        let lift = try CommandLineTests.run(["counterparty", "standing", subject, "--db", desk.db, "--set", "none", "--reason", "和解した"])
        #expect(lift.status == 0)
        #expect(try CommandLineTests.run(["show", "C-000003", "--db", desk.db]).out.contains("\(subject)  no warning or ban"))
    }
}

/// `mado org`: registering the organizations a desk serves, without the demo.
@Suite("mado org", .serialized)
struct OrgCommandTests {
    @Test("register, list and show an organization; a hand-over there uses its stores and closed days")
    func register() throws {
        let desk = try CommandLineTests.Desk(demo: false)
        let add = try CommandLineTests.run(["org", "add", "city-hall", "--db", desk.db, "--name", "みどり市役所", "--report-to", "市民課 課長",
                                            "--branch", "本庁舎:1階窓口,2階窓口", "--branch", "北支所", "--closed", "12-29..01-03",
                                            "--closed", "08-15", "--retention-years", "5"])
        #expect(add.status == 0 && add.out.contains("organization city-hall registered"), "\(add.err)")
        let list = try CommandLineTests.run(["org", "list", "--db", desk.db])
        #expect(list.out.contains("みどり市役所  id city-hall  2 branch(es), 2 store(s)  policy standard/2"), "\(list.out)")
        let show = try CommandLineTests.run(["org", "show", "city-hall", "--db", desk.db])
        #expect(show.out.contains("(id: city-hall)") && show.out.contains("reports to   市民課 課長 (in Japanese)") && show.out.contains("closed days  12-29..01-03,08-15")
                && show.out.contains("retention    5 year(s)") && show.out.contains("本庁舎: 1階窓口, 2階窓口"))
        let h = try CommandLineTests.run(["handover", "--db", desk.db, "--org", "city-hall", "--branch", "本庁舎", "--store", "2階窓口",
                                          "--complaint", "窓口で大声", "--yes", "shoutingOrAbuse"])
        #expect(h.status == 0 && h.out.contains("根拠: 差別的な発言、過大な金銭の要求"), "\(h.err)")
        let again = try CommandLineTests.run(["org", "add", "city-hall", "--db", desk.db, "--name", "x", "--report-to", "y"])
        #expect(again.status == 1 && again.err.contains("city-hall is already registered"))
    }

    @Test("bad organization input is refused by name", arguments: [
        (["Bad_ID", "--name", "x", "--report-to", "y"], "the id must be 1-40 lowercase letters"),
        (["ok", "--name", "a\u{1B}[2J", "--report-to", "y"], "--name must be 1-200 printable characters on one line"),
        (["ok", "--name", "x", "--report-to", "y", "--closed", "13-01"], "--closed 13-01 is not MM-DD"),
        (["ok", "--name", "x", "--report-to", "y", "--branch", "A", "--branch", "A"], "--branch A is given twice"),
        (["ok", "--name", "x", "--report-to", "y", "--retention-years", "0"], "--retention-years must be 1 to 30"),
    ])
    func refusals(_ args: [String], _ message: String) throws {
        let desk = try CommandLineTests.Desk(demo: false)
        let r = try CommandLineTests.run(["org", "add"] + args + ["--db", desk.db])
        #expect(r.status == 64 && r.err.contains(message), "\(r.err)")
        #expect(!r.err.contains("\u{1B}"))
    }
}

/// The answering machine: a transcription with the recording's reference and time becomes a case, once.
@Suite("mado transcribe", .serialized)
struct TranscribeCommandTests {
    @Test("a message becomes a case on the answering-machine channel; typing it in again is not a second case")
    func message() throws {
        let desk = try CommandLineTests.Desk()
        let args = ["transcribe", "--db", desk.db, "--org", "demo-rail", "--recording", "AM-2026-1124-07",
                    "--at", "2026-11-24T22:15:00+09:00", "--text", "昨日の駅員の態度について、上司から電話がほしい。"]
        let first = try CommandLineTests.run(args)
        #expect(first.status == 0, "\(first.err)")
        let id = first.out.trimmingCharacters(in: .whitespacesAndNewlines)
        let before = try desk.events()
        let again = try CommandLineTests.run(args)
        #expect(again.status == 0 && again.out.trimmingCharacters(in: .whitespacesAndNewlines) == id)
        let after = try desk.events()
        #expect(again.err.contains("already taken in as case \(id)") && after == before)
        let show = try CommandLineTests.run(["show", id, "--db", desk.db])
        #expect(show.out.contains("answering machine") && show.out.contains("上司から電話がほしい") && show.out.contains("2026-11-24 22:15 JST"))
        // Another recording with the same words is another message.
        var other = args
        other[other.firstIndex(of: "AM-2026-1124-07")!] = "AM-2026-1124-08"
        let second = try CommandLineTests.run(other)
        #expect(second.status == 0 && second.out.trimmingCharacters(in: .whitespacesAndNewlines) != id)
        let bad = try CommandLineTests.run(["transcribe", "--db", desk.db, "--org", "demo-rail", "--recording", "x", "--at", "yesterday", "--text", "t"])
        #expect(bad.status == 64 && bad.err.contains("--at must be an ISO 8601 time"))
    }
}
