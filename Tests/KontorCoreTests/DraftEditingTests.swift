import KontorCore
import Testing

/// Lines of quotes and drafts are addressed by the positions `show` prints; edits are checked like new input.
struct DraftEditingTests {
    func line(_ text: String, price: String = "100") throws -> DocumentLine {
        DocumentLine(description: text, quantity: Quantity(1), unit: .flat, unitPrice: try UnitPrice(parsing: price),
                     vatRate: .standard)
    }

    @Test func editChangesOnlyTheGivenFields() throws {
        var lines = [try line("A"), try line("B", price: "0,12")]
        try DraftLines.edit(&lines, at: 2, LineChange(unitPrice: try UnitPrice(parsing: "0,13")))
        let fixed = try UnitPrice(parsing: "0,13")
        #expect(lines[1].description == "B" && lines[1].unitPrice == fixed)
        #expect(lines[0] == (try line("A")))
        #expect(throws: InputError.self) { try DraftLines.edit(&lines, at: 1, LineChange()) }
        #expect(throws: InputError.missing(what: .lineDescription, fix: "--description \"Blogartikel\"")) {
            try DraftLines.edit(&lines, at: 1, LineChange(description: "  "))
        }
    }

    @Test func positionsOutsideTheLinesSayWhichExist() throws {
        var lines = [try line("A"), try line("B"), try line("C")]
        #expect(throws: InputError.invalid(what: .linePosition, rule: .noSuchLine(position: 0, count: 3))) {
            try DraftLines.remove(&lines, at: 0)
        }
        var none: [DocumentLine] = []
        #expect(throws: InputError.invalid(what: .linePosition, rule: .noLinesYet)) {
            try DraftLines.remove(&none, at: 1)
        }
        #expect(lines.count == 3)
    }

    @Test func moveKeepsTheOrderOfTheOthers() throws {
        var lines = [try line("A"), try line("B"), try line("C"), try line("D")]
        try DraftLines.move(&lines, from: 4, to: 2)
        #expect(lines.map(\.description) == ["A", "D", "B", "C"])
        try DraftLines.move(&lines, from: 1, to: 4)
        #expect(lines.map(\.description) == ["D", "B", "C", "A"])
        try DraftLines.remove(&lines, at: 2)
        #expect(lines.map(\.description) == ["D", "C", "A"])
    }

    @Test func quoteTermsAreChecked() throws {
        let day = Day("2026-03-02")!
        var quote = Quote(customerId: 1, title: "Website", createdOn: day, validUntil: day, paymentTermDays: 14)
        try quote.validateTerms()
        quote.validUntil = Day("2026-03-01")!
        #expect(throws: InputError.self) { try quote.validateTerms() }
        quote.validUntil = day
        quote.paymentTermDays = 121
        #expect(throws: InputError.outOfRange(what: .paymentTerm, value: "121", range: 0...120, unit: .days)) {
            try quote.validateTerms()
        }
    }

    @Test func acceptedJobsAndClosedInquiriesAreNotEditable() {
        var job = Job(customerId: 1, title: "Text", createdOn: Day("2026-03-02")!)
        #expect(job.isEditable)
        job.status = .accepted
        #expect(!job.isEditable)
        var inquiry = Inquiry(customerId: 1, channel: .email, receivedOn: Day("2026-03-02")!, subject: "Flyer")
        inquiry.status = .quoted
        #expect(inquiry.isEditable)
        inquiry.status = .lost
        #expect(!inquiry.isEditable)
    }
}
