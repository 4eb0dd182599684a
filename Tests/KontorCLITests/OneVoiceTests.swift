import Foundation
import KontorApp
import KontorCore
import KontorMailReader
import KontorTestTools
import KontorWeb
import Testing

@testable import kontor

/// Every error a user can cause, worded in both languages: German without English, no raw keys or codes, and the
/// catalogue below covers every case the sources declare (a new case without a sample fails here).
@Suite struct OneVoiceTests {
    static let day = Day(year: 2026, month: 3, day: 2)!

    static let inputErrors: [InputError] = [
        .invalidNumber(what: .amount, text: "abc"), .invalidNumber(what: .numberOfDays, text: "x", form: .wholeNumber),
        .tooManyDecimals(what: .amount, text: "1,234", allowed: 2), .negative(what: .amount, text: "-5"),
        .zero(what: .quantity), .invalidDate(what: .dueDate, text: "32.13.2026"),
        .invalidIBAN(text: "DE00", problem: .shape),
        .invalidIBAN(text: "DE0012", problem: .length(country: "DE", expected: 22, actual: 6)),
        .invalidIBAN(text: "DE00123", problem: .checkDigits), .invalidBIC(text: "XX"),
        .invalidChoice(what: .salutation, text: "dr", allowed: ["frau", "herr"]),
        .missing(what: .customerName, fix: "--name"), .missing(what: .reason, fix: nil),
        .invalidNumberFormat(text: "RE/{NNNN}", problem: .character("/")),
        .invalidNumberFormat(text: "..{NNNN}", problem: .dots), .invalidNumberFormat(text: "{NN", problem: .unclosedBrace),
        .invalidNumberFormat(text: "{X}{NNNN}", problem: .unknownToken("X")),
        .invalidNumberFormat(text: "RE", problem: .noCounter),
        .invalidNumberFormat(text: "{NN}{NN}", problem: .severalCounters), .invalidLoyaltyPercent(12),
        .outOfRange(what: .paymentTerm, value: "200", range: 0...120, unit: .days),
        .outOfRange(what: .dunningPolicy, value: "50", range: 100...400, unit: .percent),
        .outOfRange(what: .port, value: "0", range: 1...65535, unit: .none),
        .outOfRange(what: .writingHours, value: "20", range: 0...16, unit: .hours),
        .endsBeforeStart(what: .vacation), .malformed(what: .vacation, text: "12.", example: "2026-12-21..2027-01-01"),
    ] + rules.map { InputError.invalid(what: .writingHours, rule: $0) }

    static let rules: [InputRule] = [
        .singleLine, .emailCharacters(text: "a b@c.de"), .emailShape(text: "ab"), .tooLong(characters: 254),
        .countryCode(text: "D"), .germanPostalCode(text: "123"), .stateOnlyInGermany, .sevenWeekdayHours,
        .noWritingDay, .materialCostsCap(Money(cents: 500)), .loyaltyThresholdFromOne, .hostName,
        .securityNoneOnlyLocal, .noLinesYet, .noSuchLine(position: 4, count: 2),
        .beforeQuoteDate(day, quoteDate: day.adding(days: 3)), .firstPartBetweenQuoteAndDelivery,
        .statusChangeIsNotANote, .dayPassed(day), .attachmentsTooLarge(megabytes: 31, limit: 30),
        .passwordTooShort(minimum: 10), .columnPair(text: "datum"), .unknownColumnField(name: "x", known: ["date"]),
        .columnsNeedDateAndAmount, .duplicateThreshold(3), .templateSyntax(line: 2),
    ]

    static let workflowErrors: [WorkflowError] = [
        .jobTransition(id: 1, from: .planned, to: .accepted), .inquiryClosed(id: 2, status: .lost),
        .quoteDecided(id: 3, status: .declined), .quoteEmpty(id: 3), .invoiceIssued(number: "2026-0001"),
        .invoiceNotIssued(id: 4), .invoiceEmpty(id: 4), .invoiceCancelled(number: "2026-0001"),
        .cancellationOfCancellation(number: "2026-0002"), .customerWithoutAddress(customerId: 5, name: "Blickfang"),
        .profileIncomplete(missing: .postalAddress), .profileIncomplete(missing: .taxNumberOrVATId),
        .invoicePaid(number: "2026-0001"), .nothingOpen(number: "2026-0001"),
        .overpayment(number: "2026-0001", owed: Money(cents: 59_500), amount: Money(cents: 100_000)),
        .paymentNotReversible(id: 6, kind: .creditOut), .paymentAlreadyReversed(id: 6),
        .creditTooSmall(customerId: 5, available: Money(cents: 100), requested: Money(cents: 500)),
        .quoteAccepted(id: 3), .quoteInvoiced(id: 3, invoice: .invoiceDraft(9)),
        .quoteInvoiced(id: 3, invoice: .invoice("2026-0001")), .jobClosed(id: 1),
        .issueNumberChanged(confirmed: "2026-0001", next: "2026-0002"), .reverseChargeWithoutSellerVATId,
        .reverseChargeWithoutBuyerVATId(customerId: 5, name: "Blickfang"), .mailNotRetryable(id: 7, status: .sent),
        .inquiryWithoutSize(id: 2), .belongsToAnotherCustomer(.inquiry(2)), .belongsToAnotherCustomer(.job(1)),
        .reminderDecided(id: 8, status: .skipped), .noDossier(id: 8), .handoverNotMailed(id: 8),
        .bankEntryNotInReview(id: 9, status: .applied), .cancellationTakesNoPayments(number: "2026-0002"),
        .notPayable(reference: "2026-0002"), .suggestionTaken, .customerWithoutEmail(customerId: 5, name: "Blickfang"),
        .customerFixed(.quote(3), source: .inquiry(2)),
    ]

    static let appErrors: [AppError] = RecordKind.allCases.map { AppError.notFound($0, id: "999") } + [
        .noProfile, .alreadyInitialised, .bookNotEmpty, .mailNotConfigured,
        .unreadableMailbox(path: "/tmp/inbox", problem: .notAnMbox), .input(.zero(what: .amount)),
        .workflow(.suggestionTaken),
    ]

    static let storeErrors: [StoreError] = [
        .busy, .immutable(detail: "trigger"), .corrupt(detail: "x"), .unusable(path: "/tmp/a", detail: "x"),
        .failed(detail: "x"),
    ]

    static let cliErrors: [CLIError] = [
        .fileTooLarge(name: "a.xml", limit: .bytes(1 << 20)), .cannotRead(path: "/a", reason: "x"),
        .cannotWrite(path: "/a", reason: "x"), .noSuchFile(path: "/a"), .postalLetterNotMailed, .noPasswordOnStdin,
        .passwordUnreadable, .passwordsDiffer, .unknownLogLevel("loud"), .mailHostMissing,
        .passwordFileReadable(path: "/a", mode: "644"), .onlyForSQLite(command: "audit verify"),
    ]

    static var all: [any UserError] {
        inputErrors as [any UserError] + workflowErrors + appErrors + storeErrors + cliErrors
            + [LegalError.missingBaseRate(halfYearStarting: day), LegalError.negativeAmount(what: .principal),
               ReminderProblem(step: .firstNotice, invoiceNumber: "2026-0001",
                               error: .missingBaseRate(halfYearStarting: day)),
               ServeError.passwordRequired(host: "0.0.0.0")]
            + Action.allCases.map { AccessError.notAllowed($0, role: .writer) } + [AccessError.lastOwner(name: "ines")]
            + [AccessError.notYourDraft(drafter: "anna"), AccessError.notYourDraft(drafter: nil)]
    }

    /// Words that mark an English sentence; a German message contains none outside quoted commands and values.
    static let englishWords: Set<String> = [
        "the", "is", "not", "must", "with", "and", "has", "have", "cannot", "already", "there", "use", "write", "give",
        "choose", "missing", "valid", "invoice", "customer", "nothing", "was", "only", "add", "it", "its",
    ]
    static let germanWords: Set<String> = ["ist", "nicht", "sie", "der", "die", "das", "und", "gibt", "es", "keine"]

    @Test func everyCaseHasASample() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources")
        /// The declared cases: those with values by name, and how many have none.
        func cases(_ file: String, _ type: String) throws -> (withValues: Set<String>, bare: Int) {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            let body = text.components(separatedBy: "enum \(type)")[1].components(separatedBy: "\n}")[0]
            var names = Set<String>()
            var bare = 0
            for line in body.split(separator: "\n") where line.hasPrefix("    case ") {
                let declaration = line.dropFirst("    case ".count)
                if declaration.contains("(") {
                    names.insert(String(declaration.prefix { $0.isLetter || $0.isNumber }))
                } else {
                    bare += declaration.split(separator: ",").count
                }
            }
            return (names, bare)
        }
        /// The sampled cases with values by name, and how many different cases without values were sampled.
        func sampled<T: Equatable>(_ values: [T]) -> (withValues: Set<String>, bare: Int) {
            var names = Set<String>()
            var bare: [T] = []
            for value in values {
                if let label = Mirror(reflecting: value).children.first?.label {
                    names.insert(label)
                } else if !bare.contains(value) {
                    bare.append(value)
                }
            }
            return (names, bare.count)
        }
        func check<T: Equatable>(_ file: String, _ type: String, _ values: [T]) throws {
            let declared = try cases(file, type), covered = sampled(values)
            #expect(declared.withValues == covered.withValues, "\(type)")
            #expect(declared.bare == covered.bare, "\(type) cases without values")
        }
        try check("KontorCore/Values/InputError.swift", "InputError", Self.inputErrors)
        try check("KontorCore/Values/InputError.swift", "InputRule", Self.rules)
        try check("KontorCore/Work/WorkflowError.swift", "WorkflowError", Self.workflowErrors)
        try check("KontorApp/AppError.swift", "AppError", Self.appErrors)
        try check("KontorApp/Ports/StoreError.swift", "StoreError", Self.storeErrors)
        try check("kontor/Support/CLIError.swift", "CLIError", Self.cliErrors)
    }

    @Test(arguments: [Audience.commandLine, .web])
    func germanMessagesAreGerman(audience: Audience) {
        for error in Self.all {
            let german = error.message(.de, for: audience), english = error.message(.en, for: audience)
            #expect(german != english, "\(error)")
            let foreign = Self.words(german).intersection(Self.englishWords)
            #expect(foreign.isEmpty, "English in German: \(foreign) – \(german)")
            let back = Self.words(english).intersection(Self.germanWords)
            #expect(back.isEmpty, "German in English: \(back) – \(english)")
            for text in [german, english] { #expect(Self.rawKeys(in: text).isEmpty, "raw key in: \(text)") }
        }
    }

    @Test func theWebLeavesCommandsOut() {
        for error in Self.all where !(error is CLIError || error is ServeError) {  // both only reach the command line
            for language in [Language.de, .en] {
                let text = error.message(language, for: .web)
                #expect(!text.contains("kontor "), "\(text)")
            }
        }
    }

    @Test func everyFieldAndWordIsNamedInBothLanguages() {
        for field in Field.allCases {
            #expect(!field.name(.de).isEmpty && !field.name(.en).isEmpty)
            #expect(Self.rawKeys(in: field.name(.de) + " " + field.name(.en)).isEmpty, "\(field)")
        }
        let worded: [any Worded] = JobStatus.allCases + InvoiceStatus.allCases + PaymentKind.allCases
            + NoteKind.allCases + BankEntryStatus.allCases + OutboxMessage.Status.allCases
            + [MatchReason.amountOnly, .amountAndName, .nameOnly, .invoiceNumber, .structuredReference]
        for value in worded {
            #expect(value.word(.de) != "\(value)" && Self.rawKeys(in: value.word(.de) + " " + value.word(.en)).isEmpty)
        }
    }

    /// The words of `text` outside quoted commands („…“, '…') and options (`--x`), lowercased.
    static func words(_ text: String) -> Set<String> {
        var plain = ""
        var quoted = false
        for character in text {
            if character == "„" || character == "'" && !quoted { quoted = true; continue }
            if character == "“" || character == "'" && quoted { quoted = false; continue }
            if !quoted { plain.append(character) }
        }
        return Set(plain.split(whereSeparator: { !$0.isLetter && $0 != "-" }).map { $0.lowercased() }
            .filter { !$0.hasPrefix("-") })
    }

    /// Identifiers that are code, not words: `kind_x`, `amountOnly`, raw values like `in-progress`.
    static func rawKeys(in text: String) -> [String] {
        let raw = ["in-progress", "partially-paid", "credit-out", "credit-in", "not-due", "objection-resolved",
                   "status-change", "kind_", "err_", "amountOnly", "nameOnly"]
        var found = raw.filter(text.contains)
        let camel = try! Regex("\\b[a-z]+[A-Z][A-Za-z]*\\b")
        found += text.matches(of: camel).map { String(text[$0.range]) }.filter { !["eInvoice"].contains($0) }
        return found
    }
}

/// The defects the issue lists, each as it shows on the command line.
@Suite struct OneVoiceCLITests {
    @Test func theLanguageComesFromTheLocaleOrLang() async throws {
        let cli = try CLIRunner()
        try await cli.ok(["init", "--name", "Lena Berg"])
        let german = try await cli.run(["customer", "show", "999"], environment: ["KONTOR_LANG": "", "LANG": "de_DE.UTF-8"])
        #expect(german.status == 1 && german.stderr.contains("Fehler: Kunde „999“ gibt es nicht"), "\(german.stderr)")
        let english = try await cli.run(["customer", "show", "999"], environment: ["KONTOR_LANG": "", "LANG": "C"])
        #expect(english.status == 1 && english.stderr.contains("error: There is no customer '999'"), "\(english.stderr)")
        let option = try await cli.run(["customer", "show", "999", "--lang", "de"], environment: ["LANG": "C"])
        #expect(option.status == 1 && option.stderr.contains("gibt es nicht"), "\(option.stderr)")
        let overrides = try await cli.run(
            ["customer", "show", "999"], environment: ["KONTOR_LANG": "", "LC_ALL": "de_DE.UTF-8", "LANG": "C"])
        #expect(overrides.stderr.contains("gibt es nicht"), "LC_ALL comes before LANG: \(overrides.stderr)")
    }

    /// "kontor import review list" was suggested; every list command a message names must exist.
    @Test(arguments: RecordKind.allCases)
    func theListCommandOfEveryKindExists(kind: RecordKind) async throws {
        let words = kind.listCommand.split(separator: " ").dropFirst().map(String.init)
        let help = try await CLIRunner().run(words + ["--help"], useDatabase: false)
        #expect(help.status == 0, "\(kind.listCommand): \(help.stderr)")
    }

    @Test func dunningAndRateSettingsSayWhatIsWrong() async throws {
        let cli = try CLIRunner()
        let unknown = try await cli.run(["init", "--name", "Lena", "--dunning", "inquira=abc"])
        #expect(unknown.status == 1 && unknown.stderr.contains("inquiry=…") && !unknown.stderr.contains("1.500"))
        let days = try await cli.run(["init", "--name", "Lena", "--dunning", "inquiry=abc"])
        #expect(days.stderr.contains("whole number") && !days.stderr.contains("1.500,00"), "\(days.stderr)")
        // The help's example, as written: commas between pairs and in the decimal.
        try await cli.ok(["init", "--name", "Lena", "--rates", "word=0,12,hour=85,revision=60",
                          "--dunning", "inquiry=10,costs=2,50,patience=200"])
        let profile = try await cli.json(["profile", "show"]).object()
        let card = try #require(profile["rateCard"] as? [String: Any])
        #expect(card["pricePerWord"] as? String == "0.12" && card["pricePerHour"] as? String == "85.00", "\(card)")
        let dunning = try #require(profile["dunning"] as? [String: Any])
        #expect(dunning["materialCosts"] as? String == "2.50" && dunning["patientFactorPercent"] as? Int == 200)
    }

    @Test func writingHoursAreWordedAsAPlural() async throws {
        let cli = try CLIRunner()
        let english = try await cli.run(["init", "--name", "Lena", "--hours", "0,0,0,0,0,0,0"])
        #expect(english.stderr.contains("Writing hours: at least one weekday") && !english.stderr.contains("is not valid"))
        let german = try await cli.run(["init", "--name", "Lena", "--hours", "0,0,0,0,0,0,0", "--lang", "de"])
        #expect(german.stderr.contains("Schreibstunden: An mindestens einem Wochentag"), "\(german.stderr)")
    }
}

/// The CLI speaks German when asked: every everyday command on the demo book, without an English sentence left.
@Suite struct GermanCLITests {
    static let english: Set<String> = [
        "the", "and", "open", "due", "customer", "invoice", "invoices", "payment", "with", "for", "from", "days",
        "no", "not", "is", "are", "was", "of", "to", "by", "until", "overdue", "paid", "draft", "sent", "reminder",
        "revision", "rounds", "included", "net", "gross", "amount", "date", "deadline", "week", "load", "rates",
    ]

    @Test func everyEverydayCommandSpeaksGerman() async throws {
        let cli = try CLIRunner()
        try await cli.ok(["demo"])
        let number = try #require(try await cli.json(["invoice", "list"]).array().compactMap { $0["number"] as? String }.first)
        let commands: [[String]] = [
            ["today"], ["customer", "list"], ["customer", "show", "1"], ["customer", "timeline", "1"],
            ["invoice", "list"], ["invoice", "show", number], ["payment", "list"], ["remind", "list"],
            ["inquiry", "list"], ["inquiry", "show", "1"], ["quote", "list"], ["quote", "show", "1"], ["job", "list"],
            ["job", "show", "1"], ["report", "receivables"], ["report", "inquiries"], ["agenda"], ["profile", "show"],
            ["mail", "list"], ["import", "review"], ["settings", "base-rate", "list"],
        ]
        for command in commands {
            let output = try await cli.ok(command, environment: ["KONTOR_LANG": "", "LANG": "de_DE.UTF-8"]).stdout
            let found = OneVoiceTests.words(output).intersection(Self.english)
            #expect(found.isEmpty, "kontor \(command.joined(separator: " ")): \(found.sorted())\n\(output)")
            #expect(OneVoiceTests.rawKeys(in: output).isEmpty, "kontor \(command.joined(separator: " ")): \(output)")
        }
    }
}

/// A failed delivery is kept typed with its message and worded when shown, so the German outbox reads German.
@Suite struct MailFailureWordingTests {
    static let failures: [MailFailure] = [
        .connectionFailed(host: "smtp.example.de", port: 587, reason: "ECONNREFUSED"), .timedOut(stage: "DATA"),
        .connectionClosed(stage: "MAIL FROM"), .outcomeUnknown, .tlsFailed(reason: "certificate expired"),
        .startTLSNotOffered, .authenticationNotOffered, .passwordWithoutEncryption,
        .authenticationFailed(reply: "535 5.7.8"), .rejected(reply: "550 5.1.1", stage: "RCPT TO"),
        .invalidAddress("lena@"), .internationalAddressesNotSupported, .eightBitNotSupported,
        .messageTooLarge(limit: 10_000_000), .malformedReply("HTTP/1.1 400"), .interrupted,
    ]

    @Test func everyFailureIsStoredTypedAndWordedInBothLanguages() {
        for failure in Self.failures {
            #expect(MailFailure(stored: failure.stored) == failure, "\(failure)")
            let german = failure.word(.de)
            #expect(german != failure.word(.en))
            let foreign = OneVoiceTests.words(german).intersection(OneVoiceTests.englishWords)
            #expect(foreign.isEmpty, "English in German: \(foreign) – \(german)")
        }
        // Text stored before failures were typed stays as it was.
        #expect(MailFailure(stored: "451 try later") == .other("451 try later"))
        #expect(MailFailure.other("451 try later").word(.de) == "451 try later")
    }
}
