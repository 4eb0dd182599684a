import Foundation
import KontorQR

/// Renders a symbol as a grayscale PNG for the scanner round trip.
enum SymbolRenderer {
    /// `scale` pixels per module and a `quietZone` of light modules around the symbol
    /// (the standard asks for four).
    static func png(_ code: QRCode, scale: Int = 4, quietZone: Int = 4) -> Data {
        let modules = code.size + 2 * quietZone
        let width = modules * scale
        var pixels = [UInt8](repeating: 255, count: width * width)
        for row in 0..<code.size {
            for column in 0..<code.size where code.isDark(row: row, column: column) {
                let top = (row + quietZone) * scale
                let left = (column + quietZone) * scale
                for y in top..<(top + scale) {
                    for x in left..<(left + scale) {
                        pixels[y * width + x] = 0
                    }
                }
            }
        }
        return PNGWriter.grayscale(width: width, height: width, pixels: pixels)
    }
}
