public import Foundation
import Testing

/// A real SMTP server (aiosmtpd, `Server/smtp-server.py`) on 127.0.0.1 for one test, with the messages it accepted
/// readable from its spool. A missing Python module is a failure, not a skip: CI installs `python3-aiosmtpd`.
public final class TestSMTPServer {
    public struct Delivery {
        public let message: String
        public let sender: String
        public let recipients: [String]
        public let mailOptions: [String]
        public let tls: Bool
        public let authenticated: Bool
    }

    public let port: Int
    public let spool: URL
    private let process: Process

    public init(_ flags: [String] = []) throws {
        spool = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-smtp-\(UUID().uuidString)")
        let script = try #require(Bundle.module.url(forResource: "smtp-server", withExtension: "py", subdirectory: "Server"))
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [script.path, "--spool", spool.path] + flags
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The server prints "PORT n" once it listens; reading the first line waits for exactly that.
        var line: [UInt8] = []
        while let byte = try output.fileHandleForReading.read(upToCount: 1)?.first, byte != 10 { line.append(byte) }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)) else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw ServerDidNotStart(python: Self.python)
        }
        self.port = port
    }

    deinit {
        // SIGKILL: a child of Foundation's Process may start with SIGTERM blocked, and nothing here needs a goodbye.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: spool)
    }

    /// Every message the server accepted, in order.
    public func deliveries() throws -> [Delivery] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: spool.path)) ?? []
        return try names.filter { $0.hasSuffix(".eml") }.sorted().map { name in
            let base = spool.appendingPathComponent(String(name.dropLast(4)))
            let message = try String(contentsOf: base.appendingPathExtension("eml"), encoding: .utf8)
            let envelope = try JSONSerialization.jsonObject(with: Data(contentsOf: base.appendingPathExtension("json")))
            let fields = try #require(envelope as? [String: Any])
            return Delivery(
                message: message, sender: fields["from"] as? String ?? "", recipients: fields["to"] as? [String] ?? [],
                mailOptions: fields["mail_options"] as? [String] ?? [], tls: fields["tls"] as? Bool ?? false,
                authenticated: fields["auth"] as? Bool ?? false)
        }
    }

    /// Debian's Python, which has `python3-aiosmtpd`; `KONTOR_SMTP_PYTHON` names another one.
    public static var python: String {
        ProcessInfo.processInfo.environment["KONTOR_SMTP_PYTHON"] ?? "/usr/bin/python3"
    }

    struct ServerDidNotStart: Error, CustomStringConvertible {
        let python: String
        var description: String {
            "the test SMTP server did not start: install it with `apt-get install -y python3-aiosmtpd` (\(python))"
        }
    }
}

/// A self-signed certificate for `localhost`, made once per test run with the `openssl` command.
public enum TestCertificate {
    public struct Files: Sendable {
        public let certificate: String
        public let key: String
        public let pem: String
    }

    public static let localhost: Files = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kontor-smtp-cert-\(getpid())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificate = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        _ = try? Subprocess.run("/usr/bin/openssl", [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "2",
            "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
        ])
        let pem = (try? String(contentsOfFile: certificate, encoding: .utf8)) ?? ""
        return Files(certificate: certificate, key: key, pem: pem)
    }()

    public static var serverFlags: [String] { ["--cert", localhost.certificate, "--key", localhost.key] }
}

extension TestSMTPServer {
    /// A port nothing listens on (bound, read, released).
    public static func unusedPort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                guard bind(socket, raw, length) == 0, getsockname(socket, raw, &length) == 0 else {
                    throw CocoaError(.featureUnsupported)
                }
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
