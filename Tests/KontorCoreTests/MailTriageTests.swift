import Foundation
import KontorCore
import Testing

/// The rule of what a received mail becomes, and the suggestions offered for a customer's answer.
@Suite struct MailTriageTests {
    let invoiceMail = SentMailReference(outboxMessageId: 4, kind: .invoice, recordId: 7, customerId: 1, invoiceId: 7)

    func mail(from: String?, id: String? = "m1@x.test", answers: [String] = []) -> IncomingMail {
        IncomingMail(messageId: id, rawHash: "ab", fromAddress: from, answeredMessageIds: answers)
    }

    func decide(_ mail: IncomingMail, imported: Bool = false) -> MailTriage.Outcome {
        MailTriage.decide(
            mail, isImported: imported, customerId: { $0 == "ines@suessholz.test" ? 1 : nil },
            sent: ["kontor.invoice.7@me.test": invoiceMail])
    }

    @Test func unknownSenderBecomesAnInquiry() {
        #expect(decide(mail(from: "new@elsewhere.test")) == .inquiry)
        #expect(decide(mail(from: nil)) == .inquiry)
    }

    @Test func knownSenderMatchedCaseInsensitivelyBecomesANote() {
        // Given a known address written in capitals, When it arrives, Then it is a note without a link.
        #expect(decide(mail(from: " Ines@SuessHolz.test")) == .note(customerId: 1, answers: nil))
    }

    @Test func aReplyIsLinkedToTheSentMailItAnswers() {
        let reply = mail(from: "ines@suessholz.test", answers: ["other@x.test", "kontor.invoice.7@me.test"])
        #expect(decide(reply) == .note(customerId: 1, answers: invoiceMail))
        // Accounting answering from another address still belongs to the customer the invoice went to.
        #expect(decide(mail(from: "buchhaltung@suessholz.test", answers: ["kontor.invoice.7@me.test"]))
            == .note(customerId: 1, answers: invoiceMail))
    }

    @Test func aReferenceToAnotherCustomersMailIsNotLinked() {
        let other = SentMailReference(outboxMessageId: 5, kind: .quote, recordId: 2, customerId: 9, invoiceId: nil)
        let outcome = MailTriage.decide(
            mail(from: "ines@suessholz.test", answers: ["q@me.test"]), isImported: false,
            customerId: { _ in 1 }, sent: ["q@me.test": other])
        #expect(outcome == .note(customerId: 1, answers: nil))
    }

    @Test func importedBeforeIsADuplicateAndWithoutMessageIdTheHashIdentifies() {
        #expect(decide(mail(from: "ines@suessholz.test"), imported: true) == .duplicate)
        #expect(mail(from: nil).identity == "id:m1@x.test")
        #expect(mail(from: nil, id: nil).identity == "sha256:ab")
    }

    // MARK: - Suggestions

    let december1 = Day(year: 2026, month: 12, day: 1)!

    @Test(arguments: [
        ("Wir überweisen den Betrag bis zum 15.12.", Day(year: 2026, month: 12, day: 15)),
        ("Am 20. Dezember überweise ich das Geld.", Day(year: 2026, month: 12, day: 20)),
        ("We will pay by 15 December.", Day(year: 2026, month: 12, day: 15)),
        ("Payment will follow on January 8th, 2027.", Day(year: 2027, month: 1, day: 8)),
        ("Die Zahlung erfolgt am 10.1.27, sorry!", Day(year: 2027, month: 1, day: 10)),
        // Without a year, a day already past is next year's.
        ("Zahlung kommt am 5.11.", Day(year: 2027, month: 11, day: 5)),
    ])
    func promisesToPayNameADay(text: String, day: Day?) throws {
        #expect(MailSuggestion.detect(in: text, receivedOn: december1) == .promise(until: try #require(day)))
    }

    @Test(arguments: [
        "Ich widerspreche der Rechnung: der Text war mangelhaft.",
        "Mit der Rechnung sind wir nicht einverstanden.",
        "We dispute this invoice, the work was not what we agreed.",
        "I have a complaint about the second chapter.",
    ])
    func objectionsAreRecognised(text: String) {
        #expect(MailSuggestion.detect(in: text, receivedOn: december1) == .objection)
    }

    @Test func nothingIsSuggestedForOrdinaryMailOrQuotedText() {
        #expect(MailSuggestion.detect(in: "Danke, der Text ist super geworden!", receivedOn: december1) == nil)
        // A date without any word about paying is not a promise.
        #expect(MailSuggestion.detect(in: "Treffen wir uns am 15.12.?", receivedOn: december1) == nil)
        // An amount is not a date.
        #expect(MailSuggestion.detect(in: "Der Betrag von 1.500,00 € ist notiert.", receivedOn: december1) == nil)
        // The writer's own invoice quoted back names a payment date: that is not the customer's promise.
        let reply = "Danke!\n\nAm 01.12.2026 schrieb Lena:\n> Zahlbar bis 15.12.2026\n> Reklamation? Nein."
        #expect(MailSuggestion.detect(in: reply, receivedOn: december1) == nil)
        #expect(MailSuggestion.detect(in: "Ok.\n> zahlbar bis 15.12.", receivedOn: december1) == nil)
    }
}
