import KontorCore

/// One document line as the lines table shows it.
struct LineRow: Sendable, Encodable {
    let description: String
    let quantityText: String
    let unitText: String
    let priceText: String
    let vatText: String
    let netText: String
    let isDiscount: Bool

    init(_ line: DocumentLine, texts: Texts) {
        description = line.description
        quantityText = texts.quantity(line.quantity)
        unitText = texts.unit(line.unit)
        priceText = line.unitPrice.formatted(texts.language)
        vatText = "\(line.vatRate.percent) %"
        netText = texts.money(line.net)
        isDiscount = line.isDiscount
    }
}

/// Net, VAT per rate and gross under a lines table.
struct TotalsView: Sendable, Encodable {
    struct VATRow: Sendable, Encodable {
        let label: String
        let amountText: String
    }

    let netText: String
    let vatRows: [VATRow]
    let grossText: String
    let taxNote: String?

    init(_ totals: InvoiceTotals, treatment: TaxTreatment, texts: Texts) {
        netText = texts.money(totals.net)
        vatRows = totals.breakdown.map { group in
            group.rate.percent > 0
                ? VATRow(label: texts.format("vat_rate_row", "\(group.rate.percent)", texts.money(group.net)),
                         amountText: texts.money(group.vat))
                : VATRow(label: texts["vat_free_row"], amountText: texts.money(group.vat))
        }
        grossText = texts.money(totals.gross)
        taxNote = treatment.note(texts.language)
    }
}

/// The fields of a new line (quote or invoice).
enum LineFields {
    static func make(_ state: FormState, texts: Texts) -> [FieldView] {
        let make = FieldFactory(state: state, texts: texts, idPrefix: "line-")
        return [
            make.text("description", "f_description", required: true, wide: true),
            make.amount("quantity", "f_quantity", required: true),
            make.select("unit", "f_unit", options: BillingUnit.allCases.map { ($0.rawValue, texts.unit($0)) }),
            make.amount("price", "f_price", required: true, hint: texts["h_price"]),
            make.select("vat", "f_vat", options: [("19", texts["vat_19"]), ("7", texts["vat_7"]), ("0", texts["vat_0"])]),
        ]
    }

    static let defaults = ["quantity": "1", "unit": "flat", "vat": "19"]

    static let errorFields = [
        "line description": "description", "quantity": "quantity", "unit price": "price", "vat": "vat",
    ]
}
