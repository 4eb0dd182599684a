import Foundation
import Hummingbird
import KontorCore
import Mustache

/// The Mustache templates, loaded once at start-up. Every page is rendered inside `layout`.
struct Views: Sendable {
    let library: MustacheLibrary

    /// A template that the code asks for is not there (a packaging mistake, never a user's).
    struct MissingTemplate: Error, CustomStringConvertible {
        let name: String
        var description: String { "The template '\(name)' is missing from the KontorWeb resources." }
    }

    /// The resources folder is not next to the binary.
    struct MissingResources: Error, CustomStringConvertible {
        let path: String
        var description: String {
            "Cannot find the web templates at \(path). Keep the Kontor_KontorWeb.resources folder next to the kontor binary."
        }
    }

    /// Every template the controllers use; checked at start-up so that a missing one stops the server at once.
    static let required = [
        "layout", "error", "login", "settings/users", "today", "inquiries/index", "inquiries/new", "inquiries/proposal", "customers/index", "customers/show",
        "customers/form", "quotes/index", "quotes/show", "quotes/new", "jobs/index", "jobs/show", "jobs/new",
        "invoices/index", "invoices/show", "invoices/new", "dunning/index", "dunning/show", "dunning/calculator", "einvoices/index", "payments/index",
        "reports/index", "settings/index", "settings/template", "partials/field", "partials/chart",
        "partials/pager",
    ]

    /// Loads the templates from the bundle (or `directory`) and checks that all are there.
    static func load(directory: String? = nil) async throws -> Views {
        guard let path = directory ?? Bundle.module.resourceURL?.appendingPathComponent("Templates").path,
            FileManager.default.fileExists(atPath: path)
        else { throw MissingResources(path: directory ?? "Kontor_KontorWeb.resources/Templates") }
        let library = try await MustacheLibrary(directory: path)
        for name in required where library.getTemplate(named: name) == nil { throw MissingTemplate(name: name) }
        return Views(library: library)
    }

    /// Renders `template` with the layout's shell, the labels and the page's view model.
    func render(_ template: String, shell: Shell, texts: Texts, page: some Encodable) throws -> String {
        let context: [String: Any] = [
            "shell": try TemplateEncoder.encode(shell), "t": texts.table, "page": try TemplateEncoder.encode(page),
        ]
        guard let html = library.render(context, withTemplate: template) else { throw MissingTemplate(name: template) }
        return html
    }
}

/// What the layout shows around every page.
struct Shell: Sendable, Encodable {
    struct NavItem: Sendable, Encodable {
        let path: String
        let label: String
        let current: Bool
        let badge: String?
    }

    let lang: String
    let title: String
    let nav: [NavItem]
    let showNav: Bool
    let csrf: String
    let hasFlash: Bool
    let flashText: String
    let flashKind: String
    let signedInAs: String?
    let todayText: String
    let otherLanguage: String
    let otherLanguageLabel: String
    let returnPath: String
}


/// The areas of the navigation.
enum Area: String, Sendable, CaseIterable {
    case today, inquiries, customers, quotes, jobs, invoices, dunning, payments, reports, settings

    var path: String { self == .today ? "/" : "/\(rawValue)" }
    var labelKey: String { "nav_\(rawValue)" }
}
