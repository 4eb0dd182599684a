/// An append-only sequence of bits, most significant bit first, packed straight into bytes
/// so the data codewords need no separate bit-to-byte conversion.
struct BitBuffer {
    private(set) var bytes: [UInt8]
    private(set) var bitCount = 0

    init(capacityInBytes: Int) {
        bytes = []
        bytes.reserveCapacity(capacityInBytes)
    }

    /// Appends the lowest `count` bits of `value`, highest of those first.
    mutating func append(_ value: Int, bitCount count: Int) {
        precondition(count >= 0 && count <= 32 && (count == 32 || value >> count == 0),
                     "value does not fit in \(count) bits")
        for shift in stride(from: count - 1, through: 0, by: -1) {
            if bitCount & 7 == 0 {
                bytes.append(0)
            }
            if (value >> shift) & 1 != 0 {
                bytes[bytes.count - 1] |= 0x80 >> UInt8(bitCount & 7)
            }
            bitCount += 1
        }
    }

    /// Appends whole bytes; fast path for the payload, which always starts mid-byte
    /// after the 4-bit mode indicator.
    mutating func append(bytes payload: [UInt8]) {
        let offset = bitCount & 7
        if offset == 0 {
            bytes.append(contentsOf: payload)
        } else {
            for byte in payload {
                bytes[bytes.count - 1] |= byte >> UInt8(offset)
                bytes.append(byte << UInt8(8 - offset))
            }
        }
        bitCount += payload.count * 8
    }
}
