import Foundation
import Testing
import KontorCore
@testable import KontorDocuments

/// The letters and the dossier written from one `DunningCase` (issue 13 items 6, 7, 9, 10).
/// 1.190,00 € issued Mon 2026-01-05 to a business in Köln, due Mon 2026-01-19; base rate 1,27 %.
struct DunningLetterTests {
    static let issueDay = Day("2026-01-05")!

    static func customer(_ language: Language = .de) -> Customer {
        Customer(id: 7, name: "Agentur Blickfang GmbH",
                 address: PostalAddress(street: "Ehrenstraße 44", postalCode: "50672", city: "Köln", state: .NW),
                 email: "jana@blickfang.de", language: language, createdOn: issueDay)
    }

    static func invoice(termAgreed: Bool = false) throws -> Invoice {
        let profile = BusinessProfile(
            name: "Lena", address: PostalAddress(street: "Weg 2", postalCode: "50674", city: "Köln"), vatId: "DE123456789")
        let line = DocumentLine(description: "Texte", quantity: Quantity(1), unit: .flat,
                                unitPrice: UnitPrice(tenThousandths: 10_000_000), vatRate: .standard)
        var invoice = try Invoice(id: 1, customerId: 7, draftedOn: issueDay, paymentTermDays: 14, termAgreed: termAgreed,
                                  lines: [line])
            .issued(number: "2026-0001", on: issueDay, customer: customer(), profile: profile)
        invoice.id = 1
        return invoice
    }

    static func text(
        _ step: DunningStep, on day: String, sent: [DunningStep: Day], invoice: Invoice? = nil, notes: [Note] = [],
        payments: [Payment] = [], charges: [DunningCharge] = [], language: Language = .de
    ) throws -> (claim: DunningCase, body: String) {
        let claim = try DunningCase.assemble(
            step, invoice: try invoice ?? Self.invoice(), customer: customer(language), sent: sent, notes: notes,
            payments: payments, charges: charges, policy: DunningPolicy(), baseRates: .standard, today: Day(day)!,
            delivery: .email)
        return (claim, try DunningComposer.compose(claim) { _ in nil }.body)
    }

    static let sent: [DunningStep: Day] = [.inquiry: Day("2026-01-26")!, .firstNotice: Day("2026-02-09")!,
                                           .secondNotice: Day("2026-03-05")!]

    /// § 367 BGB: a payment after charges were claimed is credited to costs, then interest, then the invoice; the
    /// letter says so in plain words, in German and English (issue 13 item 6).
    @Test func aPaymentIsStatedWithItsAllocation() throws {
        let payment = Payment(id: 1, invoiceId: 1, customerId: 7, amount: Money(cents: 50_000),
                              receivedOn: Day("2026-03-10")!, toCosts: Money(cents: 4_000), toInterest: Money(cents: 1_272))
        var sent = Self.sent
        sent[.secondNotice] = nil
        sent[.firstNotice] = Day("2026-03-05")!  // a payment after the letter before the 2. Mahnung
        let german = try Self.text(.secondNotice, on: "2026-03-20", sent: sent, payments: [payment]).body
        #expect(german.contains("Am 10.03.2026 sind 500,00 € eingegangen"))
        #expect(german.contains("40,00 € auf die Mahnkosten und die Verzugspauschale, 12,72 € auf die Verzugszinsen "
            + "und 447,28 € auf den Rechnungsbetrag"))
        #expect(!german.contains("keine Zahlung eingegangen"))
        let english = try Self.text(.secondNotice, on: "2026-03-20", sent: sent, payments: [payment], language: .en).body
        #expect(english.contains("On 10.03.2026 I received €500.00") || english.contains("On 10/03/2026")
            || english.contains("I received"))
        #expect(english.contains("towards the default interest") && !english.contains("no payment has arrived"))
    }

    /// Mahnantrag (issue 13 item 7): worked-out interest up to the last payment, running interest on the rest from
    /// the next day. Figures: see DunningCaseTests.theDossierSplitsInterestAtThePartialPayment (1,68 € and 742,72 €
    /// from 11.03.2026).
    @Test func theDossierListsEachPrincipalPartWithItsOwnStart() throws {
        let charges = [
            DunningCharge(id: 1, invoiceId: 1, customerId: 7, kind: .interest, amount: Money(cents: 1_272),
                          arisenOn: Day("2026-03-05")!),
            DunningCharge(id: 2, invoiceId: 1, customerId: 7, kind: .lumpSum, amount: Money(cents: 4_000),
                          arisenOn: Day("2026-03-05")!),
        ]
        let payment = Payment(id: 1, invoiceId: 1, customerId: 7, amount: Money(cents: 50_000),
                              receivedOn: Day("2026-03-10")!, toCosts: Money(cents: 4_000), toInterest: Money(cents: 1_272))
        let (claim, _) = try Self.text(.handover, on: "2026-03-26", sent: Self.sent, payments: [payment], charges: charges)
        let letter = claim.letter(subject: "s", body: "b")
        let lines = DossierDocument.lines(DossierFacts(
            seller: BusinessProfile(name: "Lena"), dunningCase: claim, letter: letter, timeline: [],
            limitationEnd: Day("2029-12-31")!))
        #expect(lines.contains("Hauptforderung: Dienstleistungs-/Werkvertrag gemäß Rechnung 2026-0001 vom 05.01.2026, "
            + "offen 742,72 €"))
        #expect(lines.contains("Laufende Zinsen: aus 742,72 €, 9 Prozentpunkte über dem jeweiligen Basiszinssatz ab "
            + "11.03.2026 (bis 26.03.2026: 3,34 €)"))
        #expect(lines.contains("Nebenforderung: ausgerechnete Zinsen vom 27.01.2026 bis 10.03.2026, 1,68 € "
            + "(nach Abzug gezahlter Zinsen)"))
        // Nothing runs from the original start any more, and the paid lump sum is not claimed again.
        #expect(!lines.contains { $0.contains("ab 27.01.2026") } && !lines.contains { $0.contains("Verzugspauschale") })
    }

    /// After a settled dispute the next letter says so instead of "no payment since my inquiry" (issue 13 item 9).
    @Test func theLetterAfterASettledObjectionAcknowledgesIt() throws {
        let notes = [
            Note(id: 1, customerId: 7, writtenOn: Day("2026-01-28")!, text: "Einwand", kind: .objection, invoiceId: 1),
            Note(id: 2, customerId: 7, writtenOn: Day("2026-03-02")!, text: "Geklärt", kind: .objectionResolved,
                 invoiceId: 1),
        ]
        let body = try Self.text(.firstNotice, on: "2026-03-16", sent: [.inquiry: Day("2026-01-26")!], notes: notes).body
        #expect(body.hasPrefix("wir haben Ihre Einwände zu meiner Rechnung 2026-0001 am 02.03.2026 geklärt"))
        #expect(!body.contains("noch keine Zahlung") && !body.contains("nicht beanstandet"))
        // Settled before the inquiry went out: the inquiry says so too.
        let inquiry = try Self.text(.inquiry, on: "2026-03-16", sent: [:], notes: notes).body
        #expect(inquiry.contains("Schön, dass wir Ihre Einwände zu dieser Rechnung am 02.03.2026 klären konnten."))
        let english = try Self.text(.inquiry, on: "2026-03-16", sent: [:], notes: notes, language: .en).body
        #expect(english.contains("settle your concerns about this invoice"))
    }

    /// § 286 Abs. 2 Nr. 2 BGB for an agreed term counted from the invoice date (LAW.md 3.1), and the inquiry asks
    /// for payment by a date so that it is the demand that starts default (LAW.md 3 (a); issue 13 item 10).
    @Test func anAgreedTermIsCitedAsNumberTwoAndTheInquiryAsksForPayment() throws {
        let agreed = try Self.invoice(termAgreed: true)
        let second = try Self.text(.secondNotice, on: "2026-03-05", sent: Self.sent, invoice: agreed).body
        #expect(second.contains("vereinbartes Zahlungsziel von 14 Tagen ab Rechnungsdatum, § 286 Abs. 2 Nr. 2 BGB"))
        #expect(!second.contains("Nr. 1"))
        let inquiry = try Self.text(.inquiry, on: "2026-01-26", sent: [:]).body
        #expect(inquiry.contains("den offenen Betrag von 1.190,00 € bis zum 02.02.2026 auf das unten genannte Konto "
            + "überweisen"))
        #expect(inquiry.contains("Gut möglich"))  // still the friendly tone
        let english = try Self.text(.inquiry, on: "2026-01-26", sent: [:], language: .en).body
        #expect(english.contains("transfer the outstanding") && english.contains("by"))
    }
}
