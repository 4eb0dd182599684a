import GRDB
import KontorCore

/// A row of `customer`.
struct CustomerRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "customer"
    var id: Int64?
    var name: String
    var contactPerson: String?
    var salutation: String?
    var academicTitle: String?
    var street: String?
    var postalCode: String?
    var city: String?
    var country: String?
    var state: String?
    var email: String?
    var phone: String?
    var kind: String
    var vatId: String?
    var buyerReference: String?
    var language: String
    var notes: String?
    var status: String
    var createdOn: String
    var eInvoiceFormat: String?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ c: Customer) {
        id = c.id == 0 ? nil : c.id
        name = c.name
        contactPerson = c.contactPerson
        salutation = c.salutation?.rawValue
        academicTitle = c.academicTitle
        street = c.address?.street
        postalCode = c.address?.postalCode
        city = c.address?.city
        country = c.address?.country
        state = c.address?.state?.rawValue
        email = c.email
        phone = c.phone
        kind = c.kind.rawValue
        vatId = c.vatId
        buyerReference = c.buyerReference
        language = c.language.rawValue
        notes = c.notes
        status = c.status.rawValue
        createdOn = c.createdOn.description
        eInvoiceFormat = c.eInvoiceFormat?.rawValue
    }

    func domain() throws -> Customer {
        var address: PostalAddress?
        if let street, let postalCode, let city {
            address = PostalAddress(
                street: street, postalCode: postalCode, city: city, country: country ?? "DE",
                state: try state.map { try Convert.choice($0) })
        }
        return Customer(
            id: id ?? 0, name: name, contactPerson: contactPerson, address: address, email: email, phone: phone,
            kind: try Convert.choice(kind), vatId: vatId, buyerReference: buyerReference,
            language: try Convert.choice(language), notes: notes, status: try Convert.choice(status),
            createdOn: try Convert.day(createdOn), eInvoiceFormat: try eInvoiceFormat.map { try Convert.choice($0) },
            salutation: try salutation.map { try Convert.choice($0) }, academicTitle: academicTitle)
    }
}

extension CustomerRecord {
    /// Reads the columns by name: much faster than `Decodable` for the many rows of lists and reports.
    init(row: Row) throws {
        id = row["id"]
        name = row["name"]
        contactPerson = row["contactPerson"]
        salutation = row["salutation"]
        academicTitle = row["academicTitle"]
        street = row["street"]
        postalCode = row["postalCode"]
        city = row["city"]
        country = row["country"]
        state = row["state"]
        email = row["email"]
        phone = row["phone"]
        kind = row["kind"]
        vatId = row["vatId"]
        buyerReference = row["buyerReference"]
        language = row["language"]
        notes = row["notes"]
        status = row["status"]
        createdOn = row["createdOn"]
        eInvoiceFormat = row["eInvoiceFormat"]
    }
}
