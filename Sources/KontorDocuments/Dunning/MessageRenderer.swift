public import KontorCore
import Mustache

/// Renders a plain-text Mustache template (nothing is HTML-escaped: the result goes into letters and e-mails).
enum MessageRenderer {
    /// The rendered text, or a description of the syntax error in the template.
    static func render(_ template: String, _ values: [String: Any]) throws(MessageTemplateError) -> String {
        do {
            return try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + template).render(values)
        } catch let error as MustacheTemplate.ParserError {
            throw MessageTemplateError(line: error.context.lineNumber)
        } catch {
            throw MessageTemplateError(line: nil)
        }
    }

    /// Checks a template before it is saved.
    static func check(_ template: String) throws(MessageTemplateError) {
        _ = try render(template, [:])
    }
}

/// A template the user edited cannot be read; `line` is where the template engine stopped, when it says.
public struct MessageTemplateError: Error, Sendable, Equatable, CustomStringConvertible, BilingualError {
    public let line: Int?

    public func message(_ language: Language) -> String {
        InputRule.templateSyntax(line: line).sentence(language)
    }
}
