import Foundation

/// Slows down password guessing: after `limit` failed logins for one account (any address) or from one
/// address (any account) within `window` seconds, further attempts are refused without checking the password
/// until the oldest failure has left the window. A correct password clears the account's and the address's
/// failures. Memory stays bounded: at most `maximumKeys` names and addresses are remembered, expired ones first.
final class LoginThrottle: @unchecked Sendable {
    private let lock = NSLock()
    private var failures: [String: [Date]] = [:]
    private let accountLimit: Int
    private let addressLimit: Int
    private let window: TimeInterval
    private let maximumKeys = 10_000
    private let now: @Sendable () -> Date

    init(accountLimit: Int = 5, addressLimit: Int = 20, window: TimeInterval = 15 * 60,
         now: @escaping @Sendable () -> Date = { Date() }) {
        self.accountLimit = accountLimit
        self.addressLimit = addressLimit
        self.window = window
        self.now = now
    }

    /// Seconds until the next attempt for `account` from `address` is allowed; nil when it is allowed now.
    func wait(account: String, address: String) -> TimeInterval? {
        lock.withLock {
            let time = now()
            let limits = [(key(account: account), accountLimit), (key(address: address), addressLimit)]
            let waits = limits.compactMap { entry -> TimeInterval? in
                let (key, limit) = entry
                let recent = (failures[key] ?? []).filter { time.timeIntervalSince($0) < window }
                guard recent.count >= limit, let oldest = recent.first else { return nil }
                return window - time.timeIntervalSince(oldest)
            }
            return waits.max()
        }
    }

    /// Counts a wrong password.
    func failed(account: String, address: String) {
        lock.withLock {
            let time = now()
            if failures.count >= maximumKeys { prune(at: time) }
            for key in [key(account: account), key(address: address)] {
                var recent = (failures[key] ?? []).filter { time.timeIntervalSince($0) < window }
                recent.append(time)
                // Only the last `limit` failures matter for the wait; older ones need no memory.
                failures[key] = Array(recent.suffix(max(accountLimit, addressLimit)))
            }
        }
    }

    /// A correct password: the account and the address start afresh.
    func succeeded(account: String, address: String) {
        lock.withLock {
            failures[key(account: account)] = nil
            failures[key(address: address)] = nil
        }
    }

    private func key(account: String) -> String { "account:" + account.lowercased() }
    private func key(address: String) -> String { "address:" + address }

    private func prune(at time: Date) {
        failures = failures.filter { $0.value.contains { time.timeIntervalSince($0) < window } }
        while failures.count >= maximumKeys,
              let oldest = failures.min(by: { ($0.value.last ?? time) < ($1.value.last ?? time) })
        {
            failures[oldest.key] = nil
        }
    }
}
