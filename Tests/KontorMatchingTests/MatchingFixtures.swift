import KontorBanking
import KontorCore

/// Small builders for matcher tests.
enum Fixture {
    static func day(_ text: String) -> Day { Day(text)! }

    static func invoice(
        _ id: Int64, _ number: String, customer: Int64 = 1, _ name: String = "Müller & Söhne GmbH",
        open: Int64 = 119_000, gross: Int64? = nil, issued: String = "2026-01-10", due: String = "2026-01-24",
        ibans: [String] = []
    ) -> OpenInvoiceCandidate {
        OpenInvoiceCandidate(
            invoiceId: id, number: number, customerId: customer, customerName: name, customerIBANs: ibans,
            openAmount: Money(cents: open), gross: Money(cents: gross ?? open), issueDate: day(issued), dueDate: day(due))
    }

    static func credit(
        _ cents: Int64, from name: String? = "Fremde Zahlerin", text: String = "", iban: String? = nil,
        endToEnd: String? = nil, reference: String? = nil, id: String = "E1", on date: String = "2026-02-01",
        direction: EntryDirection = .credit, currency: String = "EUR", reversal: Bool = false,
        status: EntryStatus = .booked, parts: [TransactionDetail] = []
    ) -> StatementEntry {
        StatementEntry(
            bookingDate: day(date), amount: Money(cents: cents), direction: direction, currency: currency,
            status: status, isReversal: reversal, counterpartyName: name, counterpartyIBAN: iban,
            remittanceText: text, structuredReference: reference, endToEndId: endToEnd, transactions: parts,
            identity: id)
    }

    /// A German IBAN with correct check digits for an 8-digit bank code and a 10-digit account number.
    static func germanIBAN(bank: String, account: String) -> String {
        let bban = bank + account
        let check = 98 - mod97(bban + "131400")  // D=13, E=14, then 00
        let checkText = check < 10 ? "0\(check)" : "\(check)"
        return "DE" + checkText + bban
    }

    /// An ISO 11649 creditor reference `RFkk<body>` with correct check digits.
    static func creditorReference(_ body: String) -> String {
        let check = 98 - mod97(body + "2715" + "00")  // R=27, F=15
        return "RF" + (check < 10 ? "0\(check)" : "\(check)") + body
    }

    /// Groups of four, as printed.
    static func spaced(_ text: String) -> String {
        var groups: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            groups.append(String(rest.prefix(4)))
            rest = rest.dropFirst(4)
        }
        return groups.joined(separator: " ")
    }

    private static func mod97(_ digits: String) -> Int {
        var remainder = 0
        for character in digits {
            if let digit = character.wholeNumberValue {
                remainder = (remainder * 10 + digit) % 97
            } else {
                let value = Int(character.asciiValue! - 55)  // A = 10
                remainder = (remainder * 100 + value) % 97
            }
        }
        return remainder
    }
}
