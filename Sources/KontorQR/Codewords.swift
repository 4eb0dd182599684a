/// Turns a payload into the final codeword sequence: byte-mode bit stream, padding,
/// Reed–Solomon blocks and interleaving (ISO/IEC 18004, 7.4 to 7.6).
enum Codewords {
    private static let byteModeIndicator = 0b0100
    /// Pad codewords alternate 11101100 and 00010001 (7.4.10).
    private static let padBytes: [UInt8] = [0xEC, 0x11]

    /// The data codewords of `payload` in byte mode, padded to the capacity of `version`.
    /// The caller guarantees that the payload fits.
    static func data(for payload: [UInt8], version: Int, errorCorrection: QRErrorCorrection) -> [UInt8] {
        let capacity = VersionTable.dataCodewords(version: version, errorCorrection: errorCorrection)
        var buffer = BitBuffer(capacityInBytes: capacity)
        buffer.append(byteModeIndicator, bitCount: 4)
        buffer.append(payload.count, bitCount: VersionTable.characterCountBits(version: version))
        buffer.append(bytes: payload)
        // The terminator is up to four zero bits, cut short when the symbol is full (7.4.9).
        let terminatorBits = min(4, capacity * 8 - buffer.bitCount)
        buffer.append(0, bitCount: terminatorBits)
        var codewords = buffer.bytes  // a partial last byte is already zero-padded
        var padIndex = 0
        while codewords.count < capacity {
            codewords.append(padBytes[padIndex])
            padIndex ^= 1
        }
        return codewords
    }

    /// Splits `data` into blocks, appends each block's error correction codewords and
    /// interleaves them column by column so that a burst of damage spreads over all blocks.
    static func interleaved(_ data: [UInt8], version: Int, errorCorrection: QRErrorCorrection) -> [UInt8] {
        let blockCount = VersionTable.blockCount(version: version, errorCorrection: errorCorrection)
        let ecCount = VersionTable.ecCodewordsPerBlock(version: version, errorCorrection: errorCorrection)
        let total = VersionTable.totalCodewords(version: version)
        // Blocks differ by at most one data codeword; the short ones come first (Table 9).
        let shortBlockCount = blockCount - total % blockCount
        let shortDataCount = total / blockCount - ecCount

        var blockStarts = [Int]()
        blockStarts.reserveCapacity(blockCount + 1)
        var start = 0
        for block in 0..<blockCount {
            blockStarts.append(start)
            start += shortDataCount + (block < shortBlockCount ? 0 : 1)
        }
        blockStarts.append(start)
        precondition(start == data.count, "data length does not match the version's block layout")

        var result = [UInt8]()
        result.reserveCapacity(total)
        for index in 0...shortDataCount {
            for block in 0..<blockCount where blockStarts[block] + index < blockStarts[block + 1] {
                result.append(data[blockStarts[block] + index])
            }
        }
        var ecBlocks = [[UInt8]]()
        ecBlocks.reserveCapacity(blockCount)
        for block in 0..<blockCount {
            let slice = data[blockStarts[block]..<blockStarts[block + 1]]
            ecBlocks.append(ReedSolomon.errorCorrection(for: slice, ecCount: ecCount))
        }
        for index in 0..<ecCount {
            for block in 0..<blockCount {
                result.append(ecBlocks[block][index])
            }
        }
        return result
    }
}
