import Foundation
import Hummingbird
import KontorApp
import KontorCore
import KontorDocuments

/// Einstellungen: profile, invoicing and numbering, loyalty, dunning policy, templates, base rates.
struct SettingsController: Sendable {
    let services: AppServices

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get(use: self.show)
            .post("profile", use: self.saveProfile)
            .post("invoicing", use: self.saveInvoicing)
            .post("loyalty", use: self.saveLoyalty)
            .post("dunning", use: self.saveDunning)
            .post("base-rates", use: self.addBaseRate)
            .post("hours", use: self.saveHours)
            .post("vacations", use: self.addVacation)
            .post("vacations/remove", use: self.removeVacation)
            .post("days-off", use: self.addDayOff)
            .post("days-off/remove", use: self.removeDayOff)
            .post("unit-rates", use: self.saveUnitRates)
            .get("templates/:step/:lang", use: self.editTemplate)
            .post("templates/:step/:lang", use: self.saveTemplate)
            .get("backup", use: self.backup)
    }

    /// GET /settings/backup: the book as an SQLite file, copied with the online backup while others may write
    /// (a download behind the session, like the invoice PDFs).
    @Sendable func backup(request: Request, context: AppRequestContext) async throws -> Response {
        let document = try await services.kontor.backupDownload(on: services.today())
        return .download(document, contentType: "application/vnd.sqlite3")
    }

    /// GET /settings
    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        try await render(failed: nil, request: request, context: context)
    }

    /// POST /settings/profile: creates the profile the first time, then changes it.
    @Sendable func saveProfile(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        var reader = FormReader(context.form, texts: texts)
        let name = reader.text("name", required: true)
        let street = reader.text("street"), postalCode = reader.text("postalCode"), city = reader.text("city")
        let country = reader.text("country")?.uppercased()
        let state = reader.choice("state", GermanState.self)
        let email = reader.text("email"), phone = reader.text("phone")
        let iban = reader.parse("iban") { try IBAN($0) }
        let bic = reader.text("bic")?.uppercased()
        let taxNumber = reader.text("taxNumber"), vatId = reader.text("vatId")
        var formState = reader.state
        if !reader.hasErrors, let name {
            let change: @Sendable (inout BusinessProfile) -> Void = { profile in
                profile.name = name
                profile.address = street != nil || postalCode != nil || city != nil
                    ? PostalAddress(street: street ?? "", postalCode: postalCode ?? "", city: city ?? "",
                                    country: country ?? "DE", state: state)
                    : nil
                profile.email = email
                profile.phone = phone
                profile.iban = iban
                profile.bic = bic
                profile.taxNumber = taxNumber
                profile.vatId = vatId
            }
            do {
                if (try? await services.kontor.profile()) == nil {
                    var profile = BusinessProfile(name: name)
                    change(&profile)
                    _ = try await services.kontor.initialise(profile)
                    return services.redirect("/settings", flash: texts["flash_profile_created"], context: context)
                }
                _ = try await services.kontor.updateProfile(change)
                return services.redirect("/settings#profile", flash: texts["flash_profile_saved"], context: context)
            } catch {
                try ErrorText(texts).place(error, into: &formState, fields: [
                    .businessName: "name", .street: "street", .postalCode: "postalCode", .city: "city",
                    .country: "country", .state: "state", .bic: "bic", .iban: "iban", .vatId: "vatId",
                ])
            }
        }
        return try await render(failed: ("profile", formState), request: request, context: context)
    }

    /// POST /settings/invoicing: tax mode, payment term, number format.
    @Sendable func saveInvoicing(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        var reader = FormReader(context.form, texts: texts)
        let mode = reader.choice("taxMode", TaxMode.self, required: true)
        let term = reader.int("paymentTerm", required: true, range: PaymentTerm.allowedDays, unit: .days)
        let format = reader.parse("numberFormat", required: true) { try InvoiceNumberFormat($0) }
        return try await update("invoicing", reader: reader, request: request, context: context) { profile in
            if let mode { profile.taxMode = mode }
            if let term { profile.paymentTermDays = term }
            if let format { profile.numberFormat = format }
        }
    }

    /// POST /settings/loyalty
    @Sendable func saveLoyalty(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        var reader = FormReader(context.form, texts: texts)
        // The rows of the tiers table (paid1/percent1 …); the older one-line form "3:3,10:5" still works.
        if context.form.values.keys.contains(where: { $0.hasPrefix("paid") }) {
            return try await saveLoyaltyTiers(request: request, context: context)
        }
        let policy = reader.parse("loyalty") { try LoyaltyPolicy(parsing: $0) } ?? (reader.hasErrors ? nil : LoyaltyPolicy.none)
        return try await update("loyalty", reader: reader, request: request, context: context) { profile in
            if let policy { profile.loyalty = policy }
        }
    }

    /// POST /settings/dunning: waiting times, patience, material costs.
    @Sendable func saveDunning(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        var reader = FormReader(context.form, texts: texts)
        var policy = DunningPolicy()
        for (key, path) in SettingsPage.dunningDays {
            // Settings added later keep their defaults when an older form leaves them out.
            let required = !SettingsPage.laterDunningDays.contains(key)
            if let value = reader.int(key, required: required, range: DunningPolicy.allowedDays, unit: .days) { policy[keyPath: path] = value }
        }
        if let patience = reader.int("patience", required: true, range: DunningPolicy.allowedPatience, unit: .percent) { policy.patientFactorPercent = patience }
        if let costs = reader.money("costs") { policy.materialCosts = costs }
        // LAW.md 3.4: the day count and the payment day are the user's choice, defaulting to the practice guide.
        if let text = reader.text("dayCount"), let convention = DayCountConvention(rawValue: text) {
            policy.dayCount = convention
        }
        policy.countsPaymentDay = context.form.flag("countsPaymentDay")
        if !reader.hasErrors {
            do { try policy.validate() } catch {
                reader.fail("costs", ErrorText(texts).fieldMessage(error))
            }
        }
        let final = policy
        return try await update("dunning", reader: reader, request: request, context: context) { $0.dunning = final }
    }

    /// POST /settings/base-rates
    @Sendable func addBaseRate(request: Request, context: AppRequestContext) async throws -> Response {
        let texts = Texts(context.language)
        var reader = FormReader(context.form, texts: texts)
        let from = reader.day("validFrom", required: true)
        let percent = reader.text("percent", required: true)
        var rate: BaseRate?
        if let from, let percent {
            do { rate = try BaseRate(validFrom: from, parsingPercent: percent) } catch {
                reader.fail("percent", ErrorText(texts).fieldMessage(error))
            }
        }
        var state = reader.state
        if !reader.hasErrors, let rate {
            do {
                _ = try await services.kontor.addBaseRate(rate)
                return services.redirect("/settings#base-rates", flash: texts["flash_base_rate_added"], context: context)
            } catch {
                if let message = ErrorText(texts).message(error) { state.general = message } else { throw error }
            }
        }
        return try await render(failed: ("rates", state), request: request, context: context)
    }

    /// GET /settings/templates/:step/:lang
    @Sendable func editTemplate(request: Request, context: AppRequestContext) async throws -> Response {
        let (step, language) = try templateChoice(context)
        let subject = try await services.kontor.messageTemplate(step: step, language: language, subject: true)
        let body = try await services.kontor.messageTemplate(step: step, language: language, subject: false)
        return try await renderTemplate(
            step, language, FormState(values: ["subject": subject.text, "body": body.text]), request: request,
            context: context)
    }

    /// POST /settings/templates/:step/:lang
    @Sendable func saveTemplate(request: Request, context: AppRequestContext) async throws -> Response {
        let (step, language) = try templateChoice(context)
        let texts = Texts(context.language)
        var reader = FormReader(context.form, texts: texts)
        let subject = reader.text("subject", required: true)
        _ = reader.text("body", required: true)
        let body = context.form.raw("body").replacingOccurrences(of: "\r\n", with: "\n")
        var state = reader.state
        if context.form["intent"] == "preview" {
            return try await preview(step, language, subject: subject, body: body, state: state, request: request,
                                     context: context)
        }
        if !reader.hasErrors, let subject {
            do {
                try await services.kontor.saveMessageTemplate(subject, step: step, language: language, subject: true)
                try await services.kontor.saveMessageTemplate(body, step: step, language: language, subject: false)
                return services.redirect("/settings#templates", flash: texts["flash_template_saved"], context: context)
            } catch {
                if let message = ErrorText(texts).message(error) { state.general = message } else { throw error }
            }
        }
        return try await renderTemplate(step, language, state, request: request, context: context,
                                        status: .unprocessableContent)
    }

    /// The letter the typed (unsaved) template would give for a chosen invoice today.
    private func preview(
        _ step: DunningStep, _ language: Language, subject: String?, body: String, state: FormState, request: Request,
        context: AppRequestContext
    ) async throws -> Response {
        let texts = Texts(context.language)
        var state = state
        guard let subject, !body.isEmpty else {
            return try await renderTemplate(step, language, state, request: request, context: context,
                                            status: .unprocessableContent)
        }
        guard let invoice = context.form["invoice"] else {
            state.errors["invoice"] = texts["err_choose_invoice"]
            return try await renderTemplate(step, language, state, request: request, context: context,
                                            status: .unprocessableContent)
        }
        do {
            let letter = try await services.kontor.previewReminder(
                step: step, invoice: invoice, today: services.today(), language: language, unsaved: (subject, body))
            return try await renderTemplate(step, language, state, preview: letter, request: request, context: context)
        } catch {
            try ErrorText(texts).place(error, into: &state)
            return try await renderTemplate(step, language, state, request: request, context: context,
                                            status: .unprocessableContent)
        }
    }

    // MARK: - Helpers

    private func templateChoice(_ context: AppRequestContext) throws -> (DunningStep, Language) {
        guard let step = context.parameters.get("step").flatMap(DunningStep.init(rawValue:)),
            let language = context.parameters.get("lang").flatMap(Language.init(rawValue:))
        else { throw WebError.notFound }
        return (step, language)
    }

    /// Applies a checked change to the profile, or re-renders the section with its messages.
    private func update(
        _ anchor: String, reader: FormReader, request: Request, context: AppRequestContext,
        _ change: @escaping @Sendable (inout BusinessProfile) -> Void
    ) async throws -> Response {
        let texts = Texts(context.language)
        var state = reader.state
        if !reader.hasErrors {
            do {
                _ = try await services.kontor.updateProfile(change)
                return services.redirect("/settings#\(anchor)", flash: texts["flash_settings_saved"], context: context)
            } catch {
                try ErrorText(texts).place(error, into: &state, fields: [.paymentTerm: "paymentTerm"])
            }
        }
        return try await render(failed: (anchor, state), request: request, context: context)
    }

    func render(
        failed: (anchor: String, state: FormState)?, request: Request, context: AppRequestContext
    ) async throws -> Response {
        let texts = Texts(context.language)
        let profile = try? await services.kontor.profile()
        var templates: [SettingsPage.TemplateRow] = []
        if profile != nil {
            for step in DunningStep.sequence {
                for language in Language.allCases {
                    let custom = try await services.kontor.messageTemplate(step: step, language: language, subject: false).custom
                    templates.append(SettingsPage.TemplateRow(
                        stepLabel: texts.step(step), languageLabel: texts["lang_\(language.rawValue)"], custom: custom,
                        path: "/settings/templates/\(step.rawValue)/\(language.rawValue)"))
                }
            }
            for kind in RecordMail.Kind.allCases {
                for language in Language.allCases {
                    let custom = try await services.kontor.recordMailTemplate(kind, language: language, part: .body).custom
                    templates.append(SettingsPage.TemplateRow(
                        stepLabel: texts.format("template_mail_row", texts["mail_kind_\(kind.rawValue)"]),
                        languageLabel: texts["lang_\(language.rawValue)"], custom: custom,
                        path: "/mail/templates/\(kind.rawValue)/\(language.rawValue)"))
                }
            }
        }
        let rates = try await services.kontor.baseRates()
        var page = SettingsPage(
            profile: profile, rates: rates, templates: templates, failed: failed, today: services.today(), texts: texts)
        page.planning = profile.map { PlanningSettingsView($0, failed: failed, texts: texts) }
        return try services.page("settings/index", area: .settings, title: texts["nav_settings"], page, request: request,
                                 context: context, status: failed == nil ? .ok : .unprocessableContent)
    }

    private func renderTemplate(
        _ step: DunningStep, _ language: Language, _ state: FormState, preview: (subject: String, body: String)? = nil,
        request: Request, context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let texts = Texts(context.language)
        let make = FieldFactory(state: state, texts: texts)
        let invoices = try await services.kontor.invoicePage(InvoiceQuery(status: nil), page: 1, size: 40).invoices
            .filter { $0.isIssued && $0.kind == .invoice }
        let page = TemplatePage(
            heading: texts.format("template_heading", texts.step(step), texts["lang_\(language.rawValue)"]),
            action: "/settings/templates/\(step.rawValue)/\(language.rawValue)",
            hasFormError: state.general != nil, formError: state.generalText,
            fields: [
                make.text("subject", "f_template_subject", required: true, wide: true),
                make.textarea("body", "f_template_body", rows: 16, required: true),
            ],
            previewFields: invoices.isEmpty ? [] : [
                make.select("invoice", "f_preview_invoice", options: invoices.map { invoice in
                    (invoice.number ?? "", "\(invoice.number ?? "") · \(invoice.buyer?.name ?? "")")
                }, defaultValue: invoices.first?.number),
            ],
            canPreview: !invoices.isEmpty, hasPreview: preview != nil, previewSubject: preview?.subject ?? "",
            previewParagraphs: (preview?.body ?? "").components(separatedBy: "\n\n"))
        return try services.page("settings/template", area: .settings, title: page.heading, page, request: request,
                                 context: context, status: status)
    }
}

/// The template editor.
struct TemplatePage: Sendable, Encodable {
    let heading: String
    let action: String
    let hasFormError: Bool
    let formError: String
    let fields: [FieldView]
    /// The invoice to try the template on; empty while no invoice has been issued.
    let previewFields: [FieldView]
    let canPreview: Bool
    let hasPreview: Bool
    let previewSubject: String
    let previewParagraphs: [String]
}

/// The settings page: one form per section.
struct SettingsPage: Sendable, Encodable {
    struct SettingsForm: Sendable, Encodable {
        let anchor: String
        let title: String
        let intro: String?
        let action: String
        let submitLabel: String
        let hasFormError: Bool
        let formError: String
        let fields: [FieldView]
    }

    struct TemplateRow: Sendable, Encodable {
        let stepLabel: String
        let languageLabel: String
        let custom: Bool
        let path: String
    }

    struct RateRow: Sendable, Encodable {
        let dateText: String
        let percentText: String
    }

    /// Waits added with issue 13 (the inquiry's pay-by date, the wait after a settled objection).
    static let laterDunningDays: Set<String> = ["payBy", "settled"]

    static var dunningDays: [(String, WritableKeyPath<DunningPolicy, Int>)] { [
        ("inquiry", \.inquiryAfterDays), ("payBy", \.inquiryDeadlineDays), ("notice1", \.firstNoticeAfterDays),
        ("deadline1", \.firstNoticeDeadlineDays),
        ("notice2", \.secondNoticeAfterDeadlineDays), ("deadline2", \.secondNoticeDeadlineDays),
        ("handover", \.handoverAfterDeadlineDays), ("grace", \.promiseGraceDays), ("skip", \.skipPostponeDays),
        ("settled", \.objectionSettledWaitDays),
    ] }

    let noProfile: Bool
    let missingText: String?
    let languages: [OptionView]
    let forms: [SettingsForm]
    let templates: [TemplateRow]
    let rates: [RateRow]
    let ratesKnownText: String
    let rateFields: [FieldView]
    let hasRateError: Bool
    let rateError: String
    /// Writing hours, vacations, days off, unit rates and loyalty tiers (once a profile exists).
    var planning: PlanningSettingsView?

    init(
        profile: BusinessProfile?, rates: BaseRateTable, templates: [TemplateRow],
        failed: (anchor: String, state: FormState)?, today: Day, texts: Texts
    ) {
        noProfile = profile == nil
        languages = [("de", "Deutsch"), ("en", "English")].map {
            OptionView(optionValue: $0.0, optionLabel: $0.1, selected: $0.0 == texts.language.rawValue)
        }
        missingText = profile?.missingInvoiceFields?.word(texts.language)
        func state(_ anchor: String, _ values: [String: String]) -> FormState {
            failed?.anchor == anchor ? failed!.state : FormState(values: values)
        }
        func form(_ anchor: String, _ titleKey: String, intro: String? = nil, submit: String? = nil, _ state: FormState,
                  _ fields: (FieldFactory) -> [FieldView]) -> SettingsForm {
            SettingsForm(
                anchor: anchor, title: texts[titleKey], intro: intro, action: "/settings/\(anchor)",
                submitLabel: submit ?? texts["save"], hasFormError: state.general != nil, formError: state.generalText,
                fields: fields(FieldFactory(state: state, texts: texts, idPrefix: "\(anchor)-")))
        }
        var profileValues: [String: String] = ["country": "DE"]
        if let profile {
            profileValues = [
                "name": profile.name, "street": profile.address?.street ?? "", "postalCode": profile.address?.postalCode ?? "",
                "city": profile.address?.city ?? "", "country": profile.address?.country ?? "DE",
                "state": profile.address?.state?.rawValue ?? "", "email": profile.email ?? "", "phone": profile.phone ?? "",
                "iban": profile.iban?.description ?? "", "bic": profile.bic ?? "", "taxNumber": profile.taxNumber ?? "",
                "vatId": profile.vatId ?? "",
            ]
        }
        var forms = [
            form("profile", "settings_profile", submit: profile == nil ? texts["settings_profile_create"] : nil,
                 state("profile", profileValues)) { make in
                [
                    make.text("name", "f_name", required: true, wide: true, autocomplete: "organization"),
                    make.text("street", "f_street", wide: true, autocomplete: "street-address"),
                    make.text("postalCode", "f_postal_code", inputMode: "numeric", autocomplete: "postal-code"),
                    make.text("city", "f_city", autocomplete: "address-level2"),
                    make.text("country", "f_country"),
                    make.select("state", "f_state", options: GermanState.allCases.map { ($0.rawValue, $0.rawValue) }, blank: "–"),
                    make.text("email", "f_email", type: "email", autocomplete: "email"),
                    make.text("phone", "f_phone", type: "tel", autocomplete: "tel"),
                    make.text("iban", "f_iban"), make.text("bic", "f_bic"),
                    make.text("taxNumber", "f_tax_number"), make.text("vatId", "f_vat_id"),
                ]
            },
        ]
        if let profile {
            let policy = profile.effectiveDunningPolicy
            var dunningValues = Dictionary(uniqueKeysWithValues: SettingsPage.dunningDays.map { ($0.0, "\(policy[keyPath: $0.1])") })
            dunningValues["patience"] = "\(policy.patientFactorPercent)"
            dunningValues["costs"] = PaymentForm.typed(policy.materialCosts, texts.language)
            dunningValues["dayCount"] = policy.dayCount.rawValue
            dunningValues["countsPaymentDay"] = policy.countsPaymentDay ? "on" : ""
            forms += [
                form("invoicing", "settings_invoicing", state("invoicing", [
                    "taxMode": profile.taxMode.rawValue, "paymentTerm": "\(profile.paymentTermDays)",
                    "numberFormat": profile.numberFormat.pattern,
                ])) { make in
                    [
                        make.select("taxMode", "f_tax_mode", options: TaxMode.allCases.map { ($0.rawValue, texts["tax_\($0.rawValue)"]) },
                                    wide: true),
                        make.number("paymentTerm", "f_payment_term", required: true),
                        make.text("numberFormat", "f_number_format", required: true, hint: texts["h_number_format"]),
                    ]
                },
                form("dunning", "settings_dunning", intro: texts["settings_dunning_intro"], state("dunning", dunningValues)) { make in
                    SettingsPage.dunningDays.map { make.number($0.0, "f_d_\($0.0)", required: true) }
                        + [make.number("patience", "f_d_patience", required: true), make.amount("costs", "f_d_costs"),
                           make.select("dayCount", "f_d_day_count", options: DayCountConvention.allCases.map {
                               ($0.rawValue, texts["day_count_\($0.rawValue)"])
                           }),
                           make.checkbox("countsPaymentDay", "f_d_payment_day")]
                },
            ]
        }
        self.forms = forms
        self.templates = templates
        self.rates = rates.entries.suffix(8).reversed().map {
            RateRow(dateText: texts.day($0.validFrom), percentText: $0.percentText.replacingOccurrences(
                of: ".", with: texts.language == .de ? "," : ".") + " %")
        }
        ratesKnownText = texts.format("settings_rates_known", texts.day(rates.knownThrough))
        let rateState = state("rates", ["validFrom": rates.knownThrough.adding(days: 1).description])
        let make = FieldFactory(state: rateState, texts: texts, idPrefix: "rate-")
        rateFields = [make.date("validFrom", "f_valid_from", required: true), make.amount("percent", "f_rate_percent", required: true)]
        hasRateError = rateState.general != nil
        rateError = rateState.generalText
    }
}
