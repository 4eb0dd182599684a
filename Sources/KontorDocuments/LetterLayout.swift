import KontorPDF

/// The DIN 5008 (form B) geometry of a business letter in millimetres, for a DL window envelope.
enum LetterLayout {
    static let leftMargin = 25.0
    static let rightEdge = 190.0  // 20 mm right margin
    static var textWidth: Double { rightEdge - leftMargin }
    /// The address field: 85 × 45 mm, 45 mm from the top, 20 mm from the left edge.
    static let addressFieldX = 20.0
    static let addressFieldY = 45.0
    static let addressFieldWidth = 85.0
    /// The first 17.7 mm hold the return address line; the recipient follows below it.
    static let returnLineBaseline = 45.0 + 14.5
    static let recipientTop = 45.0 + 17.7
    /// The recipient zone: from `recipientTop` to the window's bottom edge, 5 mm inset on both sides.
    static let recipientHeight = addressFieldY + 45.0 - recipientTop
    static let recipientWidth = addressFieldWidth - 10
    /// Information block beside the address field.
    static let infoX = 125.0
    static let infoY = 50.0
    static let infoLabelWidth = 30.0
    /// Subject line: two lines below the address field.
    static let subjectTop = 103.4
    /// Later pages start here, 5 mm below the running header's rule (17 mm).
    static let continuationTop = 22.0
    /// Body text never runs below this line; page number and footer follow.
    static let bodyBottom = 258.0
    static let pageNumberBaseline = 264.0
    static let footerRule = 268.0
    static let footerTop = 270.0
    /// Fold marks (form B) and the punch mark.
    static let foldMarks = [105.0, 210.0]
    static let punchMark = 148.5
}
