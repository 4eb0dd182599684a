/// Places the codeword bit stream into the data modules (ISO/IEC 18004, 7.7.3).
enum DataPlacement {
    /// Walks two-module-wide columns from the right edge, alternately upwards and downwards,
    /// skipping reserved modules and the vertical timing pattern. Modules left over after the
    /// last codeword are remainder bits and stay light.
    static func place<Line: ModuleLine>(_ codewords: [UInt8], reservedRows: [Line], into darkRows: inout [Line]) {
        let size = reservedRows.count
        let totalBits = codewords.count * 8
        var bitIndex = 0
        reservedRows.withUnsafeBufferPointer { reservedRows in
            codewords.withUnsafeBufferPointer { bytes in
                darkRows.withUnsafeMutableBufferPointer { rows in
                    var right = size - 1
                    while right >= 1 {
                        if right == 6 {
                            right = 5
                        }
                        let upward = (right + 1) & 2 == 0
                        for step in 0..<size {
                            let row = upward ? size - 1 - step : step
                            let reservedRow = reservedRows[row]
                            for offset in 0..<2 {
                                let column = right - offset
                                if reservedRow.contains(column) {
                                    continue
                                }
                                if bitIndex < totalBits, bytes[bitIndex >> 3] & (0x80 >> UInt8(bitIndex & 7)) != 0 {
                                    rows[row].insert(column)
                                }
                                bitIndex += 1
                            }
                        }
                        right -= 2
                    }
                }
            }
        }
    }
}
