import Testing

/// The exit codes the README lists: 1 for a mistake the message explains, 64 for a command line that is wrong.
struct ExitCodeTests {
    @Test func aUserErrorExitsOneAndAUsageErrorSixtyFour() async throws {
        let cli = try CLIRunner()
        try await cli.ok(["init", "--name", "Lena Berg"])
        let missing = try await cli.run(["customer", "show", "999"])
        #expect(missing.status == 1 && missing.stderr.contains("There is no customer '999'"), "\(missing.stderr)")
        let unknownCommand = try await cli.run(["customer", "shwo"], useDatabase: false)
        #expect(unknownCommand.status == 64 && unknownCommand.stderr.contains("shwo"), "\(unknownCommand.stderr)")
        let unknownOption = try await cli.run(["customer", "list", "--colour"])
        #expect(unknownOption.status == 64, "\(unknownOption.stderr)")
        let help = try await cli.run(["customer", "--help"])
        #expect(help.status == 0 && help.stdout.contains("SUBCOMMANDS"))
    }
}
