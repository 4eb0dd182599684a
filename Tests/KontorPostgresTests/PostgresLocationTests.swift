import Foundation
import KontorCore
import KontorPostgresStore
import Testing

@Suite struct PostgresLocationTests {
    @Test func parsesUserHostPortAndDatabase() throws {
        let location = try PostgresLocation(url: "postgres://kontor@db.example.org:6543/agentur")
        #expect(location == PostgresLocation(user: "kontor", host: "db.example.org", port: 6543, database: "agentur"))
        #expect(location.description == "postgres://kontor@db.example.org:6543/agentur")
    }

    @Test func acceptsPostgresqlSchemeAndDefaultsThePort() throws {
        let location = try PostgresLocation(url: "postgresql://writer@localhost/book")
        #expect(location == PostgresLocation(user: "writer", host: "localhost", port: 5432, database: "book"))
    }

    @Test func readsIPv6HostsAndPercentEncodedNames() throws {
        let location = try PostgresLocation(url: "postgres://b%C3%BCro@[::1]:5433/buch%20eins")
        #expect(location == PostgresLocation(user: "büro", host: "::1", port: 5433, database: "buch eins"))
        #expect(location.description == "postgres://büro@[::1]:5433/buch eins")
    }

    @Test func refusesAPasswordInTheURLAndSaysWhereItGoes() {
        #expect(throws: PostgresLocationError.passwordInURL) {
            _ = try PostgresLocation(url: "postgres://kontor:geheim@localhost/book")
        }
        let error = PostgresLocationError.passwordInURL
        #expect(error.message(.de).contains("KONTOR_DATABASE_PASSWORD_FILE"))
        #expect(error.message(.de).contains("Passwort"))
        #expect(error.message(.en).contains("KONTOR_DATABASE_PASSWORD"))
        #expect(!error.message(.en).contains("geheim"))
    }

    @Test(arguments: [
        ("mysql://kontor@localhost/book", PostgresLocationError.notPostgresURL("mysql://kontor@localhost/book")),
        ("postgres://localhost/book", .missingUser("postgres://localhost/book")),
        ("postgres://kontor@localhost", .missingDatabase("postgres://kontor@localhost")),
        ("postgres://kontor@localhost/", .missingDatabase("postgres://kontor@localhost/")),
        ("postgres://kontor@:5432/book", .badHost("postgres://kontor@:5432/book")),
        ("postgres://kontor@localhost:0/book", .badPort("0")),
        ("postgres://kontor@localhost:http/book", .badPort("http")),
        (
            "postgres://kontor@localhost/book?sslmode=require",
            .unsupportedParameters("postgres://kontor@localhost/book?sslmode=require")
        ),
    ])
    func refusesMalformedURLs(url: String, expected: PostgresLocationError) {
        #expect(throws: expected) { _ = try PostgresLocation(url: url) }
    }

    @Test(arguments: [
        "postgres://kontor:geheim@localhost",  // no database: refused before the password is seen
        "postgres://kontor:geheim@localhost/book?sslmode=require",
        "postgresql:/kontor:geheim@localhost/book",  // not a URL Kontor reads
        "postgres://kontor:geheim@:5432/book",
    ])
    func aPasswordInAMalformedURLIsNeverRepeated(url: String) {
        do {
            _ = try PostgresLocation(url: url)
            Issue.record("\(url) was accepted")
        } catch {
            for language in [Language.de, .en] {
                #expect(!error.message(language).contains("geheim"), "\(error.message(language))")
            }
            #expect(!error.description.contains("geheim"))
        }
    }

    @Test func passwordComesFromTheVariableFirst() throws {
        let file = try passwordFile(mode: 0o600, contents: "aus-der-datei\n")
        defer { try? FileManager.default.removeItem(atPath: file) }
        let environment = ["KONTOR_DATABASE_PASSWORD": "aus-der-variable", "KONTOR_DATABASE_PASSWORD_FILE": file]
        #expect(try PostgresLocation.password(environment: environment) == "aus-der-variable")
        #expect(try PostgresLocation.password(environment: [:]) == nil)
    }

    @Test(arguments: [0o600, 0o400])
    func passwordFileOwnerOnlyIsRead(mode: Int) throws {
        let file = try passwordFile(mode: mode, contents: "s3cret\nsecond line is ignored\n")
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(try PostgresLocation.password(environment: ["KONTOR_DATABASE_PASSWORD_FILE": file]) == "s3cret")
    }

    @Test(arguments: [0o640, 0o604, 0o644, 0o660, 0o602])
    func passwordFileOpenToOthersIsRefused(mode: Int) throws {
        let file = try passwordFile(mode: mode, contents: "s3cret\n")
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(throws: PostgresLocationError.passwordFileOpen(path: file, mode: mode)) {
            try PostgresLocation.password(environment: ["KONTOR_DATABASE_PASSWORD_FILE": file])
        }
        let error = PostgresLocationError.passwordFileOpen(path: file, mode: mode)
        #expect(error.message(.de).contains("chmod 600 \(file)"))
        #expect(error.message(.de).contains("für andere lesbar"))
        #expect(error.message(.en).contains("mode \(String(mode, radix: 8))"))
    }

    @Test func missingOrEmptyPasswordFileIsAnError() throws {
        let missing = "/tmp/kontor-no-such-password-\(UUID().uuidString)"
        #expect(throws: PostgresLocationError.self) {
            try PostgresLocation.password(environment: ["KONTOR_DATABASE_PASSWORD_FILE": missing])
        }
        let empty = try passwordFile(mode: 0o600, contents: "\n")
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(throws: PostgresLocationError.passwordFileUnreadable(path: empty, reason: "empty")) {
            try PostgresLocation.password(environment: ["KONTOR_DATABASE_PASSWORD_FILE": empty])
        }
    }

    private func passwordFile(mode: Int, contents: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-pw-\(UUID().uuidString)").path
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }
}
