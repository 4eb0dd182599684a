import KontorApp
import KontorCore

/// The person who asked, on the inquiry forms (new and edit): name, salutation and academic title, so that the
/// reply greets them ("Guten Tag Frau Dr. Wolff,").
enum InquiryContactFields {
    /// The three fields, labelled as on the customer form.
    static func fields(_ make: FieldFactory, texts: Texts) -> [FieldView] {
        [
            make.text("contactPerson", "f_inquiry_contact", hint: texts["h_inquiry_contact"], autocomplete: "name"),
            make.select("salutation", "f_salutation",
                        options: Salutation.allCases.map { ($0.rawValue, texts["salutation_\($0.rawValue)"]) },
                        blank: texts["salutation_none"]),
            make.text("academicTitle", "f_academic_title", autocomplete: "honorific-prefix"),
        ]
    }

    /// The contact as typed; an empty name gives an empty contact (which removes it on edit).
    static func read(_ reader: inout FormReader) -> InquiryContact {
        InquiryContact(
            person: reader.text("contactPerson") ?? "", salutation: reader.choice("salutation", Salutation.self),
            academicTitle: reader.text("academicTitle"))
    }

    /// The form values of an inquiry's contact.
    static func values(of inquiry: Inquiry) -> [String: String] {
        ["contactPerson": inquiry.contactPerson ?? "", "salutation": inquiry.salutation?.rawValue ?? "",
         "academicTitle": inquiry.academicTitle ?? ""]
    }
}
