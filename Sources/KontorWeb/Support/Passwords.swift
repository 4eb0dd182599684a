import HummingbirdBcrypt
import NIOPosix

/// Password hashing for web users (bcrypt, from hummingbird-auth).
public enum WebPasswords {
    /// The bcrypt hash of `password`; cost 12 unless told otherwise.
    public static func hash(_ password: String, cost: UInt8 = 12) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` matches `hash`.
    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// Checks a password on NIO's blocking thread pool: bcrypt takes a quarter of a second on purpose, and on
    /// the event loop or Swift's cooperative pool it would stall every other page while it runs.
    static func verifyOffLoop(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}

/// A hash to verify against when the user name is unknown, made with the same cost as real passwords, so that
/// a wrong name takes as long as a wrong password (no finding out user names by timing).
struct DecoyHash: Sendable {
    let hash: String

    init(cost: UInt8) {
        var generator = SystemRandomNumberGenerator()
        hash = Bcrypt.hash("decoy-\(generator.next())", cost: cost)
    }
}
