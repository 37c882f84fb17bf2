import DeskDomain
import Foundation

/// How the leaflet tells people to reach the desk, and where a counter's leaflets are printed.
public struct ContactDetails: Hashable, Sendable {
    public var phone: String?
    public var email: String?
    public var url: String?
    /// A printer name for `lp -d`, or an absolute directory the leaflet file is written to.
    public var printer: String?
    public init(phone: String? = nil, email: String? = nil, url: String? = nil, printer: String? = nil) {
        self.phone = phone
        self.email = email
        self.url = url
        self.printer = printer
    }

    /// The contact after `change`: a given field replaces, "" clears.
    public func applying(_ change: ContactSet) -> ContactDetails {
        func pick(_ new: String?, _ old: String?) -> String? { new.map { $0.isEmpty ? nil : $0 } ?? old }
        return ContactDetails(phone: pick(change.phone, phone), email: pick(change.email, email), url: pick(change.url, url),
                              printer: pick(change.printer, printer))
    }

    /// The leaflet's lines for reaching the desk, in its language; none for what is not set.
    public func leafletLines(_ lang: Language) -> [String] {
        let ja = lang == .ja
        return [(ja ? "電話" : "Phone", phone), (ja ? "電子メール" : "E-mail", email), (ja ? "Web 受付フォーム" : "Web form", url)]
            .compactMap { label, v in v.map { "\(label): \(Sanitizer.visible($0))" } }
    }

    /// The organization's own details where it has them, the desk's for the rest. The printer is the organization's
    /// only: the desk-wide one is the console's setting (config.toml, `MADO_PRINTER`).
    public func over(_ desk: ContactDetails) -> ContactDetails {
        ContactDetails(phone: phone ?? desk.phone, email: email ?? desk.email, url: url ?? desk.url, printer: printer)
    }
}

extension ContactSet {
    /// Every field checked; the error names the option (`--phone`) and what it must be, never the value.
    public func validate() throws(InputError) {
        func check(_ v: String?, _ field: String, limit: Int, expected: String, _ ok: (String) -> Bool) throws(InputError) {
            guard let v, !v.isEmpty else { return }        // "" clears the field
            if v.contains("\0") { throw .nul(field) }
            if v.count > limit { throw .tooLong(field, limit: limit, actual: v.count) }
            if Sanitizer.visible(v) != v || !ok(v) { throw .invalid(field, expected: expected) }
        }
        try check(phone, "--phone", limit: 30, expected: "a phone number: digits, spaces, '+', '-' and parentheses, with 3 or more digits") { v in
            v.allSatisfy { $0.isASCII && ($0.isNumber || " +-()".contains($0)) } && v.filter(\.isNumber).count >= 3
        }
        try check(email, "--email", limit: 254, expected: "an e-mail address such as desk@example.jp") { v in
            let parts = v.split(separator: "@", omittingEmptySubsequences: false)
            return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
                && v.allSatisfy { $0.isASCII && !$0.isWhitespace }
        }
        try check(url, "--url", limit: 300, expected: "an http:// or https:// address with a host, without spaces") { v in
            guard v.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else { return false }
            for scheme in ["https://", "http://"] where v.lowercased().hasPrefix(scheme) {
                return !(v.dropFirst(scheme.count).split(separator: "/").first ?? "").isEmpty
            }
            return false
        }
        try check(printer, "--printer", limit: 200,
                  expected: "a printer name (letters, digits, '-', '_', '.') or an absolute directory for the leaflet files") { v in
            v.hasPrefix("/") || v.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.@".contains($0)) }
        }
    }

    public var isEmpty: Bool { phone == nil && email == nil && url == nil && printer == nil }
}

extension Desk {
    /// The contact details of an organization as the leaflet prints them (its own, else the desk's), or the desk's
    /// own with nil. Anyone who hands over or lists organizations may read them: they are printed for customers.
    public func contact(of org: OrganizationID?) throws -> ContactDetails {
        try require(.listOrganizations)
        let desk = try folded(.desk)
        guard let org else { return desk }
        return try folded(org.streamID).over(desk)
    }

    /// Sets an organization's contact details and printer, or the desk's own (nil): supervisors, as they register
    /// organizations. Validated first; nothing given records nothing.
    public func setContact(_ change: ContactSet, of org: OrganizationID?) throws {
        try require(.registerOrganization)
        try change.validate()
        guard !change.isEmpty else { throw InputError.missing("one of --phone, --email, --url or --printer") }
        if org == nil, change.printer != nil {
            throw InputError.invalid("--printer", expected: "set per organization; the desk-wide printer is the console's setting (MADO_PRINTER)")
        }
        if let org, try reads.organization(org) == nil { throw try unknownOrganization(org) }
        try appendToOwnStream([.contactSet(change)], org?.streamID ?? .desk)
    }

    private func folded(_ stream: StreamID) throws -> ContactDetails {
        try log.load(stream, after: 0, visibility: .none).reduce(ContactDetails()) { c, e in
            if case .contactSet(let s) = e.event { c.applying(s) } else { c }
        }
    }
}
