/// How a CSV writes the decimal separator.
public enum DecimalSeparator: String, Sendable, Hashable, Codable {
    /// `1.234,56` (German).
    case comma
    /// `1,234.56`.
    case point
    /// Decide per file from the values (a comma or point followed by one or two digits at the end); German if unclear.
    case auto
}
