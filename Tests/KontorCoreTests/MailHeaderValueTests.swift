import Foundation
import KontorCore
import Testing

/// The one rule for values that reach a mail header, and for the literal text of invoice number formats.
struct MailHeaderValueTests {
    @Test(arguments: [
        "x@y.de>\r\nBcc: attacker@evil.example", "x@y.de\nBcc: a@b.c", "x@y.de\rBcc: a@b.c", "a b@c.de", "<a@b.de>",
        "a@b.de, c@d.de", "a@b.de;c@d.de", "x@y.de\u{2028}Bcc: a@b.c", "x@y.de\u{85}", "a\u{0}@b.de", "@b.de", "a@b",
        "a@@b.de", "a@.de", "a@b.de.",
    ])
    func unsafeAddressesAreRefused(_ text: String) {
        #expect(throws: InputError.self) { _ = try EmailAddress(text) }
    }

    @Test(arguments: ["info@nord.example", "jana.berg+kontor@blickfang.de", "müller@bäckerei.de", " a@b.de "])
    func ordinaryAddressesPass(_ text: String) throws {
        #expect(try EmailAddress(text).text == text.trimmingCharacters(in: .whitespaces))
    }

    @Test func namesMustBeOneLine() throws {
        #expect(throws: InputError.self) { _ = try SingleLineText("Eve\r\nBcc: a@b.c", what: .customerName) }
        #expect(throws: InputError.self) { _ = try SingleLineText("Eve\tGmbH", what: .customerName) }
        #expect(try SingleLineText("Müller & Söhne \"Büro\" GmbH", what: .customerName).text.hasPrefix("Müller"))
        #expect(SingleLineText.visible("a\r\nb") == "a\\r\\nb")
    }

    @Test func customersAndProfilesUseTheRule() {
        let day = Day("2026-03-02")!
        #expect(throws: InputError.self) {
            _ = try Customer(name: "Eve", email: "x@y.de>\r\nBcc: a@b.c", createdOn: day).checkedInput()
        }
        #expect(throws: InputError.self) {
            _ = try Customer(name: "Eve\nBcc: a@b.c", email: "eve@evil.example", createdOn: day).checkedInput()
        }
        #expect(throws: InputError.self) {
            _ = try BusinessProfile(name: "Kontor", email: "a@b.de\r\nReply-To: x@evil.example").checkedInput()
        }
    }

    @Test(arguments: ["RE/{YYYY}/{NNNN}", "{YYYY}..{NNNN}", "..{NNNN}", ".{NNNN}", "RE\r\n{NNNN}", "RE {NNNN}",
                      "RE\\{NNNN}", "Ä-{NNNN}", "{NNNN}:{YY}"])
    func unsafeNumberFormatsAreRefused(_ pattern: String) {
        #expect(throws: InputError.self) { _ = try InvoiceNumberFormat(pattern) }
    }

    @Test func safeNumberFormatsPass() throws {
        let format = try InvoiceNumberFormat("RE-{YYYY}_{MM}.{NNNN}")
        #expect(format.number(counter: 7, on: Day("2026-03-02")!) == "RE-2026_03.0007")
    }
}
