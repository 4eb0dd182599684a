import Foundation
import KontorQR
import KontorTestTools

/// Encodes payloads with the Python library segno, an independent QR encoder, so that our
/// symbols can be compared module by module.
enum SegnoReference {
    /// One payload to encode; `nil` lets segno choose like our encoder does.
    struct Request: Encodable {
        let data: String  // hex, so that any byte survives the trip through JSON
        let error: String
        let version: Int?
        let mask: Int?

        init(bytes: [UInt8], errorCorrection: QRErrorCorrection, version: Int? = nil, mask: Int? = nil) {
            data = bytes.map { String(format: "%02x", $0) }.joined()
            error = SegnoReference.letter(for: errorCorrection)
            self.version = version
            self.mask = mask
        }
    }

    /// Segno's symbol: version, mask and rows as strings of "0" and "1".
    struct Symbol: Decodable {
        let version: Int
        let mask: Int
        let error: String
        let rows: [String]
    }

    /// Reads one JSON request per line and answers with one JSON symbol per line. Bytes plus
    /// `mode="byte"` force byte mode; `boost_error=False` keeps the requested level.
    ///
    /// segno (up to at least 1.6.6) has a known padding bug, heuer/segno issues #123 and #148:
    /// when the bit stream already ends on a byte boundary, which in byte mode is every time the
    /// terminator fits, it still appends eight zero bits, so its first pad codeword is 0x00
    /// instead of 0xEC (ISO/IEC 18004, 7.4.10). Readers ignore pad codewords, but the modules
    /// differ. The script swaps in the fix proposed in #148; everything else stays segno's own.
    private static let script = """
        import json, sys
        import segno
        from segno import encoder

        def write_padding_bits(buff, version, length):
            buff.extend([0] * (-length % 8))

        encoder.write_padding_bits = write_padding_bits
        for line in sys.stdin:
            req = json.loads(line)
            qr = segno.make_qr(bytes.fromhex(req["data"]), error=req["error"], version=req.get("version"),
                               mask=req.get("mask"), mode="byte", boost_error=False)
            rows = ["".join("1" if m else "0" for m in row) for row in qr.matrix]
            print(json.dumps({"version": qr.version, "mask": qr.mask, "error": qr.error, "rows": rows}))
        """

    static func letter(for errorCorrection: QRErrorCorrection) -> String {
        switch errorCorrection {
        case .low: "L"
        case .medium: "M"
        case .quartile: "Q"
        case .high: "H"
        }
    }

    static func encode(_ requests: [Request]) throws -> [Symbol] {
        let encoder = JSONEncoder()
        var input = Data()
        for request in requests {
            input.append(try encoder.encode(request))
            input.append(0x0A)
        }
        let result = try Subprocess.run("python3", ["-c", script], input: input)
        guard result.status == 0 else {
            throw SegnoFailed(description: "segno failed (\(result.status)): \(result.errorText)")
        }
        let decoder = JSONDecoder()
        return try result.stdout.split(separator: 0x0A).map { try decoder.decode(Symbol.self, from: Data($0)) }
    }

    /// Our symbol in segno's row format.
    static func rows(of code: QRCode) -> [String] {
        code.modules.map { row in String(row.map { $0 ? "1" : "0" }) }
    }
}

/// The segno reference script failed; its standard error says why.
struct SegnoFailed: Error, CustomStringConvertible {
    let description: String
}
