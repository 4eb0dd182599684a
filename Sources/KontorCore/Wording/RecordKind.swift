/// The kinds of records a person looks up by id or number, named in messages with the command that lists them.
public enum RecordKind: String, Sendable, Hashable, CaseIterable {
    case customer, inquiry, quote, job, invoice, payment, mail, importedMail, reminder, bankEntry, webUser

    /// The record's name in `language` ("Rechnung", "invoice").
    public func name(_ language: Language) -> String {
        switch self {
        case .customer: language == .de ? "Kunde" : "customer"
        case .inquiry: language == .de ? "Anfrage" : "inquiry"
        case .quote: language == .de ? "Angebot" : "quote"
        case .job: language == .de ? "Auftrag" : "job"
        case .invoice: language == .de ? "Rechnung" : "invoice"
        case .payment: language == .de ? "Zahlung" : "payment"
        case .mail: language == .de ? "E-Mail" : "mail"
        case .importedMail: language == .de ? "eingelesene E-Mail" : "imported mail"
        case .reminder: language == .de ? "Mahnschritt" : "reminder"
        case .bankEntry: language == .de ? "Kontobewegung" : "bank entry"
        case .webUser: language == .de ? "Benutzer" : "user"
        }
    }

    /// The command that lists records of this kind.
    public var listCommand: String {
        switch self {
        case .customer: "kontor customer list"
        case .inquiry: "kontor inquiry list"
        case .quote: "kontor quote list"
        case .job: "kontor job list"
        case .invoice: "kontor invoice list"
        case .payment: "kontor payment list"
        case .mail: "kontor mail list"
        case .importedMail: "kontor today"
        case .reminder: "kontor remind list"
        case .bankEntry: "kontor import review"
        case .webUser: "kontor user list"
        }
    }
}
