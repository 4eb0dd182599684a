import Foundation
import KontorApp
import KontorCore
import KontorStore
import Testing

/// Importing statements into a book: payments booked, nothing twice, the receivables report agrees.
struct BankImportTests {
    let today = Day("2026-11-26")!

    /// A camt.053.001.08 statement with one credit per (reference, amount, payer, text).
    static func camt(_ credits: [(String, Money, String, String)], day: String = "2026-11-25") -> Data {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
            <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-11-26T08:00:00</CreDtTm></GrpHdr>
            <Stmt><Id>STMT-1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
            """
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        for (reference, amount, payer, text) in credits {
            xml += """
                <Ntry><Amt Ccy="EUR">\(amount.decimalString)</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                <BookgDt><Dt>\(day)</Dt></BookgDt><ValDt><Dt>\(day)</Dt></ValDt><AcctSvcrRef>\(reference)</AcctSvcrRef>
                <NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>\(escaped(payer))</Nm></Pty></Dbtr></RltdPties>
                <RmtInf><Ustrd>\(escaped(text))</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
                """
        }
        return Data((xml + "</Stmt></BkToCstmrStmt></Document>").utf8)
    }

    @Test func demoBookRoundTripAgreesWithTheReceivablesReport() async throws {
        // Given the demo book and a statement paying its overdue invoices, written the ways people type numbers
        let kontor = Kontor(store: GRDBBookStore(try AppDatabase.inMemory()))
        _ = try await kontor.fillDemoBook(today: today)
        let before = try await kontor.receivablesReport(today: today)
        let overdue = try await kontor.invoices(InvoiceQuery(overdueOn: today))
        try #require(overdue.count >= 3)
        let styles = ["RE %@", "Rg.Nr. %@", "Rechnung %@ vielen Dank"]
        var credits: [(String, Money, String, String)] = []
        var paid = Money.zero
        for (index, invoice) in overdue.enumerated() {
            let number = index == 1 ? invoice.number!.replacingOccurrences(of: "-", with: " ") : invoice.number!
            credits.append(("REF-\(index)", invoice.openAmount, invoice.buyer!.name,
                            String(format: styles[index % styles.count], number)))
            paid += invoice.openAmount
        }
        credits.append(("REF-X", Money(cents: 4_711), "Finanzamt Köln", "Erstattung Einkommensteuer"))
        let statement = Self.camt(credits)
        // When it is imported
        let result = try await kontor.importStatement(data: statement, fileName: "auszug.xml", dryRun: false, today: today)
        // Then every customer payment is booked and the refund waits for review
        #expect(result.applied.count == overdue.count && result.queued == 1)
        let after = try await kontor.receivablesReport(today: today)
        #expect(after.totalOpen == before.totalOpen - paid)
        #expect(try await kontor.invoices(InvoiceQuery(overdueOn: today)).isEmpty)
        // And the same file again adds nothing
        let again = try await kontor.importStatement(data: statement, fileName: "auszug.xml", dryRun: false, today: today)
        #expect(again.alreadyImported == credits.count && again.applied.isEmpty && again.queued == 0)
        #expect(try await kontor.receivablesReport(today: today).totalOpen == after.totalOpen)
        // The refund is dismissed from the queue
        let queue = try await kontor.reviewQueue()
        #expect(queue.count == 1 && queue[0].entry.counterpartyName == "Finanzamt Köln")
        _ = try await kontor.dismissBankEntry(id: queue[0].entry.id)
        #expect(try await kontor.reviewQueue().isEmpty)
    }

    @Test func dryRunKeepsNothingAndPartialAndOverpaymentsAreBooked() async throws {
        let kontor = Kontor(store: GRDBBookStore(try AppDatabase.inMemory()))
        _ = try await kontor.initialise(BusinessProfile(
            name: "Lena", address: PostalAddress(street: "Weg 1", postalCode: "50674", city: "Köln"), taxNumber: "1"))
        let customer = try await kontor.addCustomer(Customer(
            name: "Müller & Söhne GmbH", address: PostalAddress(street: "Weg 2", postalCode: "44147", city: "Dortmund"),
            createdOn: today))
        var numbers: [String] = []
        for _ in 0..<2 {
            let draft = try await kontor.draftInvoice(from: .customer(customer.id), on: today)
            _ = try await kontor.addInvoiceLine("\(draft.id)", line: DocumentLine(
                description: "Text", quantity: Quantity(1), unit: .flat, unitPrice: UnitPrice(Money(cents: 100_000)),
                vatRate: .standard))
            numbers.append(try await kontor.issueInvoice("\(draft.id)", on: today).number!)
        }
        let statement = Self.camt([
            ("A", Money(cents: 50_000), "MUELLER UND SOEHNE", "Teilzahlung \(numbers[0])"),
            ("B", Money(cents: 120_000), "Müller & Söhne GmbH", "RE \(numbers[1])"),
        ])
        let dry = try await kontor.importStatement(data: statement, fileName: "a.xml", dryRun: true, today: today)
        #expect(dry.applied.count == 2 && dry.dryRun)
        #expect(try await kontor.payments().isEmpty)
        let real = try await kontor.importStatement(data: statement, fileName: "a.xml", dryRun: false, today: today)
        #expect(real.applied.count == 2)
        #expect(try await kontor.invoice(numbers[0]).status == .partiallyPaid)
        let second = try await kontor.invoice(numbers[1])
        #expect(second.status == .paid && second.overpaid.cents == 1_000)
        #expect(try await kontor.customerDetail(id: customer.id).customer.status == .regular)
    }

    @Test func anOverlappingStatementMatchesOnlyItsNewEntries() async throws {
        // Given a customer with two invoices and a first statement paying the first one
        let database = try AppDatabase.inMemory()
        let kontor = Kontor(store: GRDBBookStore(database))
        _ = try await kontor.initialise(BusinessProfile(
            name: "Lena", address: PostalAddress(street: "Weg 1", postalCode: "50674", city: "Köln"), taxNumber: "1"))
        let customer = try await kontor.addCustomer(Customer(
            name: "Jörg Weißenfels", address: PostalAddress(street: "Weg 2", postalCode: "44147", city: "Dortmund"),
            createdOn: today))
        var numbers: [String] = []
        for _ in 0..<2 {
            let draft = try await kontor.draftInvoice(from: .customer(customer.id), on: today)
            _ = try await kontor.addInvoiceLine("\(draft.id)", line: DocumentLine(
                description: "Text", quantity: Quantity(1), unit: .flat, unitPrice: UnitPrice(Money(cents: 100_000)),
                vatRate: .reduced))
            numbers.append(try await kontor.issueInvoice("\(draft.id)", on: today).number!)
        }
        let gross = try await kontor.invoice(numbers[0]).openAmount
        let first = [("A", gross, "Jörg Weißenfels", "RE \(numbers[0])")]
        _ = try await kontor.importStatement(data: Self.camt(first), fileName: "1.xml", dryRun: false, today: today)
        // When a later statement repeats that booking, pays the second invoice, names the first one again in an
        // unrelated refund and holds one booking twice
        let second = first + [
            ("B", gross, "Jörg Weißenfels", "RE \(numbers[1])"),
            ("C", Money(cents: 4_711), "Finanzamt Köln", "Erstattung"),
        ]
        let statement = Self.camt(second + [second[2]])
        let result = try await kontor.importStatement(data: statement, fileName: "2.xml", dryRun: false, today: today)
        // Then the known booking is neither stored nor matched again: it does not take the second payment's invoice
        #expect(result.alreadyImported == 1 && result.entries == 4)
        #expect(result.applied.map(\.invoiceNumber) == [numbers[1]])
        #expect(result.queued == 2)  // the refund and its twin (a second booking with the same reference: #2)
        #expect(try await kontor.payments().count == 2)
        #expect(try await kontor.reviewQueue().count == 2)
        #expect(try AuditJournal.verify(database).isIntact)
        // And the same file once more adds nothing
        let again = try await kontor.importStatement(data: statement, fileName: "2.xml", dryRun: false, today: today)
        #expect(again.alreadyImported == 4 && again.applied.isEmpty && again.queued == 0)
    }

    @Test func aBrokenStatementImportsNothing() async throws {
        let kontor = Kontor(store: GRDBBookStore(try AppDatabase.inMemory()))
        _ = try await kontor.initialise(BusinessProfile(name: "Lena"))
        var broken = Self.camt([("A", Money(cents: 100), "X", "Y")])
        broken.removeLast(40)
        await #expect(throws: (any Error).self) {
            try await kontor.importStatement(data: broken, fileName: "kaputt.xml", dryRun: false, today: today)
        }
        #expect(try await kontor.reviewQueue().isEmpty)
    }
}
