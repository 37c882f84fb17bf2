import DeskApp
import DeskDomain
import DeskIntake
import Foundation

/// The reception's pages, rendered on the server: plain HTML forms that work without JavaScript, labelled for screen
/// readers, with each error next to its field. Everything the page needs comes from this server.
enum FormPage {
    /// What the applicant typed, to show it again beside the errors.
    typealias Values = [String: String]

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in Sanitizer.visibleLines(s) {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    private static func page(_ l: Language, title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="\(l.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>\(escape(title))</title>
        <link rel="stylesheet" href="/static/form.css">
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    /// The form, empty or with what was typed and the errors beside their fields.
    static func form(_ org: OrganizationDetails, language l: Language, token: String, values: Values = [:],
                     errors: [(field: String?, message: String)] = [], settings: ReceptionSettings) -> String {
        let w = FieldWriter(l: l, name: org.name, values: values, errors: errors)
        let branches = org.summary.branches
        var body = """
        \(w.languageLink())
        <h1>\(w.t(.title))</h1>
        <p>\(w.t(.intro))</p>
        <p>\(w.t(.noProgress))</p>
        <p class="notice">\(w.t(.threatNotice))</p>
        <p><a href="/\(escape(org.id.rawValue))/follow-up?lang=\(l.rawValue)">\(w.t(.followUpLink))</a></p>
        \(w.errorSummary())
        <form method="post" action="/\(escape(org.id.rawValue))/submissions" accept-charset="utf-8" enctype="multipart/form-data">
        \(w.hidden(token: token))
        \(w.area("complaint", .complaint, required: true, limit: IntakeLimits.complaint))
        \(w.area("requests", .requests, required: false, limit: IntakeLimits.requests))
        \(w.text("occurredAt", .occurredAt, type: "datetime-local", limit: 20))

        """
        if !branches.isEmpty {
            body += w.select("branch", .branch, options: branches.map { (nil, $0.name) })
            let stores = branches.flatMap { b in b.stores.map { (Optional(b.name), $0) } }
            if !stores.isEmpty { body += w.select("store", .store, options: stores) }
        }
        body += """
        \(w.text("staff.name", .staffName, limit: IntakeLimits.name))
        \(w.text("staff.characteristics", .staffCharacteristics, limit: IntakeLimits.characteristics))
        \(w.files(settings))
        <fieldset>
        <legend>\(w.t(.optionalContact))</legend>
        \(w.checkbox("applicant.anonymous", .anonymous))
        \(w.text("applicant.name", .name, limit: IntakeLimits.name, autocomplete: "name"))
        \(w.text("applicant.phone", .phone, type: "tel", limit: IntakeLimits.phone, autocomplete: "tel"))
        \(w.text("applicant.email", .email, type: "email", limit: IntakeLimits.email, autocomplete: "email"))
        \(w.checkbox("feedbackWanted", .feedbackWanted))
        </fieldset>
        <p><button type="submit">\(w.t(.send))</button></p>
        </form>
        """
        return page(l, title: ReceptionText.title.text(l, org.name), body: body)
    }

    /// What the applicant sees once it is in: the receipt and what happens next; no case id, no status.
    static func received(_ org: OrganizationDetails, language l: Language, receipt: Receipt?) -> String {
        func t(_ x: ReceptionText) -> String { escape(x.text(l, org.name)) }
        var body = "<h1>\(t(.receivedTitle))</h1>\n"
        if let receipt {
            body += "<p>\(t(.receiptIs)): <strong class=\"receipt\">\(receipt)</strong></p>\n<p>\(t(.keepReceipt))</p>\n"
        } else {
            body += "<p>\(t(.sameAgain))</p>\n"
        }
        body += "<p>\(t(.whatNext))</p>\n"
        body += "<p><a href=\"/\(escape(org.id.rawValue))/follow-up?lang=\(l.rawValue)\">\(t(.followUpLink))</a></p>\n"
        return page(l, title: ReceptionText.receivedTitle.text(l), body: body)
    }

    /// Adding to one's own case with the receipt: the number, more text, more files. Nothing about the case is shown.
    static func followUp(_ org: OrganizationDetails, language l: Language, token: String, values: Values = [:],
                         errors: [(field: String?, message: String)] = [], settings: ReceptionSettings) -> String {
        let w = FieldWriter(l: l, name: org.name, values: values, errors: errors)
        let body = """
        \(w.languageLink())
        <h1>\(w.t(.followUpTitle))</h1>
        <p>\(w.t(.followUpIntro))</p>
        <p>\(w.t(.noProgress))</p>
        \(w.errorSummary())
        <form method="post" action="/\(escape(org.id.rawValue))/follow-up" accept-charset="utf-8" enctype="multipart/form-data">
        \(w.hidden(token: token))
        \(w.text("receipt", .receiptIs, required: true, limit: 40, autocomplete: "off", inputMode: "numeric"))
        \(w.area("text", .followUpText, required: false, limit: IntakeLimits.complaint))
        \(w.files(settings))
        <p><button type="submit">\(w.t(.send))</button></p>
        </form>
        <p><a href="/\(escape(org.id.rawValue))/?lang=\(l.rawValue)">\(w.t(.newSubmissionLink))</a></p>
        """
        return page(l, title: ReceptionText.followUpTitle.text(l, org.name), body: body)
    }

    /// Added: said plainly, with no word about the case or where it stands.
    static func added(_ org: OrganizationDetails, language l: Language) -> String {
        func t(_ x: ReceptionText) -> String { escape(x.text(l, org.name)) }
        let body = "<h1>\(t(.addedTitle))</h1>\n<p>\(t(.addedBody))</p>\n<p>\(t(.whatNext))</p>\n"
        return page(l, title: ReceptionText.addedTitle.text(l), body: body)
    }

    /// A short page for refusals that are not about one field (too many, too large, not found).
    static func notice(_ l: Language, _ what: ReceptionText, back: String? = nil) -> String {
        notice(l, what.text(l), back: back)
    }

    static func notice(_ l: Language, _ message: String, back: String? = nil) -> String {
        var body = "<h1>\(escape(message))</h1>"
        if let back { body += "<p><a href=\"\(escape(back))\">\(l == .ja ? "フォームに戻る" : "Back to the form")</a></p>" }
        return page(l, title: message, body: body)
    }

    /// Readable on a phone and on paper; contrast above WCAG AA (the darkest grey used is #555 on white, 7.5:1).
    static let stylesheet = """
    body { font-family: system-ui, sans-serif; line-height: 1.6; color: #111; background: #fff; margin: 0; }
    main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
    h1 { font-size: 1.4rem; }
    .field, .check { margin: 1rem 0; }
    label { display: block; font-weight: bold; }
    .check label { display: inline; font-weight: normal; }
    input[type=text], input[type=tel], input[type=email], input[type=datetime-local], select, textarea {
      width: 100%; box-sizing: border-box; font: inherit; padding: .4rem; border: 2px solid #555; border-radius: 4px; }
    input:focus, select:focus, textarea:focus, button:focus { outline: 3px solid #0b57d0; outline-offset: 2px; }
    .need { color: #a00000; font-weight: normal; }
    .opt { color: #555; font-weight: normal; }
    .error { color: #a00000; font-weight: bold; margin: .2rem 0; }
    .errors { border: 3px solid #a00000; padding: .5rem 1rem; }
    .notice { border-left: 4px solid #555; padding-left: .5rem; }
    .receipt { font-size: 1.6rem; letter-spacing: .1em; }
    .trap { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
    button { font: inherit; padding: .6rem 1.4rem; background: #0b57d0; color: #fff; border: 0; border-radius: 4px; }
    fieldset { border: 1px solid #555; margin: 1rem 0; }
    .lang { text-align: right; }
    """
}

/// A page's fields: each labelled, with what was typed and its errors beside it, all escaped.
struct FieldWriter {
    let l: Language
    let name: String
    let values: FormPage.Values
    let errors: [(field: String?, message: String)]

    func t(_ x: ReceptionText) -> String { FormPage.escape(x.text(l, name)) }
    func value(_ f: String) -> String { FormPage.escape(values[f] ?? "") }
    func errorFor(_ f: String) -> String {
        let mine = errors.filter { $0.field == f }
        guard !mine.isEmpty else { return "" }
        return "<p class=\"error\" id=\"\(f)-error\">" + mine.map { FormPage.escape($0.message) }.joined(separator: "<br>") + "</p>"
    }
    func described(_ f: String) -> String {
        errors.contains { $0.field == f } ? " aria-invalid=\"true\" aria-describedby=\"\(f)-error\"" : ""
    }
    func text(_ f: String, _ label: ReceptionText, type: String = "text", required: Bool = false, limit: Int,
              autocomplete: String? = nil, inputMode: String? = nil) -> String {
        let need = required ? " <span class=\"need\">(\(t(.required)))</span>" : " <span class=\"opt\">(\(t(.optional)))</span>"
        let auto = (autocomplete.map { " autocomplete=\"\($0)\"" } ?? "") + (inputMode.map { " inputmode=\"\($0)\"" } ?? "")
        return """
        <div class="field">
        <label for="\(f)">\(t(label))\(need)</label>
        \(errorFor(f))<input id="\(f)" name="\(f)" type="\(type)" maxlength="\(limit)" value="\(value(f))"\(required ? " required" : "")\(auto)\(described(f))>
        </div>
        """
    }
    func area(_ f: String, _ label: ReceptionText, required: Bool, limit: Int) -> String {
        let need = required ? " <span class=\"need\">(\(t(.required)))</span>" : " <span class=\"opt\">(\(t(.optional)))</span>"
        return """
        <div class="field">
        <label for="\(f)">\(t(label))\(need)</label>
        \(errorFor(f))<textarea id="\(f)" name="\(f)" rows="8" maxlength="\(limit)"\(required ? " required" : "")\(described(f))>\(value(f))</textarea>
        </div>
        """
    }
    func checkbox(_ f: String, _ label: ReceptionText) -> String {
        """
        <div class="check">\(errorFor(f))<input id="\(f)" name="\(f)" type="checkbox" value="true"\(values[f] == "true" ? " checked" : "")\(described(f))>
        <label for="\(f)">\(t(label))</label></div>
        """
    }
    func select(_ f: String, _ label: ReceptionText, options: [(group: String?, name: String)]) -> String {
        var html = "<div class=\"field\"><label for=\"\(f)\">\(t(label)) <span class=\"opt\">(\(t(.optional)))</span></label>\(errorFor(f))"
        html += "<select id=\"\(f)\" name=\"\(f)\"\(described(f))><option value=\"\">\(t(.anyPlace))</option>"
        var group: String?
        for o in options {
            if o.group != group {
                if group != nil { html += "</optgroup>" }
                if let g = o.group { html += "<optgroup label=\"\(FormPage.escape(g))\">" }
                group = o.group
            }
            let selected = values[f] == o.name ? " selected" : ""
            html += "<option value=\"\(FormPage.escape(o.name))\"\(selected)>\(FormPage.escape(o.name))</option>"
        }
        if group != nil { html += "</optgroup>" }
        return html + "</select></div>"
    }

    /// The link to the same page in the other language.
    func languageLink() -> String {
        let other: Language = l == .ja ? .en : .ja
        return "<p class=\"lang\"><a href=\"?lang=\(other.rawValue)\" hreflang=\"\(other.rawValue)\" lang=\"\(other.rawValue)\">\(t(.otherLanguage))</a></p>"
    }

    /// Every problem at once, each a link to its field, read out first by screen readers.
    func errorSummary() -> String {
        guard !errors.isEmpty else { return "" }
        var html = "<div class=\"errors\" role=\"alert\"><h2>\(t(.errorsTitle))</h2><p>\(t(.fixBelow))</p><ul>"
        for e in errors {
            html += "<li>" + (e.field.map { "<a href=\"#\($0)\">\(FormPage.escape(e.message))</a>" } ?? FormPage.escape(e.message)) + "</li>"
        }
        return html + "</ul></div>"
    }

    /// The page's language, its token, and the field only bots fill in.
    func hidden(token: String) -> String {
        """
        <input type="hidden" name="language" value="\(l.rawValue)">
        <input type="hidden" name="token" value="\(FormPage.escape(token))">
        <div class="trap" aria-hidden="true"><label for="website">Website</label><input id="website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
        """
    }

    /// The file input, with what it takes and its limits said before choosing.
    func files(_ settings: ReceptionSettings) -> String {
        let invalid = errors.contains { $0.field == "attachments" }
        return """
        <div class="field">
        <label for="attachments">\(t(.attachments)) <span class="opt">(\(t(.optional)))</span></label>
        <p class="hint" id="attachments-hint">\(FormPage.escape(ReceptionText.attachmentsHint(settings, l)))</p>
        \(errorFor("attachments"))<input id="attachments" name="attachments" type="file" multiple accept="\(AttachmentType.acceptAttribute)" aria-describedby="attachments-hint\(invalid ? " attachments-error" : "")"\(invalid ? " aria-invalid=\"true\"" : "")>
        </div>
        """
    }
}
