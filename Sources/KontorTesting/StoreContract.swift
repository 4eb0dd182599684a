import Foundation
public import KontorApp
import KontorCore
import Testing

/// The rules every `BookStore` keeps, as code: each method builds a book through the use cases (`Kontor`) in a
/// store from `makeStore` and checks one rule with Swift Testing's `#expect`/`#require`. A store's test target runs
/// every rule (`StoreContract.rules`) against its store; the in-memory store and the SQLite store both do.
public struct StoreContract: Sendable {
    /// Makes a new, empty store (a fresh database per call).
    public typealias StoreFactory = @Sendable () async throws -> any BookStore

    let makeStore: StoreFactory

    /// The contract over the stores `makeStore` makes.
    public init(makeStore: @escaping StoreFactory) {
        self.makeStore = makeStore
    }

    /// One rule of the contract, by name, for parameterised tests.
    public struct Rule: Sendable, CustomStringConvertible {
        /// What the rule says, as a test case's name.
        public let name: String
        /// Checks the rule on stores of one contract; failures are recorded as Swift Testing issues.
        public let check: @Sendable (StoreContract) async throws -> Void
        public var description: String { name }
    }

    /// Every rule.
    public static let rules: [Rule] = [
        Rule(name: "invoice numbers gapless under concurrency") {
            try await $0.invoiceNumbersAreGaplessUnderConcurrency()
        },
        Rule(name: "a refused issue takes no number") { try await $0.refusedIssueTakesNoNumber() },
        Rule(name: "issued invoices are immutable") { try await $0.issuedInvoicesAreImmutable() },
        Rule(name: "payments are immutable") { try await $0.paymentsAreImmutable() },
        Rule(name: "sent letters are immutable") { try await $0.sentLettersAreImmutable() },
        Rule(name: "bank data is immutable") { try await $0.bankDataIsImmutable() },
        Rule(name: "balances follow payments and reversals") { try await $0.balancesFollowPaymentsAndReversals() },
        Rule(name: "cancellation closes the balance") { try await $0.cancellationClosesTheBalance() },
        Rule(name: "status filters equal the domain's status") { try await $0.statusFiltersEqualTheDomainStatus() },
        Rule(name: "customers in CustomerOrder") { try await $0.customersAreInCustomerOrder() },
        Rule(name: "list windows concatenate to the whole list") { try await $0.listWindowsConcatenate() },
        Rule(name: "bank entries are stored once") { try await $0.bankEntriesAreIdempotent() },
        Rule(name: "new bank entries are stored, held ones left out") { try await $0.newBankEntriesAreStoredOnce() },
        Rule(name: "the change counter") { try await $0.changeCounterRisesOnCommitOnly() },
        Rule(name: "a rolled-back write leaves nothing") { try await $0.rolledBackWriteLeavesNothing() },
        Rule(name: "only the principal moves the balance") { try await $0.onlyThePrincipalMovesTheBalance() },
        Rule(name: "referenced records are not deleted") { try await $0.referencedRecordsAreNotDeleted() },
        Rule(name: "records round-trip") { try await $0.recordsRoundTrip() },
        Rule(name: "mail and sessions keep their rules") { try await $0.mailAndSessionsKeepTheirRules() },
        Rule(name: "answers every read as the reference store") { try await $0.answersEveryReadAsTheReference() },
    ]

    // MARK: - Fixtures

    static let day = Day("2026-03-02")!

    /// A new book with a profile and one customer.
    func book() async throws -> (kontor: Kontor, store: any BookStore, customer: Customer) {
        let store = try await makeStore()
        let kontor = Kontor(store: store)
        _ = try await kontor.initialise(
            BusinessProfile(
                name: "Lena Schreiber",
                address: PostalAddress(street: "Lindenstraße 12", postalCode: "50674", city: "Köln"),
                iban: try IBAN("DE89370400440532013000"), taxNumber: "214/5678/1234"))
        let customer = try await kontor.addCustomer(Self.customer("Müller & Söhne KG", email: "t.mueller@example.de"))
        return (kontor, store, customer)
    }

    static func customer(_ name: String, email: String? = nil, state: GermanState = .NW) -> Customer {
        Customer(
            name: name, contactPerson: "Thomas Müller",
            address: PostalAddress(street: "Industriestraße 7", postalCode: "44147", city: "Dortmund", state: state),
            email: email, createdOn: day)
    }

    /// A draft for `customer` with one line of `cents` net.
    func draft(_ kontor: Kontor, _ customer: Customer, cents: Int64 = 100_000, on day: Day = day) async throws
        -> Invoice
    {
        let draft = try await kontor.draftInvoice(from: .customer(customer.id), on: day)
        return try await kontor.addInvoiceLine(
            "\(draft.id)",
            line: DocumentLine(
                description: "Fachartikel", quantity: Quantity(1), unit: .flat,
                unitPrice: UnitPrice(Money(cents: cents)),
                vatRate: .standard))
    }

    /// An issued invoice for `customer` over `cents` net (19 % VAT on top).
    func issued(_ kontor: Kontor, _ customer: Customer, cents: Int64 = 100_000, on day: Day = day) async throws
        -> Invoice
    {
        let draft = try await draft(kontor, customer, cents: cents, on: day)
        return try await kontor.issueInvoice("\(draft.id)", on: day)
    }

    /// Runs `change` as one write and expects the store to refuse it as a change to the record.
    func expectImmutable(
        _ store: any BookStore, _ what: String, sourceLocation: SourceLocation = #_sourceLocation,
        _ change: @escaping @Sendable (any BookWriter) throws -> Void
    ) async {
        do {
            try await store.write(change)
            Issue.record("\(what): the store accepted it", sourceLocation: sourceLocation)
        } catch let error as StoreError {
            guard case .immutable = error else {
                Issue.record("\(what): \(error), not .immutable", sourceLocation: sourceLocation)
                return
            }
        } catch {
            Issue.record("\(what): \(error), not a StoreError", sourceLocation: sourceLocation)
        }
    }

    /// A camt.053 statement with one credit per (reference, amount, payer, text), booked on `day`.
    static func camt(_ credits: [(String, Money, String, String)], day: String = "2026-03-20") -> Data {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
            <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-03-21T08:00:00</CreDtTm></GrpHdr>
            <Stmt><Id>STMT-1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
            """
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        for (reference, amount, payer, text) in credits {
            xml += """
                <Ntry><Amt Ccy="EUR">\(amount.decimalString)</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                <BookgDt><Dt>\(day)</Dt></BookgDt><ValDt><Dt>\(day)</Dt></ValDt><AcctSvcrRef>\(reference)</AcctSvcrRef>
                <NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>\(escaped(payer))</Nm></Pty></Dbtr>
                <DbtrAcct><Id><IBAN>DE02120300000000202051</IBAN></Id></DbtrAcct></RltdPties>
                <RmtInf><Ustrd>\(escaped(text))</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
                """
        }
        return Data((xml + "</Stmt></BkToCstmrStmt></Document>").utf8)
    }
}
