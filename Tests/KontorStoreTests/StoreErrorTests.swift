import GRDB
import KontorApp
import Testing

@testable import KontorStore

/// SQLite's errors become the port's typed `StoreError` at the store's boundary, by their codes, not their words.
struct StoreErrorTests {
    @Test func everyEvidenceTriggerIsARefusalWhateverItsWords() {
        for words in ["a sent mail is never changed", "a number counter never goes back", "issued invoices are immutable"] {
            let error = DatabaseError(resultCode: .SQLITE_CONSTRAINT_TRIGGER, message: words)
            #expect(StoreError(error) == .immutable(detail: words))
        }
    }

    @Test func busyLockedAndOtherFailuresAreTold() {
        #expect(StoreError(DatabaseError(resultCode: .SQLITE_BUSY)) == .busy)
        #expect(StoreError(DatabaseError(resultCode: .SQLITE_LOCKED)) == .busy)
        #expect(StoreError(DatabaseError(resultCode: .SQLITE_CORRUPT, message: "page 7")) == .corrupt(detail: "page 7"))
        let foreignKey = DatabaseError(resultCode: .SQLITE_CONSTRAINT_FOREIGNKEY, message: "FOREIGN KEY constraint failed")
        #expect(StoreError(foreignKey) == .failed(detail: "FOREIGN KEY constraint failed"))
        #expect(StoreError.busy.isRetryable && !StoreError.failed(detail: "x").isRetryable)
    }
}
