import Foundation
import KontorBanking
import KontorCore

/// The shared bank fixtures, read in place: `shared/` lies beside the repository checkout
/// (`<checkout>/Tests/KontorBankingTests/…` → `<checkout>/../shared/fixtures/bank`).
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../../../shared/fixtures/bank")
        .standardizedFileURL

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }
}

/// Credits per currency as decimal strings, e.g. `["EUR": "1405.31"]`.
func creditSums(_ entries: [StatementEntry]) -> [String: String] {
    var sums: [String: Money] = [:]
    for entry in entries where entry.isCredit { sums[entry.currency, default: .zero] += entry.amount }
    return sums.mapValues(\.decimalString)
}

extension Data {
    init(_ text: String) { self = text.data(using: .utf8)! }
}
