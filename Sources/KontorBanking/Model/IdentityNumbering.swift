/// The numbering of `assignIdentities`, carried over from one part of a statement to the next: a statement read in
/// chunks numbers its repeated bookings exactly as one read whole.
///
/// Its own table rather than a `[String: Int]`: a statement of 100,000 entries asks it once per entry, and a
/// dictionary's seeded hash of a short identity, and its rehashing while a streamed statement grows it from empty,
/// cost 7 % of reading such a file. Here each identity is hashed once (FNV-1a over its bytes from a basis drawn per
/// numbering, so a file cannot be made to collide on purpose), the hash is kept for growing, and slots hold indices.
struct IdentityNumbering {
    /// Each identity seen once, with its hash and how often it came.
    private var identities: [String] = []
    private var hashes: [UInt64] = []
    private var counts: [Int] = []
    /// Open addressing over `identities`: index + 1, 0 for a free slot; a power of two in size, at most half full.
    private var slots: [Int32]
    private let basis = UInt64.random(in: .min ... .max)

    init(expected: Int = 0) {
        var size = 1_024
        while size < 2 * expected { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        identities.reserveCapacity(expected)
        hashes.reserveCapacity(expected)
        counts.reserveCapacity(expected)
    }

    /// Numbers `entries`, which follow the entries numbered before in file order.
    mutating func assign(_ entries: inout [StatementEntry]) {
        for index in entries.indices {
            let base = entries[index].identity.isEmpty ? entries[index].baseIdentity : entries[index].identity
            let count = increment(base)
            // The first of an identity keeps the one it has (no write back of the same string).
            if count > 1 {
                entries[index].identity = "\(base)#\(count)"
            } else if entries[index].identity.isEmpty {
                entries[index].identity = base
            }
        }
    }

    /// Counts one more of `identity` and returns how many there were so far, this one included.
    private mutating func increment(_ identity: String) -> Int {
        var hash = basis
        FNV1a.combine(&hash, identity.utf8)
        var slot = self.slot(hash)
        while slots[slot] != 0 {
            let found = Int(slots[slot]) - 1
            if hashes[found] == hash && identities[found] == identity {
                counts[found] += 1
                return counts[found]
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        identities.append(identity)
        hashes.append(hash)
        counts.append(1)
        slots[slot] = Int32(identities.count)
        if 2 * identities.count > slots.count { grow() }
        return 1
    }

    /// The first slot to look at for `hash`: its high bits after a multiplication, which mixes all of them in.
    private func slot(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slots.count.trailingZeroBitCount))
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: 2 * slots.count)
        for (index, hash) in hashes.enumerated() {
            var slot = self.slot(hash)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(index + 1)
        }
    }
}
