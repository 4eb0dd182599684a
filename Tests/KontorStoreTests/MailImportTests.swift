import Foundation
import GRDB
import KontorApp
import KontorCore
import KontorMailReader
import KontorStore
import Testing

/// Received mail becomes inquiries and notes: fixtures written by hand (multipart/alternative with
/// quoted-printable, ISO-8859-1 in base64 with an attachment, encoded-word subjects, a reply to a sent invoice,
/// HTML only) and an mbox of 1,000 messages generated here.
struct MailImportTests {
    let now = Date(timeIntervalSince1970: 1_796_500_000)

    func makeKontor() async throws -> (Kontor, AppDatabase, Customer) {
        let database = try AppDatabase.inMemory()
        let kontor = Kontor(store: GRDBBookStore(database))
        _ = try await kontor.initialise(BusinessProfile(
            name: "Lena Schreiber",
            address: PostalAddress(street: "Lindenstraße 12", postalCode: "50674", city: "Köln"),
            iban: try IBAN("DE89370400440532013000"), taxNumber: "214/5678/1234"))
        let customer = try await kontor.addCustomer(Customer(
            name: "Müller & Söhne KG", contactPerson: "Thomas Müller",
            address: PostalAddress(street: "Industriestraße 7", postalCode: "44147", city: "Dortmund", state: .NW),
            email: "t.mueller@example.de", createdOn: Day("2026-03-02")!))
        return (kontor, database, customer)
    }

    func fixture(_ name: String) throws -> MailFile {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "eml", subdirectory: "Fixtures/mail"))
        return MailFile(source: "\(name).eml", bytes: [UInt8](try Data(contentsOf: url)))
    }

    /// An issued invoice for the customer, mailed by Kontor with the Message-ID the reply fixture answers.
    func sentInvoice(_ kontor: Kontor, _ database: AppDatabase, customer: Customer) async throws -> Invoice {
        let draft = try await kontor.draftInvoice(from: .customer(customer.id), on: Day("2026-12-01")!)
        _ = try await kontor.addInvoiceLine("\(draft.id)", line: DocumentLine(
            description: "Fachartikel", quantity: Quantity(1), unit: .flat,
            unitPrice: UnitPrice(Money(cents: 100_000)), vatRate: .standard))
        let invoice = try await kontor.issueInvoice("\(draft.id)", on: Day("2026-12-01")!)
        try await database.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO outboxMessage (kind, recordId, customerId, sender, recipients, subject, messageId,
                    content, attachmentNames, status, attempts, createdAt, sentAt)
                    VALUES ('invoice', ?, ?, 'lena@schreiber.test', 't.mueller@example.de', 'Ihre Rechnung',
                    'kontor.invoice.1.42@schreiber.test', X'00', '', 'sent', 1, 1796000000, 1796000000)
                    """, arguments: [invoice.id, customer.id])
        }
        return invoice
    }

    @Test func unknownSenderBecomesAnInquiryByEmailReceivedOnTheDateHeadersDay() async throws {
        // Given an empty book but for one customer
        let (kontor, _, _) = try await makeKontor()
        // When a multipart/alternative mail in quoted-printable UTF-8 from a stranger is imported
        let report = try await kontor.importMail([try fixture("inquiry-alternative-qp")], now: now)
        // Then it is an inquiry by e-mail, received on the Date header's day, with the plain text kept
        guard case let .inquiry(inquiryId, customerId, created) = try #require(report.items.first).outcome else {
            Issue.record("not an inquiry: \(report.items)")
            return
        }
        #expect(created && report.inquiries == 1)
        let inquiry = try await kontor.inquiry(id: inquiryId).inquiry
        #expect(inquiry.channel == .email)
        #expect(inquiry.receivedOn == Day("2026-11-10"))
        #expect(inquiry.subject == "Anfrage: Blogartikel über Gärten")
        #expect(inquiry.note?.contains("12 Blogartikel über Gärten – je 800 Wörter") == true)
        #expect(inquiry.note?.contains("HTML-Fassung") == false)
        let customer = try await kontor.customerDetail(id: customerId).customer
        #expect(customer.name == "Sönke Brügge" && customer.email == "Soenke@Gartenwelt.test")
        #expect(customer.status == .prospect)
    }

    @Test func latin1Base64WithAnAttachmentKeepsTheAttachment() async throws {
        let (kontor, _, _) = try await makeKontor()
        let report = try await kontor.importMail([try fixture("inquiry-latin1-attachment")], now: now)
        let item = try #require(report.items.first)
        #expect(item.subject == "Broschüre für den Frühling")
        guard case let .inquiry(inquiryId, _, _) = item.outcome else {
            Issue.record("not an inquiry: \(item)")
            return
        }
        let inquiry = try await kontor.inquiry(id: inquiryId).inquiry
        #expect(inquiry.note?.contains("Broschüre (24 Seiten)") == true)
        #expect(inquiry.note?.contains("Jörg Weiß") == true)
        let imported = try #require(try await kontor.importedMails().first)
        #expect(imported.attachmentNames == ["Briefing Frühling.pdf"])
        #expect(imported.inquiryId == inquiryId && imported.fromName == "Jörg Weiß")
        #expect(imported.raw.count > 500)
    }

    @Test func aReplyToASentInvoiceBecomesALinkedNoteAndThePromiseIsTakenOverWithOneClick() async throws {
        // Given a customer whose invoice Kontor mailed
        let (kontor, database, customer) = try await makeKontor()
        let invoice = try await sentInvoice(kontor, database, customer: customer)
        // When their reply (which quotes the invoice mail) is imported
        let report = try await kontor.importMail([try fixture("reply-invoice")], now: now)
        // Then it is a note linked to the invoice, with a promise to pay offered but not applied
        let item = try #require(report.items.first)
        #expect(item.subject == "AW: Ihre Rechnung 2026-0001")
        guard case let .note(noteId, customerId, answers, recordId, invoiceId) = item.outcome else {
            Issue.record("not a note: \(item)")
            return
        }
        #expect(customerId == customer.id && answers == .invoice && recordId == invoice.id && invoiceId == invoice.id)
        #expect(item.suggestion == .promise(until: Day("2026-12-15")!))
        var notes = try await kontor.customerNotes(customer.id)
        #expect(notes.map(\.id) == [noteId] && notes[0].kind == .note && notes[0].invoiceId == invoice.id)
        // When the writer takes it over, correcting the day
        let mailId = try #require(item.importedMailId)
        let promise = try await kontor.acceptSuggestion(importedMailId: mailId, as: .promise(until: Day("2026-12-16")!))
        // Then the promise concerns the invoice, and it cannot be taken over twice
        #expect(promise.kind == .promise && promise.promisedFor == Day("2026-12-16") && promise.invoiceId == invoice.id)
        notes = try await kontor.customerNotes(customer.id)
        #expect(notes.count == 2)
        #expect(try await kontor.importedMails(customerId: customer.id).first?.openSuggestion == nil)
        await #expect(throws: WorkflowError.suggestionTaken) {
            _ = try await kontor.acceptSuggestion(importedMailId: mailId, as: .objection)
        }
    }

    @Test func theSameMailTwiceIsImportedOnceAlsoWithoutAMessageId() async throws {
        let (kontor, _, _) = try await makeKontor()
        let mails = [try fixture("inquiry-alternative-qp"), try fixture("html-only")]
        let first = try await kontor.importMail(mails, now: now)
        #expect(first.inquiries == 2)
        // In one batch and in a later one
        let again = try await kontor.importMail(mails + mails, now: now)
        #expect(again.duplicates == 4 && again.inquiries == 0 && again.notes == 0)
        #expect(try await kontor.importedMails().count == 2)
    }

    @Test func htmlOnlyMailIsReducedToText() async throws {
        let (kontor, _, _) = try await makeKontor()
        let report = try await kontor.importMail([try fixture("html-only")], now: now)
        guard case let .inquiry(inquiryId, _, _) = try #require(report.items.first).outcome else {
            Issue.record("not an inquiry: \(report.items)")
            return
        }
        let inquiry = try await kontor.inquiry(id: inquiryId).inquiry
        let text = try #require(inquiry.note)
        #expect(text.contains("Wir brauchen fünf Seiten Text & ein Impressum."))
        #expect(!text.contains("<") && !text.contains("alert") && !text.contains("tracker"))
        #expect(inquiry.subject == "Texte für unsere Website")
        #expect(inquiry.receivedOn == Day("2026-11-13"))
    }

    @Test func anMboxOfAThousandMessagesWithOneBrokenIsImportedButThatOne() async throws {
        // Given an mbox of 1,000 messages from 10 senders, the 500th without any header
        let (kontor, _, _) = try await makeKontor()
        let mbox = Self.mbox(count: 1_000, broken: [500])
        let messages = Kontor.mailFiles(uploaded: [MailFile(source: "inbox.mbox", bytes: mbox)])
        #expect(messages.count == 1_000)
        // When it is imported
        let report = try await kontor.importMail(messages, now: now)
        // Then each sender's first mail is an inquiry, the rest are notes, and the broken one is named
        #expect(report.inquiries == 10 && report.notes == 989 && report.refused == 1)
        #expect(report.items[499].source == "inbox.mbox #500")
        #expect(report.items[499].outcome == .refused(.unreadable(.notAMail)))
        // And importing it again writes nothing
        let again = try await kontor.importMail(messages, now: now)
        #expect(again.duplicates == 999 && again.refused == 1)
    }

    @Test func aBrokenMboxRefusesItselfAndChangesNothing() async throws {
        let (kontor, _, _) = try await makeKontor()
        let broken = MailFile(source: "x.eml", bytes: Array("\r\n\r\nhello".utf8))
        let report = try await kontor.importMail([broken], now: now)
        #expect(report.refused == 1 && report.items.count == 1)
        #expect(try await kontor.importedMails().isEmpty)
    }

    /// An mbox (mboxrd) of `count` plain mails from ten senders; the positions in `broken` have no header.
    static func mbox(count: Int, broken: Set<Int>) -> [UInt8] {
        var text = ""
        for index in 1...count {
            text += "From sender\(index % 10)@mbox.test Tue Nov 10 09:00:00 2026\n"
            if broken.contains(index) {
                text += "\nno header at all\n\n"
                continue
            }
            text += """
                Message-ID: <m\(index)@mbox.test>
                Date: Tue, 10 Nov 2026 09:\(String(format: "%02d", index % 60)):00 +0100
                From: Sender \(index % 10) <sender\(index % 10)@mbox.test>
                Subject: =?UTF-8?Q?Nachricht_Nr.=C2=A0\(index)?=
                Content-Type: text/plain; charset=utf-8

                Hallo, dies ist Nachricht \(index).
                >From the archive: a line that started with From.


                """
        }
        return Array(text.utf8)
    }
}
