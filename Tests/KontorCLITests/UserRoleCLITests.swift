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

    @Test func aWritersWeekAndVacationPlanTheJobsGivenToHer() async throws {
        let cli = try CLIRunner()
        try await cli.setUpBusiness()
        let book = try cli.book()
        _ = try await book.setPassword(user: "anna", password: "richtig-geheim", role: .writer, on: Day("2026-03-02")!) {
            "hashed:\($0)"
        }
        let job = try await cli.json(["job", "add", "--customer", "1", "--title", "Jahresbericht", "--effort", "8"])
            .object()
        let id = "\(job["id"]!)"
        // Her own week and a vacation, then the job is hers
        let week = try await cli.ok([
            "user", "set-capacity", "--name", "anna", "--hours", "4,4,4,4,4,0,0", "--vacation", "2026-03-02..2026-03-06",
        ])
        #expect(week.stdout.contains("Writing hours of 'anna' Mon–Sun: 4, 4, 4, 4, 4, 0, 0; vacations: 2 Mar 2026"),
                "\(week.stdout)")
        let assigned = try await cli.ok(["job", "assign", id, "--writer", "anna"])
        #expect(assigned.stdout.contains("is anna's now"))
        // The agenda plans it after her vacation, four hours a day, and names her
        let agenda = try await cli.ok(["agenda"])
        #expect(agenda.stdout.contains("written by anna"), "\(agenda.stdout)")
        let days = try await cli.json(["agenda"]).object()["days"] as? [[String: Any]] ?? []
        #expect(days.compactMap { $0["day"] as? String } == ["2026-03-09", "2026-03-10"])
        // An unknown writer, or both choices at once, are refused
        let unknown = try await cli.run(["job", "assign", id, "--writer", "nobody"])
        #expect(unknown.status == 1, "\(unknown.stderr)")
        let both = try await cli.run(["job", "assign", id, "--writer", "anna", "--nobody"])
        #expect(both.status == 64, "\(both.stderr)")
        let back = try await cli.ok(["job", "assign", id, "--nobody"])
        #expect(back.stdout.contains("the book's own work again"))
    }
}
