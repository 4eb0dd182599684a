import HTTPTypes
import KontorCore

/// The one place that says which action (`KontorCore.Action`) a request of the web app is: `SessionMiddleware` asks
/// it for every request of a signed-in user and answers 403 before the route runs when the role does not allow it,
/// so a refused request reads no more and changes nothing. The use cases check the same actions where money,
/// numbers or Mahnungen are at stake (`Kontor.authorize`).
enum RoutePermissions {
    /// A route by method and path; `:x` stands for one path segment.
    private struct Rule {
        let method: HTTPRequest.Method
        let segments: [Substring]
        let action: Action?

        init(_ method: HTTPRequest.Method, _ pattern: String, _ action: Action?) {
            self.method = method
            segments = pattern.split(separator: "/")
            self.action = action
        }

        func matches(_ method: HTTPRequest.Method, _ path: [Substring]) -> Bool {
            method == self.method && path.count == segments.count
                && zip(segments, path).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
        }
    }

    // The first matching rule decides; a changing request no rule names is the owner's (`changeSettings`), so a new
    // route is closed to writers and assistants until it is named here.
    private static let rules: [Rule] = [
        Rule(.post, "/login", nil), Rule(.post, "/logout", nil), Rule(.post, "/language", nil),
        Rule(.get, "/settings/backup", .backUpBook),
        Rule(.get, "/settings/users", .manageUsers), Rule(.post, "/settings/users/role", .manageUsers),
        Rule(.post, "/settings/users/capacity", .manageUsers),
        // One's own writing times: anyone signed in, for themselves only (the name is the session's, and
        // `Kontor.setCapacity` lets no one but the owner set another's).
        Rule(.post, "/settings/week", nil),
        Rule(.get, "/invoices/:ref/issue", .issueInvoice),
        Rule(.post, "/customers/:id/credit/apply", .bookPayments),
        Rule(.post, "/customers/:id/credit/refund", .bookPayments),
        Rule(.post, "/customers", .editCustomers), Rule(.post, "/customers/import", .editCustomers),
        Rule(.post, "/customers/:id", .editCustomers), Rule(.post, "/customers/:id/notes", .editCustomers),
        Rule(.post, "/inquiries/:id/quote", .workOnQuotes),
        Rule(.post, "/inquiries", .workOnInquiries), Rule(.post, "/inquiries/:id/:verb", .workOnInquiries),
        Rule(.post, "/quotes", .workOnQuotes), Rule(.post, "/quotes/:id/:verb", .workOnQuotes),
        Rule(.post, "/quotes/:id/lines/:pos/:verb", .workOnQuotes),
        Rule(.post, "/jobs", .workOnJobs), Rule(.post, "/jobs/:id/:verb", .workOnJobs),
        Rule(.post, "/agenda/plan", .workOnJobs),
        Rule(.post, "/invoices/:ref/issue", .issueInvoice), Rule(.post, "/invoices/:ref/cancel", .issueInvoice),
        Rule(.post, "/invoices/:ref/payments", .bookPayments),
        Rule(.post, "/invoices", .editInvoiceDrafts), Rule(.post, "/invoices/:ref/:verb", .editInvoiceDrafts),
        Rule(.post, "/invoices/:ref/lines/:pos/:verb", .editInvoiceDrafts),
        Rule(.post, "/received-invoices", .viewBook),
        Rule(.post, "/mail/import", .importMail), Rule(.post, "/mail/imported/:id/accept", .importMail),
        Rule(.post, "/mail/compose/reminder/:ref", .approveDunning), Rule(.post, "/mail/compose/:kind/:ref", .sendMail),
        Rule(.post, "/mail/:id/retry", .sendMail),
        Rule(.post, "/dunning/:id/approve", .approveDunning),
        Rule(.post, "/dunning/run", .draftDunning), Rule(.post, "/dunning/holds", .draftDunning),
        Rule(.post, "/dunning/:id/skip", .draftDunning),
        Rule(.post, "/payments/import", .importStatements),
        Rule(.post, "/payments/review/:id/:verb", .importStatements),
        Rule(.post, "/payments", .bookPayments), Rule(.post, "/payments/:id/reverse", .bookPayments),
    ]

    /// The action a request is, or nil for the login, logout and language forms, which anyone may post.
    static func action(method: HTTPRequest.Method, path: String) -> Action? {
        let segments = path.split(separator: "/")
        let method = method == .head ? .get : method
        if let rule = rules.first(where: { $0.matches(method, segments) }) { return rule.action }
        return method == .get || method == .head ? .viewBook : .changeSettings
    }
}
