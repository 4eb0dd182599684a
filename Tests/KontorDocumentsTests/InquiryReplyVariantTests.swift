import Foundation
import KontorTestTools
import Testing

@testable import KontorCore
@testable import KontorDocuments

/// Issue 19, item 2: replies that answer. Without a size the reply asks for the scope and gives a price per unit
/// and a typical range; a wish that cannot be met is named and answered with the date and a first part; phone and
/// e-mail replies carry the same facts; a regular customer hears of the discount. Read aloud as the customer.
struct InquiryReplyVariantTests {
    let today = Samples.issueDay  // Monday, 2 March 2026

    func facts(
        channel: InquiryChannel = .email, size: WorkSize? = nil, wish: Day? = nil,
        customer: Customer = Samples.business,
        delivery: Day = Day("2026-03-20")!, firstPart: Day? = nil, loyalty: Int64 = 0, paid: Int = 0,
        range: PriceRange? = nil, contact: String? = nil
    ) -> InquiryReplyFacts {
        var inquiry = Inquiry(customerId: customer.id, channel: channel, receivedOn: today, subject: "Pressetext",
                              size: size, wishedDeadline: wish)
        inquiry.contactPerson = contact
        inquiry.salutation = contact == nil ? nil : .frau
        let card = RateCard()
        let unit = size?.unit ?? .word
        return InquiryReplyFacts(
            inquiry: inquiry, customer: customer, seller: Samples.seller,
            proposal: DeliveryProposal(deliveryDate: delivery, hours: size.map(card.hours) ?? 4000,
                                       fitsInBetween: size == nil),
            unitPrice: card.price(for: unit), price: size.map(card.price), today: today, pricedUnit: unit,
            firstPartDate: firstPart, loyaltyPercent: loyalty, paidInvoices: paid, typicalRange: range)
    }

    func english(_ customer: Customer = Samples.business) -> Customer {
        var customer = customer
        customer.language = .en
        return customer
    }

    func reply(_ facts: InquiryReplyFacts) throws -> String { try InquiryReply.compose(facts) { _ in nil } }

    @Test func withoutASizeTheReplyAsksForTheScopeWithAPriceAndARange() throws {
        let range = PriceRange(low: Money(cents: 18_000), high: Money(cents: 42_000), count: 5)
        let german = try reply(facts(delivery: Day("2026-03-03")!, range: range))
        #expect(german.contains("brauche ich noch den Umfang: Wie lang soll der Text ungefähr werden?"))
        #expect(german.contains("Ich berechne 0,12 € pro Wort zzgl. Umsatzsteuer; vergleichbare Aufträge lagen bei "
            + "mir zuletzt zwischen 180,00 € und 420,00 €."))
        // A date only for what a small job holds (4 h at 400 words an hour), never "about 4 h … tomorrow" alone.
        #expect(german.contains("Einen kürzeren Text (bis etwa 1.600 Wörter) kann ich bis zum 03.03.2026 liefern"))
        #expect(!german.contains("Liefern kann ich bis zum"))
        let englishText = try reply(facts(customer: english(), delivery: Day("2026-03-03")!, range: range))
        #expect(englishText.contains("I need to know the scope: roughly how long should the text be?"))
        #expect(englishText.contains("I charge €0.12 per word plus VAT; comparable jobs recently came to between "
            + "€180.00 and €420.00."))
        #expect(englishText.contains("A shorter text (up to about 1600 words) I can deliver by 3 Mar 2026"))
        // Without past jobs of the kind there is no invented range.
        #expect(!(try reply(facts())).contains("vergleichbare"))
    }

    @Test func aWishThatCannotBeMetIsNamedWithTheDateAndAFirstPart() throws {
        let size = WorkSize(quantity: Quantity(12_000), unit: .word)
        let wish = Day("2026-03-06")!
        let german = try reply(facts(size: size, wish: wish, firstPart: Day("2026-03-04")!))
        #expect(german.contains("Für rund 12.000 Wörter berechne ich 0,12 € pro Wort, insgesamt 1.440,00 € zzgl. "
            + "Umsatzsteuer."))
        #expect(german.contains("Ihren Wunschtermin, den 06.03.2026, schaffe ich für den ganzen Text leider nicht: "
            + "fertig wird er bis zum 20.03.2026. Einen ersten Teil kann ich Ihnen aber schon bis zum 04.03.2026 "
            + "schicken."))
        let englishText = try reply(facts(size: size, wish: wish, customer: english(), firstPart: Day("2026-03-04")!))
        #expect(englishText.contains("I cannot finish the whole text by your wished date, 6 Mar 2026: it will be "
            + "ready by 20 Mar 2026. I can send you a first part by 4 Mar 2026, though."))
        // A wish that can be met is not mentioned as a problem.
        let met = try reply(facts(size: size, wish: Day("2026-03-25")!))
        #expect(met.contains("Liefern kann ich bis zum 20.03.2026.") && !met.contains("Wunschtermin"))
    }

    @Test func phoneAndEmailRepliesCarryTheSameFacts() throws {
        let size = WorkSize(quantity: Quantity(12_000), unit: .word)
        let wish = Day("2026-03-06")!
        let mail = try reply(facts(size: size, wish: wish, firstPart: Day("2026-03-04")!))
        let phone = try reply(facts(channel: .phone, size: size, wish: wish, firstPart: Day("2026-03-04")!,
                                    contact: "Ines Wolff"))
        let sentences = [
            "1.440,00 € zzgl. Umsatzsteuer", "Ihren Wunschtermin, den 06.03.2026",
            "fertig wird er bis zum 20.03.2026", "ersten Teil kann ich Ihnen aber schon bis zum 04.03.2026",
        ]
        for sentence in sentences {
            #expect(mail.contains(sentence))
            #expect(phone.contains(sentence))
        }
        // The call greets the person who called, and the internal note is kept apart from the customer's text.
        let parts = InquiryReply.parts(of: phone)
        let note = try #require(parts.note)
        #expect(note.contains("Anruf von Frau Ines Wolff (Müller & Söhne Maschinenbau KG)"))
        #expect(note.contains("Vorschlag: Lieferung bis 20.03.2026; erster Teil bis 04.03.2026; Wunschtermin "
            + "06.03.2026 nicht zu halten; 1.440,00 € netto"))
        #expect(parts.customerText.hasPrefix("Guten Tag Frau Wolff,"))
        #expect(!parts.customerText.contains("Gesprächsnotiz") && !parts.customerText.contains("____"))
        #expect(InquiryReply.parts(of: mail).note == nil)
        let englishPhone = try reply(facts(channel: .phone, size: size, wish: wish, customer: english(),
                                           firstPart: Day("2026-03-04")!, contact: "Ines Wolff"))
        #expect(InquiryReply.parts(of: englishPhone).customerText.hasPrefix("Dear Ms Wolff,"))
        #expect(englishPhone.contains("I cannot finish the whole text by your wished date, 6 Mar 2026"))
    }

    @Test func aRegularCustomerHearsOfTheDiscount() throws {
        var regular = Samples.business
        regular.status = .regular
        let size = WorkSize(quantity: Quantity(1500), unit: .word)
        // 3 % from the third paid invoice (the standard tiers): 180,00 € less 5,40 €.
        let german = try reply(facts(size: size, customer: regular, loyalty: 3, paid: 4))
        #expect(german.contains("insgesamt 180,00 € zzgl. Umsatzsteuer. Als Dank für die gute Zusammenarbeit ziehe "
            + "ich davon 3 % Stammkundenrabatt ab: Sie zahlen 174,60 € zzgl. Umsatzsteuer."))
        let englishText = try reply(facts(size: size, customer: english(regular), loyalty: 3, paid: 4))
        #expect(englishText.contains("I take 3 % regular-customer discount off: you pay €174.60 plus VAT."))
        // Regular, but below the first tier: when the discount starts.
        let soon = try reply(facts(size: size, customer: regular, paid: 1))
        #expect(soon.contains("Ab Ihrem 3. bezahlten Auftrag gewähre ich Ihnen 3 % Stammkundenrabatt."))
        let soonEnglish = try reply(facts(size: size, customer: english(regular), paid: 1))
        #expect(soonEnglish.contains("From your 3rd paid job on, you get 3 % regular-customer discount."))
        // A new customer hears of no discount.
        #expect(!(try reply(facts(size: size))).contains("Stammkunden"))
    }

    @Test func theQuotePDFPromisesTheDeliveryDateAndTheFirstPart() throws {
        let scratch = ScratchDirectory()
        let quote = Quote(
            id: 12, customerId: Samples.business.id, title: "Website-Texte", createdOn: today,
            validUntil: Day("2026-04-01")!, paymentTermDays: 14, lines: Samples.lines,
            deliveryDate: Day("2026-03-20")!, firstPartDate: Day("2026-03-04")!)
        let path = try scratch.write(QuoteDocument.pdf(for: quote, customer: Samples.business, seller: Samples.seller))
        try PDFTools.expectValid(path)
        let text = try PDFTools.text(path)
        #expect(text.contains("Lieferung bis"))
        #expect(text.contains("Einen ersten Teil erhalten Sie bis zum 04.03.2026, den vollständigen Text bis zum"))
        #expect(text.contains("20.03.2026"))
        if let out = ProcessInfo.processInfo.environment["KONTOR_SAMPLE_DIR"] {
            try FileManager.default.copyItem(atPath: path, toPath: out + "/quote-delivery.pdf")
        }
    }

    @Test func priceRangesLeaveOutOddJobsAndMatchByKind() {
        let prices = [100, 180, 200, 240, 420, 2000].map { Money(cents: Int64($0) * 100) }
        let range = PriceRange.typical(prices)
        #expect(range == PriceRange(low: Money(cents: 18_000), high: Money(cents: 42_000), count: 6))
        #expect(PriceRange.typical([Money(cents: 100)]) == nil)
        #expect(PriceRange.sameKind("Pressemitteilung Messe", "Neue pressemitteilung zum Launch"))
        #expect(!PriceRange.sameKind("Blogartikel", "Pressemitteilung"))
    }
}
