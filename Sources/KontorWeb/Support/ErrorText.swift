import KontorApp
import KontorCore

/// Errors of the web layer itself.
enum WebError: Error, Sendable {
    /// An id in the address that names nothing (also ids that are not numbers).
    case notFound
    /// A POST without the session's CSRF token.
    case csrf
    /// A request the app cannot read.
    case badRequest
}

/// Turns the domain's errors into what a person reads in the web app, in German or English, without the
/// command-line hints of the CLI's messages.
struct ErrorText {
    let texts: Texts

    init(_ texts: Texts) { self.texts = texts }

    /// The short message shown next to a field (the label already says which field).
    func fieldMessage(_ error: any Error) -> String {
        switch error {
        case let error as InputError: return input(error)
        case let error as AppError:
            if case let .input(inner) = error { return input(inner) }
            return message(error) ?? texts["error_server_text"]
        default: return message(error) ?? texts["error_server_text"]
        }
    }

    /// The full message of a user error; nil for errors that are not the user's to fix.
    func message(_ error: any Error) -> String? {
        switch error {
        case let error as InputError:
            if case let .missing(what, _) = error { return texts.format("err_missing", what) }
            return input(error)
        case let error as WorkflowError: return workflow(error)
        case let error as AppError:
            switch error {
            case let .notFound(kind, id): return texts.format("error_not_found_record", texts["kind_\(kind)"], id)
            case .noProfile: return texts["err_no_profile"]
            case .alreadyInitialised: return texts["err_already_initialised"]
            case .bookNotEmpty: return texts["err_book_not_empty"]
            case .mailNotConfigured: return texts["err_mail_not_configured"]
            case let .input(inner): return message(inner)
            case let .workflow(inner): return workflow(inner)
            }
        case let error as any BilingualError:
            // Statement and e-invoice readers, the legal tables, vCards: they word themselves in both languages.
            return error.message(texts.language)
        default:
            // Other errors of Kontor's own modules explain themselves (in English).
            let type = String(reflecting: Swift.type(of: error))
            if ["KontorCore.", "KontorApp.", "KontorDocuments.", "KontorEInvoice.", "KontorBanking."]
                .contains(where: type.hasPrefix)
            {
                return String(describing: error)
            }
            return nil
        }
    }

    /// Which field an input error is about, by the domain's `what`.
    static func subject(of error: InputError) -> String? {
        switch error {
        case let .invalidNumber(what, _), let .tooManyDecimals(what, _, _), let .negative(what, _), let .zero(what),
            let .invalidDate(what, _), let .invalidChoice(what, _, _), let .missing(what, _), let .invalid(what, _):
            return what
        case .invalidIBAN: return "iban"
        case .invalidBIC: return "bic"
        case .invalidNumberFormat: return "number format"
        case .invalidLoyaltyPercent: return "loyalty"
        }
    }

    /// Puts a use case's error into the form: next to the field it concerns (`fields` maps the domain's words
    /// to field names), else above the form. Errors that are not the user's to fix are rethrown, so that an
    /// unknown id still shows the 404 page.
    func place(_ error: any Error, into state: inout FormState, fields: [String: String] = [:]) throws {
        var inner: any Error = error
        if case let .input(input)? = error as? AppError { inner = input }
        if case .notFound? = error as? AppError { throw error }
        if let vatId = inner as? VATIdError, let field = fields["vat id"] {
            // The message names the accepted form; it belongs next to the field.
            state.errors[field] = vatId.message(texts.language)
            return
        }
        if let input = inner as? InputError, let what = ErrorText.subject(of: input),
            let field = fields.first(where: { what.lowercased().hasPrefix($0.key) })?.value
        {
            state.errors[field] = fieldMessage(input)
            return
        }
        guard let text = message(inner) else { throw error }
        state.general = text
    }

    // MARK: - Cases

    private func input(_ error: InputError) -> String {
        switch error {
        case let .invalidNumber(_, text): return texts.format("err_number", text)
        case let .tooManyDecimals(_, _, allowed): return texts.format("err_decimals", "\(allowed)")
        case .negative: return texts["err_negative"]
        case .zero: return texts["err_zero"]
        case let .invalidDate(_, text): return texts.format("err_date", text)
        case .invalidIBAN: return texts["err_iban"]
        case .invalidBIC: return texts["err_bic"]
        case .invalidChoice: return texts["err_choice"]
        case .missing: return texts["err_required"]
        case let .invalidNumberFormat(_, reason):
            // The character rule (file names, mail subjects) has its own sentence; the rest is about tokens.
            let characters = reason.contains("not allowed") || reason.contains("'..'")
            return texts[characters ? "err_number_format_characters" : "err_number_format"]
        case let .invalidLoyaltyPercent(percent): return texts.format("err_loyalty_percent", "\(percent)")
        case let .invalid(what, reason):
            let what = what.lowercased()
            // Line breaks could add mail headers; this is refused the same way for every field.
            if reason.contains("single line") { return texts["err_single_line"] }
            if what.hasPrefix("e-mail"), reason.contains("may not contain") { return texts["err_email_characters"] }
            let table: [(String, String)] = [
                ("e-mail", "err_email"), ("postal code", "err_postal_code"), ("country", "err_country"),
                ("state", "err_state"), ("payment term", "err_payment_term"), ("service period", "err_service_period"),
                ("password", "err_password"), ("material costs", "err_material_costs"), ("dunning policy", "err_policy"),
                ("loyalty", "err_loyalty"), ("reminder", "err_reminder_done"),
                ("column mapping", "err_column_mapping"), ("template", "err_template"),
                ("line position", "err_line_position"), ("validity date", "err_valid_until"),
                ("customer change", "err_customer_change"), ("writing hours", "err_writing_hours"),
                ("vacation", "err_vacation"),
            ]
            if let key = table.first(where: { what.hasPrefix($0.0) })?.1 { return texts[key] }
            if reason.contains("another customer") { return texts["err_other_customer"] }
            if reason.contains("cancellation invoice") { return texts["err_no_payment_on_cancellation"] }
            return texts.format("err_invalid", reason)
        }
    }

    private func workflow(_ error: WorkflowError) -> String {
        switch error {
        case let .jobTransition(_, from, to): return texts.format("err_job_transition", texts.jobStatus(from), texts.jobStatus(to))
        case let .inquiryClosed(_, status): return texts.format("err_inquiry_closed", texts.inquiryStatus(status))
        case let .quoteDecided(_, status): return texts.format("err_quote_decided", texts.quoteStatus(status))
        case .quoteEmpty: return texts["err_quote_empty"]
        case .inquiryWithoutSize: return texts["err_inquiry_without_size"]
        case let .invoiceIssued(number): return texts.format("err_invoice_issued", number)
        case .invoiceNotIssued: return texts["err_invoice_not_issued"]
        case .invoiceEmpty: return texts["err_invoice_empty"]
        case let .invoiceCancelled(number): return texts.format("err_invoice_cancelled", number)
        case let .cancellationOfCancellation(number): return texts.format("err_cancel_cancellation", number)
        case let .customerWithoutAddress(_, name): return texts.format("err_customer_address", name)
        case let .profileIncomplete(missing):
            return texts.format(
                "err_profile_incomplete",
                texts[missing.contains("address") ? "err_field_missing_profile" : "err_field_missing_tax"])
        case let .invoicePaid(number): return texts.format("err_invoice_paid", number)
        case let .nothingOpen(number): return texts.format("err_nothing_open", number)
        case let .overpayment(number, owed, amount):
            return texts.format("err_overpayment", number, texts.money(owed), texts.money(amount - owed))
        case .paymentNotReversible: return texts["err_payment_not_reversible"]
        case .paymentAlreadyReversed: return texts["err_payment_reversed"]
        case let .creditTooSmall(_, available, _): return texts.format("err_credit_small", texts.money(available))
        case .quoteAccepted: return texts["err_quote_accepted"]
        case let .quoteInvoiced(_, invoice):
            return invoice.hasPrefix("draft ")
                ? texts.format("err_quote_has_draft", String(invoice.dropFirst("draft ".count)))
                : texts.format("err_quote_invoiced", invoice)
        case .jobClosed: return texts["err_job_closed"]
        case let .issueNumberChanged(_, next): return texts.format("issue_number_changed", next)
        case .reverseChargeWithoutSellerVATId: return texts["err_rc_seller_vat_id"]
        case let .reverseChargeWithoutBuyerVATId(_, name): return texts.format("err_rc_buyer_vat_id", name)
        case .mailNotRetryable: return texts["err_mail_not_retryable"]
        }
    }
}
