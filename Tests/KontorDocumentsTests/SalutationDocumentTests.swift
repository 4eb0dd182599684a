import Foundation
import KontorTestTools
import Testing

@testable import KontorCore
@testable import KontorDocuments

/// Issue 13 item 11: every letter, e-mail and reply greets and addresses the contact person through the one
/// function of `Customer` (DIN 5008: "Sehr geehrte Frau Dr. Wolff,", "Herrn Jonas Krume" in the window).
struct SalutationDocumentTests {
    let scratch = ScratchDirectory()

    var wolff: Customer {
        var customer = Samples.business
        customer.contactPerson = "Ines Wolff"
        customer.salutation = .frau
        customer.academicTitle = "Dr."
        return customer
    }

    var krume: Customer {
        var customer = Samples.consumer
        customer.name = "Jonas Krume"
        customer.salutation = .herr
        return customer
    }

    @Test func invoiceAndQuoteGreetFormallyAndAddressTheContact() throws {
        // DIN 5008: the contact person under the business, with salutation ("Frau") and title before the name.
        let invoicePath = try scratch.write(InvoiceDocument.pdf(
            for: try Samples.invoice(customer: wolff), customer: wolff, seller: Samples.seller))
        let invoice = try PDFTools.text(invoicePath)
        #expect(invoice.contains("Sehr geehrte Frau Dr. Wolff,"), "\(invoice)")
        #expect(invoice.contains("Frau Dr. Ines Wolff"))
        let quote = Quote(id: 12, customerId: krume.id, title: "Website", createdOn: Samples.issueDay,
                          validUntil: Day("2026-04-01")!, paymentTermDays: 14, lines: Samples.lines)
        let quotePath = try scratch.write(QuoteDocument.pdf(for: quote, customer: krume, seller: Samples.seller))
        let quoteText = try PDFTools.text(quotePath)
        // A consumer is the person: "Herrn Jonas Krume" replaces the bare name in the window.
        #expect(quoteText.contains("Sehr geehrter Herr Krume,") && quoteText.contains("Herrn Jonas Krume"))
    }

    @Test func dunningGreetsFriendlyFirstThenFormally() throws {
        // The friendly inquiry (DESIGN.md: no threat) says "Guten Tag"; a Mahnung "Sehr geehrter".
        func letter(_ step: DunningStep) -> DunningLetter {
            DunningLetter(invoiceId: 1, invoiceNumber: "2026-0001", customerId: krume.id, step: step,
                          createdOn: Samples.issueDay, openAmount: Money(cents: 119_000), subject: "Rechnung",
                          body: "Die Rechnung ist offen.")
        }
        let inquiry = DunningComposer.emailText(letter(.inquiry), customer: krume, seller: Samples.seller)
        #expect(inquiry.hasPrefix("Guten Tag Herr Krume,\n\nDie Rechnung ist offen."))
        let notice = DunningComposer.emailText(letter(.firstNotice), customer: krume, seller: Samples.seller)
        #expect(notice.hasPrefix("Sehr geehrter Herr Krume,"))
        let path = try scratch.write(
            DunningComposer.letterPDF(letter(.secondNotice), customer: krume, seller: Samples.seller))
        let text = try PDFTools.text(path)
        #expect(text.contains("Sehr geehrter Herr Krume,") && text.contains("Herrn Jonas Krume"))
        // Templates get the same line as {{salutation}}.
        func dunningCase(_ step: DunningStep, _ customer: Customer) throws -> DunningCase {
            try DunningCase.assemble(
                step, invoice: try Samples.invoice(customer: customer), customer: customer, sent: [:], notes: [],
                payments: [], charges: [], policy: DunningPolicy(), baseRates: .standard, today: Samples.issueDay,
                delivery: .email)
        }
        let composed = try DunningComposer.compose(try dunningCase(.inquiry, wolff)) { _ in "{{salutation}}" }
        #expect(composed.body == "Guten Tag Frau Dr. Wolff,")
        var english = wolff
        english.language = .en
        #expect(try DunningComposer.compose(try dunningCase(.firstNotice, english)) { _ in "{{salutation}}" }.body
            == "Dear Dr Wolff,")
    }

    @Test func inquiryReplyGreetsByName() throws {
        // An answer to someone who asked: friendly, with salutation and title.
        let facts = InquiryReplyFacts(
            inquiry: Inquiry(customerId: wolff.id, channel: .email, receivedOn: Samples.issueDay, subject: "Broschüre"),
            customer: wolff, seller: Samples.seller,
            proposal: DeliveryProposal(deliveryDate: Day("2026-03-20")!, hours: 8000, fitsInBetween: false),
            unitPrice: nil, price: nil, today: Samples.issueDay)
        let reply = try InquiryReply.compose(facts) { _ in nil }
        #expect(reply.hasPrefix("Guten Tag Frau Dr. Wolff,"))
    }

    @Test func vCardRoundTripKeepsSalutationAndTitle() throws {
        // RFC 6350 § 6.2.2: N = family; given; additional; honorific prefixes; suffixes.
        var business = wolff
        business.academicTitle = "Prof. Dr."
        var consumer = krume
        consumer.id = 8
        consumer.academicTitle = "Dr."
        let text = VCard.export([business, consumer])
        #expect(text.contains("N:Wolff;Ines;;Frau Prof. Dr.;\r\n") && text.contains("N:Krume;Jonas;;Herr Dr.;\r\n"))
        let back = try VCard.parse(text, today: Samples.issueDay).map(\.customer)
        #expect(back.map(\.salutation) == [.frau, .herr])
        #expect(back.map(\.academicTitle) == ["Prof. Dr.", "Dr."])
        #expect(back.map(\.contactPerson) == ["Ines Wolff", nil])
        #expect(back[1].salutation(language: .de, formal: true) == "Sehr geehrter Herr Dr. Krume,")
        // Cards from other address books: "Mrs." is Frau; an organisation's N is its contact person.
        let foreign = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Studio Nord\r\nORG:Studio Nord\r\n"
            + "N:Berg;Anna;;Mrs.;\r\nEND:VCARD\r\n"
        let read = try #require(try VCard.parse(foreign, today: Samples.issueDay).first).customer
        #expect(read.salutation == .frau && read.academicTitle == nil && read.contactPerson == "Anna Berg")
    }
}
