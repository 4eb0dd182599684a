/// The encoding pipeline: version choice, codewords, matrix, mask, format information.
enum QREncoder {
    static func encode(
        _ bytes: [UInt8],
        errorCorrection: QRErrorCorrection,
        minimumVersion: Int,
        mask forcedMask: Int?
    ) throws(QREncodingError) -> QRCode {
        guard VersionTable.versions.contains(minimumVersion) else {
            throw .invalidVersion(minimumVersion)
        }
        if let forcedMask, !MaskPattern.all.contains(forcedMask) {
            throw .invalidMask(forcedMask)
        }
        let version = try smallestVersion(for: bytes.count, errorCorrection: errorCorrection,
                                          from: minimumVersion)

        let data = Codewords.data(for: bytes, version: version, errorCorrection: errorCorrection)
        let codewords = Codewords.interleaved(data, version: version, errorCorrection: errorCorrection)

        // The narrowest line type keeps the mask search on as few machine words as possible.
        let size = VersionTable.size(of: version)
        let (mask, modules): (Int, [Bool])
        if Line64.fits(size: size) {
            (mask, modules) = buildMatrix(Line64.self, codewords: codewords, version: version, forcedMask: forcedMask)
        } else if Line128.fits(size: size) {
            (mask, modules) = buildMatrix(Line128.self, codewords: codewords, version: version, forcedMask: forcedMask)
        } else {
            (mask, modules) = buildMatrix(Line192.self, codewords: codewords, version: version, forcedMask: forcedMask)
        }

        var finished = modules
        FormatInfo.draw(into: &finished, size: size, version: version, errorCorrection: errorCorrection, mask: mask)
        return QRCode(version: version, errorCorrection: errorCorrection, mask: mask, darkModules: finished)
    }

    /// Function patterns, data placement and masking; returns the mask and the masked modules
    /// without format and version information.
    private static func buildMatrix<Line: ModuleLine>(
        _ lineType: Line.Type,
        codewords: [UInt8],
        version: Int,
        forcedMask: Int?
    ) -> (mask: Int, modules: [Bool]) {
        let patterns = FunctionPatterns<Line>(version: version)
        var darkRows = patterns.darkRows
        DataPlacement.place(codewords, reservedRows: patterns.reservedRows, into: &darkRows)
        let masking = Masking(dark: ModuleGrid(rows: darkRows), reserved: ModuleGrid(rows: patterns.reservedRows))
        let mask = forcedMask ?? masking.bestMask()
        return (mask, masking.modules(mask: mask))
    }

    private static func smallestVersion(
        for byteCount: Int,
        errorCorrection: QRErrorCorrection,
        from minimumVersion: Int
    ) throws(QREncodingError) -> Int {
        for version in minimumVersion...VersionTable.versions.upperBound
        where VersionTable.byteCapacity(version: version, errorCorrection: errorCorrection) >= byteCount {
            return version
        }
        let maximum = VersionTable.byteCapacity(version: VersionTable.versions.upperBound,
                                                errorCorrection: errorCorrection)
        throw .dataTooLong(byteCount: byteCount, maximumByteCount: maximum)
    }
}
