import ArgumentParser
import KontorApp
import KontorCore

/// The person who asked, for `inquiry add` and `inquiry edit`: the reply greets them by name.
struct InquiryContactOptions: ParsableArguments {
    @Option(help: "The person who asked (e.g. the caller), e.g. \"Ines Wolff\" (\"\" removes it on edit).")
    var contact: String?
    @Option(help: "How the reply greets the contact: frau, herr or none (by full name).") var salutation: String?
    @Option(help: "The contact's academic title, e.g. \"Dr.\".") var title: String?

    /// The contact, if one was given; salutation or title alone need the name.
    func contactPerson() throws -> InquiryContact? {
        guard let contact else {
            if salutation != nil || title != nil {
                throw ValidationError(CLILanguage.say(
                    "Give the person's name with --contact together with --salutation or --title.",
                    "Geben Sie mit --salutation oder --title auch den Namen mit --contact an."))
            }
            return nil
        }
        return InquiryContact(
            person: contact, salutation: try salutation.flatMap { try Salutation.parse($0) }, academicTitle: title)
    }
}
