public import Foundation
public import KontorCore
import KontorDocuments

/// What one reminder run prepared.
public struct ReminderRun: Sendable, Encodable {
    /// The drafts created (or re-proposed after a skip).
    public var created: [DunningLetter]
    /// Steps that are due but could not be prepared, with the reason (e.g. a missing base rate).
    public var problems: [ReminderProblem]
}

/// A dunning step that is due but could not be prepared, and why.
public struct ReminderProblem: Sendable, Encodable, UserError {
    public let step: DunningStep
    public let invoiceNumber: String
    public let error: LegalError

    public init(step: DunningStep, invoiceNumber: String, error: LegalError) {
        self.step = step
        self.invoiceNumber = invoiceNumber
        self.error = error
    }

    public func message(_ language: Language, for audience: Audience) -> String {
        let what = language == .de
            ? "\(step.label(.de)) zu Rechnung \(invoiceNumber)"
            : "\(step.label(.en)) for invoice \(invoiceNumber)"
        return "\(what): \(error.message(language, for: audience))"
    }

    private enum CodingKeys: String, CodingKey { case step, invoiceNumber, message }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(step, forKey: .step)
        try container.encode(invoiceNumber, forKey: .invoiceNumber)
        try container.encode(message(.en, for: .commandLine), forKey: .message)
    }
}

extension Kontor {
    /// For every open invoice, prepares the next dunning step that is due as a draft. Never sends anything.
    /// Running it twice creates nothing twice: one letter per invoice and step, and no new draft while one waits.
    public func runReminders(today: Day) async throws -> ReminderRun {
        try await store.write { book in
            let profile = try book.requireProfile()
            let policy = profile.effectiveDunningPolicy
            let invoices = try book.invoices(InvoiceQuery(openOnly: true))
                .filter { $0.kind == .invoice && $0.isIssued && $0.dueDate != nil }
                .sorted { ($0.number ?? "") < ($1.number ?? "") }
            let invoiceIds = Set(invoices.map(\.id))
            let customerIds = Set(invoices.map(\.customerId))
            let letters = Dictionary(grouping: try book.dunningLetters(status: nil, invoiceIds: invoiceIds), by: \.invoiceId)
            let notes = try book.notes(customerIds: customerIds)
            let holds = Dictionary(grouping: try book.dunningHolds(customerIds: customerIds), by: \.customerId)
            let customers = try book.customers(ids: customerIds)
            let payments = try book.payments(invoiceIds: invoiceIds)
            let charges = Dictionary(grouping: try book.dunningCharges(invoiceIds: invoiceIds), by: \.invoiceId)
            // Regular customers who never needed a Mahnung get more patience.
            let warned = Set(try book.dunningLetters(status: .sent, invoiceIds: nil)
                .filter { $0.step != .inquiry }.map(\.customerId))
            var run = ReminderRun(created: [], problems: [])
            for invoice in invoices {
                guard let customer = customers[invoice.customerId] else { continue }
                let existing = letters[invoice.id] ?? []
                if existing.contains(where: { $0.status == .draft }) { continue }
                let customerNotes = notes[customer.id] ?? []
                // § 193 BGB counts at the debtor's seat as at issue, like everything legal about the invoice.
                let situation = Kontor.dunningSituation(
                    invoiceId: invoice.id, dueDate: invoice.dueDate!, openAmount: invoice.openAmount,
                    isCancelled: invoice.isCancelled, customerId: customer.id, customerStatus: customer.status,
                    state: DunningCase.legalBuyer(of: invoice, current: customer).address?.state,
                    letters: existing.map(\.mark),
                    notes: customerNotes, holds: holds[customer.id] ?? [], warned: warned)
                guard let decision = DunningPlanner.due(situation, policy: policy, today: today) else { continue }
                do {
                    let dunningCase = try DunningCase.assemble(
                        decision.step, invoice: invoice, customer: customer, sent: situation.sent, notes: customerNotes,
                        payments: payments[invoice.id] ?? [], charges: charges[invoice.id] ?? [], policy: policy,
                        baseRates: profile.effectiveBaseRates, today: today,
                        delivery: LetterDelivery.assumed(for: customer))
                    let letter = try compose(dunningCase, book: book)
                    if var skipped = existing.first(where: { $0.step == decision.step }) {
                        skipped.status = .draft
                        skipped.createdOn = today
                        skipped.skippedOn = nil
                        (skipped.subject, skipped.body, skipped.deadline) = (letter.subject, letter.body, letter.deadline)
                        (skipped.openAmount, skipped.interest, skipped.lumpSum, skipped.costs) =
                            (letter.openAmount, letter.interest, letter.lumpSum, letter.costs)
                        try book.update(dunningLetter: skipped)
                        run.created.append(skipped)
                    } else {
                        run.created.append(try book.insert(dunningLetter: letter))
                    }
                } catch let error as LegalError {
                    run.problems.append(ReminderProblem(step: decision.step, invoiceNumber: invoice.number!, error: error))
                }
            }
            return run
        }
    }

    /// Everything that decides an invoice's next dunning step, from its letters, its customer's notes and holds:
    /// the reminder run and the morning list decide from the same facts.
    /// - Parameters:
    ///   - state: where § 193 BGB counts (the debtor's state as at issue where the invoice is at hand).
    ///   - warned: customers who were sent a Mahnung before (they get no extra patience).
    static func dunningSituation(
        invoiceId: Int64, dueDate: Day, openAmount: Money, isCancelled: Bool, customerId: Int64,
        customerStatus: CustomerStatus, state: GermanState?, letters: [DunningMark], notes: [Note],
        holds: [DunningHold], warned: Set<Int64>
    ) -> DunningSituation {
        DunningSituation(
            dueDate: dueDate, state: state, openAmount: openAmount, isCancelled: isCancelled,
            sent: Dictionary(letters.compactMap { l in l.sentOn.map { (l.step, $0) } }, uniquingKeysWith: max),
            skipped: Dictionary(letters.compactMap { l in l.skippedOn.map { (l.step, $0) } }, uniquingKeysWith: max),
            promises: notes.promises(for: invoiceId),
            objectionOpen: notes.objectionOpen(for: invoiceId),
            objectionSettledOn: notes.objectionSettled(for: invoiceId),
            holdUntil: holds.filter { $0.invoiceId == nil || $0.invoiceId == invoiceId }.map(\.until).max(),
            patientCustomer: customerStatus == .regular && !warned.contains(customerId))
    }

    /// Writes the texts of a case: the user's templates where saved, else Kontor's (or `templateOverrides`).
    func compose(
        _ dunningCase: DunningCase, book: any BookReader, templateOverrides: [String: String] = [:]
    ) throws -> DunningLetter {
        let text = try DunningComposer.compose(dunningCase) { key in
            templateOverrides[key] ?? (try? book.messageTemplate(key: key)) ?? nil
        }
        return dunningCase.letter(subject: text.subject, body: text.body)
    }

    /// The case of `step` for an invoice, read from the book: the one way the preview, the approval and the
    /// dossier get it (the reminder run reads the same records in bulk and calls the same `DunningCase.assemble`).
    /// `pretendSent` marks earlier steps as sent on a day (a preview of a later step).
    func dunningCase(
        _ step: DunningStep, invoice: Invoice, today: Day, delivery: LetterDelivery?, book: any BookReader,
        pretendSent: Day? = nil, language: Language? = nil
    ) throws -> DunningCase {
        let profile = try book.requireProfile()
        var customer = try book.requireCustomer(invoice.customerId)
        let letters = try book.dunningLetters(status: .sent, invoiceIds: [invoice.id])
        var sent = Dictionary(letters.compactMap { l in l.sentOn.map { (l.step, $0) } }, uniquingKeysWith: max)
        if let pretendSent {
            for earlier in DunningStep.sequence where earlier < step && sent[earlier] == nil {
                sent[earlier] = pretendSent
            }
        }
        // Only what was sent before this step counts as a previous letter.
        sent = sent.filter { $0.key < step }
        let assumed = LetterDelivery.assumed(for: customer)
        if let language { customer.language = language }
        return try DunningCase.assemble(
            step, invoice: invoice, customer: customer, sent: sent, notes: try book.notes(customerId: customer.id),
            payments: try book.payments(invoiceId: invoice.id, customerId: nil),
            charges: try book.dunningCharges(invoiceIds: [invoice.id]), policy: profile.effectiveDunningPolicy,
            baseRates: profile.effectiveBaseRates, today: today, delivery: delivery ?? assumed)
    }

    /// Prepared letters, optionally only drafts, sent or skipped ones.
    public func reminders(status: DunningLetterStatus? = nil) async throws -> [DunningLetter] {
        try await store.read { try $0.dunningLetters(status: status, invoiceIds: nil) }
    }

    /// One prepared letter.
    public func reminder(id: Int64) async throws -> DunningLetter {
        try await store.read { try $0.requireLetter(id) }
    }

    /// Records a draft as sent on `day`: it joins the timeline and times the next step.
    /// Interest, lump sum and costs the letter claims become receivables beside the invoice.
    /// `delivery` says how it went out: a draft written for the other way is written again first (on its own date),
    /// because only a letter by post may claim postage and printing (issue 13 item 5).
    public func approveReminder(id: Int64, on day: Day, delivery: LetterDelivery? = nil) async throws
        -> (letter: DunningLetter, delivery: LetterDelivery)
    {
        try Self.authorize(.approveDunning)
        // Read here, outside the transaction's closure, where the request's task-locals are still in reach.
        let approver = BookActor.signedInName
        return try await store.write { book in
            var letter = try book.requireLetter(id)
            guard letter.status == .draft else {
                throw WorkflowError.reminderDecided(id: id, status: letter.status)
            }
            let customer = try book.requireCustomer(letter.customerId)
            let used = delivery ?? LetterDelivery.assumed(for: customer)
            if used != LetterDelivery.assumed(for: customer), let invoice = try book.invoice(id: letter.invoiceId) {
                let again = try self.dunningCase(
                    letter.step, invoice: invoice, today: letter.createdOn, delivery: used, book: book)
                let redrafted = try self.compose(again, book: book)
                (letter.subject, letter.body, letter.deadline) = (redrafted.subject, redrafted.body, redrafted.deadline)
                (letter.openAmount, letter.interest, letter.lumpSum, letter.costs) =
                    (redrafted.openAmount, redrafted.interest, redrafted.lumpSum, redrafted.costs)
            }
            letter.status = .sent
            letter.sentOn = day
            letter.approvedBy = approver
            try book.update(dunningLetter: letter)
            if let invoice = try book.invoice(id: letter.invoiceId) {
                for charge in try book.account(of: invoice).charges(claimedBy: letter, on: day) {
                    _ = try book.insert(dunningCharge: charge)
                }
            }
            return (letter, used)
        }
    }

    /// Declines a draft; the step is proposed again after the policy's waiting time.
    public func skipReminder(id: Int64, on day: Day) async throws -> DunningLetter {
        try await changeDraft(id) { letter in
            letter.status = .skipped
            letter.skippedOn = day
        }
    }

    private func changeDraft(
        _ id: Int64, _ change: @escaping @Sendable (inout DunningLetter) -> Void
    ) async throws -> DunningLetter {
        try await store.write { book in
            var letter = try book.requireLetter(id)
            guard letter.status == .draft else {
                throw WorkflowError.reminderDecided(id: id, status: letter.status)
            }
            change(&letter)
            try book.update(dunningLetter: letter)
            return letter
        }
    }

    /// The letter as PDF (DIN 5008); for the hand-over step, the dossier for the Mahnantrag.
    public func reminderPDF(id: Int64) async throws -> RenderedDocument {
        let (letter, customer, profile) = try await letterContext(id)
        if letter.step == .handover { return try await handoverDossier(id: id) }
        let data = try DunningComposer.letterPDF(letter, customer: customer, seller: profile)
        let names: [DunningStep: (String, String)] = [
            .inquiry: ("Nachfrage", "Inquiry"), .firstNotice: ("1-Mahnung", "Reminder-1"),
            .secondNotice: ("2-Mahnung", "Reminder-2"), .handover: ("Mahnverfahren", "Handover"),
        ]
        let name = customer.language == .de ? names[letter.step]!.0 : names[letter.step]!.1
        return try await keep(RenderedDocument(fileName: "\(name)-\(letter.invoiceNumber).pdf", data: data),
                              of: "dunningLetter:\(id)")
    }

    /// The e-mail ready to send: an .eml file with the text, the letter PDF and the invoice PDF attached.
    public func reminderEML(id: Int64, now: Date) async throws -> RenderedDocument {
        let (letter, customer, profile) = try await letterContext(id)
        try Self.checkMailable(letter, id: id)
        let letterPDF = try await reminderPDF(id: id)
        let invoicePDF = try await invoicePDF(letter.invoiceNumber)
        let eml = EMLWriter.message(
            from: profile.email.map { EMLWriter.Address(name: profile.name, email: $0) },
            to: customer.email.map { EMLWriter.Address(name: customer.name, email: $0) },
            subject: letter.subject, text: DunningComposer.emailText(letter, customer: customer, seller: profile),
            attachments: [
                EMLWriter.Attachment(fileName: letterPDF.fileName, mimeType: "application/pdf", data: letterPDF.data),
                EMLWriter.Attachment(fileName: invoicePDF.fileName, mimeType: "application/pdf", data: invoicePDF.data),
            ], date: now)
        return try await keep(RenderedDocument(
            fileName: letterPDF.fileName.replacingOccurrences(of: ".pdf", with: ".eml"), data: Data(eml.utf8)),
            of: "dunningLetter:\(id)")
    }

    private func letterContext(_ id: Int64) async throws -> (DunningLetter, Customer, BusinessProfile) {
        try await store.read { book in
            let letter = try book.requireLetter(id)
            return (letter, try book.requireCustomer(letter.customerId), try book.requireProfile())
        }
    }

    /// Puts a customer, or one invoice, on "do not dun" until a day.
    public func holdDunning(customerId: Int64, invoice: String?, until: Day, reason: String, on day: Day) async throws
        -> DunningHold
    {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw InputError.missing(what: .reason, fix: "--reason \"zahlt nach Projektende\"")
        }
        guard until >= day else {
            throw InputError.invalid(what: .pauseEnd, rule: .dayPassed(until))
        }
        return try await store.write { book in
            _ = try book.requireCustomer(customerId)
            let invoiceId = try invoice.map { reference in
                let found = try book.requireInvoice(reference)
                guard found.customerId == customerId else {
                    throw WorkflowError.belongsToAnotherCustomer(.invoice(reference))
                }
                return found.id
            }
            return try book.insert(dunningHold: DunningHold(
                customerId: customerId, invoiceId: invoiceId, until: until, reason: reason, createdOn: day))
        }
    }

    /// A template that cannot be read is the user's to fix: an `InputError` about the template.
    static func checkTemplate(_ text: String) throws(InputError) {
        do { try DunningComposer.check(template: text) } catch {
            throw InputError.invalid(what: .template, rule: .templateSyntax(line: error.line))
        }
    }

    /// The holds still in force on `day`, the soonest ending first.
    public func dunningHolds(activeOn day: Day) async throws -> [DunningHold] {
        try await store.read { try $0.dunningHolds(endingOnOrAfter: day) }
    }

    /// The numbers of these invoices (drafts have none), to name them in lists.
    public func invoiceNumbers(ids: Set<Int64>) async throws -> [Int64: String] {
        try await store.read { try $0.invoiceNumbers(ids: ids) }
    }

    /// The template for a step, language and part: the user's version if saved, else Kontor's.
    public func messageTemplate(step: DunningStep, language: Language, subject: Bool) async throws
        -> (text: String, custom: Bool)
    {
        let key = DunningComposer.templateKey(step: step, language: language, subject: subject)
        if let saved = try await store.read({ try $0.messageTemplate(key: key) }) { return (saved, true) }
        return (DunningComposer.standardTemplate(step: step, language: language, subject: subject), false)
    }

    /// Saves an edited template after checking that it renders.
    public func saveMessageTemplate(_ text: String, step: DunningStep, language: Language, subject: Bool) async throws {
        try Self.checkTemplate(text)
        let key = DunningComposer.templateKey(step: step, language: language, subject: subject)
        try await store.write { try $0.save(messageTemplate: text, key: key) }
    }
}

extension BookReader {
    func requireLetter(_ id: Int64) throws -> DunningLetter {
        guard let letter = try dunningLetter(id: id) else { throw AppError.notFound(.reminder, id: "\(id)") }
        return letter
    }
}

extension Kontor {
    /// The hand-over dossier of a hand-over step: an internal document addressed to the writer (or `lawyer`, address
    /// lines), with the claim table for the Mahnantrag, the customer's timeline (private notes only with
    /// `includeNotes`) and, attached as PDF files, the invoice and every letter sent for it. The claim is the same
    /// case the letter was written from, on the letter's date.
    public func handoverDossier(id: Int64, includeNotes: Bool = false, lawyer: [String]? = nil) async throws
        -> RenderedDocument
    {
        let (letter, customer, profile) = try await letterContext(id)
        guard letter.step == .handover else {
            throw WorkflowError.noDossier(id: id)
        }
        let (dunningCase, sent) = try await store.read { book in
            let invoice = try book.requireInvoice(letter.invoiceNumber)
            let sent = try book.dunningLetters(status: .sent, invoiceIds: [invoice.id]).filter { $0.step != .handover }
                .sorted { ($0.sentOn ?? $0.createdOn, $0.id) < ($1.sentOn ?? $1.createdOn, $1.id) }
            let claim = try self.dunningCase(
                .handover, invoice: invoice, today: letter.createdOn, delivery: nil, book: book)
            return (claim, sent)
        }
        let timeline = try await timeline(customerId: customer.id)
        let invoice = try await invoicePDF(letter.invoiceNumber)
        var attachments = [DossierAttachment(
            fileName: invoice.fileName, data: invoice.data, description: "Rechnung \(letter.invoiceNumber)")]
        for earlier in sent {
            let document = try await reminderPDF(id: earlier.id)
            let day = (earlier.sentOn ?? earlier.createdOn).formatted(.de)
            attachments.append(DossierAttachment(
                fileName: document.fileName, data: document.data,
                description: "\(earlier.step.label(.de)) vom \(day)"))
        }
        let data = try DossierDocument.pdf(DossierFacts(
            seller: profile, dunningCase: dunningCase, letter: letter, timeline: timeline,
            limitationEnd: Limitation.end(dueOn: dunningCase.invoice.dueDate!), addressee: lawyer,
            includeNotes: includeNotes, attachments: attachments))
        return RenderedDocument(fileName: "Dossier-Mahnantrag-\(letter.invoiceNumber).pdf", data: data)
    }
}

extension Kontor {
    /// What a step's letter for an invoice would say today, with the current templates (nothing is stored).
    /// `language` writes it in that language whatever the customer's; `unsaved` tries a template being edited
    /// (subject and body) in place of the saved one.
    public func previewReminder(
        step: DunningStep, invoice reference: String, today: Day, language: Language? = nil,
        unsaved: (subject: String, body: String)? = nil
    ) async throws -> (subject: String, body: String) {
        if let unsaved {
            try Self.checkTemplate(unsaved.subject)
            try Self.checkTemplate(unsaved.body)
        }
        return try await store.read { book in
            let invoice = try book.requireInvoice(reference)
            guard invoice.isIssued, invoice.dueDate != nil else { throw WorkflowError.invoiceNotIssued(id: invoice.id) }
            // A preview of a later step shows earlier steps that were not sent as if sent today.
            let dunningCase = try self.dunningCase(
                step, invoice: invoice, today: today, delivery: nil, book: book, pretendSent: today, language: language)
            var overrides: [String: String] = [:]
            if let unsaved {
                let language = dunningCase.customer.language
                overrides[DunningComposer.templateKey(step: step, language: language, subject: true)] = unsaved.subject
                overrides[DunningComposer.templateKey(step: step, language: language, subject: false)] = unsaved.body
            }
            let letter = try self.compose(dunningCase, book: book, templateOverrides: overrides)
            return (letter.subject, letter.body)
        }
    }
}
