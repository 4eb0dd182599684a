import Foundation
import KontorApp
import KontorCore
import Testing

/// `kontor user set-role` and `kontor user list`: the owner at the machine gives roles; the last owner stays one.
struct UserRoleCLITests {
    @Test func rolesAreSetListedAndTheLastOwnerIsKept() async throws {
        // Given an owner and a writer
        let cli = try CLIRunner()
        let book = try cli.book()
        let day = Day("2026-03-02")!
        _ = try await book.setPassword(user: "ines", password: "richtig-geheim", on: day) { "hashed:\($0)" }
        _ = try await book.setPassword(user: "anna", password: "richtig-geheim", on: day) { "hashed:\($0)" }
        // When the writer becomes an assistant
        let changed = try await cli.ok(["user", "set-role", "--name", "anna", "--role", "assistant"])
        #expect(changed.stdout.contains("'anna' is now assistant"))
        // Then the list says so
        let users = try await cli.json(["user", "list"]).array()
        #expect(users.map { "\($0["name"] ?? ""):\($0["role"] ?? "")" } == ["anna:assistant", "ines:owner"])
        // The only owner cannot step down, and an unknown role is named as such
        let demoted = try await cli.run(["user", "set-role", "--name", "ines", "--role", "writer"])
        #expect(demoted.status == 1 && demoted.stderr.contains("'ines' is the only owner"), "\(demoted.stderr)")
        let unknown = try await cli.run(["user", "set-role", "--name", "anna", "--role", "admin"])
        #expect(unknown.status == 1 && unknown.stderr.contains("owner, writer, assistant"), "\(unknown.stderr)")
        #expect(try await book.webUser(name: "ines")?.role == .owner)
    }
}
