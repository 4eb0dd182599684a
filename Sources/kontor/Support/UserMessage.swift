import Foundation
import KontorBanking
import KontorCore

/// The one place the command line turns an error into the line a user reads.
enum UserMessage {
    /// The message in `language`, or nil for errors that are not the user's to fix (bugs, a broken environment).
    static func describe(_ error: any Error, language: Language) -> String? {
        switch error {
        case let error as StatementError:
            return error.message(language) + (language == .de ? " Es wurde nichts eingelesen." : " Nothing was imported.")
        case let error as any UserError:
            return error.message(language, for: .commandLine)
        case let error as CocoaError where error.code == .fileWriteNoPermission || error.code == .fileWriteUnknown:
            return (language == .de ? "Der Ordner der Datenbank lässt sich nicht anlegen: "
                : "Cannot create the database folder: ") + error.localizedDescription
        default: return nil
        }
    }
}
