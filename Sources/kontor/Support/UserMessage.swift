import Foundation
import GRDB
import KontorApp
import KontorBanking
import KontorCore
import KontorDocuments
import KontorEInvoice
import KontorStore

/// Turns errors into the one line a user reads.
enum UserMessage {
    static func describe(_ error: any Error) -> String? {
        switch error {
        case let error as AppError: return error.description
        case let error as ArchiveError: return error.description
        case let error as InputError: return error.description
        case let error as WorkflowError: return error.description
        case let error as StoreError: return error.description
        case let error as CLIError: return error.description
        case let error as EInvoiceExportError: return error.description
        case let error as EInvoiceError: return error.description
        case let error as LegalError: return error.description
        case let error as MessageTemplateError: return error.description
        case let error as VCardError: return error.description
        case let error as AuditRecordError: return error.description
        case let error as VATIdError: return error.description
        case let error as UnprintableTextError: return error.description
        case let error as WorkLogError: return error.description
        case let error as StatementError: return error.description + " Nothing was imported."
        case let error as DatabaseError:
            if let message = error.message, message.contains("immutable") || message.contains("never deleted") {
                return "The database refused the change: \(message)."
            }
            if error.resultCode == .SQLITE_BUSY {
                return "The database is busy (another Kontor is writing). Try again in a moment."
            }
            return "Database error: \(error.message ?? "\(error.resultCode)"). Nothing was changed."
        case let error as CocoaError where error.code == .fileWriteNoPermission || error.code == .fileWriteUnknown:
            return "Cannot create the database folder: \(error.localizedDescription)"
        default: return nil
        }
    }
}

/// An error of the command line itself (conflicting options and the like).
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
