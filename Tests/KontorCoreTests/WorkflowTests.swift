import Testing

@testable import KontorCore

struct WorkflowTests {
    let today = Day("2026-11-26")!

    @Test func jobsMoveOnlyForward() throws {
        var job = Job(id: 1, customerId: 1, title: "Text", createdOn: today)
        #expect(throws: WorkflowError.jobTransition(id: 1, from: .planned, to: .accepted)) {
            try job.advance(to: .accepted, on: today)
        }
        try job.advance(to: .inProgress, on: today)
        try job.advance(to: .delivered, on: today.adding(days: 3))
        try job.advance(to: .revising, on: today.adding(days: 4))
        try job.advance(to: .delivered, on: today.adding(days: 5))
        try job.advance(to: .accepted, on: today.adding(days: 6))
        #expect(job.startedOn == today && job.deliveredOn == today.adding(days: 5) && job.acceptedOn == today.adding(days: 6))
        #expect(!job.isOpen)
    }

    @Test func phoneInquiriesComeFirstThenTheLongestWaiting() {
        let mails = (1...3).map { Inquiry(id: Int64($0), customerId: 1, channel: .email,
                                          receivedOn: today.adding(days: -$0), subject: "Mail \($0)") }
        let call = Inquiry(id: 9, customerId: 2, channel: .phone, receivedOn: today, subject: "Anruf")
        let sorted = (mails + [call]).sorted(by: Inquiry.workOrder)
        #expect(sorted.map(\.id) == [9, 3, 2, 1])
    }

    @Test func morningListShowsWhatIsDueAndOverdue() {
        let inquiries = [
            (Inquiry(id: 1, customerId: 1, channel: .email, receivedOn: today.adding(days: -3), subject: "A"), "Anna"),
            (Inquiry(id: 2, customerId: 1, channel: .email, receivedOn: today, subject: "B", status: .answered), "Anna"),
        ]
        let jobs = [
            (Job(id: 1, customerId: 1, title: "soon", deadline: today.adding(days: 7), createdOn: today), "Anna"),
            (Job(id: 2, customerId: 1, title: "later", deadline: today.adding(days: 8), createdOn: today), "Anna"),
            (Job(id: 3, customerId: 1, title: "done", deadline: today, status: .accepted, createdOn: today), "Anna"),
        ]
        let invoices = [
            MorningList.OpenInvoice(number: "2026-0001", invoiceId: 1, customerId: 1, customerName: "Anna",
                                    dueDate: today.adding(days: -10), openAmount: Money(cents: 100)),
            MorningList.OpenInvoice(number: "2026-0002", invoiceId: 2, customerId: 1, customerName: "Anna",
                                    dueDate: today, openAmount: Money(cents: 100)),
            MorningList.OpenInvoice(number: "2026-0003", invoiceId: 3, customerId: 1, customerName: "Anna",
                                    dueDate: today.adding(days: 20), openAmount: Money(cents: 100)),
        ]
        let list = MorningList(today: today, inquiries: inquiries, jobs: jobs, invoices: invoices)
        #expect(list.inquiries.map(\.inquiry.id) == [1] && list.inquiries[0].daysWaiting == 3)
        #expect(list.jobs.map(\.job.id) == [1] && list.jobs[0].daysLeft == 7)
        #expect(list.invoicesOverdue.map(\.number) == ["2026-0001"] && list.invoicesOverdue[0].daysOverdue == 10)
        #expect(list.invoicesDueSoon.map(\.number) == ["2026-0002"])
    }
}
