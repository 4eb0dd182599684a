import Foundation
import Testing

/// `kontor serve --log-level` and `$KONTOR_LOG_LEVEL` take swift-log's level names; anything else is refused
/// before the server starts.
struct ServeLogLevelTests {
    @Test func anUnknownLogLevelIsRefusedBeforeTheServerStarts() async throws {
        // 0.0.0.0 without a password would be refused too, so a level that slipped through cannot start a server
        // that never ends; the message tells the two refusals apart.
        let cli = try CLIRunner()
        let option = try await cli.run(["serve", "--host", "0.0.0.0", "--port", "0", "--log-level", "loud"])
        #expect(option.status == 1)
        #expect(option.stderr.contains("Unknown log level 'loud'"), "\(option.stderr)")
        let environment = try await cli.run(["serve", "--host", "0.0.0.0", "--port", "0"],
                                            environment: ["KONTOR_LOG_LEVEL": "chatty"])
        #expect(environment.status == 1)
        #expect(environment.stderr.contains("Unknown log level 'chatty'"), "\(environment.stderr)")
        // A known level gets past the check (and then meets the password rule).
        let known = try await cli.run(["serve", "--host", "0.0.0.0", "--port", "0", "--log-level", "DEBUG"])
        #expect(known.status == 1)
        #expect(known.stderr.contains("Refusing to listen on 0.0.0.0"), "\(known.stderr)")
    }
}
