import KontorApp
import KontorCore

/// Reads a submitted form field by field; what cannot be read leaves a message next to its field, and the
/// handler re-renders the form (422) with everything the user typed.
struct FormReader {
    let form: FormData
    let texts: Texts
    var state: FormState

    init(_ form: FormData, texts: Texts) {
        self.form = form
        self.texts = texts
        state = FormState(form)
    }

    var hasErrors: Bool { state.hasErrors }

    mutating func fail(_ key: String, _ message: String) {
        if state.errors[key] == nil { state.errors[key] = message }
    }

    /// A text; a message when required and empty.
    mutating func text(_ key: String, required: Bool = false) -> String? {
        guard let value = form[key] else {
            if required { fail(key, texts["err_required"]) }
            return nil
        }
        return value
    }

    /// Parses with a throwing initialiser of the domain; its `InputError` becomes the field's message.
    mutating func parse<T>(_ key: String, required: Bool = false, _ body: (String) throws -> T) -> T? {
        guard let text = text(key, required: required) else { return nil }
        do { return try body(text) } catch {
            fail(key, ErrorText(texts).fieldMessage(error))
            return nil
        }
    }

    mutating func day(_ key: String, required: Bool = false) -> Day? {
        parse(key, required: required) { try Day.parse($0) }
    }

    mutating func money(_ key: String, required: Bool = false) -> Money? {
        parse(key, required: required) { try Money(parsingNonNegative: $0) }
    }

    mutating func quantity(_ key: String, required: Bool = false) -> Quantity? {
        parse(key, required: required) { try Quantity(parsing: $0) }
    }

    /// A whole number; outside `range` it is refused with the range and its `unit`, worded like every input error.
    mutating func int(
        _ key: String, required: Bool = false, range: ClosedRange<Int>? = nil, unit: InputError.RangeUnit = .none
    ) -> Int? {
        guard let text = text(key, required: required) else { return nil }
        guard let value = Int(text) else {
            fail(key, ErrorText(texts).fieldMessage(InputError.invalidNumber(what: .number, text: text, form: .wholeNumber)))
            return nil
        }
        if let range, !range.contains(value) {
            fail(key, ErrorText(texts).fieldMessage(InputError.outOfRange(what: .number, value: text, range: range, unit: unit)))
            return nil
        }
        return value
    }

    mutating func id(_ key: String, required: Bool = false) -> Int64? {
        guard let text = text(key, required: required) else { return nil }
        guard let value = Int64(text), value > 0 else {
            fail(key, texts["err_choose"])
            return nil
        }
        return value
    }

    mutating func choice<T: NamedChoice>(_ key: String, _ type: T.Type, required: Bool = false) -> T? {
        guard let text = text(key, required: required) else { return nil }
        guard let value = T(rawValue: text) else {
            fail(key, texts["err_choice"])
            return nil
        }
        return value
    }

    /// A document line from the fields description, quantity, unit, price, vat.
    mutating func line() -> DocumentLine? {
        let description = text("description", required: true)
        let quantity = self.quantity("quantity", required: true)
        let unit = choice("unit", BillingUnit.self, required: true)
        let price = parse("price", required: true) { try UnitPrice(parsing: $0) }
        let vat = parse("vat", required: true) { try VATRate(parsing: $0) }
        guard let description, let quantity, let unit, let price, let vat else { return nil }
        return DocumentLine(description: description, quantity: quantity, unit: unit, unitPrice: price, vatRate: vat)
    }
}
