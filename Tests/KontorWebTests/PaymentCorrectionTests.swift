import Foundation
import HTTPTypes
import KontorApp
import KontorCore
import Testing

/// Issue 12 in the web app: a German thousand reads right, an overpayment asks first, a payment is reversed with
/// a counter-entry, and the customer page shows credit and claims.
struct WebPaymentCorrectionTests {
    @Test func aGermanThousandOnTheInvoiceFormIsOneThousand() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        let draft = try await book.kontor.draftInvoice(from: .customer(customer.id), on: Book.today)
        try await withBrowser(book) { browser in
            let added = try await browser.post("/invoices/\(draft.id)/lines", [
                "description": "Pauschale", "quantity": "1", "unit": "flat", "price": "1.500", "vat": "19",
            ])
            #expect(added.status == .seeOther, "\(added)")
            #expect(try await book.kontor.invoice("\(draft.id)").totals.net == Money(cents: 150_000))
        }
    }

    @Test func anOverpaymentAsksFirstAndIsBookedOnlyWhenConfirmed() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        let invoice = try await book.issuedInvoice(for: customer)
        let number = try #require(invoice.number)
        try await withBrowser(book) { browser in
            let asked = try await browser.post("/payments", ["invoice": number, "amount": "1.000,00", "date": "2026-03-03"])
            #expect(asked.status == .unprocessableContent)
            #expect(asked.contains("confirmOverpayment") && asked.contains("Guthaben"), "\(asked)")
            #expect(try await book.kontor.payments().isEmpty)
            let confirmed = try await browser.post("/payments", [
                "invoice": number, "amount": "1.000,00", "date": "2026-03-03", "confirmOverpayment": "on",
            ])
            #expect(confirmed.status == .seeOther)
            #expect(try await book.kontor.credit(customerId: customer.id).total == Money(cents: 40_500))
            let page = try await browser.get("/customers/\(customer.id)")
            #expect(page.contains("405,00 €"))
        }
    }

    @Test func aPaymentIsReversedWithAReasonAndCsrf() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        let invoice = try await book.issuedInvoice(for: customer)
        let number = try #require(invoice.number)
        let payment = try await book.kontor.addPayment(invoice: number, amount: Money(cents: 59_500), on: Book.today)
        try await withBrowser(book) { browser in
            let page = try await browser.get("/invoices/\(number)")
            #expect(page.contains("/payments/\(payment.payment.id)/reverse"))
            let forged = try await browser.post("/payments/\(payment.payment.id)/reverse", ["reason": "x"], csrf: .some(nil))
            #expect(forged.status == .forbidden)
            let noReason = try await browser.post("/payments/\(payment.payment.id)/reverse", ["reason": " "])
            #expect(noReason.status == .seeOther)
            #expect(try await book.kontor.payments().count == 1)
            let missing = try await browser.post("/payments/999/reverse", ["reason": "x"])
            #expect(missing.status == .notFound)
            let reversed = try await browser.post("/payments/\(payment.payment.id)/reverse", ["reason": "Rücklastschrift"])
            #expect(reversed.status == .seeOther)
            let payments = try await book.kontor.payments()
            #expect(payments.map(\.kind) == [.received, .reversal])
            #expect(try await book.kontor.invoice(number).openAmount == Money(cents: 59_500))
            let after = try await browser.get("/invoices/\(number)")
            #expect(after.contains("Rückbuchung") && after.contains("Rücklastschrift"))
            #expect(!after.contains("/payments/\(payment.payment.id)/reverse"))
        }
    }

    @Test func creditIsAppliedToAnotherInvoiceOrRefundedFromTheCustomerPage() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        let first = try #require(try await book.issuedInvoice(for: customer).number)
        let second = try #require(try await book.issuedInvoice(for: customer, price: "100").number)
        _ = try await book.kontor.addPayment(
            invoice: first, amount: Money(cents: 80_000), on: Book.today, confirmOverpayment: true)
        try await withBrowser(book) { browser in
            let page = try await browser.get("/customers/\(customer.id)")
            #expect(page.contains("/customers/\(customer.id)/credit/apply") && page.contains(second))
            let forged = try await browser.post("/customers/\(customer.id)/credit/apply", ["invoice": second], csrf: .some(nil))
            #expect(forged.status == .forbidden)
            #expect(try await browser.post("/customers/999/credit/apply", ["invoice": second]).status == .notFound)
            let applied = try await browser.post("/customers/\(customer.id)/credit/apply", ["invoice": second])
            #expect(applied.status == .seeOther)
            #expect(try await book.kontor.invoice(second).status == .paid)
            #expect(try await book.kontor.credit(customerId: customer.id).total == Money(cents: 8_600))
            let refunded = try await browser.post("/customers/\(customer.id)/credit/refund", ["note": "überwiesen"])
            #expect(refunded.status == .seeOther)
            #expect(try await book.kontor.credit(customerId: customer.id).total == .zero)
            let again = try await browser.post("/customers/\(customer.id)/credit/refund")
            #expect(again.status == .seeOther)
            #expect(try await book.kontor.payments().filter { $0.kind == .refund }.count == 1)
            let after = try await browser.get("/customers/\(customer.id)")
            #expect(after.contains("Guthaben erstattet") && after.contains("überwiesen"))
        }
    }

    @Test func aStatusChangeCannotBeWrittenAsANote() async throws {
        let book = try await Book()
        let customer = try await book.customer()
        try await withBrowser(book) { browser in
            let page = try await browser.get("/customers/\(customer.id)")
            #expect(!page.contains("value=\"status-change\""))
            let posted = try await browser.post(
                "/customers/\(customer.id)/notes", ["kind": "status-change", "text": "regular: by-hand"])
            #expect(posted.status == .unprocessableContent)
            #expect(try await book.kontor.timeline(customerId: customer.id).allSatisfy { $0.kind != .statusChange })
        }
    }
}
