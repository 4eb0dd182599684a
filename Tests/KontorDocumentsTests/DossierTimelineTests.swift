import KontorCore
import Testing

@testable import KontorDocuments

/// The dossier for the Mahnantrag lists the customer's history in German, from the events' facts.
struct DossierTimelineTests {
    let day = Day("2026-03-12")!

    @Test func eventsAreWordedInGermanWithGermanAmountsAndDates() {
        let invoice = TimelineEvent(
            day: day, kind: .invoice, detail: "gross 1190.00, due 2026-03-26",
            reference: "2026-0042",
            facts: TimelineFacts(amount: Money(cents: 119_000), day: Day("2026-03-26")!, invoiceNumber: "2026-0042"))
        #expect(DossierTimeline.line(invoice)
            == "12.03.2026  Rechnung 2026-0042 ausgestellt – brutto 1.190,00 €, fällig 26.03.2026")
        let reminder = TimelineEvent(
            day: day, kind: .reminder, detail: "Mahnung",
            reference: "2026-0042",
            facts: TimelineFacts(subject: "Mahnung", status: DunningStep.firstNotice.rawValue, invoiceNumber: "2026-0042"))
        #expect(DossierTimeline.line(reminder).hasPrefix("12.03.2026  \(DunningStep.firstNotice.label(.de)) versendet (Rechnung 2026-0042)"))
        let promise = TimelineEvent(
            day: day, kind: .promise, detail: "Zahlt nach Urlaub",
            facts: TimelineFacts(subject: "Zahlt nach Urlaub", day: Day("2026-03-20")!, invoiceNumber: "2026-0042"))
        #expect(DossierTimeline.line(promise)
            == "12.03.2026  Zahlungszusage bis 20.03.2026 (Rechnung 2026-0042) – Zahlt nach Urlaub")
        let inquiry = TimelineEvent(
            day: day, kind: .inquiry,
            facts: TimelineFacts(subject: "Website-Texte", status: InquiryChannel.phone.rawValue))
        #expect(DossierTimeline.line(inquiry) == "12.03.2026  Anfrage per Telefon: Website-Texte")
        let referral = TimelineEvent(
            day: day, kind: .inquiry,
            facts: TimelineFacts(subject: "Festschrift", status: InquiryChannel.referral.rawValue))
        #expect(DossierTimeline.line(referral) == "12.03.2026  Anfrage auf Empfehlung: Festschrift")
        for event in [invoice, reminder, promise, inquiry, referral] {
            #expect(!DossierTimeline.line(event).contains(event.title(.en)))
        }
    }
}
