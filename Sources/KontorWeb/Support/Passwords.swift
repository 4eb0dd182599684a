import HummingbirdBcrypt

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

    /// A hash to verify against when the user name is unknown, so that a wrong name takes as long as a
    /// wrong password.
    static let decoy = Bcrypt.hash("kontor-decoy-password", cost: 4)
}
