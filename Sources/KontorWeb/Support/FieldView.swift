import KontorApp

/// One option of a select.
struct OptionView: Sendable, Encodable {
    let optionValue: String
    let optionLabel: String
    let selected: Bool
}

/// One form field as `partials/field` renders it: label, control, hint and error, linked for screen readers.
struct FieldView: Sendable, Encodable {
    var name: String
    var fieldId: String
    var label: String
    var value = ""
    var type = "text"
    var required = false
    var isInput = true
    var isSelect = false
    var isTextarea = false
    var isCheckbox = false
    var checked = false
    var options: [OptionView] = []
    /// Suggestions of a text field (`<datalist>`), as the customer field of a large book offers them.
    var suggestions: [OptionView] = []
    var hasSuggestions = false
    var rows = 4
    var inputMode: String?
    var autocomplete: String?
    var placeholder: String?
    var hasHint = false
    var hint = ""
    var hasError = false
    var error = ""
    var wide = false
}

/// What a form holds: the typed values and the messages per field (or for the whole form).
struct FormState: Sendable, Encodable {
    var values: [String: String] = [:]
    var errors: [String: String] = [:]
    var general: String?

    init(values: [String: String] = [:]) { self.values = values }
    init(_ form: FormData) { values = form.values }

    var hasErrors: Bool { !errors.isEmpty || general != nil }

    /// The message of the form as a whole, or the first field message when the form shows only one.
    var generalText: String { general ?? "" }
}

/// Builds the fields of one form from its state, in one language.
struct FieldFactory {
    let state: FormState
    let texts: Texts
    /// Makes ids unique when a page has several forms.
    var idPrefix = ""

    private func base(_ name: String, _ labelKey: String, required: Bool, hint: String?, wide: Bool) -> FieldView {
        var field = FieldView(name: name, fieldId: "\(idPrefix)f-\(name)", label: texts[labelKey])
        field.value = state.values[name] ?? ""
        field.required = required
        field.wide = wide
        if let hint { field.hasHint = true; field.hint = hint }
        if let error = state.errors[name] { field.hasError = true; field.error = error }
        return field
    }

    func text(
        _ name: String, _ labelKey: String, type: String = "text", required: Bool = false, hint: String? = nil,
        wide: Bool = false, inputMode: String? = nil, autocomplete: String? = nil, placeholder: String? = nil
    ) -> FieldView {
        var field = base(name, labelKey, required: required, hint: hint, wide: wide)
        field.type = type
        field.inputMode = inputMode
        field.autocomplete = autocomplete
        field.placeholder = placeholder
        return field
    }

    /// A date field (the browser's date picker sends YYYY-MM-DD; typed German dates work too).
    func date(_ name: String, _ labelKey: String, required: Bool = false, hint: String? = nil) -> FieldView {
        text(name, labelKey, type: "date", required: required, hint: hint)
    }

    func amount(_ name: String, _ labelKey: String, required: Bool = false, hint: String? = nil) -> FieldView {
        text(name, labelKey, required: required, hint: hint, inputMode: "decimal")
    }

    func number(_ name: String, _ labelKey: String, required: Bool = false, hint: String? = nil) -> FieldView {
        text(name, labelKey, required: required, hint: hint, inputMode: "numeric")
    }

    func textarea(_ name: String, _ labelKey: String, rows: Int = 4, required: Bool = false, hint: String? = nil) -> FieldView {
        var field = base(name, labelKey, required: required, hint: hint, wide: true)
        field.isInput = false
        field.isTextarea = true
        field.rows = rows
        return field
    }

    /// A select; `blank` adds an empty first option ("– bitte wählen –" or a given label).
    func select(
        _ name: String, _ labelKey: String, options: [(value: String, label: String)], required: Bool = false,
        blank: String? = nil, defaultValue: String? = nil, hint: String? = nil, wide: Bool = false
    ) -> FieldView {
        var field = base(name, labelKey, required: required, hint: hint, wide: wide)
        field.isInput = false
        field.isSelect = true
        let current = state.values[name] ?? defaultValue ?? ""
        var all = options
        if let blank { all.insert(("", blank), at: 0) }
        field.options = all.map { OptionView(optionValue: $0.value, optionLabel: $0.label, selected: $0.value == current) }
        return field
    }

    /// The customer of a form: a select when every customer is offered, otherwise a field taking a number or a
    /// name with the newest customers as suggestions (read back by `AppServices.customerId`).
    func customer(
        _ name: String, _ labelKey: String, choices: CustomerChoices, required: Bool = false, blank: String? = nil,
        wide: Bool = false
    ) -> FieldView {
        if choices.isComplete {
            return select(name, labelKey, options: choices.choices.map { ("\($0.id)", $0.name) }, required: required,
                          blank: blank, wide: wide)
        }
        var field = text(name, labelKey, required: required, hint: texts.format("customer_pick_hint", texts.count(choices.choices.count), texts.count(choices.total)),
                         wide: wide, autocomplete: "off", placeholder: texts["customer_pick_placeholder"])
        // A chosen id is shown as the suggestion's label would put it, so that it reads as a name.
        if let id = CustomerChoice.id(in: field.value), let chosen = choices.choices.first(where: { $0.id == id }) {
            field.value = chosen.label
        }
        field.suggestions = choices.choices.map { OptionView(optionValue: $0.label, optionLabel: "", selected: false) }
        field.hasSuggestions = true
        return field
    }

    func checkbox(_ name: String, _ labelKey: String) -> FieldView {
        var field = base(name, labelKey, required: false, hint: nil, wide: true)
        field.isInput = false
        field.isCheckbox = true
        field.checked = ["on", "1", "true"].contains(state.values[name] ?? "")
        return field
    }
}
