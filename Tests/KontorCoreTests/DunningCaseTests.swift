import Foundation
import Testing
@testable import KontorCore

/// The one builder of a dunning case (issue 13 items 5–10, 15), with new worked examples computed by hand.
/// Common facts: 1.000,00 € net + 19 % = 1.190,00 € gross, issued Mon 2026-01-05, 14 days → due Mon 2026-01-19
/// (Köln, NW, no holiday); inquiry sent Mon 2026-01-26 (payment request → default from 2026-01-27, § 286 Abs. 1
/// BGB); 1. Mahnung sent 2026-02-09. Base rate 2026 H1: 1,27 % (LAW.md 3.3).
struct DunningCaseTests {
    static let issueDay = Day("2026-01-05")!
    static let sent: [DunningStep: Day] = [.inquiry: Day("2026-01-26")!, .firstNotice: Day("2026-02-09")!]

    static func customer(_ kind: CustomerKind, email: String? = "buch@example.de") -> Customer {
        Customer(id: 7, name: "Familie Neumann",
                 address: PostalAddress(street: "Hohe Straße 1", postalCode: "50667", city: "Köln", state: .NW),
                 email: email, kind: kind, createdOn: issueDay)
    }

    static func invoice(buyer: CustomerKind, termAgreed: Bool = false) throws -> Invoice {
        let profile = BusinessProfile(
            name: "Lena", address: PostalAddress(street: "Weg 2", postalCode: "50674", city: "Köln"), vatId: "DE123456789")
        let line = DocumentLine(description: "Texte", quantity: Quantity(1), unit: .flat,
                                unitPrice: UnitPrice(tenThousandths: 10_000_000), vatRate: .standard)
        var invoice = try Invoice(id: 1, customerId: 7, draftedOn: issueDay, paymentTermDays: 14, termAgreed: termAgreed,
                                  lines: [line])
            .issued(number: "2026-0001", on: issueDay, customer: customer(buyer), profile: profile)
        invoice.id = 1
        return invoice
    }

    static func assemble(
        _ step: DunningStep, invoice: Invoice, current: Customer, on day: String, sent: [DunningStep: Day] = sent,
        notes: [Note] = [], payments: [Payment] = [], charges: [DunningCharge] = [], policy: DunningPolicy = DunningPolicy(),
        delivery: LetterDelivery = .email
    ) throws -> DunningCase {
        try DunningCase.assemble(
            step, invoice: invoice, customer: current, sent: sent, notes: notes, payments: payments, charges: charges,
            policy: policy, baseRates: .standard, today: Day(day)!, delivery: delivery)
    }

    // MARK: - Item 8: everything legal from the issue-time snapshot

    /// § 288 Abs. 1, 2 and 5 BGB: the debtor's kind when the contract was made decides rate and lump sum; a later
    /// change of the customer record does not (issue 13 item 8).
    @Test func aCustomerChangedToBusinessIsStillDunnedAsTheConsumerOfTheInvoice() throws {
        let invoice = try Self.invoice(buyer: .consumer)
        let claim = try Self.assemble(.secondNotice, invoice: invoice, current: Self.customer(.business), on: "2026-03-05")
        // 27.01.–05.03.2026 = 5 + 28 + 5 = 38 days; 1.190,00 × (1,27 + 5) % × 38 / 365 = 74,613 × 38 / 365
        // = 7,7679 → 7,77 € (the current business record would give 1.190,00 × 10,27 % × 38 / 365 = 12,72 €).
        #expect(claim.debtor == .consumer && claim.marginPoints == 5)
        #expect(claim.interest == Money(cents: 777))
        #expect(claim.lumpSum == .zero)
        // The invoice carried the § 286 Abs. 3 notice because the buyer was a consumer at issue.
        #expect(claim.consumerNoticeOnInvoice)
        #expect(claim.claimTotal == Money(cents: 119_777))
    }

    /// And the other way round: a business at issue keeps 9 points and the 40 € (§ 288 Abs. 2, 5 BGB).
    @Test func aBusinessChangedToConsumerKeepsTheBusinessTerms() throws {
        let invoice = try Self.invoice(buyer: .business)
        let claim = try Self.assemble(.secondNotice, invoice: invoice, current: Self.customer(.consumer), on: "2026-03-05")
        // 1.190,00 × 10,27 % × 38 / 365 = 122,213 × 38 / 365 = 12,7236 → 12,72 €; + 40,00 € lump sum.
        #expect(claim.interest == Money(cents: 1_272) && claim.lumpSum == Money(cents: 4_000))
        #expect(!claim.consumerNoticeOnInvoice)
    }

    // MARK: - Item 5: lump sum against costs, no postage for e-mail

    /// § 288 Abs. 5 Satz 3 BGB: the 40 € lump sum is set off against costs of pursuit, so a business is never
    /// charged both; LAW.md 3.5: only actual costs, so a letter by e-mail claims no postage (issue 13 item 5).
    @Test func businessesPayTheLumpSumNotAlsoCostsAndEMailCostsNothing() throws {
        let policy = DunningPolicy(materialCosts: Money(cents: 150))
        let business = try Self.invoice(buyer: .business)
        // By post: 1,50 € postage is set off against the 40 € lump sum: max(0, 1,50 − 40,00) = 0,00 € costs.
        // Total 1.190,00 + 12,72 + 40,00 = 1.242,72 €.
        let byPost = try Self.assemble(.secondNotice, invoice: business, current: Self.customer(.business),
                                       on: "2026-03-05", policy: policy, delivery: .post)
        #expect(byPost.lumpSum == Money(cents: 4_000) && byPost.costs == .zero)
        #expect(byPost.claimTotal == Money(cents: 124_272))
        // A consumer owes no lump sum, so the postage of a letter by post is claimed: 1.190,00 + 7,77 + 1,50.
        let consumer = try Self.invoice(buyer: .consumer)
        let consumerByPost = try Self.assemble(.secondNotice, invoice: consumer, current: Self.customer(.consumer),
                                               on: "2026-03-05", policy: policy, delivery: .post)
        #expect(consumerByPost.costs == Money(cents: 150) && consumerByPost.claimTotal == Money(cents: 119_927))
        // The same letter by e-mail cost nothing to send: no costs.
        let consumerByMail = try Self.assemble(.secondNotice, invoice: consumer, current: Self.customer(.consumer),
                                               on: "2026-03-05", policy: policy, delivery: .email)
        #expect(consumerByMail.costs == .zero && consumerByMail.claimTotal == Money(cents: 119_777))
        // Kontor assumes e-mail only when it has an address to send to.
        #expect(LetterDelivery.assumed(for: Self.customer(.consumer, email: nil)) == .post)
    }

    // MARK: - Item 6: what arrived since the last letter

    /// § 367 BGB and truthfulness: a partial payment after the 1. Mahnung is named in the 2. Mahnung with its
    /// allocation, and the interest follows the reduced principal (issue 13 item 6).
    @Test func aPartialPaymentAfterTheFirstNoticeIsStatedAndReducesThePrincipal() throws {
        let invoice = try Self.invoice(buyer: .business)
        // 500,00 € on 20.02.; no charge was claimed yet, so the booked allocation is all principal.
        let payment = Payment(id: 1, invoiceId: 1, customerId: 7, amount: Money(cents: 50_000),
                              receivedOn: Day("2026-02-20")!)
        let claim = try Self.assemble(.secondNotice, invoice: invoice, current: Self.customer(.business),
                                      on: "2026-03-05", payments: [payment])
        #expect(claim.received.map(\.amount) == [Money(cents: 50_000)])
        #expect(claim.received.first?.toPrincipal == Money(cents: 50_000))
        // 1.190,00 × 10,27 % × 25 d (27.01.–20.02.) / 365 = 8,37075; 690,00 × 10,27 % × 13 d (21.02.–05.03.) / 365
        // = 2,52389; together 10,89464 → 10,89 €. Principal 690,00; total 690,00 + 10,89 + 40,00 = 740,89 €.
        #expect(claim.principal == Money(cents: 69_000) && claim.interest == Money(cents: 1_089))
        #expect(claim.claimTotal == Money(cents: 74_089))
        // A payment before the previous letter is not "since" it.
        let early = Payment(id: 2, invoiceId: 1, customerId: 7, amount: Money(cents: 10_000), receivedOn: Day("2026-02-02")!)
        let later = try Self.assemble(.secondNotice, invoice: invoice, current: Self.customer(.business),
                                      on: "2026-03-05", payments: [early])
        #expect(later.received.isEmpty)
    }

    // MARK: - Item 7: principal parts with their own interest start

    /// Mahnantrag: interest worked out up to the last payment is a Nebenforderung, running interest on the
    /// remaining principal starts the next day; nothing is claimed twice (issue 13 item 7, § 367 BGB).
    @Test func theDossierSplitsInterestAtThePartialPayment() throws {
        let invoice = try Self.invoice(buyer: .business)
        // The 2. Mahnung of 05.03. claimed 12,72 € interest and the 40 € lump sum; on 10.03. 500,00 € arrived,
        // booked under § 367 BGB as 40,00 costs, 12,72 interest, 447,28 principal → 742,72 € principal open.
        let charges = [
            DunningCharge(id: 1, invoiceId: 1, customerId: 7, kind: .interest, amount: Money(cents: 1_272),
                          arisenOn: Day("2026-03-05")!),
            DunningCharge(id: 2, invoiceId: 1, customerId: 7, kind: .lumpSum, amount: Money(cents: 4_000),
                          arisenOn: Day("2026-03-05")!),
        ]
        let payment = Payment(id: 1, invoiceId: 1, customerId: 7, amount: Money(cents: 50_000),
                              receivedOn: Day("2026-03-10")!, toCosts: Money(cents: 4_000), toInterest: Money(cents: 1_272))
        var sent = Self.sent
        sent[.secondNotice] = Day("2026-03-05")!
        let claim = try Self.assemble(.handover, invoice: invoice, current: Self.customer(.business), on: "2026-03-26",
                                      sent: sent, payments: [payment], charges: charges)
        #expect(claim.principal == Money(cents: 74_272))
        // Worked out: 1.190,00 × 10,27 % × 43 d (27.01.–10.03.) / 365 = 14,39769 → 14,40 − 12,72 paid = 1,68 €.
        let settled = try #require(claim.settledInterest)
        #expect(settled.amount == Money(cents: 168))
        #expect(settled.from == Day("2026-01-27")! && settled.through == Day("2026-03-10")!)
        // Running: 742,72 € from 11.03.; to 26.03. (16 d) 742,72 × 10,27 % × 16 / 365 = 3,34366; the whole
        // 14,39769 + 3,34366 = 17,74135 → 17,74 − 14,40 = 3,34 €.
        #expect(claim.principalParts == [PrincipalPart(amount: Money(cents: 74_272), interestFrom: Day("2026-03-11")!,
                                                       interestToDate: Money(cents: 334))])
        // Open interest 17,74 − 12,72 = 5,02 = 1,68 + 3,34; the lump sum is paid; total 742,72 + 5,02 = 747,74.
        #expect(claim.interest == Money(cents: 502) && claim.lumpSum == .zero)
        #expect(claim.claimTotal == Money(cents: 74_774))
    }

    /// Without a payment in default the remaining principal runs from the first day of default.
    @Test func withoutPaymentsThereIsOnePartFromTheStartOfDefault() throws {
        let invoice = try Self.invoice(buyer: .business)
        var sent = Self.sent
        sent[.secondNotice] = Day("2026-03-05")!
        let claim = try Self.assemble(.handover, invoice: invoice, current: Self.customer(.business), on: "2026-03-26",
                                      sent: sent)
        #expect(claim.settledInterest == nil)
        #expect(claim.principalParts.map(\.interestFrom) == [Day("2026-01-27")!])
    }

    // MARK: - Item 9: after a settled objection

    /// Good faith (§ 242 BGB) and the design's patience: after a dispute is settled the customer gets time to pay
    /// before the ladder goes on (issue 13 item 9; DunningPolicy.objectionSettledWaitDays, default 14).
    @Test func aSettledObjectionMakesTheLadderWaitAgain() throws {
        let situation = DunningSituation(
            dueDate: Day("2026-01-19")!, state: .NW, openAmount: Money(cents: 119_000),
            sent: [.inquiry: Day("2026-01-26")!], objectionSettledOn: Day("2026-03-02")!)
        // Without the objection the 1. Mahnung was due 26.01. + 14 = 09.02.; after settling on 02.03.: 16.03.
        #expect(DunningPlanner.next(situation, policy: DunningPolicy())?.dueOn == Day("2026-03-16")!)
        let notes = [
            Note(id: 1, customerId: 7, writtenOn: Day("2026-01-28")!, text: "Text gefällt nicht", kind: .objection,
                 invoiceId: 1),
            Note(id: 2, customerId: 7, writtenOn: Day("2026-03-02")!, text: "Geklärt", kind: .objectionResolved,
                 invoiceId: 1),
        ]
        #expect(notes.objectionSettled(for: 1) == Day("2026-03-02")!)
        let claim = try Self.assemble(.firstNotice, invoice: try Self.invoice(buyer: .business),
                                      current: Self.customer(.business), on: "2026-03-16",
                                      sent: [.inquiry: Day("2026-01-26")!], notes: notes)
        #expect(claim.objectionSettledOn == Day("2026-03-02")! && !claim.neverObjected)
    }

    // MARK: - Item 10: the inquiry asks for payment by a date

    /// § 286 Abs. 1 BGB: only a clear demand starts default, so the inquiry names a pay-by date (LAW.md 3 (a)).
    @Test func theInquirySetsAPayByDate() throws {
        let claim = try Self.assemble(.inquiry, invoice: try Self.invoice(buyer: .business),
                                      current: Self.customer(.business), on: "2026-01-26", sent: [:])
        // 26.01. + 7 days = Mon 02.02.2026.
        #expect(claim.deadline == Day("2026-02-02")!)
    }

    // MARK: - Item 15: day count and payment day are settings

    /// LAW.md 3.4: no statute fixes the day count; the convention and the payment day are settings.
    @Test func dayCountAndPaymentDayAreSettings() throws {
        let invoice = try Self.invoice(buyer: .business)
        // 30E/360: 27.01.–05.03. = (3·30 + 5) − (1·30 + 26) = 39 days; 122,213 × 39 / 360 = 13,2398 → 13,24 €.
        let thirty = try Self.assemble(.secondNotice, invoice: invoice, current: Self.customer(.business),
                                       on: "2026-03-05", policy: DunningPolicy(dayCount: .thirty360))
        #expect(thirty.interest == Money(cents: 1_324))
        // The reference day not counted: 37 days, 122,213 × 37 / 365 = 12,3887 → 12,39 €.
        let without = try Self.assemble(.secondNotice, invoice: invoice, current: Self.customer(.business),
                                        on: "2026-03-05", policy: DunningPolicy(countsPaymentDay: false))
        #expect(without.interest == Money(cents: 1_239))
    }

    /// A profile saved before these settings existed still loads, with today's defaults.
    @Test func anOldPolicyDecodesWithTheDefaults() throws {
        let old = #"{"inquiryAfterDays":10,"firstNoticeAfterDays":14,"firstNoticeDeadlineDays":10,"#
            + #""secondNoticeAfterDeadlineDays":14,"secondNoticeDeadlineDays":7,"handoverAfterDeadlineDays":14,"#
            + #""promiseGraceDays":3,"skipPostponeDays":7,"patientFactorPercent":150,"materialCosts":"0.00"}"#
        let policy = try JSONDecoder().decode(DunningPolicy.self, from: Data(old.utf8))
        #expect(policy.inquiryAfterDays == 10)
        #expect(policy.dayCount == .actual365Leap366 && policy.countsPaymentDay && policy.objectionSettledWaitDays == 14)
        #expect(policy.inquiryDeadlineDays == 7)
        let again = try JSONDecoder().decode(DunningPolicy.self, from: try JSONEncoder().encode(
            DunningPolicy(dayCount: .thirty360, countsPaymentDay: false)))
        #expect(again.dayCount == .thirty360 && !again.countsPaymentDay)
    }
}
