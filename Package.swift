// swift-tools-version: 6.2
import PackageDescription

/// The settings Hummingbird enables; see STYLE.md.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Kontor",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kontor", targets: ["kontor"]),
        .executable(name: "kontor-bench", targets: ["kontor-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .target(name: "KontorCore", swiftSettings: strictSettings),
        .target(name: "KontorQR", swiftSettings: strictSettings),
        .target(
            name: "KontorMail",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSettings),
        // Reading received mail: Foundation only, so the app and the fuzzer need no networking to import mail.
        .target(name: "KontorMailReader", swiftSettings: strictSettings),
        .target(name: "KontorPDF", resources: [.copy("Fonts")], swiftSettings: strictSettings),
        .target(
            name: "KontorDocuments",
            dependencies: [
                "KontorCore", "KontorPDF", "KontorQR", "KontorEInvoice",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strictSettings),
        .target(name: "KontorEInvoice", dependencies: ["KontorCore", "KontorPDF"], swiftSettings: strictSettings),
        .target(
            name: "KontorBanking",
            dependencies: ["KontorCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strictSettings),
        .target(
            name: "KontorApp",
            dependencies: [
                "KontorCore", "KontorDocuments", "KontorBanking", "KontorEInvoice", "KontorMailReader",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings),
        .target(
            name: "KontorStore",
            dependencies: [
                "KontorCore", "KontorApp", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's own binding functions, for the bulk paths of a statement import where GRDB's arguments
                // cost more than SQLite's work with them (`SQLiteBinding`).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings),
        // The PostgreSQL store for agencies (issue 17): the location, the transaction runner with retry on
        // serialization failures, the schema with its evidence triggers and the `BookStore`; see docs/ARCHITECTURE.md.
        .target(
            name: "KontorPostgresStore",
            dependencies: [
                "KontorCore", "KontorApp", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: strictSettings),
        // The store contract as code: the in-memory `BookStore` and the rules every store must keep (Swift
        // Testing), run by KontorContractTests against each store. No database library.
        .target(name: "KontorTesting", dependencies: ["KontorCore", "KontorApp"], swiftSettings: strictSettings),
        .target(
            name: "KontorWeb",
            dependencies: [
                "KontorCore", "KontorApp", "KontorDocuments",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            resources: [.copy("Templates"), .copy("Static")],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "kontor",
            dependencies: [
                "KontorCore", "KontorDocuments", "KontorEInvoice", "KontorBanking", "KontorApp", "KontorStore", "KontorWeb",
                "KontorMail", "KontorPostgresStore", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: strictSettings),
        // Replays files through every parser; built by scripts/fuzz.sh with libFuzzer (see docs/ARCHITECTURE.md).
        .executableTarget(
            name: "kontor-fuzz",
            dependencies: ["KontorCore", "KontorBanking", "KontorEInvoice", "KontorPDF", "KontorDocuments", "KontorMailReader"],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "kontor-bench",
            dependencies: [
                "KontorCore", "KontorDocuments", "KontorApp", "KontorStore", "KontorBanking", "KontorQR", "KontorWeb",
                "KontorPostgresStore", .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "KontorCoreTests",
            dependencies: ["KontorCore", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: strictSettings),
        .testTarget(
            name: "KontorLawTests", dependencies: ["KontorCore", "KontorTestTools"], swiftSettings: strictSettings),
        .testTarget(
            name: "KontorBankingTests",
            dependencies: [
                "KontorBanking", "KontorCore", "KontorTestTools",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "KontorEInvoiceTests", dependencies: ["KontorEInvoice", "KontorCore", "KontorPDF", "KontorTestTools"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "KontorMatchingTests", dependencies: ["KontorBanking", "KontorCore", "KontorTestTools"],
            swiftSettings: strictSettings),
        .testTarget(name: "KontorQRTests", dependencies: ["KontorQR", "KontorTestTools"], swiftSettings: strictSettings),
        .testTarget(
            name: "KontorMailTests",
            dependencies: [
                "KontorMail", "KontorMailReader", "KontorTestTools", .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings),
        // Shared by the test targets: the subprocess runner, the seeded generator, PDF tools, a test SMTP server.
        // Foundation and Testing only, so any test target can depend on it without pulling in the app.
        .target(
            name: "KontorTestTools", path: "Tests/KontorTestTools", resources: [.copy("Server")],
            swiftSettings: strictSettings),
        .testTarget(name: "KontorPDFTests", dependencies: ["KontorPDF", "KontorTestTools"], swiftSettings: strictSettings),
        .testTarget(
            name: "KontorDocumentsTests", dependencies: ["KontorDocuments", "KontorCore", "KontorQR", "KontorTestTools"],
            // The CII golden files are read in place (`CIIGoldenTests`), not bundled.
            exclude: ["Golden"], swiftSettings: strictSettings),
        .testTarget(
            name: "KontorStoreTests",
            dependencies: [
                "KontorCore", "KontorApp", "KontorBanking", "KontorStore", "KontorMailReader", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        // Starts its own PostgreSQL server (initdb + postgres on 127.0.0.1) from Debian's postgresql package.
        .testTarget(
            name: "KontorPostgresTests",
            dependencies: [
                "KontorPostgresStore", "KontorApp", "KontorCore", "KontorStore", "KontorTestTools",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "KontorContractTests",
            dependencies: [
                "KontorTesting", "KontorApp", "KontorCore", "KontorStore", "KontorPostgresStore", "KontorTestTools",
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "KontorBenchTests", dependencies: ["kontor-bench", "KontorCore", "KontorDocuments", "KontorQR"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "KontorCLITests", dependencies: ["kontor", "KontorApp", "KontorCore", "KontorStore", "KontorTestTools", "KontorWeb"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "KontorWebTests",
            dependencies: [
                "KontorWeb", "KontorApp", "KontorCore", "KontorStore", "KontorPostgresStore", "KontorTestTools",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
