/// Which rule set an e-invoice follows: the German CIUS XRechnung 3.0 (XML only, for public bodies), or
/// the plain EN 16931 profile that ZUGFeRD 2.3 / Factur-X 1.07 embed in the PDF.
public enum EInvoiceProfile: String, Sendable, CaseIterable {
    case xrechnung
    case en16931

    /// The specification identifier BT-24.
    var guideline: String {
        switch self {
        case .xrechnung: "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0"
        case .en16931: "urn:cen.eu:en16931:2017"
        }
    }

    /// The business process BT-23 (mandatory in XRechnung 3.0).
    var businessProcess: String { "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0" }
}
