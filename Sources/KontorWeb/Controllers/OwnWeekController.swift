import Foundation
import Hummingbird
import KontorApp
import KontorCore

/// Meine Schreibzeiten (`/settings/week`): the signed-in person's own writing hours and vacations, which plan the
/// jobs given to them on the agenda. The owner sets anyone's on the users page; here everyone sets their own.
struct OwnWeekController: Sendable {
    let services: AppServices

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get(use: self.show)
            .post(use: self.save)
    }

    /// GET /settings/week; at the machine, where no one signs in, the book's own times on the settings page.
    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        guard let name = context.session?.user else { return .seeOther("/settings#hours") }
        let texts = Texts(context.language)
        let user = try await services.kontor.webUser(name: name)
        return try services.page(
            "settings/week", area: .jobs, title: texts["own_week_title"],
            OwnWeekPage(capacity: user?.capacity, texts: texts), request: request, context: context)
    }

    /// POST /settings/week: the same fields as a row of the users page, for oneself only (the name is the session's).
    @Sendable func save(request: Request, context: AppRequestContext) async throws -> Response {
        guard let name = context.session?.user else { throw WebError.badRequest }
        let texts = Texts(context.language)
        let week = try await UserController.week(from: context.form, of: name, kontor: services.kontor)
        _ = try await services.kontor.setCapacity(user: name, to: week)
        return services.redirect("/settings/week", flash: texts["flash_own_week"], context: context)
    }
}

/// The own-week page: the week as planned now and the form to change it.
struct OwnWeekPage: Sendable, Encodable {
    let weekText: String
    let hoursValue: String
    let action = "/settings/week"

    init(capacity: WorkingCapacity?, texts: Texts) {
        weekText = capacity.map { UsersPage.week($0, texts: texts) } ?? texts["users_week_book"]
        hoursValue = capacity.map { UsersPage.hours($0, texts: texts) } ?? ""
    }
}
