import KontorCore
import KontorDocuments
import KontorQR

/// The EPC QR code (GiroCode) every invoice carries: the payload text and its QR matrix, as `InvoiceDocument` builds
/// them (level M, which EPC069-12 prescribes).
enum QRBench {
    /// Kontor's own payload for the benchmark seller's one-page invoice.
    static func payload() throws -> EPCPayload {
        let invoice = try DocumentBench.invoice(lines: 4)
        guard let iban = DocumentBench.seller.iban,
              let payload = EPCPayload(bic: DocumentBench.seller.bic, name: DocumentBench.seller.name, iban: iban,
                                       amount: invoice.totals.gross, remittance: "Rechnung \(invoice.number ?? "")")
        else { throw QRBenchError.noPayload }
        return payload
    }

    /// The matrix of `bytes` (level M, smallest version, best mask), as a GiroCode is encoded.
    static func matrix(_ bytes: [UInt8]) throws -> QRCode {
        try QRCode.encode(bytes, errorCorrection: .medium)
    }

    /// The `--scale` row: `count` GiroCodes, payload text built and encoded each time, as an invoice does.
    @MainActor static func measure(count: Int = 5_000) async throws -> Bench.Measurement {
        let payload = try payload()
        var modules = 0
        let measurement = try await Bench.measure("EPC QR matrix (GiroCode)", count: count) {
            for _ in 0..<count { modules += try matrix(Array(payload.text.utf8)).size }
        }
        _ = modules
        return measurement
    }
}

enum QRBenchError: Error {
    case noPayload
}
