import KontorApp

extension AppServices {
    /// The customer a form names in `key`: the id a select sends, or what was typed into the field of a large book
    /// (a number, a suggestion like "Müller GmbH (17)", or a name that only one customer has or contains). A name
    /// that fits none or several leaves a message next to the field naming what was typed (and the candidates).
    func customerId(_ reader: inout FormReader, _ key: String = "customer", required: Bool = false) async throws
        -> Int64?
    {
        guard let text = reader.text(key, required: required) else { return nil }
        if let id = CustomerChoice.id(in: text) {
            // A label counts only when its name is that customer's: "Verlag (2019)" may be a name, not customer 2019.
            guard let name = CustomerChoice.name(in: text) else { return id }
            if try await kontor.customersNamed(name, limit: 50).contains(where: { $0.id == id }) { return id }
        }
        let matches = try await kontor.customersNamed(text, limit: 6)
        switch matches.count {
        case 1:
            return matches[0].id
        case 0:
            reader.fail(key, reader.texts.format("err_customer_none", text))
        default:
            let shown = matches.prefix(5).map(\.label).joined(separator: ", ") + (matches.count > 5 ? ", …" : "")
            reader.fail(key, reader.texts.format("err_customer_several", text, shown))
        }
        return nil
    }
}
