/// Reed–Solomon error correction codewords as QR codes define them (ISO/IEC 18004, 7.5.2).
enum ReedSolomon {
    /// Generator polynomials ∏(x − α^i), i in 0..<degree, for every degree up to 30 (the largest
    /// a QR code uses). Coefficients are stored as logarithms, highest power first, without the
    /// leading 1, because the encoder only ever multiplies by them.
    static let generatorLogs: [[UInt8]] = (0...30).map { degree in
        generatorPolynomial(degree: degree).dropFirst().map { GaloisField.log[Int($0)] }
    }

    /// The generator polynomial of `degree`, highest power first, leading coefficient 1.
    static func generatorPolynomial(degree: Int) -> [UInt8] {
        var coefficients: [UInt8] = [1]
        for root in 0..<degree {
            // Multiply by (x − α^root); subtraction is XOR in GF(2^8).
            let factor = GaloisField.exp[root]
            var next = coefficients + [0]
            for index in 0..<coefficients.count {
                next[index + 1] ^= GaloisField.multiply(coefficients[index], factor)
            }
            coefficients = next
        }
        return coefficients
    }

    /// The `ecCount` error correction codewords for `data`: the remainder of
    /// data(x) · x^ecCount divided by the generator polynomial.
    static func errorCorrection(for data: ArraySlice<UInt8>, ecCount: Int) -> [UInt8] {
        precondition(ecCount >= 1 && ecCount < generatorLogs.count, "unsupported error correction length")
        var remainder = [UInt8](repeating: 0, count: ecCount)
        let generator = generatorLogs[ecCount]
        let last = ecCount - 1
        GaloisField.exp.withUnsafeBufferPointer { exp in
            GaloisField.log.withUnsafeBufferPointer { log in
                generator.withUnsafeBufferPointer { gen in
                    remainder.withUnsafeMutableBufferPointer { rem in
                        // Long division one data byte at a time: shift the remainder by one
                        // place and subtract factor · generator in the same pass.
                        for byte in data {
                            let factor = byte ^ rem[0]
                            if factor == 0 {
                                for index in 0..<last {
                                    rem[index] = rem[index + 1]
                                }
                                rem[last] = 0
                            } else {
                                let factorLog = Int(log[Int(factor)])
                                for index in 0..<last {
                                    rem[index] = rem[index + 1] ^ exp[factorLog + Int(gen[index])]
                                }
                                rem[last] = exp[factorLog + Int(gen[last])]
                            }
                        }
                    }
                }
            }
        }
        return remainder
    }
}
