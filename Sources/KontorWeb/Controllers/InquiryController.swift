import Hummingbird
import KontorApp
import KontorCore

/// Anfragen: a board by status, answered in place, and the form to record one.
struct InquiryController: Sendable {
    let services: AppServices

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get(use: self.board)
            .get("new", use: self.new)
            .post(use: self.create)
            .get(":id/proposal", use: self.proposal)
            .post(":id/quote", use: self.quoteFromProposal)
            .post(":id/answer", use: self.answer)
            .post(":id/win", use: self.win)
            .post(":id/lose", use: self.lose)
    }

    /// GET /inquiries
    @Sendable func board(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        return try await services.cachedPage("inquiries/index", area: .inquiries, title: texts["nav_inquiries"], request: request,
                                             context: context) {
            let window = ListWindow(page: request.query("page").flatMap(Int.init) ?? 1, size: InquiryBoardPage.pageSize)
            let board = try await services.kontor.inquiryBoard(window: window, closedLimit: InquiryBoardPage.closedLimit)
            let page = InquiryBoardPage(board, today: services.today(), texts: texts)
            return page
        }
    }

    /// GET /inquiries/:id/proposal: the earliest realistic delivery date and the price, with a reply to send.
    @Sendable func proposal(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        let id = try context.id()
        let today = services.today()
        let result = try await services.kontor.proposeDelivery(inquiryId: id, today: today)
        let reply = try await services.kontor.replyDraftParts(inquiryId: id, today: today)
        let page = ProposalPage(result, reply: reply, texts: texts)
        return try services.page("inquiries/proposal", area: .inquiries, title: page.heading, page, request: request,
                                 context: context)
    }

    /// POST /inquiries/:id/quote: the quote the proposal shows, made in one step.
    @Sendable func quoteFromProposal(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        let quote = try await services.kontor.addQuote(fromProposal: try context.id(), on: services.today())
        return services.redirect("/quotes/\(quote.id)", flash: texts.format("flash_quote_from_proposal", "\(quote.id)"),
                                 context: context)
    }

    /// GET /inquiries/new
    @Sendable func new(request: Request, context: AppRequestContext) async throws -> Response {
        var values = ["channel": "email", "kind": "business", "received": services.today().description, "unit": "word"]
        values["customer"] = request.query("customer")
        return try await render(FormState(values: values), request: request, context: context)
    }

    /// POST /inquiries
    @Sendable func create(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        var reader = FormReader(context.form, texts: texts)
        let customerId = try await services.customerId(&reader)
        let name = reader.text("name")
        let email = reader.text("email")
        let phone = reader.text("phone")
        let kind = reader.choice("kind", CustomerKind.self) ?? .business
        let channel = reader.choice("channel", InquiryChannel.self, required: true)
        let received = reader.day("received") ?? services.today()
        let subject = reader.text("subject", required: true)
        let sizeQuantity = reader.quantity("size")
        let unit = reader.choice("unit", BillingUnit.self) ?? .word
        let deadline = reader.day("deadline")
        let note = reader.text("note")
        let contact = InquiryContactFields.read(&reader)
        if customerId == nil && name == nil && email == nil && phone == nil && reader.state.errors["customer"] == nil {
            reader.fail("name", texts["err_sender"])
        }
        var state = reader.state
        if !reader.hasErrors, let channel, let subject {
            let sender: InquirySender = customerId.map { .customer($0) }
                ?? .contact(name: name ?? "", email: email, phone: phone, kind: kind)
            do {
                let result = try await services.kontor.addInquiry(
                    from: sender, channel: channel, receivedOn: received, subject: subject,
                    size: sizeQuantity.map { WorkSize(quantity: $0, unit: unit) }, wishedDeadline: deadline, note: note,
                    contact: contact)
                let flash = result.createdCustomer
                    ? texts.format("flash_inquiry_added_new", result.customer.name)
                    : texts.format("flash_inquiry_added", result.customer.name)
                return services.redirect("/inquiries#inquiry-\(result.inquiry.id)", flash: flash, context: context)
            } catch {
                try ErrorText(texts).place(error, into: &state, fields: [
                    .subject: "subject", .customerName: "name", .email: "email", .customer: "customer",
                ])
            }
        }
        return try await render(state, request: request, context: context, status: .unprocessableContent)
    }

    /// POST /inquiries/:id/answer (with an optional note of what was answered)
    @Sendable func answer(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        let id = try context.id()
        _ = try await services.kontor.answerInquiry(id: id, on: services.today(), note: context.form["note"])
        return services.redirect(services.returnPath(context.form, fallback: "/inquiries#inquiry-\(id)"),
                                 flash: texts["flash_inquiry_answered"], context: context)
    }

    /// POST /inquiries/:id/win
    @Sendable func win(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.id()
        _ = try await services.kontor.closeInquiry(id: id, won: true, on: services.today())
        return services.redirect("/inquiries", flash: Texts(context.language)["flash_inquiry_won"], context: context)
    }

    /// POST /inquiries/:id/lose
    @Sendable func lose(request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.id()
        _ = try await services.kontor.closeInquiry(id: id, won: false, on: services.today(), note: context.form["note"])
        return services.redirect("/inquiries", flash: Texts(context.language)["flash_inquiry_lost"], context: context)
    }

    private func render(
        _ state: FormState, request: Request, context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let texts = Texts(context.language)
        let customers = try await services.kontor.customerChoices(
            selected: state.values["customer"].flatMap(CustomerChoice.id(in:)))
        let page = InquiryFormPage(state: state, customers: customers, texts: texts)
        return try services.page("inquiries/new", area: .inquiries, title: texts["inquiry_add"], page,
                                 request: request, context: context, status: status)
    }
}

/// The inquiry board: one column per status; won and lost show the latest only.
struct InquiryBoardPage: Sendable, Encodable {
    struct Card: Sendable, Encodable {
        let id: Int64
        let subject: String
        let customerName: String
        let customerPath: String
        let channelLabel: String
        let channelTone: String
        let ageText: String
        let late: Bool
        let sizeText: String?
        let wishText: String?
        let noteText: String?
        let isOpen: Bool
        let canQuote: Bool
    }

    struct Column: Sendable, Encodable {
        let key: String
        let title: String
        let count: Int
        let cards: [Card]
        let hasMore: Bool
        let moreText: String
    }

    let isEmpty: Bool
    let columns: [Column]

    let pager: PagerView?

    static let closedLimit = 8
    /// Cards per column of the work in progress; further ones are on the next pages of the board.
    static let pageSize = 40

    init(_ board: InquiryBoard, today: Day, texts: Texts) {
        isEmpty = board.columns.values.allSatisfy { $0.total == 0 }
        let working = [InquiryStatus.open, .answered, .quoted].compactMap { board.columns[$0] }
        let longest = working.max { $0.pageCount < $1.pageCount }
        pager = longest.flatMap { PagerView($0, path: "/inquiries", texts: texts) }
        columns = InquiryStatus.allCases.map { status in
            let page = board.columns[status] ?? ListPage(items: [], total: 0, window: ListWindow(size: 1))
            let shown = page.items
            return Column(
                key: status.rawValue, title: texts["col_\(status.rawValue)"], count: page.total,
                cards: shown.map { item in
                    let inquiry = item.inquiry
                    let waiting = max(0, inquiry.receivedOn.days(until: today))
                    return Card(
                        id: inquiry.id, subject: inquiry.subject, customerName: item.customerName,
                        customerPath: "/customers/\(inquiry.customerId)", channelLabel: texts.channel(inquiry.channel),
                        channelTone: Tone.channel(inquiry.channel),
                        ageText: inquiry.status == .open ? texts.waiting(waiting) : texts.day(inquiry.receivedOn),
                        late: inquiry.status == .open && waiting >= 2,
                        sizeText: inquiry.size.map {
                            "\(texts.quantity($0.quantity)) \(texts.unit($0.unit, quantity: $0.quantity))"
                        },
                        wishText: inquiry.wishedDeadline.map(texts.day), noteText: inquiry.note,
                        isOpen: inquiry.status == .open, canQuote: inquiry.status == .open || inquiry.status == .answered)
                },
                hasMore: page.total > page.window.offset + shown.count,
                moreText: texts.format("board_more", "\(page.total - page.window.offset - shown.count)"))
        }
    }
}

/// The form to record an inquiry.
struct InquiryFormPage: Sendable, Encodable {
    let senderFields: [FieldView]
    let fields: [FieldView]
    let hasFormError: Bool
    let formError: String

    init(state: FormState, customers: CustomerChoices, texts: Texts) {
        let make = FieldFactory(state: state, texts: texts)
        senderFields = [
            make.customer("customer", "f_customer", choices: customers,
                        blank: texts["choose"], wide: true),
            make.text("name", "f_name", autocomplete: "name"),
            make.text("email", "f_email", type: "email", hint: texts["h_email_match"], autocomplete: "email"),
            make.text("phone", "f_phone", type: "tel", autocomplete: "tel"),
            make.select("kind", "f_kind", options: CustomerKind.allCases.map { ($0.rawValue, texts.kind($0)) }),
        ]
        fields = [
            make.select("channel", "f_channel", options: InquiryChannel.allCases.map { ($0.rawValue, texts.channel($0)) },
                        required: true),
            make.date("received", "f_received"),
            make.text("subject", "f_subject", required: true, wide: true),
            make.amount("size", "f_size"),
            make.select("unit", "f_size_unit", options: BillingUnit.allCases.filter { $0 != .flat }.map { ($0.rawValue, texts.unit($0)) }),
            make.date("deadline", "f_wished_deadline"),
        ] + InquiryContactFields.fields(make, texts: texts) + [
            make.textarea("note", "f_note", rows: 3),
        ]
        hasFormError = state.general != nil
        formError = state.generalText
    }
}

/// A delivery date and price for an inquiry, the quote it becomes, and the reply: for a call the internal note and
/// the text for the customer in separate boxes, each to copy.
struct ProposalPage: Sendable, Encodable {
    let id: Int64
    let heading: String
    let customerName: String
    let customerPath: String
    let facts: [Fact]
    let hasNote: Bool
    let noteText: String
    let customerText: String
    let isOpen: Bool
    let canQuote: Bool
    let needsSize: Bool
    /// The reply can go out by e-mail: the one who asked has an address and the inquiry is not closed.
    let canMail: Bool

    init(_ result: InquiryProposal, reply: ReplyDraft, texts: Texts) {
        let inquiry = result.inquiry
        let proposal = result.proposal
        let offer = result.quote
        id = inquiry.id
        heading = texts.format("proposal_heading", inquiry.subject)
        customerName = result.customer.name
        customerPath = "/customers/\(result.customer.id)"
        var facts = [
            Fact(term: texts["proposal_delivery"], detail: texts.day(proposal.deliveryDate)
                + (proposal.fitsInBetween ? " · " + texts["proposal_in_between"] : "")),
        ]
        if let part = offer.firstPartDate {
            facts.append(Fact(term: texts["proposal_first_piece"], detail: texts.day(part)))
        }
        if let wish = offer.missedWish {
            facts.append(Fact(term: texts["inquiry_wished"],
                              detail: texts.format("proposal_missed_wish", texts.day(wish))))
        }
        facts.append(Fact(term: texts["proposal_hours"],
                          detail: Quantity(thousandths: proposal.hours).formatted(texts.language) + " h"))
        if let price = result.price {
            facts.append(Fact(term: texts["proposal_price"], detail: texts.money(price)))
        } else {
            let unit = texts.unit(result.pricedUnit, quantity: Quantity(1))
            facts.append(Fact(term: texts["proposal_unit_price"],
                              detail: "\(result.unitPrice.formatted(texts.language)) / \(unit)"))
            if let range = result.typicalRange {
                facts.append(Fact(term: texts["proposal_range"], detail: texts.format(
                    "proposal_range_detail", texts.money(range.low), texts.money(range.high), "\(range.count)")))
            }
        }
        if offer.loyaltyPercent > 0 {
            facts.append(Fact(term: texts["proposal_discount"], detail: "\(offer.loyaltyPercent) %"))
        }
        if let net = offer.net, offer.loyaltyPercent > 0 {
            facts.append(Fact(term: texts["proposal_net"], detail: texts.money(net)))
        }
        facts.append(Fact(term: texts["proposal_valid"], detail: texts.day(offer.validUntil)))
        self.facts = facts
        hasNote = reply.note != nil
        noteText = reply.note ?? ""
        customerText = reply.customerText
        isOpen = inquiry.status == .open
        canQuote = offer.isComplete && inquiry.isEditable
        needsSize = !offer.isComplete && inquiry.isEditable
        canMail = inquiry.isEditable && inquiry.addressing(result.customer).email != nil
    }
}
