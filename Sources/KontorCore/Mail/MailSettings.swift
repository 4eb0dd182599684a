import Foundation

/// How Kontor reaches the user's mail server and whom its mails come from. The password is not part of it: it
/// never goes into the book file (it comes from `KONTOR_SMTP_PASSWORD` or a file only the user can read).
public struct MailSettings: Sendable, Equatable {
    /// Transport security, as the SMTP client names it.
    public enum Security: String, NamedChoice {
        case tls, starttls, none
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var senderName: String
    public var senderAddress: String
    /// A copy of every mail to oneself, e.g. the own address, so the mail program's archive has it too.
    public var bcc: String?
    /// A PEM certificate trusted in addition to the system's (a self-signed server).
    public var trustedCertificatePEM: String?
    /// A file holding the password, checked to be readable by the user only.
    public var passwordFile: String?

    public init(
        host: String, port: Int? = nil, security: Security, username: String? = nil, senderName: String,
        senderAddress: String, bcc: String? = nil, trustedCertificatePEM: String? = nil, passwordFile: String? = nil
    ) throws(InputError) {
        let host = host.trimmingCharacters(in: .whitespaces)
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || $0.isNewline || $0 == "/" }) else {
            throw .invalid(what: .mailServer, rule: .hostName)
        }
        let port = port ?? Self.defaultPort(security)
        guard (1...65535).contains(port) else { throw .outOfRange(what: .port, value: "\(port)", range: 1...65535, unit: .none) }
        if security == .none, !["localhost", "127.0.0.1", "::1"].contains(host.lowercased()) {
            throw .invalid(what: .security, rule: .securityNoneOnlyLocal)
        }
        try SingleLineText.check(senderName, what: .senderName)
        try SingleLineText.check(username, what: .user)
        _ = try EmailAddress(senderAddress)
        try EmailAddress.check(bcc)
        self.host = host
        self.port = port
        self.security = security
        self.username = username.flatMap { $0.isEmpty ? nil : $0 }
        self.senderName = senderName
        self.senderAddress = senderAddress
        self.bcc = bcc
        self.trustedCertificatePEM = trustedCertificatePEM
        self.passwordFile = passwordFile
    }

    public static func defaultPort(_ security: Security) -> Int {
        switch security {
        case .tls: 465
        case .starttls: 587
        case .none: 25
        }
    }

}
