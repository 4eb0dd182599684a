import HTTPTypes
import KontorCore
import Testing

@testable import KontorWeb

/// Which action each form of the web app is (`RoutePermissions`): the one map the role check reads.
struct RoutePermissionTests {
    static let expected: [(HTTPRequest.Method, String, Action?)] = [
        (.post, "/login", nil), (.post, "/logout", nil), (.post, "/language", nil),
        (.get, "/", .viewBook), (.get, "/invoices/7", .viewBook), (.head, "/dunning", .viewBook),
        (.get, "/invoices/7/issue", .issueInvoice), (.head, "/invoices/7/issue", .issueInvoice),
        (.post, "/invoices/7/issue", .issueInvoice), (.post, "/invoices/2026-0001/cancel", .issueInvoice),
        (.post, "/invoices/2026-0001/payments", .bookPayments), (.post, "/invoices", .editInvoiceDrafts),
        (.post, "/invoices/7/lines", .editInvoiceDrafts), (.post, "/invoices/7/lines/2/move", .editInvoiceDrafts),
        (.post, "/invoices/7/delete", .editInvoiceDrafts),
        (.post, "/dunning/3/approve", .approveDunning), (.post, "/mail/compose/reminder/3", .approveDunning),
        (.post, "/mail/compose/quote/4", .sendMail), (.post, "/dunning/run", .draftDunning),
        (.post, "/dunning/3/skip", .draftDunning), (.post, "/dunning/holds", .draftDunning),
        (.post, "/payments", .bookPayments), (.post, "/payments/5/reverse", .bookPayments),
        (.post, "/payments/import", .importStatements), (.post, "/payments/review/5/assign", .importStatements),
        (.post, "/customers/1/credit/refund", .bookPayments), (.post, "/customers/1/notes", .editCustomers),
        (.post, "/inquiries/2/quote", .workOnQuotes), (.post, "/inquiries/2/win", .workOnInquiries),
        (.post, "/quotes/4/lines/1/edit", .workOnQuotes), (.post, "/jobs/6/deliver", .workOnJobs),
        (.post, "/agenda/plan", .workOnJobs), (.post, "/received-invoices", .viewBook),
        (.post, "/mail/import", .importMail), (.post, "/mail/9/retry", .sendMail),
        (.post, "/mail/settings", .changeSettings), (.post, "/settings/profile", .changeSettings),
        (.get, "/settings/backup", .backUpBook), (.get, "/settings/users", .manageUsers),
        (.post, "/settings/users/role", .manageUsers),
        // A changing route nobody named is the owner's until it is named.
        (.post, "/something/new", .changeSettings), (.delete, "/invoices/7", .changeSettings),
    ]

    @Test func everyFormIsTheActionItChanges() {
        for (method, path, action) in RoutePermissionTests.expected {
            #expect(RoutePermissions.action(method: method, path: path) == action, "\(method) \(path)")
        }
    }
}
