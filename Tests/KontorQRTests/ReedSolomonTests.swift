@testable import KontorQR
import Testing

@Suite("Galois field and Reed–Solomon")
struct ReedSolomonTests {
    @Test("GF(256) tables follow x^8 + x^4 + x^3 + x^2 + 1")
    func galoisField() {
        #expect(GaloisField.exp[0] == 1)
        #expect(GaloisField.exp[7] == 0x80)
        #expect(GaloisField.exp[8] == 0x1D)  // x^8 reduced by the polynomial
        #expect(GaloisField.exp[255] == 1)  // α has order 255
        #expect(Set(GaloisField.exp[0..<255]).count == 255)  // α generates every non-zero element
        for value in 1...255 {
            #expect(GaloisField.exp[Int(GaloisField.log[value])] == UInt8(value))
        }
        #expect(GaloisField.multiply(0x53, 0xCA) == GaloisField.multiply(0xCA, 0x53))
        #expect(GaloisField.multiply(0, 0xCA) == 0)
        #expect(GaloisField.multiply(2, 0x80) == 0x1D)
    }

    @Test("generator polynomials as exponents of α (ISO/IEC 18004, Annex A)")
    func generatorPolynomials() {
        // Leading coefficient α^0 omitted, like the stored form.
        #expect(ReedSolomon.generatorLogs[7] == [87, 229, 146, 149, 238, 102, 21])
        #expect(ReedSolomon.generatorLogs[10] == [251, 67, 46, 61, 118, 70, 64, 94, 32, 45])
        #expect(ReedSolomon.generatorLogs[16] == [120, 104, 107, 109, 102, 161, 76, 3, 91, 191, 147, 169, 182,
                                                  194, 225, 120])
        for degree in 1...30 {
            let polynomial = ReedSolomon.generatorPolynomial(degree: degree)
            #expect(polynomial.count == degree + 1)
            // α^0 … α^(degree−1) are the roots.
            for root in 0..<degree {
                let alpha = GaloisField.exp[root]
                let value = polynomial.reduce(UInt8(0)) { GaloisField.multiply($0, alpha) ^ $1 }
                #expect(value == 0, "α^\(root) is not a root of the degree \(degree) generator")
            }
        }
    }

    @Test("the HELLO WORLD 1-M example of the standard")
    func helloWorldExample() {
        // Alphanumeric data codewords; error correction does not care about the mode.
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        #expect(ReedSolomon.errorCorrection(for: data[...], ecCount: 10)
            == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    @Test("byte-mode codewords of \"Kontor\" at 1-M, as computed by segno")
    func kontorCodewords() {
        let data = Codewords.data(for: Array("Kontor".utf8), version: 1, errorCorrection: .medium)
        // 0100 mode, 00000110 count, the bytes, 0000 terminator, then 0xEC 0x11 padding.
        #expect(data == [64, 100, 182, 246, 231, 70, 247, 32, 236, 17, 236, 17, 236, 17, 236, 17])
        let codewords = Codewords.interleaved(data, version: 1, errorCorrection: .medium)
        #expect(Array(codewords[16...]) == [84, 67, 42, 105, 48, 106, 95, 50, 97, 16])
    }

    @Test("EPC example at 5-M: two blocks of 43 data and 24 error correction codewords, interleaved")
    func epcCodewords() {
        let payload = Array(SegnoComparisonTests.epcPayload.utf8)
        let data = Codewords.data(for: payload, version: 5, errorCorrection: .medium)
        #expect(data.count == 86)
        let firstEC: [UInt8] = [125, 132, 108, 70, 55, 82, 26, 212, 91, 68, 240, 51, 172, 118, 201, 55, 95, 96,
                                108, 145, 51, 213, 133, 65]
        let secondEC: [UInt8] = [247, 246, 99, 203, 157, 94, 187, 78, 84, 134, 114, 39, 240, 96, 41, 39, 183,
                                 245, 129, 138, 144, 111, 99, 20]
        #expect(ReedSolomon.errorCorrection(for: data[0..<43], ecCount: 24) == firstEC)
        #expect(ReedSolomon.errorCorrection(for: data[43..<86], ecCount: 24) == secondEC)

        let codewords = Codewords.interleaved(data, version: 5, errorCorrection: .medium)
        #expect(codewords.count == VersionTable.totalCodewords(version: 5))
        for index in 0..<43 {
            #expect(codewords[2 * index] == data[index])
            #expect(codewords[2 * index + 1] == data[43 + index])
        }
        for index in 0..<24 {
            #expect(codewords[86 + 2 * index] == firstEC[index])
            #expect(codewords[86 + 2 * index + 1] == secondEC[index])
        }
    }

    @Test("blocks of unequal length: the longer blocks come last and add one more column")
    func unequalBlocks() {
        // 5-Q: two blocks of 15 and two of 16 data codewords, 18 error correction codewords each.
        let data = (0..<62).map { UInt8($0) }
        let codewords = Codewords.interleaved(data, version: 5, errorCorrection: .quartile)
        #expect(codewords.count == 134)
        #expect(Array(codewords[0..<4]) == [0, 15, 30, 46])
        // Column 14 is the last one all blocks share; only the long blocks have a 16th codeword.
        #expect(Array(codewords[56..<62]) == [14, 29, 44, 60, 45, 61])
        #expect(Array(codewords[62..<66]) == [ReedSolomon.errorCorrection(for: data[0..<15], ecCount: 18)[0],
                                              ReedSolomon.errorCorrection(for: data[15..<30], ecCount: 18)[0],
                                              ReedSolomon.errorCorrection(for: data[30..<46], ecCount: 18)[0],
                                              ReedSolomon.errorCorrection(for: data[46..<62], ecCount: 18)[0]])
    }
}
