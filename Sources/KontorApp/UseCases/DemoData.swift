import KontorCore

/// The people and topics of the demo book.
enum DemoData {
    static let profile = BusinessProfile(
        name: "Lena Schreiber – Texte & Konzepte",
        address: PostalAddress(street: "Lindenstraße 12", postalCode: "50674", city: "Köln", state: .NW),
        email: "post@lena-schreiber.de", phone: "0221 123 4567",
        iban: try? IBAN("DE89 3704 0044 0532 0130 00"), bic: "COBADEFFXXX", taxNumber: "214/5678/1234",
        // The Austrian hotel gets reverse-charge invoices, which must show the seller's VAT ID (§ 14a Abs. 1 UStG).
        vatId: "DE123456789")

    static let customers: [Customer] = [
        business("Agentur Blickfang GmbH", "Jana Krüger", "Ehrenstraße 44", "50672", "Köln", .NW, "jana.krueger@blickfang.de"),
        business("Müller & Söhne Maschinenbau KG", "Thomas Müller", "Industriestraße 7", "44147", "Dortmund", .NW, "t.mueller@mueller-soehne.de"),
        business("Grünraum Landschaftsarchitektur", "Sophie Weber", "Gartenweg 3", "80331", "München", .BY, "weber@gruenraum.de"),
        business("Verlag am Fluss", "Dr. Peter Haas", "Uferstraße 21", "01067", "Dresden", .SN, "lektorat@verlag-am-fluss.de"),
        business("Café Süßholz", "Aylin Demir", "Marktplatz 5", "69117", "Heidelberg", .BW, "hallo@cafe-suessholz.de"),
        business("Stadtwerke Nordheim", "Frank Becker", "Am Wasserturm 1", "24103", "Kiel", .SH, "presse@stadtwerke-nordheim.de",
                 reference: "04011000-1234512345-06"),
        consumer("Marie Schäfer", "Rosenstraße 9", "10115", "Berlin", .BE, "marie.schaefer@example.de"),
        business("Holzwerk Böhm e.K.", "Jürgen Böhm", "Sägewerkstraße 2", "93047", "Regensburg", .BY, "info@holzwerk-boehm.de"),
        business("Zahnarztpraxis Dr. Lorenz", "Dr. Eva Lorenz", "Bahnhofstraße 30", "30159", "Hannover", .NI, "praxis@dr-lorenz.de"),
        business("Kanzlei Berger & Partner", "Michael Berger", "Königsallee 60", "40212", "Düsseldorf", .NW, "berger@kanzlei-berger.de"),
        business("Wanderlust Reisen GmbH", "Lisa Hoffmann", "Hafenstraße 11", "20457", "Hamburg", .HH, "l.hoffmann@wanderlust-reisen.de"),
        business("Bioladen Sonnenblume", "Klaus Richter", "Kirchgasse 4", "35037", "Marburg", .HE, "laden@sonnenblume-bio.de"),
        consumer("Familie Neumann", "Am Anger 15", "99084", "Erfurt", .TH, "neumann.familie@example.de"),
        business("Softwarehaus Zeilenwerk", "Ben Schulz", "Speicherstraße 8", "28195", "Bremen", .HB, "ben@zeilenwerk.io"),
        business("Weingut Kessler", "Anna Kessler", "Weinstraße 77", "55116", "Mainz", .RP, "anna@weingut-kessler.de"),
        business("Physiotherapie Bewegt", "Nils Hartmann", "Lindenallee 19", "66111", "Saarbrücken", .SL, "team@physio-bewegt.de"),
        business("Alpenblick Hotel GmbH", "Katharina Gruber", "Seestraße 4", "5020", "Salzburg", nil, "k.gruber@alpenblick.at",
                 country: "AT", vatId: "ATU12345678"),
        business("Kulturverein Ostwind e.V.", "Paul Vogel", "Theaterplatz 2", "39104", "Magdeburg", .ST, "vorstand@ostwind-kultur.de"),
        business("Fahrradmanufaktur Speiche", "Greta Klein", "Werkhof 6", "14467", "Potsdam", .BB, "greta@speiche-rad.de"),
        consumer("Henrik Lange", "Strandweg 3", "18055", "Rostock", .MV, "h.lange@example.de"),
    ]

    struct Topic {
        let subject: String
        let words: Int64
        /// Price per word in ten-thousandths of a euro.
        let wordPrice: Int64
        /// A flat fee for granting rights (7 %), in cents; 0 for none.
        let licence: Int64
    }

    static let topics: [Topic] = [
        Topic(subject: "Blogartikel zum Thema Nachhaltigkeit", words: 1200, wordPrice: 1200, licence: 0),
        Topic(subject: "Website-Texte Über uns und Leistungen", words: 1800, wordPrice: 1500, licence: 0),
        Topic(subject: "Pressemitteilung Produktstart", words: 600, wordPrice: 1800, licence: 0),
        Topic(subject: "Fachartikel für das Kundenmagazin", words: 2500, wordPrice: 1100, licence: 25_000),
        Topic(subject: "Newsletter-Serie Frühjahr", words: 1500, wordPrice: 1000, licence: 0),
        Topic(subject: "Imagebroschüre", words: 3000, wordPrice: 1300, licence: 40_000),
        Topic(subject: "Produktbeschreibungen Onlineshop", words: 2000, wordPrice: 850, licence: 0),
    ]

    private static func business(
        _ name: String, _ contact: String, _ street: String, _ postalCode: String, _ city: String, _ state: GermanState?,
        _ email: String, reference: String? = nil, country: String = "DE", vatId: String? = nil
    ) -> Customer {
        Customer(
            name: name, contactPerson: contact,
            address: PostalAddress(street: street, postalCode: postalCode, city: city, country: country, state: state),
            email: email, kind: .business, vatId: vatId, buyerReference: reference, createdOn: Day(ordinal: 0),
            salutation: salutation(contact))
    }

    private static func consumer(
        _ name: String, _ street: String, _ postalCode: String, _ city: String, _ state: GermanState, _ email: String
    ) -> Customer {
        Customer(
            name: name, address: PostalAddress(street: street, postalCode: postalCode, city: city, state: state),
            email: email, kind: .consumer, createdOn: Day(ordinal: 0), salutation: salutation(name))
    }

    /// Frau or Herr by the demo's first names, so that the demo letters greet as real ones would.
    private static func salutation(_ person: String) -> Salutation? {
        let women: Set = ["Jana", "Sophie", "Aylin", "Marie", "Eva", "Lisa", "Anna", "Katharina", "Greta"]
        let men: Set = ["Thomas", "Peter", "Frank", "Jürgen", "Michael", "Klaus", "Ben", "Nils", "Paul", "Henrik"]
        let first = person.split(separator: " ").map(String.init).first { !$0.hasSuffix(".") } ?? ""
        return women.contains(first) ? .frau : men.contains(first) ? .herr : nil
    }
}
