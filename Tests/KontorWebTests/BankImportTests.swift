import Foundation
import HTTPTypes
import KontorApp
import KontorCore
import Testing

/// Zahlungen: a statement uploaded in the browser books what is clear and queues the rest for review.
struct BankImportWebTests {
    /// A camt.053.001.08 statement with one credit per (reference, amount, payer, text).
    static func camt(_ credits: [(String, Money, String, String)], day: String = "2026-03-02") -> Data {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
            <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-03-02T08:00:00</CreDtTm></GrpHdr>
            <Stmt><Id>STMT-1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
            """
        for (reference, amount, payer, text) in credits {
            xml += """
                <Ntry><Amt Ccy="EUR">\(amount.decimalString)</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                <BookgDt><Dt>\(day)</Dt></BookgDt><ValDt><Dt>\(day)</Dt></ValDt><AcctSvcrRef>\(reference)</AcctSvcrRef>
                <NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>\(payer)</Nm></Pty></Dbtr></RltdPties>
                <RmtInf><Ustrd>\(text)</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
                """
        }
        return Data((xml + "</Stmt></BkToCstmrStmt></Document>").utf8)
    }

    @Test func uploadBooksClearPaymentsAndQueuesTheRest() async throws {
        // Given two open invoices
        let book = try await Book()
        let customer = try await book.customer()
        let first = try await book.issuedInvoice(for: customer, on: Day("2026-02-01")!)
        let second = try await book.issuedInvoice(for: customer, price: "200", on: Day("2026-02-02")!)
        let statement = Self.camt([
            ("A", first.totals.gross, "Agentur Nord GmbH", "RE \(first.number!)"),
            ("B", Money(cents: 4_711), "Finanzamt Köln", "Erstattung"),
        ])
        try await withBrowser(book) { browser in
            // A dry run keeps nothing
            let dry = try await browser.postFile("/payments/import", field: "statement", fileName: "auszug.xml",
                                                 data: statement, fields: ["dryRun": "on"])
            #expect(dry.status == .seeOther)
            #expect(try await book.kontor.payments().isEmpty)
            #expect(try await browser.get("/payments").contains("Probelauf auszug.xml"))
            // When the statement is uploaded
            let imported = try await browser.postFile("/payments/import", field: "statement", fileName: "auszug.xml", data: statement)
            #expect(imported.status == .seeOther)
            // Then the clear payment is booked and the refund waits for review
            #expect(try await book.kontor.invoice(first.number!).status == .paid)
            let page = try await browser.get("/payments")
            #expect(page.contains("1 Zahlungen verbucht, 1 zur Prüfung"))
            #expect(page.contains("Finanzamt Köln"))
            let queue = try await book.kontor.reviewQueue()
            #expect(queue.count == 1)
            // Assigning without an invoice says what is missing; with one it books
            let entry = queue[0].entry.id
            let missing = try await browser.post("/payments/review/\(entry)/assign", [:])
            #expect(missing.status == .unprocessableContent)
            #expect(missing.contains("Bitte eine Rechnung wählen."))
            #expect(try await browser.post("/payments/review/\(entry)/assign", ["invoice": second.number!]).status == .seeOther)
            #expect(try await book.kontor.invoice(second.number!).paid == Money(cents: 4_711))
            #expect(try await book.kontor.reviewQueue().isEmpty)
            // A step the entry's state does not allow is a conflict, as every workflow refusal is.
            #expect(try await browser.post("/payments/review/\(entry)/dismiss").status == .conflict)
            #expect(try await browser.post("/payments/review/999/dismiss").status == .notFound)
        }
    }

    @Test func brokenOrMissingFilesAreExplained() async throws {
        let book = try await Book()
        try await withBrowser(book) { browser in
            var broken = Self.camt([("A", Money(cents: 100), "X", "Y")])
            broken.removeLast(40)
            let page = try await browser.postFile("/payments/import", field: "statement", fileName: "kaputt.xml", data: broken)
            #expect(page.status == .unprocessableContent)
            #expect(page.contains("kaputt.xml"))
            // In the German page, the parser's message is German too.
            #expect(page.contains("Das XML ist fehlerhaft") || page.contains("bricht vorzeitig ab"))
            let none = try await browser.postFile("/payments/import", field: "statement", fileName: "leer.xml", data: Data())
            #expect(none.status == .unprocessableContent)
            #expect(none.contains("Bitte eine Datei wählen."))
            // Without the token the upload is refused
            browser.csrf = "forged"
            let forged = try await browser.postFile("/payments/import", field: "statement", fileName: "a.xml", data: broken)
            #expect(forged.status == .forbidden)
        }
    }
}

/// The review queue preselects the best suggestion: the payer's own invoice, known from an earlier payment.
struct ReviewPreselectionWebTests {
    @Test func aKnownPayersInvoiceIsPreselectedOverAnotherCustomersEqualAmount() async throws {
        // Given two customers who each owe 171,36 €; the other customer's invoice is older
        let book = try await Book()
        let nord = try await book.customer()
        let sued = try await book.customer("Verlag Süd KG", email: "post@sued.example")
        let older = try await book.issuedInvoice(for: sued, price: "144", on: Day("2026-01-15")!)
        let earlier = try await book.issuedInvoice(for: nord, price: "200", on: Day("2026-01-20")!)
        let own = try await book.issuedInvoice(for: nord, price: "144", on: Day("2026-02-01")!)
        #expect(own.totals.gross == Money(cents: 17_136) && older.totals.gross == own.totals.gross)
        try await withBrowser(book) { browser in
            // And Jana Nord once paid Agentur Nord's invoice from her own account (assigned in the review)
            let first = BankImportWebTests.camt([("A", Money(cents: 5_000), "Jana Nord", "Danke")])
            _ = try await browser.postFile("/payments/import", field: "statement", fileName: "1.xml", data: first)
            let queued = try #require(try await book.kontor.reviewQueue().first)
            #expect(try await browser.post("/payments/review/\(queued.entry.id)/assign",
                                           ["invoice": earlier.number!]).status == .seeOther)
            // When she pays 171,36 € without a number
            let second = BankImportWebTests.camt([("B", Money(cents: 17_136), "Jana Nord", "Danke")], day: "2026-03-03")
            _ = try await browser.postFile("/payments/import", field: "statement", fileName: "2.xml", data: second)
            // Then it waits for review, with Agentur Nord's invoice first and preselected
            let item = try #require(try await book.kontor.reviewQueue().first)
            #expect(item.suggestedInvoices.first == own.number)
            #expect(item.suggestedInvoices.contains(older.number!))
            let page = try await browser.get("/payments")
            #expect(page.contains("<option value=\"\(own.number!)\" selected>"))
            #expect(!page.contains("<option value=\"\(older.number!)\" selected>"))
        }
    }
}
