import HTTPTypes
import Hummingbird
import Logging

extension HTTPField.Name {
    /// The id of a request, as proxies and log tools know it.
    static let requestID = HTTPField.Name("X-Request-Id")!
}

/// Logs every request once it is answered: method, path, status and how long it took, so that a slow page or a
/// failing route shows up in the server's log; with the app's context also a request id (sent to the browser as
/// `X-Request-Id`, so a person can name the request that failed) and the signed-in user, for a server that runs
/// unattended and is read by someone else. The path is logged without its query, which may carry tokens or what
/// a user typed into a search.
///
/// It is the outermost middleware, so the status is the one the browser gets (also for refusals of the session
/// middleware). An error that no inner middleware turned into a page is logged with its cause and passed on.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        let trace = (context as? any TracedRequestContext)?.trace
        do {
            var response = try await next(request, context)
            if let trace { response.headers[.requestID] = trace.id }
            log(request, status: response.status.code, since: start, trace: trace)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(request, status: status, since: start, trace: trace, error: error)
            throw error
        }
    }

    private func log(
        _ request: Request, status: Int, since start: ContinuousClock.Instant, trace: RequestTrace?,
        error: (any Error)? = nil
    ) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        var metadata: Logger.Metadata = [
            "method": "\(request.method)", "path": "\(request.uri.path)", "status": "\(status)",
            "duration_ms": "\((milliseconds * 10).rounded() / 10)",
        ]
        if let trace {
            metadata["request_id"] = "\(trace.id)"
            if let user = trace.user { metadata["user"] = "\(user)" }
        }
        let level: Logger.Level = error != nil || status >= 500 ? .error : .info
        logger.log(level: level, "\(request.method) \(request.uri.path) \(status)", error: error, metadata: metadata)
    }
}
