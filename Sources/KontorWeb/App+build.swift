public import Hummingbird
import Foundation
import KontorApp
import KontorCore

/// Builds the web application: checks that it may listen where it is told to, loads the templates once and
/// mounts one controller per area.
/// - Throws: `ServeError.passwordRequired` when it would listen beyond this machine without a password;
///   `Views.MissingTemplate` when the resources are incomplete.
public func buildApplication(
    _ configuration: WebConfiguration, onServerRunning: @escaping @Sendable () async -> Void = {}
) async throws -> some ApplicationProtocol {
    let sender = configuration.mailTransport.map { transport in
        MailSenderService(
            kontor: configuration.kontor, interval: configuration.mailInterval, transport: transport,
            logger: configuration.logger)
    }
    let router = try await buildRouter(configuration, mailSender: sender)
    return Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: .seconds(Int64(configuration.idleTimeout)))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Kontor"),
        services: sender.map { [$0] } ?? [],
        onServerRunning: { _ in await onServerRunning() },
        logger: configuration.logger)
}

/// Runs the web app until SIGINT or SIGTERM (what `kontor serve` calls).
public enum WebServer {
    /// Builds and runs the app; `onServerRunning` is called once the port is open.
    public static func run(
        _ configuration: WebConfiguration, onServerRunning: @escaping @Sendable () async -> Void = {}
    ) async throws {
        let app = try await buildApplication(configuration, onServerRunning: onServerRunning)
        try await app.runService()
    }
}

/// The router with every route of the app (also what the router tests drive).
public func buildRouter(
    _ configuration: WebConfiguration, mailSender: MailSenderService? = nil
) async throws -> Router<AppRequestContext> {
    let kontor = configuration.kontor
    if configuration.requiresLogin, !(try await kontor.hasWebUsers()) {
        throw ServeError.passwordRequired(host: configuration.host)
    }
    let services = AppServices(
        kontor: kontor, views: try await Views.load(),
        sessions: SessionStore(
            kontor: kontor, lifetime: configuration.sessionLifetime, persistent: configuration.requiresLogin),
        today: configuration.today, requiresLogin: configuration.requiresLogin, bcryptCost: configuration.bcryptCost,
        secureCookies: configuration.secureCookies, trustedProxies: Set(configuration.trustedProxies),
        hosts: HostPolicy(host: configuration.host, allowed: configuration.allowedHosts),
        throttle: LoginThrottle(), decoy: DecoyHash(cost: configuration.bcryptCost), mailSender: mailSender,
        logger: configuration.logger)
    let router = Router(context: AppRequestContext.self)
    router.addMiddleware {
        RequestLogMiddleware(logger: configuration.logger)
        SessionMiddleware(services: services)
        ErrorMiddleware(services: services)
    }
    router.addRoutes(try StaticController.load().endpoints, atPath: "/static")
    router.addRoutes(AccountController(services: services).endpoints)
    router.addRoutes(TodayController(services: services).endpoints)
    router.addRoutes(InquiryController(services: services).endpoints, atPath: "/inquiries")
    router.addRoutes(CustomerController(services: services).endpoints, atPath: "/customers")
    router.addRoutes(QuoteController(services: services).endpoints, atPath: "/quotes")
    router.addRoutes(JobController(services: services).endpoints, atPath: "/jobs")
    router.addRoutes(AgendaController(services: services).endpoints)
    router.addRoutes(DraftController(services: services).endpoints)
    router.addRoutes(InvoiceController(services: services).endpoints, atPath: "/invoices")
    router.addRoutes(ReceivedInvoiceController(services: services).endpoints, atPath: "/received-invoices")
    router.addRoutes(MailImportController(services: services).endpoints, atPath: "/mail")
    router.addRoutes(DunningController(services: services).endpoints, atPath: "/dunning")
    router.addRoutes(CalculatorController(services: services).endpoints, atPath: "/dunning/calculator")
    router.addRoutes(PaymentController(services: services).endpoints, atPath: "/payments")
    router.addRoutes(ReportController(services: services).endpoints, atPath: "/reports")
    router.addRoutes(SettingsController(services: services).endpoints, atPath: "/settings")
    router.addRoutes(UserController(services: services).endpoints, atPath: "/settings/users")
    router.addRoutes(OwnWeekController(services: services).endpoints, atPath: "/settings/week")
    router.addRoutes(MailController(services: services).endpoints, atPath: "/mail")
    return router
}
