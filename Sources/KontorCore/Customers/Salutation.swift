import Foundation

/// How the contact person is addressed: Frau or Herr. No salutation (nil on the customer) addresses the
/// person by full name, which is right when the form of address is unknown or neither fits.
public enum Salutation: String, NamedChoice, Codable {
    case frau
    case herr

    /// Reads `frau`, `herr` or `none` (also blank); `none` gives nil.
    /// - Throws: `InputError.invalidChoice` listing the three words.
    public static func parse(_ text: String) throws(InputError) -> Salutation? {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        if word.isEmpty || word == "none" { return nil }
        guard let value = Salutation(rawValue: word) else {
            throw .invalidChoice(what: .salutation, text: text, allowed: ["frau", "herr", "none"])
        }
        return value
    }

    /// The salutation in an honorific prefix as address books write it ("Frau", "Hr.", "Mrs."), if any.
    public static func reading(_ word: String) -> Salutation? {
        switch word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".")) {
        case "frau", "fr", "ms", "mrs", "miss", "mme", "madame": .frau
        case "herr", "herrn", "hr", "mr", "m", "monsieur": .herr
        default: nil
        }
    }
}

/// The person a letter speaks to, split the way salutations need it.
struct Addressee: Sendable {
    var salutation: Salutation?
    /// The academic title as typed, e.g. "Dr." or "Prof. Dr."; nil when none.
    var title: String?
    /// Given and family name without the title, e.g. "Ines Wolff".
    var name: String

    /// The family name: the last word of the name ("Wolff"; "Müller-Lüdenscheidt" stays whole).
    var familyName: String { name.split(separator: " ").last.map(String.init) ?? name }

    /// The title as English correspondence writes it: "Professor" or "Dr" replace Ms and Mr; other German
    /// degrees are not used in English salutations.
    var englishTitle: String? {
        guard let title else { return nil }
        if title.localizedCaseInsensitiveContains("prof") { return "Professor" }
        if title.localizedCaseInsensitiveContains("dr") { return "Dr" }
        return nil
    }

    /// Splits a name typed with its title ("Dr. Ines Wolff"), so that contacts saved before titles had their own
    /// field still get "Sehr geehrte Frau Dr. Wolff", and a title given twice is not printed twice; a title given
    /// separately wins over the one in the name.
    init(salutation: Salutation?, title: String?, person: String) {
        self.salutation = salutation
        var words = person.split(separator: " ").map(String.init)
        var found: [String] = []
        // "Prof.", "Dr." and the faculty words after "Dr." ("Dr. med.", "Dr. rer. nat.") lead the name.
        while words.count > 1, let word = words.first, Addressee.isTitleWord(word, after: found) {
            found.append(word)
            words.removeFirst()
        }
        self.title = title ?? (found.isEmpty ? nil : found.joined(separator: " "))
        name = words.joined(separator: " ")
    }

    /// "Prof.", "Dr." and the faculty words that follow a doctorate ("Dr. med.", "Dr. rer. nat.", "Dr. h.c.").
    static func isTitleWord(_ word: String, after found: [String]) -> Bool {
        let lower = word.lowercased()
        if ["prof.", "dr.", "dr.-ing."].contains(lower) { return true }
        let faculties = ["med.", "dent.", "vet.", "phil.", "rer.", "nat.", "pol.", "oec.", "jur.", "theol.", "h.c.",
                         "habil.", "mult.", "soc."]
        return !found.isEmpty && faculties.contains(lower)
    }
}

extension Customer {
    /// The person letters speak to: the contact person, or a consumer by name; nil for a business without one.
    var addressee: Addressee? {
        let contact = contactPerson?.trimmingCharacters(in: .whitespaces) ?? ""
        let person = !contact.isEmpty ? contact : kind == .consumer ? name : ""
        guard !person.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        let title = academicTitle?.trimmingCharacters(in: .whitespaces)
        return Addressee(salutation: salutation, title: title?.isEmpty == false ? title : nil, person: person)
    }

    /// The greeting line of every letter and e-mail to this customer (DIN 5008 style), e.g. "Sehr geehrte Frau
    /// Dr. Wolff," (`formal`), "Guten Tag Herr Krume," (less formal), "Guten Tag Jonas Krume," without a
    /// salutation, "Sehr geehrte Damen und Herren," without a contact person; in English "Dear Ms Wolff,",
    /// "Dear Dr Wolff,", "Dear Jonas Krume,", "Dear Sir or Madam,".
    public func salutation(language: Language, formal: Bool) -> String {
        guard let person = addressee else {
            return language == .de ? "Sehr geehrte Damen und Herren," : "Dear Sir or Madam,"
        }
        let titled = { (name: String) in [person.title, name].compactMap { $0 }.joined(separator: " ") }
        switch (language, person.salutation) {
        case (.de, .frau?):
            return (formal ? "Sehr geehrte Frau " : "Guten Tag Frau ") + titled(person.familyName) + ","
        case (.de, .herr?):
            return (formal ? "Sehr geehrter Herr " : "Guten Tag Herr ") + titled(person.familyName) + ","
        case (.de, nil): return "Guten Tag " + titled(person.name) + ","
        case (.en, let salutation):
            if let title = person.englishTitle {
                return "Dear \(title) \(salutation == nil ? person.name : person.familyName),"
            }
            switch salutation {
            case .frau?: return "Dear Ms \(person.familyName),"
            case .herr?: return "Dear Mr \(person.familyName),"
            case nil: return "Dear \(person.name),"
            }
        }
    }

    /// The person's line in the address block in `language`: "Herrn Jonas Krume", "Frau Dr. Ines Wolff",
    /// "Jonas Krume"; in English "Mr Jonas Krume", "Dr Ines Wolff". Nil for a business without a contact person.
    public func addressName(language: Language) -> String? {
        guard let person = addressee else { return nil }
        switch language {
        case .de:
            let word = person.salutation.map { $0 == .frau ? "Frau" : "Herrn" }
            return [word, person.title, person.name].compactMap { $0 }.joined(separator: " ")
        case .en:
            let word = person.englishTitle ?? person.salutation.map { $0 == .frau ? "Ms" : "Mr" }
            return [word, person.name].compactMap { $0 }.joined(separator: " ")
        }
    }

    /// The person's line in the address block in the customer's own language (see `addressName(language:)`).
    public var addressName: String? { addressName(language: language) }

    /// The recipient lines of the address window: the business and its contact person ("Herrn Jonas Krume"),
    /// or a consumer by salutation and name, then the postal address.
    public func recipientLines(language: Language) -> [String] {
        var lines: [String]
        let person = addressName(language: language)
        if kind == .consumer, (contactPerson ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            lines = [person ?? name]
        } else {
            lines = [name]
            if let person, person != name { lines.append(person) }
        }
        if let address { lines.append(contentsOf: address.lines) }
        return lines
    }
}
