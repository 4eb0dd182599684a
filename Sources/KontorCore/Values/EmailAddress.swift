import Foundation

/// An e-mail address as it may stand in a mail header (`To:`, `From:`, `Reply-To:`).
///
/// The one rule for every address Kontor stores (customers typed, edited or imported from vCards, the business
/// profile): one line, no control characters, no characters that end or split a mailbox (`<>()[],;:"\` and
/// spaces), exactly one `@` with a dotted domain. A line break would let a stored address add its own header
/// (`x@y.de>\r\nBcc: …`) to every e-mail Kontor writes.
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The address, trimmed.
    public let text: String

    /// Characters that would end the address inside `Name <address>` or start another header field.
    static let forbidden: Set<Character> = ["<", ">", "(", ")", "[", "]", ",", ";", ":", "\"", "\\", " "]

    /// Checks `text`.
    /// - Throws: `InputError.invalid` naming the e-mail address and what is wrong with it.
    public init(_ text: String) throws(InputError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let visible = SingleLineText.visible(trimmed)
        guard SingleLineText.isSingleLine(trimmed) else { throw .invalid(what: .email, rule: .singleLine) }
        guard !trimmed.contains(where: EmailAddress.forbidden.contains) else {
            throw .invalid(what: .email, rule: .emailCharacters(text: visible))
        }
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
              !parts[1].hasSuffix(".")
        else {
            throw .invalid(what: .email, rule: .emailShape(text: visible))
        }
        guard trimmed.utf8.count <= 254 else {
            throw .invalid(what: .email, rule: .tooLong(characters: 254))
        }
        self.text = trimmed
    }

    /// Checks an optional address (nil or empty means none and passes).
    public static func check(_ text: String?) throws(InputError) {
        guard let text, !text.isEmpty else { return }
        _ = try EmailAddress(text)
    }

    public var description: String { text }
}

/// Text that must stay on one line because it can reach a mail header (a customer's or the business's name in
/// `To:`/`From:`, a subject): no CR, LF or other control characters, no Unicode line or paragraph separators.
public struct SingleLineText: Sendable, Hashable, CustomStringConvertible {
    /// The text as given.
    public let text: String

    /// Checks `text`; `what` names the field in the error ("customer name").
    /// - Throws: `InputError.invalid` when the text has a line break or another control character.
    public init(_ text: String, what: Field) throws(InputError) {
        guard SingleLineText.isSingleLine(text) else {
            throw .invalid(what: what, rule: .singleLine)
        }
        self.text = text
    }

    /// Checks an optional text (nil passes).
    public static func check(_ text: String?, what: Field) throws(InputError) {
        guard let text else { return }
        _ = try SingleLineText(text, what: what)
    }

    /// Whether `text` has no control character (C0, DEL, C1) and no line or paragraph separator.
    public static func isSingleLine(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            !(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
                || scalar.value == 0x2029)
        }
    }

    /// `text` with control characters shown as `\r`, `\n` or `\u{…}`, so that an error message stays one line.
    public static func visible(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r": result += "\\r"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if isSingleLine(String(scalar)) {
                    result.unicodeScalars.append(scalar)
                } else {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                }
            }
        }
        return result
    }

    public var description: String { text }
}
