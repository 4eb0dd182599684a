import Foundation
public import KontorCore

/// Which way money moved on the statement's account.
public enum EntryDirection: String, Sendable, Hashable, Codable {
    /// Money in (camt `CRDT`, MT940 `C` and `RD`, CSV positive amount).
    case credit
    /// Money out (camt `DBIT`, MT940 `D` and `RC`, CSV negative or zero amount).
    case debit
}

/// Whether the bank has booked the entry.
public enum EntryStatus: String, Sendable, Hashable, Codable {
    /// Booked (camt `BOOK`, MT940, CSV "gebucht").
    case booked
    /// Not yet booked (camt `PDNG`, CSV "vorgemerkt").
    case pending
    /// Information only, not a booking (camt `INFO`).
    case info
}

/// One part of a camt entry (`NtryDtls/TxDtls`): a single payment inside a batch, or the details of a single payment.
///
/// A matcher uses these to see each invoice paid in a collective booking.
public struct TransactionDetail: Sendable, Hashable, Codable {
    /// The part's own amount (`TxDtls/Amt` or `AmtDtls/TxAmt/Amt`), if the bank sent one. Not negative.
    public var amount: Money?
    /// Currency of `amount`.
    public var currency: String?
    /// The part's direction, when given (`TxDtls/CdtDbtInd`).
    public var direction: EntryDirection?
    /// The other party: the debtor of a credit, the creditor of a debit.
    public var counterpartyName: String?
    /// IBAN (or other account id) of the other party.
    public var counterpartyIBAN: String?
    /// BIC of the other party's bank.
    public var counterpartyBIC: String?
    /// All `RmtInf/Ustrd` lines, joined with a space.
    public var remittanceText: String
    /// Structured creditor reference (`RmtInf/Strd/CdtrRefInf/Ref`, e.g. `RF18…` or a Swiss ISR number).
    public var structuredReference: String?
    /// `Refs/EndToEndId` (not the placeholder `NOTPROVIDED`).
    public var endToEndId: String?
    /// `Refs/AcctSvcrRef`.
    public var bankReference: String?
    /// SEPA mandate reference (`Refs/MndtId`).
    public var mandateId: String?
    /// `AddtlTxInf`.
    public var additionalInfo: String?

    public init(
        amount: Money? = nil, currency: String? = nil, direction: EntryDirection? = nil,
        counterpartyName: String? = nil, counterpartyIBAN: String? = nil, counterpartyBIC: String? = nil,
        remittanceText: String = "", structuredReference: String? = nil, endToEndId: String? = nil,
        bankReference: String? = nil, mandateId: String? = nil, additionalInfo: String? = nil
    ) {
        self.amount = amount
        self.currency = currency
        self.direction = direction
        self.counterpartyName = counterpartyName
        self.counterpartyIBAN = counterpartyIBAN
        self.counterpartyBIC = counterpartyBIC
        self.remittanceText = remittanceText
        self.structuredReference = structuredReference
        self.endToEndId = endToEndId
        self.bankReference = bankReference
        self.mandateId = mandateId
        self.additionalInfo = additionalInfo
    }
}

/// One booking line of a statement: a camt `Ntry`, an MT940 `:61:` (with its `:86:`), or one CSV row.
///
/// `amount` is never negative; `direction` says whether it came in or went out (`signedAmount` combines both).
public struct StatementEntry: Sendable, Hashable, Codable {
    /// The day the bank booked the entry (camt `BookgDt`, MT940 entry date or else value date, CSV Buchungstag).
    public var bookingDate: Day
    /// The value date (Valuta), when given.
    public var valueDate: Day?
    /// The amount, not negative.
    public var amount: Money
    /// Money in or out.
    public var direction: EntryDirection
    /// ISO 4217 currency code, e.g. `EUR`.
    public var currency: String
    /// Booked, pending or info.
    public var status: EntryStatus
    /// The entry reverses an earlier booking (camt `RvslInd`, MT940 `RC`/`RD`).
    public var isReversal: Bool
    /// The other party: who paid (for a credit) or who was paid (for a debit).
    public var counterpartyName: String?
    /// The other party's IBAN (or account id when the bank gives no IBAN).
    public var counterpartyIBAN: String?
    /// The other party's BIC (or German bank code from MT940 `?30`).
    public var counterpartyBIC: String?
    /// Remittance text: camt `Ustrd` lines joined with a space; MT940 `?20`–`?29`, `?60`–`?63`; CSV Verwendungszweck.
    public var remittanceText: String
    /// Structured creditor reference (RF… or ISR), if any.
    public var structuredReference: String?
    /// End-to-end id (camt `EndToEndId`, SEPA tag `EREF+`, CSV Kundenreferenz).
    public var endToEndId: String?
    /// SEPA mandate reference (`MndtId`, `MREF+`).
    public var mandateId: String?
    /// SEPA creditor id (`CRED+`, Gläubiger-ID).
    public var creditorId: String?
    /// The bank's own reference (camt `AcctSvcrRef`, MT940 bank reference after `//`), without `NONREF`.
    public var bankReference: String?
    /// Bank transaction code: camt `Domn/Fmly/SubFmly` as `PMNT/RCDT/ESCT` or the proprietary code,
    /// MT940 transaction type and Geschäftsvorfallcode such as `NTRF 166`.
    public var transactionCode: String?
    /// The bank's booking text: camt `AddtlNtryInf`, MT940 `?00`, CSV Buchungstext/Umsatzart.
    public var bookingText: String?
    /// Number of payments in a collective booking (camt `Btch/NbOfTxs`, else the number of `TxDtls` if more than one).
    public var batchCount: Int?
    /// The parts of a camt collective booking: one per `TxDtls` when an `Ntry` holds two or more, so a matcher can
    /// see each invoice paid in the batch. Empty for a single payment (its details are on the entry), MT940 and CSV.
    public var transactions: [TransactionDetail]
    /// Line in the source file where the entry starts (1-based), if known.
    public var line: Int?
    /// A stable key for recognising the same booking on a later import; see `StatementEntry.makeIdentity`.
    /// Set by the parsers; unique within one statement (a repeated key gets `#2`, `#3` …).
    public var identity: String

    public init(
        bookingDate: Day, valueDate: Day? = nil, amount: Money, direction: EntryDirection, currency: String,
        status: EntryStatus = .booked, isReversal: Bool = false, counterpartyName: String? = nil,
        counterpartyIBAN: String? = nil, counterpartyBIC: String? = nil, remittanceText: String = "",
        structuredReference: String? = nil, endToEndId: String? = nil, mandateId: String? = nil,
        creditorId: String? = nil, bankReference: String? = nil, transactionCode: String? = nil,
        bookingText: String? = nil, batchCount: Int? = nil, transactions: [TransactionDetail] = [],
        line: Int? = nil, identity: String? = nil
    ) {
        // From the arguments: `baseIdentity` reads `self`, which needed a placeholder identity and a second write.
        let identity =
            identity
            ?? Self.baseIdentity(
                bankReference: bankReference, bookingDate: bookingDate,
                signedAmount: direction == .credit ? amount : -amount, currency: currency,
                counterpartyName: counterpartyName, remittanceText: remittanceText)
        self.bookingDate = bookingDate
        self.valueDate = valueDate
        self.amount = amount
        self.direction = direction
        self.currency = currency
        self.status = status
        self.isReversal = isReversal
        self.counterpartyName = counterpartyName
        self.counterpartyIBAN = counterpartyIBAN
        self.counterpartyBIC = counterpartyBIC
        self.remittanceText = remittanceText
        self.structuredReference = structuredReference
        self.endToEndId = endToEndId
        self.mandateId = mandateId
        self.creditorId = creditorId
        self.bankReference = bankReference
        self.transactionCode = transactionCode
        self.bookingText = bookingText
        self.batchCount = batchCount
        self.transactions = transactions
        self.line = line
        self.identity = identity
    }

    /// The amount with sign: positive for money in, negative for money out.
    public var signedAmount: Money { direction == .credit ? amount : -amount }

    /// Whether money came in.
    public var isCredit: Bool { direction == .credit }

    /// The identity before de-duplication inside a statement: `R:` + bank reference when there is one,
    /// else `H:` + FNV-1a 64 (hex) of booking date, signed amount, currency, counterparty and remittance text.
    public var baseIdentity: String {
        Self.baseIdentity(
            bankReference: bankReference, bookingDate: bookingDate, signedAmount: signedAmount, currency: currency,
            counterpartyName: counterpartyName, remittanceText: remittanceText)
    }

    private static func baseIdentity(
        bankReference: String?, bookingDate: Day, signedAmount: Money, currency: String, counterpartyName: String?,
        remittanceText: String
    ) -> String {
        if let reference = bankReference, !reference.isEmpty { return "R:" + reference }
        // The hash of the parts joined with U+001F, hashed part by part: no joined key, and ASCII lower-cased on
        // the bytes (what `lowercased()` does to ASCII), which costs far less than `lowercased()` for every entry.
        var hash = FNV1a.offsetBasis
        let separator = CollectionOfOne(UInt8(0x1F))
        FNV1a.combine(&hash, day: bookingDate)
        FNV1a.combine(&hash, separator)
        FNV1a.combine(&hash, decimal: signedAmount.cents)
        FNV1a.combine(&hash, separator)
        FNV1a.combine(&hash, currency.utf8)
        for text in [counterpartyName ?? "", remittanceText] {
            FNV1a.combine(&hash, separator)
            let collapsed = TextNormal.collapse(text)
            if !combineLatin1Lowercased(&hash, collapsed) {
                FNV1a.combine(&hash, collapsed.lowercased().utf8)
            }
        }
        return FNV1a.hex(hash, prefix: "H:")
    }

    /// Hashes `text` lower-cased as `lowercased()` would, when it holds only ASCII and Latin-1 (U+0080–U+00FF):
    /// there lower-casing is A–Z and U+00C0–U+00DE but U+00D7 (×) plus 0x20, byte for byte. German names and texts
    /// are nearly all such, and `lowercased()` cost a sixth of a CSV parse. False (nothing hashed) for other text.
    private static func combineLatin1Lowercased(_ hash: inout UInt64, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes -> Bool in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x80 {
                    guard byte == 0xC2 || byte == 0xC3, index + 1 < bytes.count, bytes[index + 1] & 0xC0 == 0x80
                    else { return false }
                    index += 2
                } else {
                    index += 1
                }
            }
            var previous: UInt8 = 0
            for byte in bytes {
                var lower = byte
                if (65...90).contains(byte) {
                    lower = byte | 0x20
                } else if previous == 0xC3, (0x80...0x9E).contains(byte), byte != 0x97 {
                    lower = byte + 0x20
                }
                FNV1a.combine(&hash, CollectionOfOne(lower))
                previous = byte
            }
            return true
        }
    }
}

extension Array where Element == StatementEntry {
    /// Numbers repeated identities `#2`, `#3` … in file order, so that two identical bookings on one statement
    /// stay two bookings. Called once by the parsers right after building the entries (whose `init` set the base identity).
    mutating func assignIdentities() {
        var numbering = IdentityNumbering(expected: count)
        numbering.assign(&self)
    }
}
