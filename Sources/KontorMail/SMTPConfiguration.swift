/// Where and how to submit mail: the server, its transport security and the account.
public struct SMTPConfiguration: Sendable, Equatable {
    /// How the connection is protected.
    public enum Security: String, Sendable, CaseIterable {
        /// TLS from the first byte (port 465, "SMTPS").
        case tls
        /// A plain connection upgraded with STARTTLS before anything else is said (port 587); refused if not offered.
        case startTLS = "starttls"
        /// No encryption: only sensible for a relay on this machine.
        case none
    }

    public var host: String
    public var port: Int
    public var security: Security
    /// The account for AUTH PLAIN/LOGIN; nil submits without authentication.
    public var username: String?
    public var password: String?
    /// A PEM certificate to trust in addition to the system's roots (a self-signed company server). Verification
    /// itself is never switched off.
    public var trustedCertificatePEM: String?
    /// The name this client greets with in EHLO.
    public var clientName: String
    /// Seconds to wait for a connection and for each reply.
    public var timeoutSeconds: Int64

    public init(
        host: String, port: Int, security: Security, username: String? = nil, password: String? = nil,
        trustedCertificatePEM: String? = nil, clientName: String = "localhost", timeoutSeconds: Int64 = 30
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.trustedCertificatePEM = trustedCertificatePEM
        self.clientName = clientName
        self.timeoutSeconds = timeoutSeconds
    }

    /// The usual port of each kind of security.
    public static func defaultPort(for security: Security) -> Int {
        switch security {
        case .tls: 465
        case .startTLS: 587
        case .none: 25
        }
    }

    /// Whether the host names this machine, so that a connection without TLS stays inside it.
    public var isLoopbackHost: Bool {
        ["localhost", "127.0.0.1", "::1"].contains(host.lowercased())
    }
}

/// The envelope of one submission: the return path and the recipients (To, Cc and Bcc alike).
public struct SMTPEnvelope: Sendable, Equatable {
    public var sender: String
    public var recipients: [String]

    public init(sender: String, recipients: [String]) {
        self.sender = sender
        self.recipients = recipients
    }
}

/// What the server said when it accepted the message, kept as evidence of delivery to the server.
public struct SMTPReceipt: Sendable, Equatable {
    /// The reply to the end of DATA, e.g. "250 2.0.0 Ok: queued as 4F2A".
    public let reply: SMTPReply

    public init(reply: SMTPReply) {
        self.reply = reply
    }
}
