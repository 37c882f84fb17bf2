import DeskApp
import DeskDomain
import DeskIntake
import Foundation
import HTTPTypes
import Hummingbird
import NIOPosix

/// `/{org}/follow-up`: an applicant adds text or files to their matter with the receipt they were given (on the web,
/// by e-mail, or on the counter's leaflet). It answers only "added" or "no such receipt", never anything about the case.
extension Reception {
    static let followUpFields: Set<String> = ["language", "token", "website", "receipt", "text"]

    func followUpForm(_ request: Request, _ context: ReceptionContext) async throws -> Response {
        let l = Self.language(request)
        guard let org = try await organization(context) else { return Self.html(.notFound, FormPage.notice(l, .notFound)) }
        return Self.html(.ok, FormPage.followUp(org, language: l, token: tokens.issue(at: clock(), org: org.id), settings: settings))
    }

    func followUp(_ request: Request, _ context: ReceptionContext) async throws -> Response {
        let incoming: Incoming
        switch try await receive(request, context) {
        case .failure(let refusal): return refusal.response
        case .success(let i): incoming = i
        }
        let (org, l) = (incoming.org, incoming.language)
        switch incoming.body {
        case .json(let bytes):
            guard let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any] else {
                return Self.json(.badRequest, errors: [(nil, ReceptionText.message(.notAnObject(what: "the body"), l).message)])
            }
            var fields: [String: String] = [:]
            var errors: [(field: String?, message: String)] = []
            for (k, v) in object.sorted(by: { $0.key < $1.key }) {
                guard ["receipt", "text"].contains(k) else { errors.append(ReceptionText.message(.unknownField(k), l)); continue }
                guard let s = v as? String else { errors.append(ReceptionText.message(.wrongType(k, expected: "a string"), l)); continue }
                fields[k] = s
            }
            if !errors.isEmpty { return Self.json(.badRequest, errors: errors) }
            return try await addFollowUp(fields, files: [], fileErrors: [], org: org, language: l, html: false)
        case .form(let fields, _):
            return try await addFollowUp(fields, files: [], fileErrors: [], org: org, language: l, html: true)
        case .multipart(let form):
            let (files, fileErrors) = Self.checkFiles(form.files, l)
            return try await addFollowUp(form.fields, files: files, fileErrors: fileErrors, org: org, language: l,
                                         html: incoming.html || form.fields["token"] != nil)
        }
    }

    /// Every field checked, all problems at once; then the addition, or the one answer a wrong number gets.
    private func addFollowUp(_ fields: [String: String], files: [Submission.Attachment], fileErrors: [(field: String?, message: String)],
                             org: OrganizationDetails, language: Language, html: Bool) async throws -> Response {
        let l = html ? fields["language"].flatMap(Language.init(rawValue:)) ?? language : language
        let hadFiles = !files.isEmpty || !fileErrors.isEmpty
        func refuse(_ errors: [(field: String?, message: String)], _ status: HTTPResponse.Status = .badRequest) -> Response {
            guard html else { return Self.json(status, errors: errors) }
            let errors = errors + (hadFiles ? [("attachments", ReceptionText.chooseFilesAgain.text(l))] : [])
            var values = fields
            values["token"] = nil
            return Self.html(status, FormPage.followUp(org, language: l, token: tokens.issue(at: clock(), org: org.id), values: values,
                                                       errors: errors, settings: settings))
        }
        if html {
            if !(fields["website"] ?? "").isEmpty { return refuse([(nil, ReceptionText.tryAgain.text(l))]) }
            switch tokens.check(fields["token"] ?? "", org: org.id, at: clock(), minimum: settings.minimumFillTime,
                                lifetime: settings.formLifetime) {
            case .ok: break
            case .tooFast: return refuse([(nil, ReceptionText.tooFast.text(l))])
            case .expired: return refuse([(nil, ReceptionText.tryAgain.text(l))])
            }
        }
        var errors: [(field: String?, message: String)] = []
        if let unknown = fields.keys.sorted().first(where: { !Self.followUpFields.contains($0) }) {
            errors.append(ReceptionText.message(.unknownField(unknown), l))
        }
        let typed = fields["receipt"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let receipt = Receipt(typed: typed)
        if typed.isEmpty {
            errors.append(ReceptionText.message(.missing("receipt"), l))
        } else if receipt == nil {
            errors.append(("receipt", ReceptionText.unknownReceipt.text(l)))
        }
        var text = fields["text"]?.trimmingCharacters(in: .whitespacesAndNewlines)
        if text?.isEmpty == true { text = nil }
        if let t = text {
            if t.unicodeScalars.contains("\0") {
                errors.append(ReceptionText.message(.nul("text"), l))
            } else if max(t.count, t.unicodeScalars.count / 4) > IntakeLimits.complaint {
                errors.append(ReceptionText.message(.tooLong("text", limit: IntakeLimits.complaint, actual: t.count), l))
            }
        }
        if text == nil, files.isEmpty, fileErrors.isEmpty { errors.append(("text", ReceptionText.textOrFile.text(l))) }
        errors += fileErrors
        guard errors.isEmpty, let receipt else { return refuse(errors) }
        let channel: Channel = .webForm
        let added = try await NIOThreadPool.singleton.runIfActive { [desk, text] in
            try desk.addFromApplicant(receipt: receipt, organization: org.id, text: text, attachments: files, channel: channel)
        }
        // The same answer for a number never given, an erased applicant's and another organization's: nothing is learnt.
        guard added != nil else { return refuse([("receipt", ReceptionText.unknownReceipt.text(l))]) }
        return html ? Self.html(.created, FormPage.added(org, language: l)) : Self.jsonBody(.created, ["added": true])
    }
}
