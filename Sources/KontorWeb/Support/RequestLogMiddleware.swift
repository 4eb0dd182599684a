import Hummingbird
import Logging

/// Logs every request once it is answered: method, path, status and how long it took, so that a slow page or a
/// failing route shows up in the server's log. The path is logged without its query, which may carry tokens or
/// what a user typed into a search.
///
/// It is the outermost middleware, so the status is the one the browser gets (also for refusals of the session
/// middleware). An error that no inner middleware turned into a page is logged with its cause and passed on.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, status: response.status.code, since: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(request, status: status, since: start, error: error)
            throw error
        }
    }

    private func log(_ request: Request, status: Int, since start: ContinuousClock.Instant, error: (any Error)? = nil) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let metadata: Logger.Metadata = [
            "method": "\(request.method)", "path": "\(request.uri.path)", "status": "\(status)",
            "duration_ms": "\((milliseconds * 10).rounded() / 10)",
        ]
        let level: Logger.Level = error != nil || status >= 500 ? .error : .info
        logger.log(level: level, "\(request.method) \(request.uri.path) \(status)", error: error, metadata: metadata)
    }
}
