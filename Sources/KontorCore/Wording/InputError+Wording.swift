/// The one place where input errors are worded, in English and German.
extension InputError: CustomStringConvertible {
    public func message(_ language: Language, for audience: Audience) -> String {
        if case let .missing(what, fix) = self {
            let base = language == .de ? "Angabe fehlt: \(what.name(.de))." : "The \(what.name(.en)) is missing."
            guard audience == .commandLine, let fix else { return base }
            return base + (language == .de ? " Geben Sie sie mit \(fix) an." : " Give it with \(fix).")
        }
        let problem = problem(language)
        let sentence: String
        if let field = field {
            sentence = language == .de
                ? "\(field.name(.de)): \(problem.capitalizedFirst)" : "\(field.name(.en).capitalizedFirst): \(problem)"
        } else {
            sentence = problem
        }
        return sentence
    }

    /// The field the error is about, named before the problem (nil when the problem names it itself).
    public var field: Field? {
        switch self {
        case let .invalidNumber(what, _, _), let .tooManyDecimals(what, _, _), let .negative(what, _),
            let .zero(what), let .invalidDate(what, _), let .invalidChoice(what, _, _), let .missing(what, _),
            let .outOfRange(what, _, _, _), let .endsBeforeStart(what), let .malformed(what, _, _),
            let .invalid(what, _):
            return what
        case .invalidIBAN: return .iban
        case .invalidBIC: return .bic
        case .invalidNumberFormat: return .invoiceNumberFormat
        case .invalidLoyaltyPercent: return .loyaltyPolicy
        }
    }

    /// The problem without the field's name: what a form shows next to the field whose label names it.
    public func problem(_ language: Language) -> String {
        language == .de ? german : english
    }

    private var english: String {
        switch self {
        case let .invalidNumber(_, text, form):
            return form == .wholeNumber
                ? "'\(text)' is not a whole number. Write it like 14 or 120."
                : "'\(text)' is not a valid number. Write it like 1500, 1.500,00, 1500.00 or 1,500.00."
        case let .tooManyDecimals(_, text, allowed):
            return "'\(text)' has too many decimals (at most \(allowed)). "
                + "Write it like 1.500,00 or 1500.00; a dot before three digits groups thousands."
        case let .negative(_, text):
            return "must not be negative ('\(text)'). Corrections are made with a cancellation invoice."
        case .zero: return "must be greater than zero."
        case let .invalidDate(_, text): return "'\(text)' is not a valid date. Use YYYY-MM-DD, e.g. 2026-03-15."
        case let .invalidIBAN(text, problem):
            let reason: String
            switch problem {
            case .shape: reason = "an IBAN is 2 letters, 2 check digits and up to 30 characters"
            case let .length(country, expected, actual):
                reason = "a \(country) IBAN has \(expected) characters, not \(actual)"
            case .checkDigits: reason = "the check digits do not match (typo?)"
            }
            return "'\(text)' is not a valid IBAN: \(reason)."
        case let .invalidBIC(text):
            return "'\(text)' is not a valid BIC: it has 8 or 11 letters and digits, e.g. COBADEFFXXX."
        case let .invalidChoice(_, text, allowed):
            return "'\(text)' is not one of the choices. Choose one of: \(allowed.joined(separator: ", "))."
        case .missing: return "is missing."
        case let .invalidNumberFormat(text, problem):
            let reason: String
            switch problem {
            case let .character(character):
                reason = "'\(character)' is not allowed: the number names files and e-mails, "
                    + "so use only letters A–Z, digits, '-', '_' and '.'"
            case .dots: reason = "it may not start with '.' or contain '..' (the number names files)"
            case .unclosedBrace: reason = "a '{' is not closed"
            case let .unknownToken(token): reason = "'{\(token)}' is unknown; use {YYYY}, {YY}, {MM} and a counter {NNNN}"
            case .noCounter: reason = "it has no counter: add {NNNN} so that every number is unique and sequential"
            case .severalCounters: reason = "it has more than one counter"
            }
            return "'\(text)' cannot be used: \(reason)."
        case let .invalidLoyaltyPercent(percent):
            return "a discount of \(percent) % is not allowed: use a whole number from 1 to 9."
        case let .outOfRange(_, value, range, unit):
            let unitText = [.days: " days", .hours: " hours", .percent: " %", .none: ""][unit] ?? ""
            return "'\(value)' is outside what is allowed: use \(range.lowerBound) to \(range.upperBound)\(unitText)."
        case .endsBeforeStart: return "it ends before it starts."
        case let .malformed(_, text, example): return "'\(text)' cannot be read: write it like \(example)."
        case let .invalid(_, rule): return rule.english + "."
        }
    }

    private var german: String {
        switch self {
        case let .invalidNumber(_, text, form):
            return form == .wholeNumber
                ? "„\(text)“ ist keine ganze Zahl. Schreiben Sie z. B. 14 oder 120."
                : "„\(text)“ ist keine gültige Zahl. Schreiben Sie z. B. 1500, 1.500,00 oder 1500.00."
        case let .tooManyDecimals(_, text, allowed):
            return "„\(text)“ hat zu viele Nachkommastellen (höchstens \(allowed)). "
                + "Schreiben Sie z. B. 1.500,00 oder 1500.00; ein Punkt vor drei Ziffern trennt Tausender."
        case let .negative(_, text):
            return "darf nicht negativ sein („\(text)“). Korrigiert wird mit einer Stornorechnung."
        case .zero: return "muss größer als null sein."
        case let .invalidDate(_, text):
            return "„\(text)“ ist kein gültiges Datum. Schreiben Sie z. B. 15.03.2026 oder 2026-03-15."
        case let .invalidIBAN(text, problem):
            let reason: String
            switch problem {
            case .shape: reason = "eine IBAN hat 2 Buchstaben, 2 Prüfziffern und bis zu 30 Zeichen"
            case let .length(country, expected, actual):
                reason = "eine IBAN aus \(country) hat \(expected) Zeichen, nicht \(actual)"
            case .checkDigits: reason = "die Prüfziffern stimmen nicht (Tippfehler?)"
            }
            return "„\(text)“ ist keine gültige IBAN: \(reason)."
        case let .invalidBIC(text):
            return "„\(text)“ ist keine gültige BIC: sie hat 8 oder 11 Buchstaben und Ziffern, z. B. COBADEFFXXX."
        case let .invalidChoice(_, text, allowed):
            return "„\(text)“ ist keine der möglichen Angaben. Wählen Sie eine von: \(allowed.joined(separator: ", "))."
        case .missing: return "Angabe fehlt."
        case let .invalidNumberFormat(text, problem):
            let reason: String
            switch problem {
            case let .character(character):
                reason = "„\(character)“ ist nicht erlaubt: Die Nummer steht in Dateinamen und E-Mails, "
                    + "erlaubt sind nur Buchstaben A–Z, Ziffern, „-“, „_“ und „.“"
            case .dots: reason = "sie darf nicht mit „.“ beginnen und kein „..“ enthalten (die Nummer benennt Dateien)"
            case .unclosedBrace: reason = "eine „{“ wird nicht geschlossen"
            case let .unknownToken(token):
                reason = "„{\(token)}“ ist unbekannt; möglich sind {YYYY}, {YY}, {MM} und ein Zähler {NNNN}"
            case .noCounter:
                reason = "es fehlt ein Zähler: Ergänzen Sie {NNNN}, damit jede Nummer eindeutig und fortlaufend ist"
            case .severalCounters: reason = "es hat mehr als einen Zähler"
            }
            return "„\(text)“ ist nicht verwendbar: \(reason)."
        case let .invalidLoyaltyPercent(percent):
            return "ein Rabatt von \(percent) % ist nicht erlaubt: Geben Sie eine ganze Zahl von 1 bis 9 an."
        case let .outOfRange(_, value, range, unit):
            let unitText = [.days: " Tage", .hours: " Stunden", .percent: " %", .none: ""][unit] ?? ""
            return "„\(value)“ liegt außerhalb des Erlaubten: \(range.lowerBound) bis \(range.upperBound)\(unitText)."
        case .endsBeforeStart: return "das Ende liegt vor dem Beginn."
        case let .malformed(_, text, example): return "„\(text)“ ist nicht lesbar: Schreiben Sie es wie \(example)."
        case let .invalid(_, rule): return rule.german + "."
        }
    }
}

extension InputRule {
    /// The rule as a sentence of its own ("The template has a syntax error …").
    public func sentence(_ language: Language) -> String {
        (language == .de ? german : english).capitalizedFirst + "."
    }

    var english: String {
        switch self {
        case .singleLine: return "it must be a single line: line breaks and control characters are not allowed"
        case let .emailCharacters(text):
            return "'\(text)' may not contain spaces or any of < > ( ) [ ] , ; : \" \\"
        case let .emailShape(text): return "'\(text)' needs an @ and a domain, like lena@schreiber.de"
        case let .tooLong(characters): return "it is longer than \(characters) characters"
        case let .countryCode(text): return "'\(text)' is not a country code: use two letters such as DE, AT or FR"
        case let .germanPostalCode(text): return "'\(text)' is not a German postal code: it has five digits"
        case .stateOnlyInGermany: return "a Bundesland only applies to addresses in Germany"
        case .sevenWeekdayHours: return "give seven values from 0 to 16 hours, Monday to Sunday"
        case .noWritingDay: return "at least one weekday needs writing hours"
        case let .materialCostsCap(cap):
            return "only actual postage and printing, at most \(cap.formatted(.en)), may be charged"
        case .loyaltyThresholdFromOne: return "it counts paid invoices and starts at 1"
        case .hostName: return "give a host name like smtp.example.de"
        case .securityNoneOnlyLocal: return "'none' only for a server on this machine (127.0.0.1); use tls or starttls"
        case .noLinesYet: return "there are no lines yet"
        case let .noSuchLine(position, count):
            return "there is no line \(position); use \(count == 1 ? "1" : "1 to \(count)") as the lines are numbered"
        case let .beforeQuoteDate(day, quoteDate):
            return "\(day) is before the quote's date \(quoteDate); use \(quoteDate) or later"
        case .firstPartBetweenQuoteAndDelivery: return "a first part comes after the quote's date and before the delivery date"
        case .statusChangeIsNotANote: return "a status change is recorded by changing the status"
        case let .dayPassed(day): return "\(day) has passed; name a day from today on"
        case let .attachmentsTooLarge(megabytes, limit):
            return "together \(megabytes) MB, more than the \(limit) MB a mail may carry"
        case let .passwordTooShort(minimum): return "use at least \(minimum) characters"
        case let .columnPair(text): return "'\(text)' is not field=Column"
        case let .unknownColumnField(name, known):
            return "unknown field '\(name)'; known fields: \(known.joined(separator: ", "))"
        case .columnsNeedDateAndAmount: return "it needs at least date= and amount="
        case let .duplicateThreshold(count): return "\(count) paid invoices appear twice"
        case let .templateSyntax(line):
            return "the template has a syntax error" + (line.map { " in line \($0)" } ?? "")
                + "; check that every {{#section}} is closed with {{/section}} and every placeholder has double braces"
        }
    }

    var german: String {
        switch self {
        case .singleLine: return "nur eine Zeile ist erlaubt, ohne Zeilenumbrüche und Steuerzeichen"
        case let .emailCharacters(text):
            return "„\(text)“ darf keine Leerzeichen und keines von < > ( ) [ ] , ; : \" \\ enthalten"
        case let .emailShape(text): return "„\(text)“ braucht ein @ und eine Domain, z. B. lena@schreiber.de"
        case let .tooLong(characters): return "länger als \(characters) Zeichen"
        case let .countryCode(text): return "„\(text)“ ist kein Ländercode: zwei Buchstaben wie DE, AT oder FR"
        case let .germanPostalCode(text): return "„\(text)“ ist keine deutsche Postleitzahl: sie hat fünf Ziffern"
        case .stateOnlyInGermany: return "ein Bundesland gibt es nur bei Anschriften in Deutschland"
        case .sevenWeekdayHours: return "geben Sie sieben Werte von 0 bis 16 Stunden an, Montag bis Sonntag"
        case .noWritingDay: return "an mindestens einem Wochentag braucht es Schreibstunden"
        case let .materialCostsCap(cap):
            return "berechnet werden dürfen nur tatsächliche Porto- und Druckkosten, höchstens \(cap.formatted(.de))"
        case .loyaltyThresholdFromOne: return "sie zählt bezahlte Rechnungen und beginnt bei 1"
        case .hostName: return "geben Sie einen Servernamen wie smtp.example.de an"
        case .securityNoneOnlyLocal:
            return "„none“ nur für einen Server auf diesem Rechner (127.0.0.1); sonst tls oder starttls"
        case .noLinesYet: return "es gibt noch keine Positionen"
        case let .noSuchLine(position, count):
            return "es gibt keine Position \(position); möglich ist \(count == 1 ? "1" : "1 bis \(count)")"
        case let .beforeQuoteDate(day, quoteDate):
            return "der \(day.formatted(.de)) liegt vor dem Angebotsdatum \(quoteDate.formatted(.de)); "
                + "wählen Sie den \(quoteDate.formatted(.de)) oder später"
        case .firstPartBetweenQuoteAndDelivery:
            return "ein erster Teil liegt nach dem Angebotsdatum und vor dem Liefertermin"
        case .statusChangeIsNotANote: return "ein Statuswechsel wird festgehalten, indem man den Status ändert"
        case let .dayPassed(day): return "der \(day.formatted(.de)) ist vorbei; nennen Sie einen Tag ab heute"
        case let .attachmentsTooLarge(megabytes, limit):
            return "zusammen \(megabytes) MB, mehr als die \(limit) MB, die eine E-Mail tragen darf"
        case let .passwordTooShort(minimum): return "mindestens \(minimum) Zeichen"
        case let .columnPair(text): return "„\(text)“ hat nicht die Form Feld=Spalte"
        case let .unknownColumnField(name, known):
            return "unbekanntes Feld „\(name)“; bekannt sind: \(known.joined(separator: ", "))"
        case .columnsNeedDateAndAmount: return "es braucht mindestens date= und amount="
        case let .duplicateThreshold(count): return "\(count) bezahlte Rechnungen kommen zweimal vor"
        case let .templateSyntax(line):
            return "die Vorlage hat einen Syntaxfehler" + (line.map { " in Zeile \($0)" } ?? "")
                + "; prüfen Sie, ob jeder Abschnitt {{#…}} sein {{/…}} hat und jeder Platzhalter in doppelten "
                + "geschweiften Klammern steht"
        }
    }
}

extension String {
    /// The text with its first letter capitalised, for a field name that starts a sentence.
    public var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
