import DeskApp
import DeskDomain
import Foundation
import Testing

/// The phone, e-mail and URL the leaflet prints, and an organization's printer: recorded as events, read back folded.
@Suite("contact details")
struct ContactTests {
    @Test("an organization's own details come first, the desk's fill the rest; the printer is the organization's only")
    func folded() throws {
        let w = try World()
        let sup = w.desk(.supervisor)
        try sup.setContact(ContactSet(phone: "03-1111-2222", email: "desk@example.jp", url: "https://desk.example.jp"), of: nil)
        try sup.setContact(ContactSet(phone: "03-3333-4444", printer: "front-desk"), of: "demo-hotel")
        #expect(try w.desk(.staff).contact(of: "demo-hotel")
                == ContactDetails(phone: "03-3333-4444", email: "desk@example.jp", url: "https://desk.example.jp", printer: "front-desk"))
        #expect(try sup.contact(of: nil) == ContactDetails(phone: "03-1111-2222", email: "desk@example.jp", url: "https://desk.example.jp"))
        // A later event changes only what it names; "" clears.
        try sup.setContact(ContactSet(phone: "", url: "https://hotel.example.jp/form"), of: "demo-hotel")
        #expect(try sup.contact(of: "demo-hotel")
                == ContactDetails(phone: "03-1111-2222", email: "desk@example.jp", url: "https://hotel.example.jp/form", printer: "front-desk"))
        #expect(w.log.stored.filter { if case .contactSet = $0.envelope.event { true } else { false } }.count == 3)
    }

    @Test("bad values are refused naming the field and what it must be; nothing is recorded",
          arguments: [
              (ContactSet(phone: "call me"), "--phone must be a phone number: digits, spaces, '+', '-' and parentheses, with 3 or more digits"),
              (ContactSet(phone: "12"), "--phone must be a phone number: digits, spaces, '+', '-' and parentheses, with 3 or more digits"),
              (ContactSet(email: "desk.example.jp"), "--email must be an e-mail address such as desk@example.jp"),
              (ContactSet(email: "a b@example.jp"), "--email must be an e-mail address such as desk@example.jp"),
              (ContactSet(url: "javascript:alert(1)"), "--url must be an http:// or https:// address with a host, without spaces"),
              (ContactSet(url: "https://"), "--url must be an http:// or https:// address with a host, without spaces"),
              (ContactSet(printer: "lp; rm -rf"), "--printer must be a printer name (letters, digits, '-', '_', '.') or an absolute directory for the leaflet files"),
              (ContactSet(phone: String(repeating: "1", count: 31)), "--phone is 31 characters; the limit is 30"),
          ])
    func refused(_ change: ContactSet, _ message: String) throws {
        let w = try World()
        let before = w.log.stored.count
        #expect(throws: (any Error).self) { try w.desk(.supervisor).setContact(change, of: "demo-hotel") }
        do { try w.desk(.supervisor).setContact(change, of: "demo-hotel") } catch { #expect(String(describing: error) == message) }
        #expect(w.log.stored.count == before)
    }

    @Test("only supervisors set them; an unknown organization and the desk's printer are refused")
    func who() throws {
        let w = try World()
        #expect(throws: DeskError.notAllowed(.registerOrganization, role: .operator)) {
            try w.desk(.operator).setContact(ContactSet(phone: "03-1111-2222"), of: "demo-hotel")
        }
        #expect(throws: DeskError.self) { try w.desk(.supervisor).setContact(ContactSet(phone: "03-1111-2222"), of: "no-such-org") }
        #expect(throws: InputError.self) { try w.desk(.supervisor).setContact(ContactSet(printer: "x"), of: nil) }
        #expect(throws: InputError.missing("one of --phone, --email, --url or --printer")) {
            try w.desk(.supervisor).setContact(ContactSet(), of: "demo-hotel")
        }
    }
}
