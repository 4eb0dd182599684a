import Foundation
import KontorBanking
import KontorCore
import KontorTestTools

/// A generated bank statement with known answers: German customers and payers, remittance texts written the many
/// ways people write them, payments without numbers, partial and combined payments, and credits unrelated to any
/// invoice (refunds, salary, interest) whose texts are full of digits.
struct GeneratedStatement {
    enum Kind: String, CaseIterable {
        case number, endToEnd, creditorReference, combined, partial, overpayment, amountAndName, typo, unrelated
        /// Hard on purpose (expected to go to review): someone else pays part of an invoice naming it, or a
        /// person pays their firm's invoice without a number, or the bank cut the text inside the number.
        case strangerPartial, ownerPays, cutNumber
    }

    var invoices: [OpenInvoiceCandidate] = []
    var entries: [StatementEntry] = []
    /// Entry identity → expected allocations (invoice id → cents). Unrelated credits and debits are absent.
    var expected: [String: [Int64: Int64]] = [:]
    var kinds: [String: Kind] = [:]
}

struct StatementGenerator {
    var random: SeededGenerator
    var customers: [(id: Int64, name: String, kind: Int, ibans: [String])] = []

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    // MARK: - Word lists

    static let surnames = [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
        "Braun", "Krüger", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier", "Lehmann",
        "Köhler", "Herrmann", "König", "Walter", "Huber", "Kaiser", "Fuchs", "Peters", "Scholz", "Möller", "Weiß",
        "Jung", "Hahn", "Schubert", "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth",
        "Beck", "Lorenz", "Baumann", "Franke", "Albrecht", "Schuster", "Ludwig", "Böhm", "Winter", "Kraus",
        "Schumacher", "Krämer", "Vogt", "Stein", "Jäger", "Sommer", "Groß", "Seidel", "Heinrich", "Brandt", "Haas",
        "Schreiber", "Graf", "Dietrich", "Ziegler", "Kuhn", "Kühn", "Pohl", "Engel", "Horn", "Busch", "Bergmann",
        "Voigt", "Sauer", "Arnold", "Pfeiffer", "Özdemir", "Yılmaz", "Kowalski", "Nowak", "Dąbrowski", "Lefèvre",
        "Ågren", "Thalmann", "Rößler", "Grünewald", "Märtens", "Fröhlich", "Blümel", "Säger", "Hölzl",
    ]
    static let firstNames = [
        "Jürgen", "Björn", "Sören", "Käthe", "Jörg", "Günter", "Uwe", "Özlem", "Anna", "Lena", "Lukas", "Jonas",
        "Marie", "Sophie", "Matthias", "Sabine", "Petra", "Ursula", "Hans", "Klaus", "Julia", "Frauke", "Tobias",
        "Andrea", "Stefan", "Renée", "Zoë", "Hélène", "Michael", "Manuel", "Felix", "Moritz", "Greta", "Änne", "Ümit",
        "Maximilian", "Bärbel", "Jens", "Dörte", "Håkon",
    ]
    static let words = [
        "Süßholz", "Morgenröte", "Lindenblüte", "Elbufer", "Nordlicht", "Bücherwurm", "Federkiel", "Tintenfass",
        "Papierschiff", "Löwenzahn", "Seeblick", "Wortwerk", "Schreibstube", "Kranich", "Möwe", "Sonnenhof",
        "Grünspan", "Kupferkessel", "Zeitgeist", "Mühlenbach", "Eichhörnchen", "Blaupause", "Glücksklee",
        "Tausendfüßler", "Rotkehlchen", "Fernweh", "Wolkenbruch", "Hafenkran", "Lesezeichen", "Drachenfels",
        "Weitblick", "Apfelbäumchen", "Silbenklang", "Nachtfalter", "Zuckerhut", "Wellengang", "Sternschnuppe",
    ]
    static let cities = [
        "Görlitz", "Köln", "München", "Düsseldorf", "Lübeck", "Würzburg", "Tübingen", "Fürth", "Osnabrück",
        "Saarbrücken", "Gießen", "Bückeburg", "Hamburg", "Berlin", "Leipzig", "Dresden", "Münster", "Göttingen",
    ]
    /// People and firms that pay the writer but are not customers.
    static let strangers = [
        "Amazon Payments Europe S.C.A.", "Deutsche Telekom AG", "Finanzamt Hamburg-Nord", "Techniker Krankenkasse",
        "VG Wort", "Künstlersozialkasse", "PayPal Europe S.a.r.l. et Cie S.C.A.", "Stadtwerke Lübeck",
        "Lohnbuchhaltung Nordstern GmbH", "Ingrid Übel", "Hausverwaltung Sonnenschein", "Allianz Versicherungs-AG",
        "Vodafone GmbH", "Bundesagentur für Arbeit", "BARMER", "ING-DiBa AG", "Sparkasse KölnBonn", "Zalando SE",
        "Gerda Quast", "Wilhelmine Ostrowski", "Eltern Fam. Quandt", "Steuerberatung Ehlers & Partner",
    ]

    // MARK: - Helpers

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
    mutating func pick<T>(_ list: [T]) -> T { list[int(0...(list.count - 1))] }
    mutating func digits(_ count: Int) -> String { (0..<count).map { _ in String(int(0...9)) }.joined() }

    static func asciiUpper(_ text: String, stripUmlauts: Bool = false) -> String {
        var out = ""
        for character in text {
            switch character {
            case "ä", "Ä": out += stripUmlauts ? "A" : "AE"
            case "ö", "Ö": out += stripUmlauts ? "O" : "OE"
            case "ü", "Ü": out += stripUmlauts ? "U" : "UE"
            case "ß": out += "SS"
            default:
                let base = String(character).decomposedStringWithCanonicalMappingASCII
                out += base.uppercased()
            }
        }
        return out
    }

    static func euro(_ cents: Int64) -> String {
        let euros = cents / 100
        var grouped = String(euros)
        var index = grouped.count - 3
        while index > 0 {
            grouped.insert(".", at: grouped.index(grouped.startIndex, offsetBy: index))
            index -= 3
        }
        let rest = cents % 100
        return grouped + "," + (rest < 10 ? "0\(rest)" : "\(rest)")
    }

    // MARK: - Customers and invoices

    mutating func makeCustomers(_ count: Int) {
        var used: Set<String> = []
        var id: Int64 = 1
        while customers.count < count {
            let kind = int(0...15)
            let s = pick(Self.surnames)
            let f = pick(Self.firstNames)
            let w = pick(Self.words)
            let c = pick(Self.cities)
            let (name, core): (String, String)
            switch kind {
            case 0: (name, core) = ("\(s) & Söhne GmbH", "sohne \(s)")
            case 1: (name, core) = ("\(s) Verlag GmbH & Co. KG", "verlag \(s)")
            case 2: (name, core) = ("Café \(w)", "cafe \(w)")
            case 3: (name, core) = ("\(w) Medien UG (haftungsbeschränkt)", "medien \(w)")
            case 4: (name, core) = ("Buchhandlung \(s) e.K.", "buch \(s)")
            case 5: (name, core) = ("Kulturverein \(c) e.V.", "kultur \(c)")
            case 6: (name, core) = ("\(f) \(s)", "person \(f) \(s)")
            case 7: (name, core) = ("Dr. \(f) \(s)", "person \(f) \(s)")
            case 8: (name, core) = ("\(s) Kommunikation AG", "komm \(s)")
            case 9: (name, core) = ("Agentur \(w) GmbH", "agentur \(w)")
            case 10:
                let s2 = pick(Self.surnames)
                (name, core) = ("\(s) & \(s2) GbR", "gbr \(s) \(s2)")
            case 11: (name, core) = ("Galerie \(w)", "galerie \(w)")
            case 12: (name, core) = ("\(w) Verlag \(c)", "wverlag \(w) \(c)")
            case 13: (name, core) = ("Stadtbibliothek \(c)", "bib \(c)")
            case 14: (name, core) = ("Theater \(c) gGmbH", "theater \(c)")
            default: (name, core) = ("\(f) \(s) Übersetzungen", "uebers \(f) \(s)")
            }
            guard used.insert(core).inserted else { continue }
            var ibans: [String] = []
            let roll = int(1...100)
            if roll <= 60 { ibans.append(Fixture.germanIBAN(bank: digits(8), account: digits(10))) }
            if roll <= 10 { ibans.append(Fixture.spaced(Fixture.germanIBAN(bank: digits(8), account: digits(10)))) }
            customers.append((id, name, kind, ibans))
            id += 1
        }
    }

    mutating func makeInvoices(_ count: Int, firstYear: Int, years: Int) -> [OpenInvoiceCandidate] {
        var invoices: [OpenInvoiceCandidate] = []
        let perYear = (count + years - 1) / years
        var id: Int64 = 1
        for yearOffset in 0..<years {
            let year = firstYear + yearOffset
            var counter = 0
            let start = Day(year: year, month: 1, day: 2)!
            for k in 0..<min(perYear, count - invoices.count) {
                counter += int(1...2)  // paid invoices leave gaps
                let customer = customers[Int(pow(Double(int(0...999)) / 1000, 1.6) * Double(customers.count))]
                let issued = start.adding(days: k * 350 / perYear)
                let gross: Int64 =
                    chance(30) ? Int64(int(1...60)) * 11_900 : Int64(int(5_000...600_000))
                let open = chance(15) ? gross - Int64(int(1...Int(gross / 2))) : gross
                let number = "\(year)-" + String(repeating: "0", count: max(0, 4 - String(counter).count)) + "\(counter)"
                invoices.append(
                    OpenInvoiceCandidate(
                        invoiceId: id, number: number, customerId: customer.id, customerName: customer.name,
                        customerIBANs: customer.ibans, openAmount: Money(cents: open), gross: Money(cents: gross),
                        issueDate: issued, dueDate: issued.adding(days: chance(50) ? 14 : 30)))
                id += 1
            }
        }
        return invoices
    }

    // MARK: - How people write

    /// The payer's name as the bank shows it.
    mutating func payerName(for name: String, kind: Int) -> String {
        let upper = Self.asciiUpper(name)
        switch int(0...7) {
        case 0: return name
        case 1: return upper
        case 2: return Self.asciiUpper(name, stripUmlauts: true)
        case 3:
            return
                upper.replacingOccurrences(of: "&", with: "UND").replacingOccurrences(of: " GMBH", with: "")
                .replacingOccurrences(of: " E.K.", with: "").replacingOccurrences(of: " E.V.", with: " EV")
        case 4: return String(upper.prefix(27))
        case 5:
            let parts = name.replacingOccurrences(of: "Dr. ", with: "").split(separator: " ")
            if kind == 6 || kind == 7, parts.count == 2 { return Self.asciiUpper("\(parts[1]), \(parts[0])") }
            return name.lowercased()
        case 6:
            return name.replacingOccurrences(of: "GmbH & Co. KG", with: "GmbH + Co KG")
                .replacingOccurrences(of: "(haftungsbeschränkt)", with: "haftungsbeschr.")
                .replacingOccurrences(of: "Café", with: "Cafe")
        default:
            if kind == 4 { return Self.asciiUpper(name.replacingOccurrences(of: " e.K.", with: "")) + " INH. " + Self.asciiUpper(pick(Self.firstNames)) }
            return String(Self.asciiUpper(name, stripUmlauts: true).prefix(35))
        }
    }

    static func parts(_ number: String) -> (year: String, counter: String) {
        let split = number.split(separator: "-")
        return (String(split[0]), String(split[1]))
    }

    /// A remittance text naming `number`.
    mutating func textNaming(_ number: String, payer: String, amount: Int64) -> String {
        let (y, c) = Self.parts(number)
        let short = Int(c)!
        let date = String(format: "%02d.%02d.%04d", int(1...28), int(1...12), Int(y)!)
        switch int(0...22) {
        case 0: return "RE \(number)"
        case 1: return "Rg.Nr. \(y) \(c)"
        case 2: return "Rechnung \(y)/\(c)"
        case 3: return "\(y)\(c)"
        case 4: return short > 12 ? "\(y)-\(short)" : "Rechnung \(y)-\(short)"
        case 5: return "Rechnungsnummer: \(number), vielen Dank"
        case 6: return "rechnung \(number) \(payer.split(separator: " ").first ?? "")"
        case 7: return "RE\(number) vom \(date)"
        case 8: return "Ihre Rechnung Nr. \(number) über \(Self.euro(amount)) EUR"
        case 9: return "SVWZ+RE \(number) EREF+\(digits(12))"
        case 10: return "Zahlung \(number) Kd-Nr. \(digits(5))"
        case 11: return "\(payer) RG \(number)"
        case 12: return "Re.-Nr. \(number) Lektorat Broschüre"
        case 13: return "Rechnung \(number), IBAN \(Fixture.spaced(Fixture.germanIBAN(bank: digits(8), account: digits(10))))"
        case 14: return "Honorar lt. Rechnung \(number) / Tel. 030 \(digits(7))"
        case 15: return "Rechnung vom \(date) Nr \(number)"
        case 16: return "INV \(number) Übersetzung Öko-Katalog"
        case 17: return "Rg \(y)-\(c) Auftrag \(digits(4))"
        case 18: return "Überweisung für Rg.-Nr.: \(y) - \(c) Grüße aus \(pick(Self.cities))"
        case 19: return "RECHNUNG \(number) ABZGL. NICHTS"
        case 20: return "Rechnung Nr.\(y).\(c) Text für Jahresbericht"
        case 21: return "Danke für die schöne Zusammenarbeit! Rechnung \(number)"
        default: return "Beleg \(number) Mwst 19% \(Self.euro(amount))"
        }
    }

    /// The text of a transfer paying several invoices (in text order).
    mutating func textNaming(_ numbers: [String]) -> String {
        let list = numbers
        switch int(0...4) {
        case 0: return "RE " + list.joined(separator: " und ")
        case 1: return "Rechnungen " + list.joined(separator: ", ")
        case 2: return "Rg. " + list.joined(separator: " + ")
        case 3: return list.map { "RE \($0)" }.joined(separator: " ")
        default:
            let (y, c) = Self.parts(list[0])
            if list.count == 2, Self.parts(list[1]).year == y { return "Rg \(y)-\(c)/\(Self.parts(list[1]).counter)" }
            return "Sammelzahlung " + list.joined(separator: "; ")
        }
    }

    /// A credit text that names no invoice but is full of digits, some shaped like invoice numbers.
    mutating func unrelatedText(numbers: [String]) -> String {
        let n = pick(numbers)
        let (y, c) = Self.parts(n)
        let digitsOfNumber = y + c
        switch int(0...15) {
        case 0: return "Erstattung Bestellung 302-\(digits(7))-\(digits(7))"
        case 1: return "Gutschrift Kundennr \(digitsOfNumber)"
        case 2: return "Lohn/Gehalt \(String(format: "%02d", int(1...12)))/\(y) Personalnr \(digits(5))"
        case 3: return "Zinsen \(String(format: "%02d", int(1...28))).01.\(y) - 31.03.\(y)"
        case 4: return "Steuererstattung \(y) StNr \(digits(2))/\(digits(3))/\(digits(5))"
        case 5: return "Rückzahlung Kaution, Rückfragen Tel. 040 \(y) \(c)"
        case 6: return "Auszahlung VG Wort \(y) Karteinr. \(digits(6))"
        case 7: return "Umbuchung " + Fixture.spaced(Fixture.germanIBAN(bank: digitsOfNumber, account: digits(10)))
        case 8: return "Erstattung Vertragsnr. \(y)-\(c)"
        case 9: return "Beitragsrückerstattung Mitgliedsnr. \(digitsOfNumber)"
        case 10: return "Rückerstattung Bestellung vom \(String(format: "%02d", int(1...28))).\(String(format: "%02d", int(1...12))).\(y) Betrag \(Self.euro(Int64(digitsOfNumber)!)) EUR"
        case 11: return "Geburtstagsgeld von Oma Käthe"
        case 12: return "Rückbuchung Lastschrift Mandat \(y) \(c)"
        case 13: return "Gutschrift Rückruf +49 \(y) \(c)"
        case 14: return "Erstattung Termin \(y)-\(c.suffix(2))-\(String(format: "%02d", int(1...28))) storniert"
        default: return "Kaution Wohnung Lindenstraße 12, Whg. 3"
        }
    }

    // MARK: - The statement

    mutating func make(customers customerCount: Int = 300, invoices invoiceCount: Int = 1000, credits: Int = 1000)
        -> GeneratedStatement
    {
        makeCustomers(customerCount)
        var statement = GeneratedStatement()
        statement.invoices = makeInvoices(invoiceCount, firstYear: 2025, years: 2)
        let invoices = statement.invoices
        let numbers = invoices.map(\.number)
        var used = Set<Int>()
        var unusedOrder = Array(invoices.indices)
        unusedOrder.shuffle(using: &random)
        var cursor = 0
        let customerByID = Dictionary(uniqueKeysWithValues: customers.map { ($0.id, $0) })
        let amounts = Set(invoices.flatMap { [$0.openAmount.cents, $0.gross.cents] })

        func expectedAllocation(_ amount: Int64, _ paid: [OpenInvoiceCandidate]) -> [Int64: Int64] {
            let ordered = paid.sorted {
                ($0.dueDate, $0.issueDate, $0.invoiceId) < ($1.dueDate, $1.issueDate, $1.invoiceId)
            }
            var rest = amount
            var result: [Int64: Int64] = [:]
            for invoice in ordered where rest > 0 {
                let part = min(rest, invoice.openAmount.cents)
                result[invoice.invoiceId] = part
                rest -= part
            }
            return result
        }

        let plan: [(GeneratedStatement.Kind, Int)] = [
            (.number, 555), (.endToEnd, 30), (.creditorReference, 30), (.combined, 60), (.partial, 70),
            (.overpayment, 20), (.amountAndName, 110), (.typo, 10), (.unrelated, 100), (.strangerPartial, 5),
            (.ownerPays, 5), (.cutNumber, 5),
        ]
        var kinds: [GeneratedStatement.Kind] = plan.flatMap { Array(repeating: $0.0, count: $0.1 * credits / 1000) }
        kinds.shuffle(using: &random)
        var day = Day(year: 2026, month: 3, day: 2)!

        for (position, kind) in kinds.enumerated() {
            if position % 40 == 39 { day = day.adding(days: 1) }
            let identity = "G\(position)"
            func nextInvoice(where accept: (Int) -> Bool = { _ in true }) -> Int? {
                var probe = cursor
                while probe < unusedOrder.count {
                    let candidate = unusedOrder[probe]
                    if !used.contains(candidate) && accept(candidate) {
                        used.insert(candidate)
                        return candidate
                    }
                    probe += 1
                }
                return nil
            }
            while cursor < unusedOrder.count && used.contains(unusedOrder[cursor]) { cursor += 1 }

            var amount: Int64 = 0
            var payer = ""
            var text = ""
            var iban: String?
            var endToEnd: String?
            var reference: String?
            var expected: [Int64: Int64]?

            switch kind {
            case .number, .endToEnd, .creditorReference, .partial, .overpayment:
                guard let i = nextInvoice() else { continue }
                let invoice = invoices[i]
                let customer = customerByID[invoice.customerId]!
                amount = invoice.openAmount.cents
                if kind == .partial { amount = max(100, amount * Int64(int(20...90)) / 100 / 100 * 100) }
                if kind == .overpayment { amount += Int64(int(1...5_000)) }
                let thirdParty = kind == .number && chance(8)
                payer = thirdParty ? pick(Self.strangers) : payerName(for: customer.name, kind: customer.kind)
                if !thirdParty, !customer.ibans.isEmpty, chance(50) { iban = pick(customer.ibans) }
                switch kind {
                case .endToEnd:
                    endToEnd = chance(50) ? "RE-\(invoice.number)" : invoice.number
                    text = pick(["Überweisung", "Online-Überweisung", "Gutschrift", ""])
                case .creditorReference:
                    reference = Fixture.creditorReference(invoice.number.replacingOccurrences(of: "-", with: ""))
                    text = pick(["", "Rechnung", "Danke"])
                case .partial:
                    text = pick(["Teilzahlung ", "Abschlag Rechnung ", "1. Rate RE ", "Anzahlung zu Rg. "]) + invoice.number
                default:
                    text = textNaming(invoice.number, payer: payer, amount: amount)
                    // Some banks fill the end-to-end id with a date stamp that may read like another invoice.
                    if kind == .number, chance(5) { endToEnd = pick(numbers).replacingOccurrences(of: "-", with: "") }
                }
                expected = expectedAllocation(amount, [invoice])
            case .combined:
                guard let first = nextInvoice() else { continue }
                let customerID = invoices[first].customerId
                var group = [first]
                let wanted = int(2...3)
                while group.count < wanted, let more = nextInvoice(where: { invoices[$0].customerId == customerID }) {
                    group.append(more)
                }
                let paid = group.map { invoices[$0] }
                let customer = customerByID[customerID]!
                amount = paid.map(\.openAmount.cents).reduce(0, +)
                if group.count > 1, chance(20) { amount -= Int64(int(1...Int(paid.last!.openAmount.cents))) }
                payer = payerName(for: customer.name, kind: customer.kind)
                text = group.count > 1 ? textNaming(paid.map(\.number)) : "RE \(paid[0].number)"
                expected = expectedAllocation(amount, paid)
            case .amountAndName:
                // An invoice whose amount is unique among its customer's open invoices.
                guard
                    let i = nextInvoice(where: { candidate in
                        let invoice = invoices[candidate]
                        return !invoices.contains {
                            $0.customerId == invoice.customerId && $0.invoiceId != invoice.invoiceId
                                && ($0.openAmount == invoice.openAmount || $0.gross == invoice.openAmount)
                        }
                    })
                else { continue }
                let invoice = invoices[i]
                let customer = customerByID[invoice.customerId]!
                amount = invoice.openAmount.cents
                if !customer.ibans.isEmpty, chance(25) {
                    iban = pick(customer.ibans)
                    payer = chance(50) ? pick(Self.strangers) : payerName(for: customer.name, kind: customer.kind)
                } else {
                    payer = payerName(for: customer.name, kind: customer.kind)
                }
                text = pick([
                    "Vielen Dank", "Honorar Januar", "Zahlung", "Übersetzung Broschüre", "", "Lektorat Februar 2026",
                    "Artikel für Heft 3/2026", "Danke für den schönen Text!", "Honorar 01/2026", "Überweisung",
                ])
                expected = expectedAllocation(amount, [invoice])
            case .typo:
                // Names a wrong but existing number; pays the right invoice's exact amount.
                guard let i = nextInvoice() else { continue }
                let invoice = invoices[i]
                let customer = customerByID[invoice.customerId]!
                amount = invoice.openAmount.cents
                payer = payerName(for: customer.name, kind: customer.kind)
                text = "RE \(pick(numbers))"
                expected = expectedAllocation(amount, [invoice])
            case .strangerPartial, .ownerPays, .cutNumber:
                guard let i = nextInvoice() else { continue }
                let invoice = invoices[i]
                let customer = customerByID[invoice.customerId]!
                amount = invoice.openAmount.cents
                switch kind {
                case .strangerPartial:
                    amount = max(100, amount / 2 / 100 * 100)
                    payer = pick(Self.strangers)
                    text = "Anteil Rechnung \(invoice.number)"
                case .ownerPays:
                    payer = "\(pick(Self.firstNames)) Quistorp"
                    text = "Honorar"
                default:
                    payer = payerName(for: customer.name, kind: customer.kind)
                    text = "Rechnung " + invoice.number.prefix(7)
                }
                expected = expectedAllocation(amount, [invoice])
            case .unrelated:
                repeat { amount = Int64(int(100...500_000)) } while amounts.contains(amount)
                payer = pick(Self.strangers)
                text = unrelatedText(numbers: numbers)
            }
            let entry = StatementEntry(
                bookingDate: day, amount: Money(cents: amount), direction: .credit, currency: "EUR",
                counterpartyName: payer, counterpartyIBAN: iban, remittanceText: text, structuredReference: reference,
                endToEndId: endToEnd, identity: identity)
            statement.entries.append(entry)
            statement.kinds[identity] = kind
            if let expected { statement.expected[identity] = expected }
        }
        // Some debits naming invoices: never matched.
        for k in 0..<30 * credits / 1000 {
            let invoice = pick(invoices)
            statement.entries.append(
                StatementEntry(
                    bookingDate: day, amount: invoice.openAmount, direction: .debit, currency: "EUR",
                    counterpartyName: invoice.customerName, remittanceText: "Rückzahlung RE \(invoice.number)",
                    identity: "D\(k)"))
        }
        return statement
    }
}

extension String {
    /// The ASCII letters of a decomposed character (é → e); other characters unchanged.
    var decomposedStringWithCanonicalMappingASCII: String {
        let scalars = self.unicodeScalars.flatMap { scalar -> [Unicode.Scalar] in
            switch scalar {
            case "é", "è", "ê": return ["e"]
            case "É": return ["E"]
            case "à", "á", "â", "å", "ą": return ["a"]
            case "Å": return ["A"]
            case "ç": return ["c"]
            case "ë": return ["e"]
            case "ı": return ["i"]
            default: return [scalar]
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
