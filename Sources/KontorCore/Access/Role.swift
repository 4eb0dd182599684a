/// What a person signed in to the web app may do in a shared book. A book without users has no roles: whoever sits
/// at the machine (the CLI, the web app on 127.0.0.1) is the owner and may do everything.
public enum Role: String, NamedChoice, Codable {
    /// Everything, including issuing, approving Mahnungen, settings and users.
    case owner
    /// Inquiries, quotes, jobs and invoice drafts; never issues, books money or decides a Mahnung.
    case writer
    /// Payments, bank statements and dunning drafts; never issues or approves a Mahnung.
    case assistant

    /// Whether this role may do `action`. The one table of who may do what: the web app's route check and the use
    /// cases both ask here, so they cannot disagree.
    public func may(_ action: Action) -> Bool {
        switch self {
        case .owner: true
        case .writer: Role.writerActions.contains(action)
        case .assistant: Role.assistantActions.contains(action)
        }
    }

    /// Whether `user`, signed in with this role, may change an invoice draft that `drafter` drafted (nil: drafted
    /// at the machine). Beyond `may(.editInvoiceDrafts)`: in an agency a writer's drafts are theirs, so a writer
    /// changes only their own; the owner changes every draft.
    public func mayChangeDraft(draftedBy drafter: String?, signedInAs user: String) -> Bool {
        switch self {
        case .owner: true
        case .writer: drafter == user
        case .assistant: false
        }
    }

    private static let writerActions: Set<Action> = [
        .viewBook, .editCustomers, .workOnInquiries, .workOnQuotes, .workOnJobs, .editInvoiceDrafts, .sendMail,
        .importMail,
    ]
    private static let assistantActions: Set<Action> = [
        .viewBook, .editCustomers, .bookPayments, .importStatements, .draftDunning, .sendMail, .importMail,
    ]
}

/// Something a person does in the book that a role may or may not allow (`Role.may`).
public enum Action: String, NamedChoice, Codable {
    /// Reading pages and documents, checking a received e-invoice: nothing changes.
    case viewBook = "view-book"
    /// Adding and editing customers and their notes (a promise to pay, an objection).
    case editCustomers = "edit-customers"
    /// Recording, answering, winning or losing inquiries.
    case workOnInquiries = "work-on-inquiries"
    /// Writing, editing, accepting or declining quotes.
    case workOnQuotes = "work-on-quotes"
    /// Jobs: creating, advancing, logging work, planning the agenda.
    case workOnJobs = "work-on-jobs"
    /// Drafting invoices and editing their lines and terms before issue.
    case editInvoiceDrafts = "edit-invoice-drafts"
    /// Issuing an invoice (taking its number) or cancelling an issued one with a cancellation invoice.
    case issueInvoice = "issue-invoice"
    /// Booking, reversing, applying or refunding payments and credit.
    case bookPayments = "book-payments"
    /// Importing bank statements and deciding the review queue.
    case importStatements = "import-statements"
    /// Running the dunning check, holds, skipping drafts.
    case draftDunning = "draft-dunning"
    /// Approving (sending) a Mahnung: the letter becomes evidence and its charges claims.
    case approveDunning = "approve-dunning"
    /// Sending a quote's, invoice's or reply's e-mail, retrying the outbox.
    case sendMail = "send-mail"
    /// Importing received mail and accepting its suggestions.
    case importMail = "import-mail"
    /// The profile, invoicing, dunning, planning and mail settings and the templates.
    case changeSettings = "change-settings"
    /// Adding users, setting passwords and roles.
    case manageUsers = "manage-users"
    /// Downloading a backup of the whole book.
    case backUpBook = "back-up-book"
}

/// The refusal of an action the signed-in person's role does not allow (the web app answers 403), or a change to
/// the users that would leave the book without an owner.
public enum AccessError: Error, Sendable, Equatable, BilingualError, CustomStringConvertible {
    /// `role` may not do `action`.
    case notAllowed(Action, role: Role)
    /// The only owner cannot become a writer or assistant: nobody could issue or change users any more.
    case lastOwner(name: String)
    /// A writer tried to change an invoice draft someone else drafted (`drafter`; nil: drafted at the machine).
    case notYourDraft(drafter: String?)

    /// Whether the signed-in person was refused (the web app's 403), rather than the book standing against the
    /// change (the last owner, a 409).
    public var isRefusal: Bool {
        switch self {
        case .notAllowed, .notYourDraft: true
        case .lastOwner: false
        }
    }

    public func message(_ language: Language) -> String {
        switch self {
        case let .notAllowed(action, role):
            language == .de
                ? "Als \(role.word(.de)) dürfen Sie das nicht: \(action.word(.de)). "
                    + "Bitten Sie die Inhaberin oder den Inhaber des Kontors."
                : "As \(role.word(.en).lowercased()) you may not do this: \(action.word(.en)). "
                    + "Ask the owner of the book."
        case let .lastOwner(name):
            language == .de
                ? "„\(name)“ ist die einzige Inhaberin bzw. der einzige Inhaber: "
                    + "Machen Sie zuerst jemand anderen zum Inhaber."
                : "'\(name)' is the only owner: make someone else an owner first."
        case let .notYourDraft(drafter?):
            language == .de
                ? "Diesen Rechnungsentwurf hat „\(drafter)“ angelegt: ändern dürfen ihn nur „\(drafter)“ und die "
                    + "Inhaberin oder der Inhaber des Kontors."
                : "'\(drafter)' drafted this invoice: only they and the owner of the book may change it."
        case .notYourDraft(nil):
            language == .de
                ? "Diesen Rechnungsentwurf hat die Inhaberin oder der Inhaber des Kontors angelegt: nur sie oder er "
                    + "darf ihn ändern."
                : "The owner of the book drafted this invoice: only the owner may change it."
        }
    }
}

extension Role: Worded {
    public func word(_ l: Language) -> String {
        switch self {
        case .owner: pick(l, "Owner", "Inhaber")
        case .writer: pick(l, "Writer", "Autor")
        case .assistant: pick(l, "Assistant", "Assistenz")
        }
    }
}

extension Action: Worded {
    public func word(_ l: Language) -> String {
        switch self {
        case .viewBook: pick(l, "look at the book", "das Kontor ansehen")
        case .editCustomers: pick(l, "edit customers", "Kunden bearbeiten")
        case .workOnInquiries: pick(l, "work on inquiries", "Anfragen bearbeiten")
        case .workOnQuotes: pick(l, "work on quotes", "Angebote bearbeiten")
        case .workOnJobs: pick(l, "work on jobs", "Aufträge bearbeiten")
        case .editInvoiceDrafts: pick(l, "edit invoice drafts", "Rechnungsentwürfe bearbeiten")
        case .issueInvoice: pick(l, "issue or cancel invoices", "Rechnungen ausstellen oder stornieren")
        case .bookPayments: pick(l, "book or reverse payments", "Zahlungen buchen oder stornieren")
        case .importStatements: pick(l, "import bank statements", "Kontoauszüge einlesen")
        case .draftDunning: pick(l, "prepare dunning drafts", "Mahnentwürfe vorbereiten")
        case .approveDunning: pick(l, "approve or send Mahnungen", "Mahnungen freigeben oder versenden")
        case .sendMail: pick(l, "send e-mails", "E-Mails versenden")
        case .importMail: pick(l, "import received mail", "empfangene E-Mails einlesen")
        case .changeSettings: pick(l, "change settings", "Einstellungen ändern")
        case .manageUsers: pick(l, "manage users", "Benutzer verwalten")
        case .backUpBook: pick(l, "download a backup", "eine Sicherung herunterladen")
        }
    }
}
