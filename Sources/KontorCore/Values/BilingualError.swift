/// An error whose message a person can read in German or English: what went wrong and what to do.
public protocol BilingualError: Error {
    /// The message in `language`; `description` stays the English one.
    func message(_ language: Language) -> String
}
