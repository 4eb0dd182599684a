import Hummingbird

/// Catches every error of the routes and answers with a page (Hummingbird alone would send an empty 500).
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let services: AppServices

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return services.errorResponse(for: error, request: request, context: context)
        }
    }
}
