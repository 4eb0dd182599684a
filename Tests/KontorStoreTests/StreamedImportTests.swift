import Foundation
@testable import KontorApp
@testable import KontorBanking
import KontorCore
import KontorStore
import GRDB
import Testing

/// A camt file is read on one thread and stored on another, a chunk at a time (`StatementParser.streamCamt`,
/// `StatementBooking`): what is booked must be exactly what reading the whole file at once books.
struct StreamedImportTests {
    let today = Day("2026-11-26")!

    /// One booking of `camt(_:)`.
    struct Booking {
        var reference: String
        var amount: Money
        var credit = true
        var payer = "Unbekannt"
        var text = ""
    }

    /// A camt.053 file with one statement per account, each holding `bookings`.
    static func camt(_ statements: [(iban: String, bookings: [Booking])], lastText: String? = nil) -> Data {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
            <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-11-26T08:00:00</CreDtTm></GrpHdr>
            """
        for (number, statement) in statements.enumerated() {
            xml += "<Stmt><Id>STMT-\(number)</Id><Acct><Id><IBAN>\(statement.iban)</IBAN></Id></Acct>\n"
            for booking in statement.bookings {
                xml += """
                    <Ntry><Amt Ccy="EUR">\(booking.amount.decimalString)</Amt>\
                    <CdtDbtInd>\(booking.credit ? "CRDT" : "DBIT")</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>\
                    <BookgDt><Dt>2026-11-25</Dt></BookgDt><AcctSvcrRef>\(booking.reference)</AcctSvcrRef>\
                    <NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>\(booking.payer)</Nm></Pty></Dbtr></RltdPties>\
                    <RmtInf><Ustrd>\(booking.text)</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>

                    """
            }
            xml += "</Stmt>"
        }
        if let lastText {
            xml = xml.replacingOccurrences(of: "</Stmt>", with: "", options: .backwards, range: xml.range(
                of: "</Stmt>", options: .backwards))
            xml += "<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>"
                + "<BookgDt><Dt>2026-11-25</Dt></BookgDt><AcctSvcrRef>LAST</AcctSvcrRef>"
                + "<NtryDtls><TxDtls><RmtInf><Ustrd>\(lastText)</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry></Stmt>"
        }
        return Data((xml + "</BkToCstmrStmt></Document>").utf8)
    }

    /// The demo book, with its overdue invoices.
    func demoBook(database: AppDatabase? = nil) async throws -> (Kontor, GRDBBookStore, [Invoice]) {
        let store = GRDBBookStore(try database ?? AppDatabase.inMemory())
        let kontor = Kontor(store: store)
        _ = try await kontor.fillDemoBook(today: today)
        let overdue = try await kontor.invoices(InvoiceQuery(overdueOn: today))
        try #require(overdue.count >= 3)
        return (kontor, store, overdue)
    }

    /// Everything an import decides about the stored entries, in storing order.
    struct StoredEntry: Equatable {
        var identity: String
        var status: BankEntryStatus
        var invoiceIds: [Int64]
        var confidence: Int
        var reason: String?
        var amount: Money
    }

    func stored(_ store: GRDBBookStore) async throws -> [StoredEntry] {
        try await store.read { book in
            try book.bankEntries(status: nil).sorted { $0.id < $1.id }.map {
                StoredEntry(
                    identity: $0.identity, status: $0.status, invoiceIds: $0.invoiceIds, confidence: $0.confidence,
                    reason: $0.reason, amount: $0.amount)
            }
        }
    }

    /// Bookings spread over several chunks: the overdue invoices paid by number right at chunk boundaries, a
    /// reference repeated across a boundary (numbered `#2` by the reader), debits, unknown credits and one credit
    /// from a customer's name alone (a low-confidence suggestion that the greedy order decides).
    func bookings(paying overdue: [Invoice], guessing payer: Invoice? = nil) -> [Booking] {
        let chunk = StatementParser.streamChunkSize
        var bookings: [Booking] = []
        for index in 0..<(2 * chunk + 300) {
            let cents = Int64(1_000 + index * 7)
            bookings.append(Booking(
                reference: "R\(index)", amount: Money(cents: cents), credit: index % 5 != 0,
                payer: "Zahler \(index % 97)", text: "Vorgang \(index)"))
        }
        for (offset, invoice) in overdue.prefix(3).enumerated() {
            let position = [chunk - 1, chunk, 2 * chunk + 1][offset]
            bookings[position] = Booking(
                reference: "PAY\(offset)", amount: invoice.openAmount, payer: invoice.buyer!.name,
                text: "Rechnung \(invoice.number!)")
        }
        bookings[chunk - 2].reference = "TWICE"
        bookings[chunk + 5].reference = "TWICE"
        if let payer {
            bookings[chunk + 9] = Booking(
                reference: "GUESS", amount: Money(cents: 123), payer: payer.buyer!.name, text: "Danke")
        }
        return bookings
    }

    @Test func aStatementReadInChunksBooksWhatTheWholeFileBooks() async throws {
        let (streamed, streamedStore, overdue) = try await demoBook()
        let (whole, wholeStore, _) = try await demoBook()
        // A payer whose name is a customer's with open invoices, paying an amount no invoice has: a suggestion.
        let payer = try #require(try await streamed.invoices(InvoiceQuery(openOnly: true)).last)
        let file = Self.camt([
            ("DE89370400440532013000", bookings(paying: overdue, guessing: payer)),
            ("DE02120300000000202051", [Booking(reference: "R1", amount: Money(cents: 500))]),
        ])
        let counts = Counts()
        let a = try await streamed.importStatement(
            data: file, fileName: "auszug.xml", dryRun: false, today: today, progress: { counts.add($0) })
        // The whole file, read by XMLParser as before the stream existed.
        let b = try await CamtParser.$engine.withValue(.xmlParser) {
            #expect(!StatementParser.mayStreamCamt)
            return try await whole.importStatement(data: file, fileName: "auszug.xml", dryRun: false, today: today)
        }
        #expect(counts.values.last == 2 * StatementParser.streamChunkSize + 301)
        #expect(a.entries == b.entries && a.credits == b.credits && a.debits == b.debits)
        #expect(a.creditSums == b.creditSums && a.queued == b.queued && a.ignored == b.ignored)
        #expect(a.alreadyImported == b.alreadyImported)
        #expect(a.applied.map(\.invoiceNumber) == b.applied.map(\.invoiceNumber))
        #expect(a.applied.count == 3)
        let entries = try await stored(streamedStore)
        let wholeEntries = try await stored(wholeStore)
        #expect(entries == wholeEntries)
        #expect(entries.contains { $0.identity.hasSuffix("|C|R:TWICE#2") })
        #expect(entries.contains { $0.identity.hasPrefix("DE02120300000000202051|C|R:R1") })
        #expect(entries.contains { $0.identity.hasSuffix("|C|R:GUESS") && $0.status == .review && $0.confidence > 0 })
        let streamedOpen = try await streamed.receivablesReport(today: today).totalOpen
        let wholeOpen = try await whole.receivablesReport(today: today).totalOpen
        #expect(streamedOpen == wholeOpen)
        // And the same file again adds nothing
        let again = try await streamed.importStatement(data: file, fileName: "auszug.xml", dryRun: false, today: today)
        #expect(again.alreadyImported == a.entries && again.queued == 0 && again.applied.isEmpty)
        let afterAgain = try await stored(streamedStore)
        #expect(afterAgain == entries)
    }

    /// Two statements of one account in one file, the second repeating the first (as overlapping exports do): the
    /// second's entries arrive in chunks after the first's last chunk, some of which may not be stored yet.
    @Test func aStatementRepeatedInTheSameFileIsStoredOnce() async throws {
        let (streamed, streamedStore, overdue) = try await demoBook()
        let (whole, wholeStore, _) = try await demoBook()
        let repeated = bookings(paying: overdue)
        let file = Self.camt([("DE89370400440532013000", repeated), ("DE89370400440532013000", repeated)])
        let a = try await streamed.importStatement(data: file, fileName: "auszug.xml", dryRun: false, today: today)
        let b = try await CamtParser.$engine.withValue(.xmlParser) {
            try await whole.importStatement(data: file, fileName: "auszug.xml", dryRun: false, today: today)
        }
        #expect(a.entries == 2 * repeated.count && a.alreadyImported == repeated.count)
        #expect(a.alreadyImported == b.alreadyImported && a.queued == b.queued && a.ignored == b.ignored)
        #expect(a.applied.map(\.invoiceNumber) == b.applied.map(\.invoiceNumber) && a.applied.count == 3)
        let entries = try await stored(streamedStore)
        #expect(entries.count == repeated.count)
        #expect(entries == (try await stored(wholeStore)))
    }

    @Test func aFileTheScannerDeclinesAtItsEndIsReadWholeAndKeptOnce() async throws {
        let (kontor, store, overdue) = try await demoBook()
        // CDATA is XML that banks do not write: the byte scanner declines it, XMLParser reads it.
        let file = Self.camt(
            [("DE89370400440532013000", bookings(paying: overdue))], lastText: "<![CDATA[Rest & Dank]]>")
        let counts = Counts()
        let result = try await kontor.importStatement(
            data: file, fileName: "auszug.xml", dryRun: false, today: today, progress: { counts.add($0) })
        // The stream reported entries before it declined; the whole file was then read again from its start.
        let values = counts.values
        #expect(values.contains(StatementParser.streamChunkSize / 1_000 * 1_000))
        #expect(zip(values, values.dropFirst()).contains { $0 > $1 })
        let total = 2 * StatementParser.streamChunkSize + 301
        #expect(result.entries == total && result.alreadyImported == 0 && result.applied.count == 3)
        let entries = try await stored(store)
        #expect(entries.count == total && Set(entries.map(\.identity)).count == total)
        #expect(entries.last?.identity.hasSuffix("|C|R:LAST") == true)
    }

    @Test func aStreamedDryRunKeepsNothing() async throws {
        let (kontor, store, overdue) = try await demoBook()
        let file = Self.camt([("DE89370400440532013000", bookings(paying: overdue))])
        let before = try await kontor.receivablesReport(today: today).totalOpen
        let result = try await kontor.importStatement(data: file, fileName: "auszug.xml", dryRun: true, today: today)
        #expect(result.dryRun && result.applied.count == 3 && result.entries == 2 * StatementParser.streamChunkSize + 300)
        #expect(try await stored(store).isEmpty)
        #expect(try await kontor.receivablesReport(today: today).totalOpen == before)
    }

    @Test func aWriterCannotImportNorReviewAnAssistantCan() async throws {
        let (kontor, store, overdue) = try await demoBook()
        let file = Self.camt([("DE89370400440532013000", bookings(paying: overdue))])
        await #expect(throws: AccessError.notAllowed(.importStatements, role: .writer)) {
            try await BookActor.signedIn("tom", role: .writer) {
                _ = try await kontor.importStatement(data: file, fileName: "auszug.xml", dryRun: false, today: today)
            }
        }
        #expect(try await stored(store).isEmpty)
        let result = try await BookActor.signedIn("ines", role: .assistant) {
            try await kontor.importStatement(data: file, fileName: "auszug.xml", dryRun: false, today: today)
        }
        #expect(result.applied.count == 3)
        let waiting = try await kontor.reviewQueue()
        let first = try #require(waiting.first)
        await #expect(throws: AccessError.notAllowed(.importStatements, role: .writer)) {
            try await BookActor.signedIn("tom", role: .writer) { _ = try await kontor.dismissBankEntry(id: first.entry.id) }
        }
        let dismissed = try await BookActor.signedIn("ines", role: .assistant) {
            try await kontor.dismissBankEntry(id: first.entry.id)
        }
        #expect(dismissed.status == .dismissed)
    }

    @Test func anImportThatFailsWhileStoringStopsTheReaderAndKeepsNothing() async throws {
        let database = try AppDatabase.inMemory()
        let (kontor, store, overdue) = try await demoBook(database: database)
        var bookings = bookings(paying: overdue)
        bookings[StatementParser.streamChunkSize + 10].reference = "BREAK"
        // A disk that fills up while the second chunk is stored (a temporary trigger of the one connection).
        try await database.writer.write { db in
            try db.execute(sql: """
                CREATE TEMP TRIGGER fail_on_break BEFORE INSERT ON main.bankEntry WHEN NEW.identity LIKE '%|R:BREAK'
                BEGIN SELECT RAISE(ABORT, 'disk full'); END
                """)
        }
        let file = Self.camt([("DE89370400440532013000", bookings)])
        await #expect(throws: (any Error).self) {
            _ = try await kontor.importStatement(data: file, fileName: "auszug.xml", dryRun: false, today: today)
        }
        #expect(try await stored(store).isEmpty)
        // The reader stopped and the book takes the next import.
        let small = Self.camt([("DE89370400440532013000", [Booking(reference: "OK", amount: Money(cents: 100))])])
        let next = try await kontor.importStatement(data: small, fileName: "klein.xml", dryRun: false, today: today)
        let after = try await stored(store)
        #expect(next.entries == 1 && after.count == 1)
    }
}

/// Progress values reported from the reading thread.
private final class Counts: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Int] = []
    func add(_ value: Int) { lock.withLock { list.append(value) } }
    var values: [Int] { lock.withLock { list } }
}

/// The customer's timeline names who issued an invoice and who booked a payment in the web app.
struct TimelineActorTests {
    let day = Day("2026-11-26")!

    @Test func issuedAndBookedByAreShownAndNobodyAtTheMachine() async throws {
        let kontor = Kontor(store: GRDBBookStore(try AppDatabase.inMemory()))
        _ = try await kontor.initialise(BusinessProfile(
            name: "Lena Schreiber", address: PostalAddress(street: "Lindenstraße 12", postalCode: "50674", city: "Köln"),
            taxNumber: "214/5678/1234"))
        let customer = try await kontor.addCustomer(Customer(
            name: "Verlag Nord", address: PostalAddress(street: "Hafenweg 2", postalCode: "20457", city: "Hamburg"),
            createdOn: day))
        var numbers: [String] = []
        for _ in 0..<2 {
            let draft = try await kontor.draftInvoice(from: .customer(customer.id), on: day)
            _ = try await kontor.addInvoiceLine("\(draft.id)", line: DocumentLine(
                description: "Artikel", quantity: Quantity(1), unit: .flat, unitPrice: try UnitPrice(parsing: "100"),
                vatRate: .standard))
            let issued = try await BookActor.signedIn("lena", role: .owner) {
                try await kontor.issueInvoice("\(draft.id)", on: day)
            }
            numbers.append(issued.number!)
        }
        _ = try await BookActor.signedIn("ines", role: .assistant) {
            try await kontor.addPayment(invoice: numbers[0], amount: Money(cents: 11_900), on: day)
        }
        _ = try await kontor.addPayment(invoice: numbers[1], amount: Money(cents: 5_000), on: day)
        let events = try await kontor.timeline(customerId: customer.id)
        let invoices = events.filter { $0.kind == .invoice }.compactMap { $0.details(.de) }
        #expect(invoices.count == 2 && invoices.allSatisfy { $0.hasSuffix("ausgestellt von lena") })
        let payments = events.filter { $0.kind == .payment }.compactMap { $0.details(.en) }
        #expect(payments.filter { $0.hasSuffix("booked by ines") }.count == 1)
        #expect(payments.count == 2 && payments.filter { $0.contains("booked by") }.count == 1)
    }

    @Test func inquiriesQuotesJobsAndNotesNameWhoCreatedThem() async throws {
        let kontor = Kontor(store: GRDBBookStore(try AppDatabase.inMemory()))
        _ = try await kontor.initialise(BusinessProfile(
            name: "Lena Schreiber", address: PostalAddress(street: "Lindenstraße 12", postalCode: "50674", city: "Köln"),
            taxNumber: "214/5678/1234"))
        let customer = try await kontor.addCustomer(Customer(name: "Verlag Nord", createdOn: day))
        try await BookActor.signedIn("anna", role: .writer) {
            _ = try await kontor.addInquiry(
                from: .customer(customer.id), channel: .phone, receivedOn: day, subject: "Broschüre")
            _ = try await kontor.addQuote(
                customerId: customer.id, inquiryId: nil, title: "Broschüre", on: day, validUntil: nil,
                paymentTermDays: nil)
            _ = try await kontor.addJob(
                customerId: customer.id, title: "Blog", on: day, effortHours: nil, deadline: nil)
            _ = try await kontor.addNote(customerId: customer.id, text: "Rief an", on: day)
        }
        // At the machine nobody is named.
        _ = try await kontor.addNote(customerId: customer.id, text: "Selbst notiert", on: day)
        let events = try await kontor.timeline(customerId: customer.id)
        func details(_ kind: TimelineEventKind, _ language: Language = .de) -> [String] {
            events.filter { $0.kind == kind }.map { $0.details(language) ?? "" }
        }
        #expect(details(.inquiry).allSatisfy { $0.hasSuffix("erfasst von anna") } && details(.inquiry).count == 1)
        #expect(details(.quote).count == 1 && details(.quote)[0].hasSuffix("erstellt von anna"))
        #expect(details(.job, .en) == ["created by anna"])
        #expect(details(.note).sorted() == ["Rief an, notiert von anna", "Selbst notiert"])
    }
}
