public import KontorCore
import Mustache

/// Renders a plain-text Mustache template (nothing is HTML-escaped: the result goes into letters and e-mails).
enum MessageRenderer {
    /// The rendered text, or a description of the syntax error in the template.
    static func render(_ template: String, _ values: [String: Any]) throws(MessageTemplateError) -> String {
        do {
            return try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + template).render(values)
        } catch {
            throw MessageTemplateError(reason: "\(error)")
        }
    }

    /// Checks a template before it is saved.
    static func check(_ template: String) throws(MessageTemplateError) {
        _ = try render(template, [:])
    }
}

/// A template the user edited cannot be read; `reason` is the template engine's own description.
public struct MessageTemplateError: Error, Sendable, Equatable, CustomStringConvertible, BilingualError {
    public let reason: String

    public func message(_ language: Language) -> String {
        InputRule.templateSyntax(detail: reason).sentence(language)
    }
}
