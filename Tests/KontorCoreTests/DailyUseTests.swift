import Foundation
import Testing

@testable import KontorCore

/// Issue 12, daily use: overdue counted from the § 193 BGB last day to pay, effort from what was agreed, revision
/// rounds with several notes and their extra price, and discount wording only with a discount line.
struct DailyUseTests {
    /// LAW.md T5: due Fri 2026-04-03 (Karfreitag) → Tue 04-07 (Sat, Sun, Ostermontag skipped).
    let goodFriday = Day("2026-04-03")!
    let easterMonday = Day("2026-04-06")!

    @Test func anInvoiceDueOnGoodFridayIsNotOverdueOnEasterMonday() {
        let deadline = PaymentDeadline(dueDate: goodFriday, state: .NW)
        #expect(deadline.lastDayToPay == Day("2026-04-07")!)
        #expect(!deadline.isOverdue(on: easterMonday))
        #expect(!deadline.isOverdue(on: Day("2026-04-07")!))
        #expect(deadline.isOverdue(on: Day("2026-04-08")!))
        #expect(deadline.daysOverdue(on: easterMonday) == 0)
        #expect(deadline.daysOverdue(on: Day("2026-04-10")!) == 3)
    }

    @Test func theOtherShiftsOfLawT5() {
        #expect(PaymentDeadline(dueDate: Day("2026-06-04")!, state: .NW).lastDayToPay == Day("2026-06-05")!)
        #expect(PaymentDeadline(dueDate: Day("2026-06-04")!, state: .BE).lastDayToPay == Day("2026-06-04")!)
        #expect(PaymentDeadline(dueDate: Day("2026-11-18")!, state: .SN).lastDayToPay == Day("2026-11-19")!)
        #expect(PaymentDeadline(dueDate: Day("2026-12-25")!, state: nil).lastDayToPay == Day("2026-12-28")!)
        #expect(PaymentDeadline(dueDate: Day("2026-10-31")!, state: .BY).lastDayToPay == Day("2026-11-02")!)
    }

    /// The database filters with the cut-off day; it must say exactly what the shifted rule says.
    @Test(arguments: [GermanState?.none, .NW, .BY, .SN, .BE, .BB])
    func theCutOffAgreesWithTheShiftedRuleForEveryDay(state: GermanState?) {
        let first = Day("2026-01-01")!
        for todayOffset in 0..<400 {
            let today = first.adding(days: todayOffset)
            let latest = PaymentDeadline.latestOverdueDueDate(on: today, state: state)
            for back in 0..<12 {
                let due = today.adding(days: -back)
                #expect((due <= latest) == PaymentDeadline(dueDate: due, state: state).isOverdue(on: today),
                        "due \(due), today \(today)")
            }
        }
    }

    /// `isHoliday` answers without building the year's list; it must agree with the list.
    @Test func theQuickHolidayCheckAgreesWithTheYearsList() {
        for state in [GermanState?.none] + GermanState.allCases.map(Optional.some) {
            for year in 2016...2028 {
                let listed = Set(GermanHolidays.holidays(in: year, state: state).map(\.day))
                var day = Day.fixed(year, 1, 1)
                while day.year == year {
                    #expect(GermanHolidays.isHoliday(day, state: state) == listed.contains(day), "\(day) \(state as Any)")
                    day = day.adding(days: 1)
                }
            }
        }
    }

    @Test func theInvoiceAndTheDunningPlannerUseTheSameDeadline() throws {
        let customer = Customer(
            id: 1, name: "Kunde",
            address: PostalAddress(street: "Weg 1", postalCode: "50667", city: "Köln", state: .NW),
            createdOn: Day("2026-01-01")!)
        let profile = BusinessProfile(
            name: "Lena", address: PostalAddress(street: "Weg 2", postalCode: "50674", city: "Köln"),
            vatId: "DE123456789")
        let line = DocumentLine(description: "Text", quantity: Quantity(1), unit: .flat,
                                unitPrice: UnitPrice(tenThousandths: 1_000_000), vatRate: .standard)
        let issueDay = goodFriday.adding(days: -14)
        let invoice = try Invoice(id: 1, customerId: 1, draftedOn: issueDay, paymentTermDays: 14, lines: [line])
            .issued(number: "2026-0001", on: issueDay, customer: customer, profile: profile)
        #expect(invoice.dueDate == goodFriday)
        #expect(!invoice.isOverdue(on: easterMonday) && invoice.daysOverdue(on: easterMonday) == 0)
        #expect(invoice.isOverdue(on: Day("2026-04-08")!) && invoice.daysOverdue(on: Day("2026-04-08")!) == 1)
        let situation = DunningSituation(dueDate: goodFriday, state: .NW, openAmount: invoice.openAmount)
        let policy = DunningPolicy()
        let decision = try #require(DunningPlanner.next(situation, policy: policy))
        #expect(decision.dueOn == Day("2026-04-07")!.adding(days: policy.inquiryAfterDays))
    }

    @Test func theMorningListCountsOverdueFromTheLastDayToPay() {
        let invoices = [
            MorningList.OpenInvoice(number: "2026-0001", invoiceId: 1, customerId: 1, customerName: "Anna",
                                    dueDate: goodFriday, openAmount: Money(cents: 100), state: .NW),
            MorningList.OpenInvoice(number: "2026-0002", invoiceId: 2, customerId: 1, customerName: "Anna",
                                    dueDate: Day("2026-04-02")!, openAmount: Money(cents: 100), state: .NW),
        ]
        let list = MorningList(today: easterMonday, inquiries: [], jobs: [], invoices: invoices)
        #expect(list.invoicesOverdue.map(\.number) == ["2026-0002"])
        #expect(list.invoicesOverdue.first?.daysOverdue == 4)
        #expect(list.invoicesDueSoon.map(\.number) == ["2026-0001"])
        #expect(list.invoicesDueSoon.first?.lastDayToPay == Day("2026-04-07")!)
        let wednesday = MorningList(today: Day("2026-04-08")!, inquiries: [], jobs: [], invoices: invoices)
        #expect(wednesday.invoicesOverdue.map(\.number) == ["2026-0002", "2026-0001"])
        #expect(wednesday.invoicesOverdue.map(\.daysOverdue) == [6, 1])
    }

    @Test func theReceivablesReportAgesFromTheLastDayToPay() {
        let item = ReceivablesReport.Item(
            customerId: 1, customerName: "Anna", issueDate: goodFriday.adding(days: -14), dueDate: goodFriday,
            gross: Money(cents: 100), open: Money(cents: 100), cancelled: false, lastPayment: nil, state: .NW)
        #expect(ReceivablesReport(items: [item], asOf: easterMonday).buckets[0].invoices == 1)
        #expect(ReceivablesReport(items: [item], asOf: Day("2026-04-08")!).buckets[1].invoices == 1)
    }

    @Test func theMorningListKeepsItsSectionsInReadingOrder() {
        let list = MorningList(today: easterMonday, inquiries: [], jobs: [], invoices: [])
        #expect(list.sections == [.mailProblems, .inquiries, .jobs, .reminderDrafts, .dunningStepsDue, .bankEntriesToReview,
                                  .invoicesOverdue, .invoicesDueSoon])
        #expect(list.isEmpty)
    }

    @Test func effortComesFromWhatWasAgreed() {
        let card = RateCard()
        func line(_ quantity: Int64, _ unit: BillingUnit) -> DocumentLine {
            DocumentLine(description: "x", quantity: Quantity(quantity), unit: unit,
                         unitPrice: UnitPrice(tenThousandths: 10_000), vatRate: .standard)
        }
        // Hours billed win.
        #expect(card.effort(quoteLines: [line(6, .hour), line(1, .flat)], inquirySize: nil) == 6000)
        // Words at the card's pace (400 per hour).
        #expect(card.effort(quoteLines: [line(2000, .word)], inquirySize: nil) == 5000)
        // A flat quote: the inquiry's size at the card's pace (1,5 pages per hour).
        let size = WorkSize(quantity: Quantity(12), unit: .page)
        #expect(card.effort(quoteLines: [line(1, .flat)], inquirySize: size) == 8000)
        // Nothing known: the planner's estimate, as `inquiry propose` uses it.
        #expect(card.effort(quoteLines: [line(1, .flat)], inquirySize: nil) == DeliveryPlanner.smallJobHours)
    }

    @Test func aRoundHoldsSeveralNotesAndCountsOnce() throws {
        var job = Job(id: 1, customerId: 1, title: "Text", includedRevisions: 1, createdOn: easterMonday)
        job.revisions = [
            Revision(requestedOn: easterMonday, notes: [
                RevisionNote(kind: .critique, text: "Zu förmlich"), RevisionNote(kind: .change, text: "Kürzen"),
            ], billable: false),
        ]
        #expect(job.billableRevisionCount == 0)
        #expect(job.extraRevisionLine(price: UnitPrice(tenThousandths: 600_000), language: .de) == nil)
        job.revisions.append(Revision(requestedOn: easterMonday, kind: .change, note: "Titel", billable: true))
        job.revisions.append(Revision(requestedOn: easterMonday, kind: .critique, note: "Ton", billable: true))
        let line = try #require(job.extraRevisionLine(price: UnitPrice(tenThousandths: 600_000), language: .de))
        #expect(line.quantity == Quantity(2) && line.net == Money(cents: 12_000))
        #expect(line.description.contains("Korrekturschleife"))
        let ask = try #require(job.extraRevisionLine(price: UnitPrice(tenThousandths: 0), language: .en))
        #expect(ask.net == .zero && ask.description.contains("revision round"))
    }

    @Test func aDiscountIsNamedOnlyWhenThereIsADiscountLine() {
        var draft = Invoice(customerId: 1, draftedOn: easterMonday, paymentTermDays: 14, loyaltyPercent: 3)
        #expect(draft.discountPercent == nil)
        draft.lines = [DocumentLine(description: "Text", quantity: Quantity(1), unit: .flat,
                                    unitPrice: UnitPrice(tenThousandths: 1_000_000), vatRate: .standard)]
        #expect(draft.discountPercent == 3)
        draft.loyaltyPercent = 0
        #expect(draft.discountPercent == nil)
    }

    @Test func aRateCardSavedBeforeTheRevisionPriceStillReads() throws {
        let old = #"{"pricePerWord":"0.12","pricePerLine":"1.40","pricePerPage":"45.00","pricePerHour":"85.00","#
            + #""wordsPerHour":400,"linesPerHour":30,"pagesPerTenHours":15}"#
        let card = try JSONDecoder().decode(RateCard.self, from: Data(old.utf8))
        #expect(card.pricePerRevision == UnitPrice(tenThousandths: 0))
        #expect(card.pricePerHour == UnitPrice(tenThousandths: 850_000))
    }
}
