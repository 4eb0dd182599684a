public import KontorCore
import Foundation

/// The facts an answer to an inquiry states.
public struct InquiryReplyFacts: Sendable {
    public var inquiry: Inquiry
    public var customer: Customer
    public var seller: BusinessProfile
    public var proposal: DeliveryProposal
    /// The price of one unit: of the inquiry's size, or of `pricedUnit` when the size is unknown.
    public var unitPrice: UnitPrice?
    /// The net price of the size before any discount.
    public var price: Money?
    public var today: Day
    /// The unit priced when the inquiry has no size (the unit of past work of the kind, else words).
    public var pricedUnit: BillingUnit
    /// The day a first part can be delivered (else the planner's first piece, if any).
    public var firstPartDate: Day?
    /// The regular-customer discount granted (0 for none).
    public var loyaltyPercent: Int64
    /// How many of the customer's invoices are paid: a regular customer below the first tier hears when the
    /// discount starts.
    public var paidInvoices: Int
    /// What past work of this kind cost, for an inquiry without a size.
    public var typicalRange: PriceRange?

    /// Creates the facts.
    public init(
        inquiry: Inquiry, customer: Customer, seller: BusinessProfile, proposal: DeliveryProposal, unitPrice: UnitPrice?,
        price: Money?, today: Day, pricedUnit: BillingUnit = .word, firstPartDate: Day? = nil,
        loyaltyPercent: Int64 = 0, paidInvoices: Int = 0, typicalRange: PriceRange? = nil
    ) {
        self.inquiry = inquiry
        self.customer = customer
        self.seller = seller
        self.proposal = proposal
        self.unitPrice = unitPrice
        self.price = price
        self.today = today
        self.pricedUnit = pricedUnit
        self.firstPartDate = firstPartDate
        self.loyaltyPercent = loyaltyPercent
        self.paidInvoices = paidInvoices
        self.typicalRange = typicalRange
    }

    /// The wished day, when the whole work cannot be delivered by then.
    public var missedWish: Day? {
        inquiry.wishedDeadline.flatMap { $0 < proposal.deliveryDate ? $0 : nil }
    }

    /// The first part's day, when it comes before the whole.
    public var firstPart: Day? {
        (firstPartDate ?? proposal.firstPiece?.deliveryDate).flatMap { $0 < proposal.deliveryDate ? $0 : nil }
    }
}

/// Drafts the answer to an inquiry: for e-mails (people comparing offers) an informative, friendly answer with
/// price, date and next step; for calls (people who have decided) a call-notes form and a confirmation.
public enum InquiryReply {
    /// The storage key of a reply template, e.g. `reply.email.de`.
    public static func templateKey(phone: Bool, language: Language) -> String {
        "reply.\(phone ? "phone" : "email").\(language.rawValue)"
    }

    /// Kontor's own wording. The sentences `offer` (price, discount, or the question for the scope with a price per
    /// unit and a typical range) and `delivery` (the date, a missed wish named, the first part) are the same in
    /// e-mail and phone replies, so both carry the same facts.
    public static func standardTemplate(phone: Bool, language: Language) -> String {
        switch (phone, language) {
        case (false, .de):
            """
            {{salutation}}

            vielen Dank für Ihre Anfrage zu „{{subject}}“ – das übernehme ich gern.

            {{offer}} {{delivery}} Zwei Korrekturschleifen sind im Preis enthalten.

            Wenn das für Sie passt, schicke ich Ihnen gern ein verbindliches Angebot – eine kurze Antwort auf diese \
            E-Mail genügt. Für Rückfragen erreichen Sie mich unter {{phone}}.

            Viele Grüße
            {{sender}}
            """
        case (true, .de):
            """
            Gesprächsnotiz – Anruf von {{caller}} am {{today}}
            Thema: {{subject}}
            Umfang: {{size}}
            Wunschtermin: {{wishedDeadline}}
            Vorschlag: {{proposalNote}}
            Besonderheiten, Zielgruppe, Tonalität: ______________________
            Ansprechpartner und Rechnungsadresse: ______________________

            ---

            {{salutation}}

            vielen Dank für das freundliche Telefonat. Wie besprochen übernehme ich „{{subject}}“. {{offer}} \
            {{delivery}} Das Angebot mit allen Einzelheiten schicke ich Ihnen gleich; sobald Sie es bestätigen, lege \
            ich los.

            Viele Grüße
            {{sender}}
            """
        case (false, .en):
            """
            {{salutation}}

            thank you for your inquiry about "{{subject}}" – I would be glad to take it on.

            {{offer}} {{delivery}} Two rounds of revisions are included.

            If this suits you, I will gladly send you a binding quote – a short reply to this e-mail is enough. You \
            can reach me at {{phone}}.

            Best regards
            {{sender}}
            """
        case (true, .en):
            """
            Call notes – call from {{caller}} on {{today}}
            Subject: {{subject}}
            Size: {{size}}
            Wished deadline: {{wishedDeadline}}
            Proposal: {{proposalNote}}
            Details, audience, tone: ______________________
            Contact and billing address: ______________________

            ---

            {{salutation}}

            thank you for the pleasant call. As agreed, I will write "{{subject}}". {{offer}} {{delivery}} I will send \
            you the quote with all details right away; as soon as you confirm it, I will start.

            Best regards
            {{sender}}
            """
        }
    }

    /// The line that separates the internal call note from the text for the customer in a phone reply.
    public static let noteSeparator = "---"

    /// A reply split into the internal note (phone calls only; nil for e-mails) and the text for the customer.
    public static func parts(of reply: String) -> (note: String?, customerText: String) {
        let lines = reply.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == noteSeparator }) else {
            return (nil, reply)
        }
        let note = lines[..<index].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        let text = lines[(index + 1)...].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return (note.isEmpty ? nil : note, text + "\n")
    }

    /// The reply text; `userTemplate` returns a saved template for a key, if any.
    public static func compose(_ facts: InquiryReplyFacts, userTemplate: (String) -> String?) throws(MessageTemplateError)
        -> String
    {
        let language = facts.customer.language
        let phone = facts.inquiry.channel == .phone
        let template = userTemplate(templateKey(phone: phone, language: language))
            ?? standardTemplate(phone: phone, language: language)
        let sentences = InquiryReplySentences(facts: facts, language: language)
        let addressed = facts.inquiry.addressing(facts.customer)
        var values: [String: Any] = [
            // An answer to someone who asked: friendly, "Guten Tag Frau Wolff,", to the person who asked.
            "salutation": addressed.salutation(language: language, formal: false),
            "customerName": facts.customer.name,
            "caller": sentences.caller(addressed),
            "subject": facts.inquiry.subject,
            "today": facts.today.formatted(language),
            "deliveryDate": facts.proposal.deliveryDate.formatted(language),
            "sender": facts.seller.name,
            "phone": facts.seller.phone ?? facts.seller.email ?? "",
            "hasPrice": facts.price != nil,
            "size": facts.inquiry.size.map(sentences.size) ?? "–",
            "wishedDeadline": facts.inquiry.wishedDeadline?.formatted(language) ?? "–",
            "vat": sentences.vat,
            "offer": sentences.offer,
            "delivery": sentences.delivery,
            "proposalNote": sentences.proposalNote,
        ]
        if let price = facts.price { values["price"] = sentences.shown(price) }
        if let unitPrice = facts.unitPrice { values["unitPrice"] = sentences.shown(unitPrice) }
        if let piece = facts.firstPart {
            values["firstPiece"] = true
            values["pieceDate"] = piece.formatted(language)
        }
        return try MessageRenderer.render(template, values).trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
    }
}
