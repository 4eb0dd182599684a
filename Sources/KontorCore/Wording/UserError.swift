/// Who reads a message: the command line names the command that fixes a mistake; the web app shows its forms
/// instead, so its messages leave the command out.
public enum Audience: Sendable, Equatable { case commandLine, web }

/// An error a person can cause and fix. Each one is worded once per language, next to its cases; the CLI and the
/// web app each show it through one function (`UserMessage`, `ErrorText`) without looking at its words.
public protocol UserError: Error, Sendable {
    /// What went wrong and what to do, in `language`, for `audience`.
    func message(_ language: Language, for audience: Audience) -> String
}

/// A user error whose message is the same for the command line and the web app.
public protocol BilingualError: UserError {
    /// The message in `language`; `description` stays the English one.
    func message(_ language: Language) -> String
}

extension BilingualError {
    public func message(_ language: Language, for audience: Audience) -> String { message(language) }
}

extension CustomStringConvertible where Self: UserError {
    /// The English command-line message, for logs and `print`.
    public var description: String { message(.en, for: .commandLine) }
}
