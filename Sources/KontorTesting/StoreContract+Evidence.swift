import Foundation
import KontorApp
import KontorCore
import Testing

/// What the store itself refuses, whatever a caller does through the port: changes to issued invoices and their
/// lines, payments, sent letters and what the bank said.
extension StoreContract {
    /// Every direct port write to an issued invoice or its lines is refused as `.immutable` and changes nothing.
    public func issuedInvoicesAreImmutable() async throws {
        let (kontor, store, customer) = try await book()
        let invoice = try await issued(kontor, customer)
        let version = try await kontor.bookVersion()
        var changedLine = invoice
        changedLine.lines[0].description = "Umgeschrieben"
        await expectImmutable(store, "update(draft:) of an issued invoice's line") { [changedLine] book in
            try book.update(draft: changedLine)
        }
        var moreLines = invoice
        moreLines.lines.append(invoice.lines[0])
        await expectImmutable(store, "a line added to an issued invoice") { [moreLines] book in
            try book.update(draft: moreLines)
        }
        var unissued = invoice
        unissued.number = nil
        await expectImmutable(store, "an issued invoice made a draft again") { [unissued] book in
            try book.update(draft: unissued)
        }
        var renumbered = invoice
        renumbered.number = "2026-0999"
        await expectImmutable(store, "recordIssue(of:) a second time") { [renumbered] book in
            try book.recordIssue(of: renumbered)
        }
        await expectImmutable(store, "deleteDraft(id:) of an issued invoice") { try $0.deleteDraft(id: invoice.id) }
        await expectImmutable(store, "insert(draft:) over an issued invoice's id") { [unissued] book in
            try _ = book.insert(draft: unissued)
        }
        #expect(try await kontor.invoice(invoice.number!) == invoice)
        #expect(try await kontor.bookVersion() == version)
        // A draft, by contrast, is anyone's to change and to delete.
        let draft = try await draft(kontor, customer)
        var edited = draft
        edited.lines[0].description = "Umgeschrieben"
        try await store.write { [edited] in try $0.update(draft: edited) }
        #expect(try await kontor.invoice("\(draft.id)").lines[0].description == "Umgeschrieben")
        try await store.write { try $0.deleteDraft(id: draft.id) }
        #expect(try await store.read { try $0.invoice(id: draft.id) } == nil)
    }

    /// A payment is never replaced, and a payment is reversed at most once, even through the port.
    public func paymentsAreImmutable() async throws {
        let (kontor, store, customer) = try await book()
        let invoice = try await issued(kontor, customer)
        let receipt = try await kontor.addPayment(invoice: invoice.number!, amount: Money(cents: 50_000), on: Self.day)
        let payment = receipt.payment
        var replaced = payment
        replaced.amount = Money(cents: 1)
        await expectImmutable(store, "insert(payment:) over an existing payment") { [replaced] book in
            try _ = book.insert(payment: replaced)
        }
        _ = try await kontor.reversePayment(id: payment.id, on: Self.day, reason: "Rücklastschrift")
        let open = try await kontor.invoice(invoice.number!).openAmount
        let second = payment.reversal(on: Self.day, reason: "noch einmal")
        await expectImmutable(store, "a second reversal of one payment") { [second] book in
            try _ = book.insert(payment: second)
        }
        #expect(try await store.read { try $0.payment(id: payment.id) } == payment)
        #expect(try await kontor.payments(invoice: invoice.number!).count == 2)
        #expect(try await kontor.invoice(invoice.number!).openAmount == open)
    }

    /// A sent reminder stays as it went out: neither changed nor replaced by a new letter of its step.
    public func sentLettersAreImmutable() async throws {
        let (kontor, store, customer) = try await book()
        let invoice = try await issued(kontor, customer)
        let late = Self.day.adding(days: 60)
        let run = try await kontor.runReminders(today: late)
        let draft = try #require(run.created.first { $0.invoiceId == invoice.id })
        // A draft letter may still change.
        var reworded = draft
        reworded.body = "Neu formuliert"
        try await store.write { [reworded] in try $0.update(dunningLetter: reworded) }
        let sent = try await kontor.approveReminder(id: draft.id, on: late).letter
        #expect(sent.status == .sent)
        var changed = try await kontor.reminder(id: draft.id)
        changed.body = "Nachträglich geändert"
        await expectImmutable(store, "update(dunningLetter:) of a sent letter") { [changed] book in
            try book.update(dunningLetter: changed)
        }
        var unsent = try await kontor.reminder(id: draft.id)
        unsent.status = .draft
        await expectImmutable(store, "a sent letter made a draft again") { [unsent] book in
            try book.update(dunningLetter: unsent)
        }
        var again = try await kontor.reminder(id: draft.id)
        again.id = 0
        again.body = "Zweites Schreiben derselben Stufe"
        await expectImmutable(store, "a letter replacing a sent one of its step") { [again] book in
            try _ = book.insert(dunningLetter: again)
        }
        let kept = try await kontor.reminder(id: draft.id)
        #expect(kept.body == sent.body && kept.status == .sent && kept.sentOn == late)
    }

    /// A bank entry keeps what the bank said; only its review (status, invoices, confidence, reason) changes, and
    /// an entry of the same identity is never stored a second time.
    public func bankDataIsImmutable() async throws {
        let (kontor, store, _) = try await book()
        let statement = Self.camt([("REF-1", Money(cents: 4_711), "Finanzamt Köln", "Erstattung")])
        let result = try await kontor.importStatement(
            data: statement, fileName: "auszug.xml", dryRun: false, today: Self.day.adding(days: 20))
        #expect(result.queued == 1)
        let entry = try #require(try await store.read { try $0.bankEntries(status: .review) }.first)
        var reviewed = entry
        reviewed.status = .ignored
        reviewed.reason = "keine Rechnung"
        try await store.write { [reviewed] in try $0.update(bankEntry: reviewed) }
        #expect(try await store.read { try $0.bankEntry(id: entry.id) } == reviewed)
        var amount = reviewed
        amount.amount = Money(cents: 1)
        await expectImmutable(store, "a bank entry's amount") { [amount] in try $0.update(bankEntry: amount) }
        var payer = reviewed
        payer.counterpartyName = "Jemand anderes"
        await expectImmutable(store, "a bank entry's counterparty") { [payer] in try $0.update(bankEntry: payer) }
        var day = reviewed
        day.bookingDate = Self.day
        await expectImmutable(store, "a bank entry's booking day") { [day] in try $0.update(bankEntry: day) }
        var twin = entry
        twin.id = 0
        await expectImmutable(store, "a batch holding a known identity") { [twin] book in
            try book.insert(bankEntries: [twin])
        }
        #expect(try await store.read { try $0.bankEntries(status: nil) } == [reviewed])
    }

    /// `insertNew` stores, in their order, the entries whose identity the book does not hold — before the call or
    /// from an earlier entry of it — and says which it stored; the others change nothing.
    public func newBankEntriesAreStoredOnce() async throws {
        let (_, store, _) = try await book()
        let entry = { (identity: String, cents: Int64) in
            BankEntry(
                identity: identity, bookingDate: Self.day, amount: Money(cents: cents), isCredit: true,
                currency: "EUR", counterpartyName: "Zahler", counterpartyIBAN: nil, text: "Dank", status: .review,
                importedOn: Self.day, sourceFile: "auszug.xml")
        }
        let first = [entry("DE02|C|R:A", 100)]
        let second = [entry("DE02|C|R:B", 200), entry("DE02|C|R:A", 300), entry("DE02|C|R:C", 400),
                      entry("DE02|C|R:B", 500)]
        try await store.write { try $0.insert(bankEntries: first) }
        #expect(try await store.write { try $0.insertNew(bankEntries: second) } == [true, false, true, false])
        let stored = try await store.read { try $0.bankEntries(status: nil) }.sorted { $0.id < $1.id }
        #expect(stored.map(\.identity) == ["DE02|C|R:A", "DE02|C|R:B", "DE02|C|R:C"])
        #expect(stored.map(\.amount.cents) == [100, 200, 400])
        let held = [entry("DE02|C|R:C", 1)]
        #expect(try await store.write { try $0.insertNew(bankEntries: held) } == [false])
        #expect(try await store.write { try $0.insertNew(bankEntries: []) }.isEmpty)
        #expect(try await store.read { try $0.bankEntries(status: nil) }.count == 3)
    }
}
