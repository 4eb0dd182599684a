/// Per-version constants of ISO/IEC 18004 (Tables 1, 9 and Annex E).
///
/// Capacities are derived from the module layout rather than copied, so only the
/// error correction block structure has to be tabulated.
enum VersionTable {
    static let versions = 1...40

    /// Error correction codewords per block, indexed `[level][version]` (index 0 unused).
    private static let ecCodewordsPerBlock: [[Int]] = [
        [0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
         28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
         26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
        [0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
         28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
         30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    ]

    /// Number of error correction blocks, indexed `[level][version]` (index 0 unused).
    private static let blockCounts: [[Int]] = [
        [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
         8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
        [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
         17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
        [0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
         23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
        [0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
         25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
    ]

    static func size(of version: Int) -> Int {
        4 * version + 17
    }

    static func ecCodewordsPerBlock(version: Int, errorCorrection: QRErrorCorrection) -> Int {
        ecCodewordsPerBlock[errorCorrection.tableIndex][version]
    }

    static func blockCount(version: Int, errorCorrection: QRErrorCorrection) -> Int {
        blockCounts[errorCorrection.tableIndex][version]
    }

    /// Modules left for codewords once every function pattern and the format and version
    /// areas are taken; may not be a multiple of 8 (the rest are remainder bits).
    static func rawDataModules(version: Int) -> Int {
        var modules = (16 * version + 128) * version + 64
        if version >= 2 {
            let alignmentCount = version / 7 + 2
            // Alignment patterns (minus the timing modules they overlap) and the three
            // positions that would collide with finder patterns.
            modules -= (25 * alignmentCount - 10) * alignmentCount - 55
            if version >= 7 {
                modules -= 36
            }
        }
        return modules
    }

    static func totalCodewords(version: Int) -> Int {
        rawDataModules(version: version) / 8
    }

    static func dataCodewords(version: Int, errorCorrection: QRErrorCorrection) -> Int {
        totalCodewords(version: version)
            - ecCodewordsPerBlock(version: version, errorCorrection: errorCorrection)
            * blockCount(version: version, errorCorrection: errorCorrection)
    }

    /// Bits of the character count indicator in byte mode (ISO/IEC 18004, Table 3).
    static func characterCountBits(version: Int) -> Int {
        version <= 9 ? 8 : 16
    }

    static func byteCapacity(version: Int, errorCorrection: QRErrorCorrection) -> Int {
        let dataBits = dataCodewords(version: version, errorCorrection: errorCorrection) * 8
        let headerBits = 4 + characterCountBits(version: version)
        return (dataBits - headerBits) / 8
    }

    /// Centre coordinates of the alignment patterns, the same list for rows and columns (Annex E).
    static func alignmentPositions(version: Int) -> [Int] {
        guard version >= 2 else { return [] }
        let count = version / 7 + 2
        // Version 32 is the one version where the spacing formula rounds the other way.
        let step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        let last = size(of: version) - 7
        var positions = [6]
        positions.reserveCapacity(count)
        for index in stride(from: count - 2, through: 0, by: -1) {
            positions.append(last - index * step)
        }
        return positions
    }
}
