import Foundation
import KontorCore

/// The labels of the web app in German (default) and English. Templates read them as `{{t.key}}`, code as
/// `texts["key"]`. Both tables have the same keys (a test checks it).
struct Texts: Sendable {
    let language: Language

    init(_ language: Language) { self.language = language }

    /// The table for templates.
    var table: [String: String] { language == .de ? Texts.de : Texts.en }

    /// One label; a missing key shows itself so that it is noticed (and a test fails).
    subscript(_ key: String) -> String { table[key] ?? key }

    /// A label with `{0}`, `{1}` … replaced.
    func format(_ key: String, _ arguments: String...) -> String {
        var text = self[key]
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return text
    }

    /// The language `Accept-Language` prefers among German and English (German when neither is named).
    static func preferred(acceptLanguage header: String?) -> Language {
        guard let header else { return .de }
        var best: (language: Language, quality: Double)?
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let tag = pieces.first else { continue }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            guard let language = Language(rawValue: primary) else { continue }
            var quality = 1.0
            for piece in pieces.dropFirst() where piece.hasPrefix("q=") { quality = Double(piece.dropFirst(2)) ?? 0 }
            if quality > (best?.quality ?? 0) { best = (language, quality) }
        }
        return best?.language ?? .de
    }
}
