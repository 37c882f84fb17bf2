import DeskApp
import DeskDomain
import DeskIntake
@testable import DeskTUI
import Foundation
import Testing

/// Issue 17: every character that can be stored can be drawn. Each class of character that draws nothing (or joins and
/// hides its neighbour) goes in through every channel that takes text, and the case is drawn whole at 80×24 and 160×48
/// as the console draws it: no trap, no such character in a cell, a visible marker instead.
@Suite("characters that draw nothing, through every channel", .serialized)
struct HiddenCharacterTests {
    struct Sample: Sendable, CustomTestStringConvertible {
        let name: String
        /// Put at the start of the text (where a selector or a mark has nothing to draw on) and again after a letter.
        let raw: String
        /// What must appear on the screen instead.
        let shown: String
        /// Controls: only the channels that let them in.
        var control = false
        var testDescription: String { name }
    }

    static let samples: [Sample] = [
        Sample(name: "zero-width space U+200B", raw: "\u{200B}", shown: "<U+200B>"),
        Sample(name: "zero-width non-joiner U+200C", raw: "\u{200C}", shown: "<U+200C>"),
        Sample(name: "zero-width joiner U+200D", raw: "\u{200D}", shown: "<U+200D>"),
        Sample(name: "word joiner U+2060", raw: "\u{2060}", shown: "<U+2060>"),
        Sample(name: "byte order mark U+FEFF", raw: "\u{FEFF}", shown: "<U+FEFF>"),
        Sample(name: "Mongolian vowel separator U+180E", raw: "\u{180E}", shown: "<U+180E>"),
        Sample(name: "soft hyphen U+00AD", raw: "\u{AD}", shown: "<U+00AD>"),
        Sample(name: "Arabic letter mark U+061C", raw: "\u{61C}", shown: "<U+061C>"),
        Sample(name: "bidi marks U+200E U+200F", raw: "\u{200E}\u{200F}", shown: "<U+200E><U+200F>"),
        Sample(name: "bidi embeddings and overrides U+202A-U+202E", raw: "\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}",
               shown: "<U+202A><U+202B><U+202C><U+202D><U+202E>"),
        Sample(name: "bidi isolates U+2066-U+2069", raw: "\u{2066}\u{2067}\u{2068}\u{2069}", shown: "<U+2066><U+2067><U+2068><U+2069>"),
        Sample(name: "language tag U+E0001", raw: "\u{E0001}", shown: "<U+E0001>"),
        Sample(name: "TAG characters U+E0020-U+E007F", raw: "\u{E0020}\u{E0068}\u{E0069}\u{E007F}",
               shown: "<U+E0020><U+E0068><U+E0069><U+E007F>"),
        Sample(name: "Prepend U+0600", raw: "\u{600}", shown: "<U+0600>"),
        Sample(name: "Prepend U+110BD", raw: "\u{110BD}", shown: "<U+110BD>"),
        Sample(name: "a variation selector alone", raw: "\u{FE0F}", shown: "<U+FE0F>"),
        Sample(name: "an ideographic variation selector alone", raw: "\u{E0100}", shown: "<U+E0100>"),
        Sample(name: "a lone combining mark", raw: "\u{301}", shown: "\u{25CC}\u{301}"),
        Sample(name: "Hangul filler U+3164", raw: "\u{3164}", shown: "<U+3164>"),
        Sample(name: "C0 escape and bell", raw: "\u{1B}]0;x\u{07}", shown: "␛]0;x␇", control: true),
        Sample(name: "C1 next line and CSI", raw: "\u{85}\u{9B}", shown: "<U+0085><U+009B>", control: true),
        Sample(name: "tab", raw: "\t", shown: "␉"),
    ]

    enum Channel: String, CaseIterable, Sendable {
        case webForm, email, answeringMachine, counter, note
        /// E-mail refuses controls other than tab and line ends; the others take them (and keep them sealed as given).
        func takes(_ s: Sample) -> Bool { self != .email || !s.control }
    }

    static func text(_ s: Sample) -> String { s.raw + "冒頭 / 途中に" + s.raw + "あり" }

    /// Stores `text` through `channel`; returns the case to look at.
    static func store(_ text: String, through channel: Channel, in desk: Desk) throws -> CaseID {
        func new(_ outcome: IntakeOutcome) throws -> CaseID {
            guard case .new(let id, _, _) = outcome else { throw Refusal(message: "not a new case: \(outcome)") }
            return id
        }
        switch channel {
        case .webForm:
            // A name is one line: controls only in the free text.
            let name = text.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\t" } ? "山田" : text
            let json = #"{"form":"mado.webform/1","organization":"demo-hotel","applicant":{"anonymous":false,"name":"#
                + jsonString(name) + #"},"complaint":"# + jsonString(text) + #","requests":"# + jsonString(text)
                + #","feedbackWanted":false,"language":"ja"}"#
            return try new(desk.takeIn(Submission(webForm: try WebFormParser.parse(Data(json.utf8)))))
        case .email:
            let mail = "From: sender@example.jp\nSubject: 件名\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
                + "Content-Transfer-Encoding: 8bit\n\n" + text + "\n"
            return try new(desk.takeIn(Submission(email: try EmailParser.parse(Data(mail.utf8)), organization: "demo-hotel")))
        case .answeringMachine:
            return try new(desk.takeIn(Submission(answeringMachine: "rec-\(UUID().uuidString.prefix(8))",
                                                  at: "2026-11-24T22:15:00+09:00", text: text, organization: "demo-hotel")))
        case .counter:
            return try desk.handOver(CounterReport(organization: "demo-hotel", complaint: text, words: text, demand: text)).id
        case .note:
            let id = try new(desk.takeIn(Submission(answeringMachine: "rec-\(UUID().uuidString.prefix(8))",
                                                    at: "2026-11-24T22:15:00+09:00", text: "メモの土台", organization: "demo-hotel")))
            try desk.act(.addNote(text), on: id)
            return id
        }
    }

    struct Refusal: Error { let message: String }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0..<0x20: out += String(format: "\\u%04x", u.value)
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    /// The console's frame with `id` selected and its case pane scrolled to each line that holds the marker.
    static func frames(of id: CaseID, _ desk: DemoDesk, size: Size, shown: String) throws -> [Screen] {
        var m = try desk.model(size, .ja, focus: size.width < 120 ? .detail : .queue)
        m.selectedID = id
        _ = update(&m, .detailLoaded(try desk.desk.caseDetail(id)))
        let lines = m.caseLines.indices.filter { m.caseLines[$0].text.contains(shown) }
        #expect(!lines.isEmpty, "the case text holds no \(shown):\n\(m.caseLines.map(\.text).joined(separator: "\n"))")
        return [view(m)] + lines.map { line in
            m.detailScroll = max(0, min(line, m.caseMaxScroll))
            return view(m)
        }
    }

    static func check(_ s: Screen, _ sample: Sample, _ what: String) {
        // The backend's own check: it stops the run if a control or hidden character reached a cell.
        TestBackend(size: Size(width: s.width, height: s.height)).draw(s, previous: nil)
        let hidden = s.cells.flatMap(\.text.unicodeScalars).filter(Sanitizer.isHidden)
        #expect(hidden.isEmpty, "\(what): \(hidden.map(Sanitizer.marker))")
    }

    /// One demo desk for every sample (making one takes a second or two).
    @Test("each class, through every channel, is drawn at 80×24 and 160×48 as a visible marker")
    func drawn() throws {
        let desk = try DemoDesk()
        for sample in Self.samples {
            try drawn(sample, desk)
        }
    }

    func drawn(_ sample: Sample, _ desk: DemoDesk) throws {
        for channel in Channel.allCases where channel.takes(sample) {
            let id = try Self.store(Self.text(sample), through: channel, in: desk.desk)
            for size in [Size(width: 80, height: 24), Size(width: 160, height: 48)] {
                let what = "\(sample.name) by \(channel) at \(size.width)×\(size.height)"
                let screens = try Self.frames(of: id, desk, size: size, shown: sample.shown)
                for s in screens { Self.check(s, sample, what) }
                let drawn = screens.flatMap(\.textLines).joined(separator: "\n")
                #expect(drawn.contains(sample.shown), "\(what):\n\(screens.last.map { $0.textLines.joined(separator: "\n") } ?? "")")
                #expect(!drawn.unicodeScalars.contains { sample.raw.unicodeScalars.contains($0) && Sanitizer.isHidden($0) })
            }
        }
    }

    @Test("a case whose summary starts with such characters, at the top of the queue, opens and is drawn")
    func topOfQueue() throws {
        let desk = try DemoDesk()
        let text = Self.samples.map(\.raw).joined(separator: "x")
        let id = try desk.desk.handOver(CounterReport(organization: "demo-hotel", complaint: text, words: text)).id
        // At 300 columns the queue shows each case's summary too.
        for size in [Size(width: 80, height: 24), Size(width: 160, height: 48), Size(width: 300, height: 40)] {
            var m = try desk.model(size, .ja)
            // The first row, selected, as when the console opens on it.
            let row = try #require(m.rows.first { $0.id == id })
            m.rows = [row] + m.rows.filter { $0.id != id }
            m.selectedID = id
            _ = update(&m, .detailLoaded(try desk.desk.caseDetail(id)))
            let s = view(m)
            for sample in Self.samples { Self.check(s, sample, "queue at \(size.width)×\(size.height)") }
            let top = try #require(s.textLines.first { $0.hasPrefix("> ") })
            #expect(top.contains(id.description))
            if size.width >= 300 { #expect(top.contains("<U+200B>x<U+200C>x"), "\(top)") }
        }
    }
}
