import GRDB
import KontorCore

/// A row of `quoteLine`.
struct QuoteLineRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "quoteLine"
    var quoteId: Int64
    var position: Int
    var description: String
    var quantity: Int64
    var unit: String
    var unitPrice: Int64
    var vatPercent: Int64
    var isDiscount: Bool

    init(quoteId: Int64, position: Int, line: DocumentLine) {
        self.quoteId = quoteId
        self.position = position
        description = line.description
        quantity = line.quantity.thousandths
        unit = line.unit.rawValue
        unitPrice = line.unitPrice.tenThousandths
        vatPercent = line.vatRate.percent
        isDiscount = line.isDiscount
    }

    func domain() throws -> DocumentLine {
        DocumentLine(
            description: description, quantity: Quantity(thousandths: quantity), unit: try Convert.choice(unit),
            unitPrice: UnitPrice(tenThousandths: unitPrice), vatRate: try Convert.vat(vatPercent), isDiscount: isDiscount)
    }
}

/// A row of `invoiceLine`; the net amount is stored too, so the database shows what was invoiced.
struct InvoiceLineRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "invoiceLine"
    var invoiceId: Int64
    var position: Int
    var description: String
    var quantity: Int64
    var unit: String
    var unitPrice: Int64
    var vatPercent: Int64
    var isDiscount: Bool
    var netCents: Int64

    init(invoiceId: Int64, position: Int, line: DocumentLine) {
        self.invoiceId = invoiceId
        self.position = position
        description = line.description
        quantity = line.quantity.thousandths
        unit = line.unit.rawValue
        unitPrice = line.unitPrice.tenThousandths
        vatPercent = line.vatRate.percent
        isDiscount = line.isDiscount
        netCents = line.net.cents
    }

    func domain() throws -> DocumentLine {
        DocumentLine(
            description: description, quantity: Quantity(thousandths: quantity), unit: try Convert.choice(unit),
            unitPrice: UnitPrice(tenThousandths: unitPrice), vatRate: try Convert.vat(vatPercent), isDiscount: isDiscount)
    }
}

extension QuoteLineRecord {
    /// Reads the columns by name: much faster than `Decodable` for the many rows of lists and reports.
    init(row: Row) throws {
        quoteId = row["quoteId"]
        position = row["position"]
        description = row["description"]
        quantity = row["quantity"]
        unit = row["unit"]
        unitPrice = row["unitPrice"]
        vatPercent = row["vatPercent"]
        isDiscount = row["isDiscount"]
    }
}

extension InvoiceLineRecord {
    /// Reads the columns by name: much faster than `Decodable` for the many rows of lists and reports.
    init(row: Row) throws {
        invoiceId = row["invoiceId"]
        position = row["position"]
        description = row["description"]
        quantity = row["quantity"]
        unit = row["unit"]
        unitPrice = row["unitPrice"]
        vatPercent = row["vatPercent"]
        isDiscount = row["isDiscount"]
        netCents = row["netCents"]
    }
}
