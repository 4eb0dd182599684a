import KontorCore

/// The invoice the peer benchmarks render (`../shared/peers/peerlib.py`: `SELLER`, `BUYER`, `INVOICE_NO`, `lines()`),
/// rebuilt from Kontor's values, so that the PDF, CII and ZUGFeRD rows compare the same content: Kontor cannot read
/// the peers' HTML. Kept in step with peerlib by hand; `PeerBenchTests` checks lines and totals against its figures.
///
/// What Kontor's model has no field for is left out: the trade name "Texte & Konzepte" and the web address (the
/// business profile holds one name), and the unit "Stück" of the long invoice, which becomes `.flat` ("pauschal").
enum PeerInvoice {
    static let number = "RE-2027-0042"
    static let issueDay = Day("2027-01-31")!

    static let seller = BusinessProfile(
        name: "Katrin Wortmann",
        address: PostalAddress(street: "Schanzenstraße 17", postalCode: "20357", city: "Hamburg", state: .HH),
        email: "post@wortmann-texte.de", phone: "040 123 456 78", iban: try? IBAN("DE02200505501015871393"),
        bic: "HASPDEHHXXX", taxNumber: "41/123/45678", vatId: "DE123456789",
        numberFormat: (try? InvoiceNumberFormat("RE-{YYYY}-{NNNN}")) ?? .standard)

    static let buyer = Customer(
        id: 1042, name: "Möbelhaus Grünwald GmbH", contactPerson: "Sabine Überle",
        address: PostalAddress(street: "Königsallee 92a", postalCode: "40212", city: "Düsseldorf", state: .NW),
        email: "rechnungen@moebel-gruenwald.de", vatId: "DE987654321", buyerReference: "K-1042",
        status: .regular, createdOn: Day("2026-03-02")!, salutation: .frau, academicTitle: "Dr.")

    /// peerlib `_TEXTS`: (text, quantity, unit, price in cents, VAT %).
    private static let texts: [(String, Int64, BillingUnit, Int64, Int)] = [
        ("Konzeption Imagebroschüre, Workshop vor Ort (halber Tag)", 4, .hour, 9_500, 19),
        ("Texterstellung Website, Startseite und 5 Unterseiten", 6, .page, 18_000, 19),
        ("SEO-Optimierung der Produkttexte „Wohnen & Schlafen“", 12, .hour, 8_500, 19),
        ("Korrekturschleife nach Rückmeldung vom 14.01.", 1, .flat, 12_000, 19),
        ("Einräumung Nutzungsrechte Slogan (§ 31 UrhG), zeitlich unbegrenzt", 1, .flat, 65_000, 7),
        ("Einräumung Nutzungsrechte Broschürentexte, Print und Online", 1, .flat, 48_000, 7),
    ]
    private static let products = [
        "Sofa „Lena“", "Sessel Öland", "Bett Kiruna", "Regal Ålesund", "Tisch Bärlund", "Stuhl Märta", "Kommode Fjäll",
        "Lampe Süderhaff",
    ]

    /// peerlib `lines(n)`: 6 lines for the one-page invoice; more make the catalogue job, one product text per line.
    static func lines(_ count: Int) -> [DocumentLine] {
        (0..<count).map { index in
            var (text, quantity, unit, cents, vat) = texts[index % texts.count]
            if count > texts.count {
                text = "Produkttext Art. \(10200 + index) (\(products[index % products.count]))"
                (quantity, unit, vat) = (1, .flat, 19)
                cents = 3_800 + Int64(index % 7) * 250
            }
            return DocumentLine(
                description: text, quantity: Quantity(quantity), unit: unit,
                unitPrice: UnitPrice(tenThousandths: cents * 100), vatRate: vat == 19 ? .standard : .reduced)
        }
    }

    /// The issued invoice: dated 31.01.2027, service 04.–29.01.2027, due 14.02.2027, as the peers print it.
    static func invoice(lines count: Int) throws -> Invoice {
        try Invoice(
            id: 42, customerId: buyer.id, draftedOn: issueDay, serviceFrom: Day("2027-01-04")!,
            serviceTo: Day("2027-01-29")!, paymentTermDays: 14, lines: lines(count)
        ).issued(number: number, on: issueDay, customer: buyer, profile: seller)
    }
}
