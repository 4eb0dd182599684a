import KontorApp
import Testing

@testable import KontorStore

/// The bank entry's invoice ids are read by hand from the JSON the store writes, and through `SnapshotJSON`
/// otherwise: both give what JSON says, and what is no array of ids is refused as corrupt.
struct BankEntryRecordTests {
    @Test(arguments: [
        ("[]", [Int64]()), ("[7]", [7]), ("[12,3,4500]", [12, 3, 4500]), ("[ 12, 3 ]", [12, 3]), ("[\n1\n]", [1]),
        ("[9223372036854775807]", [Int64.max]),
    ])
    func invoiceIdsAreReadAsJSONSaysThem(text: String, ids: [Int64]) throws {
        #expect(try BankEntryRecord.invoiceIds(text) == ids)
    }

    @Test(arguments: ["", "[", "[,1]", "[1;2]", "[a]", "{}", "[1.5]", "[99999999999999999999]"])
    func whatIsNoArrayOfIdsIsRefused(text: String) {
        #expect(throws: StoreError.self) { try BankEntryRecord.invoiceIds(text) }
    }
}
