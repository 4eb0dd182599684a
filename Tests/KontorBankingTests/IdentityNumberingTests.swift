import KontorCore
import KontorTestTools
import Testing

@testable import KontorBanking

/// `IdentityNumbering`'s own hash table against a dictionary: the same numbers for repeated identities, however
/// the entries are split into chunks and however far the table grows.
struct IdentityNumberingTests {
    /// Entries with bank references drawn from a small pool (so that many repeat) and a few without.
    private static func entries(count: Int, pool: Int, seed: UInt64) throws -> [StatementEntry] {
        var generator = SeededGenerator(seed: seed)
        let day = try #require(Day("2027-01-04"))
        return (0..<count).map { _ in
            let draw = Int(generator.next() % UInt64(pool))
            // Every 17th has no reference: its identity is the hash of its content, also repeated.
            let reference = draw % 17 == 0 ? nil : "REF-\(draw)"
            return StatementEntry(
                bookingDate: day, amount: Money(cents: Int64(draw % 5)), direction: .credit, currency: "EUR",
                remittanceText: "Rechnung \(draw % 5)", bankReference: reference)
        }
    }

    /// What the numbering must give: the n-th occurrence of an identity gets `#n` from the second on.
    private static func expected(_ entries: [StatementEntry]) -> [String] {
        var seen: [String: Int] = [:]
        return entries.map { entry in
            let base = entry.baseIdentity
            seen[base, default: 0] += 1
            let count = seen[base]!
            return count > 1 ? "\(base)#\(count)" : base
        }
    }

    @Test(arguments: [(count: 5_000, pool: 1_500), (count: 20_000, pool: 19_000), (count: 3, pool: 1)])
    func chunksAreNumberedAsTheWholeList(count: Int, pool: Int) throws {
        let entries = try Self.entries(count: count, pool: pool, seed: UInt64(count))
        let expected = Self.expected(entries)

        var whole = entries
        whole.assignIdentities()
        #expect(whole.map(\.identity) == expected)

        // Chunks of uneven sizes through one numbering that starts small and grows many times.
        var numbering = IdentityNumbering()
        var numbered: [String] = []
        var start = 0
        var size = 1
        while start < entries.count {
            var chunk = Array(entries[start..<min(start + size, entries.count)])
            numbering.assign(&chunk)
            numbered += chunk.map(\.identity)
            start += size
            size = size * 3 + 1
        }
        #expect(numbered == expected)
        #expect(Set(numbered).count == numbered.count)
    }
}
