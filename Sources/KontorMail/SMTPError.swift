/// Everything that can go wrong while handing a message to an SMTP server, typed so that a caller can decide
/// whether to try again later (``isTemporary``), to fix the settings, or to give up on the message.
public enum SMTPError: Error, Sendable, Equatable {
    /// The stage of the conversation a failure happened in.
    public enum Stage: String, Sendable {
        case connect, greeting, hello, startTLS, authentication, sender, recipient, data, message, quit
    }

    /// No connection could be opened (refused, unknown host, unreachable).
    case connectionFailed(host: String, port: Int, reason: String)
    /// The server did not answer in time.
    case timedOut(Stage)
    /// The connection closed before the server's answer; nothing was accepted.
    case connectionClosed(Stage)
    /// The whole message was sent but the connection broke before the server's answer: it may have been delivered.
    /// Sending it again could deliver it twice, so this is neither a success nor a retryable failure.
    case outcomeUnknown
    /// TLS could not be set up, e.g. an untrusted, expired or self-signed certificate, or a wrong host name.
    case tlsFailed(reason: String)
    /// The configuration asks for STARTTLS but the server does not offer it.
    case startTLSNotOffered
    /// A user name is configured but the server offers neither AUTH PLAIN nor AUTH LOGIN.
    case authenticationNotOffered
    /// The configuration would send a password without encryption to a host that is not this machine.
    case passwordWithoutEncryption
    /// The server refused the user name or password.
    case authenticationFailed(SMTPReply)
    /// The server answered with an error code at this stage.
    case rejected(SMTPReply, Stage)
    /// An address contains characters that cannot appear in an SMTP command (CR, LF, `<`, `>`, spaces) or is empty.
    case invalidAddress(String)
    /// Non-ASCII addresses, but the server does not offer SMTPUTF8.
    case internationalAddressesNotSupported
    /// The message has 8-bit bytes but the server offers neither 8BITMIME nor SMTPUTF8.
    case eightBitNotSupported
    /// The message is larger than the server's announced SIZE limit.
    case messageTooLarge(limit: Int)
    /// A reply line that is not SMTP.
    case malformedReply(String)

    /// Whether sending the same message later may succeed without changing anything.
    public var isTemporary: Bool {
        switch self {
        case .connectionFailed, .timedOut, .connectionClosed: true
        case .rejected(let reply, _): reply.isTemporary
        case .outcomeUnknown, .tlsFailed, .startTLSNotOffered, .authenticationNotOffered, .passwordWithoutEncryption,
            .authenticationFailed, .invalidAddress, .internationalAddressesNotSupported, .eightBitNotSupported,
            .messageTooLarge, .malformedReply:
            false
        }
    }
}
