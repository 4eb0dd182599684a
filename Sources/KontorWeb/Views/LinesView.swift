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
    /// Edit, move and remove for a typed line of an open quote or a draft; nil for others.
    var actions: LineActions?

    init(_ line: DocumentLine, texts: Texts) {
        description = line.description
        quantityText = texts.quantity(line.quantity)
        unitText = texts.unit(line.unit, quantity: line.quantity)
        priceText = line.unitPrice.formatted(texts.language)
        vatText = "\(line.vatRate.percent) %"
        netText = texts.money(line.net)
        isDiscount = line.isDiscount
    }
}

/// The buttons of one editable line: its 1-based position (as the CLI shows it) and where to post.
struct LineActions: Sendable, Encodable {
    let position: Int
    let editPath: String
    let movePath: String
    let removePath: String
    let canUp: Bool
    let canDown: Bool
    let upTo: Int
    let downTo: Int
    let editLabel: String
    let moveUpLabel: String
    let moveDownLabel: String
    let removeLabel: String

    /// Rows for `lines` where the first `typedCount` get actions under `basePath` (e.g. `/quotes/3`); the lines
    /// after them are the loyalty discount, which Kontor computes.
    static func rows(_ lines: [DocumentLine], typedCount: Int, basePath: String?, texts: Texts) -> [LineRow] {
        lines.enumerated().map { index, line in
            var row = LineRow(line, texts: texts)
            guard let basePath, index < typedCount else { return row }
            let position = index + 1
            let path = "\(basePath)/lines/\(position)"
            row.actions = LineActions(
                position: position, editPath: path + "/edit", movePath: path + "/move", removePath: path + "/remove",
                canUp: position > 1, canDown: position < typedCount, upTo: position - 1, downTo: position + 1,
                editLabel: texts.format("line_edit_title", "\(position)"),
                moveUpLabel: texts.format("line_move_up", "\(position)"),
                moveDownLabel: texts.format("line_move_down", "\(position)"),
                removeLabel: texts.format("line_remove_label", "\(position)"))
            return row
        }
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

    static let errorFields: [Field: String] = [
        .lineDescription: "description", .quantity: "quantity", .unitPrice: "price", .vatRate: "vat",
    ]
}
