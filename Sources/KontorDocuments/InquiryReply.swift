public import KontorCore
import Foundation

/// The facts an answer to an inquiry states.
public struct InquiryReplyFacts: Sendable {
    public var inquiry: Inquiry
    public var customer: Customer
    public var seller: BusinessProfile
    public var proposal: DeliveryProposal
    public var unitPrice: UnitPrice?
    public var price: Money?
    public var today: Day

    /// Creates the facts.
    public init(
        inquiry: Inquiry, customer: Customer, seller: BusinessProfile, proposal: DeliveryProposal, unitPrice: UnitPrice?,
        price: Money?, today: Day
    ) {
        self.inquiry = inquiry
        self.customer = customer
        self.seller = seller
        self.proposal = proposal
        self.unitPrice = unitPrice
        self.price = price
        self.today = today
    }
}

/// Drafts the answer to an inquiry: for e-mails (people comparing offers) an informative, friendly answer with
/// price, date and next step; for calls (people who have decided) a call-notes form and a confirmation.
public enum InquiryReply {
    /// The storage key of a reply template, e.g. `reply.email.de`.
    public static func templateKey(phone: Bool, language: Language) -> String {
        "reply.\(phone ? "phone" : "email").\(language.rawValue)"
    }

    /// Kontor's own wording.
    public static func standardTemplate(phone: Bool, language: Language) -> String {
        switch (phone, language) {
        case (false, .de):
            """
            {{salutation}}

            vielen Dank für Ihre Anfrage zu „{{subject}}“ – das übernehme ich gern.

            {{#hasPrice}}Für rund {{size}} berechne ich {{unitPrice}} pro Einheit, insgesamt {{price}} {{vat}}. \
            {{/hasPrice}}Liefern kann ich bis zum {{deliveryDate}}.{{#firstPiece}} Wenn Sie früher etwas brauchen: einen \
            ersten Teil kann ich Ihnen schon bis zum {{pieceDate}} schicken.{{/firstPiece}} Zwei Korrekturschleifen sind \
            im Preis enthalten.

            Wenn das für Sie passt, schicke ich Ihnen gern ein verbindliches Angebot – eine kurze Antwort auf diese \
            E-Mail genügt. Für Rückfragen erreichen Sie mich unter {{phone}}.

            Viele Grüße
            {{sender}}
            """
        case (true, .de):
            """
            Gesprächsnotiz – Anruf von {{customerName}} am {{today}}
            Thema: {{subject}}
            Umfang: {{size}}
            Wunschtermin: {{wishedDeadline}}
            Besonderheiten, Zielgruppe, Tonalität: ______________________
            Ansprechpartner und Rechnungsadresse: ______________________

            ---

            {{salutation}}

            vielen Dank für das freundliche Telefonat. Wie besprochen übernehme ich „{{subject}}“ und liefere bis \
            zum {{deliveryDate}}.{{#hasPrice}} Das Honorar beträgt {{price}} {{vat}}.{{/hasPrice}} Das \
            Angebot mit allen Einzelheiten schicke ich Ihnen gleich; sobald Sie es bestätigen, lege ich los.

            Viele Grüße
            {{sender}}
            """
        case (false, .en):
            """
            {{salutation}}

            thank you for your inquiry about "{{subject}}" – I would be glad to take it on.

            {{#hasPrice}}For about {{size}} I charge {{unitPrice}} per unit, {{price}} in total {{vat}}. {{/hasPrice}}\
            I can deliver by {{deliveryDate}}.{{#firstPiece}} If you need something sooner, I can send a first part \
            by {{pieceDate}}.{{/firstPiece}} Two rounds of revisions are included.

            If this suits you, I will gladly send you a binding quote – a short reply to this e-mail is enough. You \
            can reach me at {{phone}}.

            Best regards
            {{sender}}
            """
        case (true, .en):
            """
            Call notes – call from {{customerName}} on {{today}}
            Subject: {{subject}}
            Size: {{size}}
            Wished deadline: {{wishedDeadline}}
            Details, audience, tone: ______________________
            Contact and billing address: ______________________

            ---

            {{salutation}}

            thank you for the pleasant call. As agreed, I will write "{{subject}}" and deliver by {{deliveryDate}}.\
            {{#hasPrice}} The fee is {{price}} {{vat}}.{{/hasPrice}} I will send you the quote with all details right \
            away; as soon as you confirm it, I will start.

            Best regards
            {{sender}}
            """
        }
    }

    /// The reply text; `userTemplate` returns a saved template for a key, if any.
    public static func compose(_ facts: InquiryReplyFacts, userTemplate: (String) -> String?) throws(MessageTemplateError)
        -> String
    {
        let language = facts.customer.language
        let phone = facts.inquiry.channel == .phone
        let template = userTemplate(templateKey(phone: phone, language: language))
            ?? standardTemplate(phone: phone, language: language)
        var values: [String: Any] = [
            // An answer to someone who asked: friendly, "Guten Tag Frau Wolff,".
            "salutation": facts.customer.salutation(language: language, formal: false),
            "customerName": facts.customer.name,
            "subject": facts.inquiry.subject,
            "today": facts.today.formatted(language),
            "deliveryDate": facts.proposal.deliveryDate.formatted(language),
            "sender": facts.seller.name,
            "phone": facts.seller.phone ?? facts.seller.email ?? "",
            "hasPrice": facts.price != nil,
            "size": facts.inquiry.size.map {
                "\($0.quantity.formatted(language)) \($0.unit.label(language, quantity: $0.quantity))"
            } ?? "–",
            "wishedDeadline": facts.inquiry.wishedDeadline?.formatted(language) ?? "–",
        ]
        // § 3 Abs. 1 PAngV: consumers read prices including VAT; a § 19 business adds none (LAW.md 1.4).
        let treatment = TaxTreatment.determine(mode: facts.seller.taxMode, customer: facts.customer)
        let gross = treatment == .standard && facts.customer.kind == .consumer
        let rate = VATRate.standard.percent
        values["vat"] = switch (treatment, gross, language) {
        case (.standard, true, .de): "inkl. \(rate) % Umsatzsteuer"
        case (.standard, true, .en): "including \(rate) % VAT"
        case (.standard, false, .de): "zzgl. Umsatzsteuer"
        case (.standard, false, .en): "plus VAT"
        case (.smallBusiness, _, .de): "(keine Umsatzsteuer nach § 19 UStG)"
        case (.smallBusiness, _, .en): "(no VAT under § 19 UStG)"
        case (_, _, .de): "netto, ohne deutsche Umsatzsteuer"
        case (_, _, .en): "net, without German VAT"
        }
        if let price = facts.price {
            values["price"] = (gross ? price.percentage(100 + rate) : price).formatted(language)
        }
        if var unitPrice = facts.unitPrice {
            if gross { unitPrice.tenThousandths = Money(cents: unitPrice.tenThousandths).percentage(100 + rate).cents }
            values["unitPrice"] = unitPrice.formatted(language)
        }
        if let piece = facts.proposal.firstPiece {
            values["firstPiece"] = true
            values["pieceDate"] = piece.deliveryDate.formatted(language)
        }
        return try MessageRenderer.render(template, values).trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
    }
}
