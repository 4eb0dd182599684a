/// Arithmetic in GF(2^8) with the QR code reducing polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D).
///
/// Multiplication goes through logarithm tables; the exponent table is doubled in length so
/// `exp[log a + log b]` never needs a modulo in the hot Reed–Solomon loop.
enum GaloisField {
    static let reducingPolynomial = 0x11D

    /// `exp[i] = α^i` for `i` in 0..<510, with α = 2.
    static let exp: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 510)
        var value = 1
        for index in 0..<255 {
            table[index] = UInt8(value)
            table[index + 255] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 {
                value ^= reducingPolynomial
            }
        }
        return table
    }()

    /// `log[a]` for `a` in 1...255; `log[0]` is undefined and stored as 0, callers must skip zero.
    static let log: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for index in 0..<255 {
            table[Int(exp[index])] = UInt8(index)
        }
        return table
    }()

    static func multiply(_ lhs: UInt8, _ rhs: UInt8) -> UInt8 {
        if lhs == 0 || rhs == 0 {
            return 0
        }
        return exp[Int(log[Int(lhs)]) + Int(log[Int(rhs)])]
    }
}
