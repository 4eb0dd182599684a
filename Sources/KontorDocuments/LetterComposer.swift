import Foundation
import KontorCore
import KontorPDF
import KontorQR

/// Writes a DIN 5008 business letter: letterhead, return address line and recipient in the envelope window,
/// information block, subject, flowing body that breaks across pages, footer with bank and tax details and
/// "Seite x von y" on every page.
struct LetterComposer {
    struct Fonts {
        let regular: TrueTypeFont
        let bold: TrueTypeFont

        /// Parsed once per process (the fonts are bundled with KontorPDF).
        static let shared: Result<Fonts, any Error> = Result {
            Fonts(regular: try TrueTypeFont.bundled(.dejaVuSans), bold: try TrueTypeFont.bundled(.dejaVuSansBold))
        }
    }

    let fonts: Fonts
    let texts: DocumentTexts
    let sender: BusinessProfile
    private(set) var document: PDFDocument
    /// The current position (points from the top) on the last page.
    var y: Double

    var body: TextStyle { TextStyle(font: fonts.regular, size: 9.5, lineHeight: 13) }
    var bold: TextStyle { body.withFont(fonts.bold) }
    var small: TextStyle { TextStyle(font: fonts.regular, size: 7.5, lineHeight: 9.5) }
    var pageIndex: Int { document.pages.count - 1 }

    /// Starts page 1 with letterhead, address window, information block and subject.
    init(
        sender: BusinessProfile, recipient: [String], info: [(String, String)], subject: String, title: String,
        language: Language, date: Day
    ) throws {
        fonts = try Fonts.shared.get()
        texts = DocumentTexts(language: language)
        self.sender = sender
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin") ?? .current
        let (year, month, day) = date.components
        let creation = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12)) ?? Date(timeIntervalSince1970: 0)
        document = PDFDocument(info: PDFDocumentInfo(
            title: title, author: sender.name, subject: subject, creator: "Kontor", producer: "Kontor (KontorPDF)",
            creationDate: creation, timeZone: calendar.timeZone, language: language.rawValue))
        y = .mm(LetterLayout.subjectTop)
        document.addPage()
        drawLetterhead()
        drawAddressWindow(recipient)
        drawInfoBlock(info)
        let subjectStyle = bold.withSize(11)
        page { $0.drawText(subject, at: .mm(x: LetterLayout.leftMargin, y: LetterLayout.subjectTop), width: .mm(LetterLayout.textWidth),
                           style: subjectStyle) }
        y = .mm(LetterLayout.subjectTop) + TextLayout.height(
            lineCount: TextLayout.lines(subject, width: .mm(LetterLayout.textWidth), style: bold.withSize(11)).count,
            style: bold.withSize(11)) + body.lineHeight
    }

    // MARK: - Page 1 parts

    private mutating func drawLetterhead() {
        let name = sender.name
        let nameStyle = bold.withSize(15)
        page { $0.drawText(name, at: .mm(x: LetterLayout.leftMargin, y: 20), style: nameStyle) }
        var lines: [String] = []
        if let address = sender.address { lines.append(contentsOf: address.lines) }
        if let phone = sender.phone { lines.append("\(texts.phone) \(phone)") }
        if let email = sender.email { lines.append(email) }
        let contactStyle = small
        page { $0.drawLines(lines, at: .mm(x: LetterLayout.infoX, y: 12), width: .mm(LetterLayout.rightEdge - LetterLayout.infoX),
                            style: contactStyle, alignment: .right) }
    }

    private mutating func drawAddressWindow(_ recipient: [String]) {
        let returnLine = ([sender.name] + (sender.address.map { [$0.street, "\($0.postalCode) \($0.city)"] } ?? []))
            .joined(separator: " · ")
        let style = small.withSize(6.5)
        let (recipientLines, recipientStyle) = Self.recipientBlock(recipient, style: body.withSize(10))
        page { page in
            let x = Double.mm(LetterLayout.addressFieldX + 5)
            let baseline = Double.mm(LetterLayout.returnLineBaseline)
            page.drawText(returnLine, at: PDFPoint(x: x, y: baseline), style: style)
            page.drawLine(from: PDFPoint(x: x, y: baseline + 1.5), to: PDFPoint(x: x + style.width(of: returnLine), y: baseline + 1.5),
                          lineWidth: 0.3, color: .gray(0.3))
            page.drawLines(recipientLines, at: .mm(x: LetterLayout.addressFieldX + 5, y: LetterLayout.recipientTop),
                           width: .mm(LetterLayout.addressFieldWidth - 10), style: recipientStyle)
            for mark in LetterLayout.foldMarks + [LetterLayout.punchMark] {
                let length = mark == LetterLayout.punchMark ? 7.0 : 5.0
                page.drawLine(from: .mm(x: 3, y: mark), to: .mm(x: 3 + length, y: mark), lineWidth: 0.3, color: .gray(0.5))
            }
        }
    }

    /// The recipient as it fits the window's recipient zone (DIN 5008: at most six lines, 75 mm wide, never over
    /// the information block): each line wrapped, at 10, 9 or 8 pt; what still does not fit is cut from the name
    /// end with "…", then the contact person goes, so street, postal code and city always stay.
    static func recipientBlock(_ recipient: [String], style base: TextStyle) -> (lines: [String], style: TextStyle) {
        let width = Double.mm(LetterLayout.recipientWidth)
        let height = Double.mm(LetterLayout.recipientHeight)
        var style = base
        var blocks: [[String]] = []
        var capacity = 0
        for size in [base.size, 9, 8] where size <= base.size {
            style = base.withSize(size)
            blocks = recipient.map { wrapped($0, width: width, style: style) }.filter { !$0.isEmpty }
            capacity = min(6, Int((height / style.lineHeight).rounded(.down)))
            if blocks.joined().count <= capacity { return (Array(blocks.joined()), style) }
        }
        while blocks.joined().count > capacity {
            if let index = blocks.indices.first(where: { blocks[$0].count > 1 }) {
                blocks[index].removeLast()
                let last = blocks[index].count - 1
                blocks[index][last] = ellipsized(blocks[index][last], width: width, style: style)
            } else if blocks.count > 3 {
                blocks.remove(at: 1)  // the contact person; the postal lines must stay
            } else {
                blocks.removeFirst()
            }
        }
        return (Array(blocks.joined()), style)
    }

    /// `text` wrapped at spaces and, where a word is wider than `width` ("Oberbürgermeister-Dr.-…-Straße"),
    /// after its hyphens; only a part still too wide is broken between characters.
    static func wrapped(_ text: String, width: Double, style: TextStyle) -> [String] {
        var pieces: [(text: String, space: Bool)] = []
        for word in text.split(separator: " ") {
            var parts = [String(word)]
            if style.width(of: String(word)) > width {
                parts = word.split(separator: "-", omittingEmptySubsequences: false).map { $0 + "-" }
                parts[parts.count - 1].removeLast()
            }
            for (index, part) in parts.enumerated() where !part.isEmpty { pieces.append((part, index == 0)) }
        }
        var lines: [String] = []
        var line = ""
        for piece in pieces {
            let candidate = line.isEmpty ? piece.text : line + (piece.space ? " " : "") + piece.text
            if line.isEmpty || style.width(of: candidate) <= width {
                line = candidate
            } else {
                lines.append(line)
                line = piece.text
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.flatMap { TextLayout.lines($0, width: width, style: style) }
    }

    /// `text` with "…" at its end, shortened until it fits `width`.
    static func ellipsized(_ text: String, width: Double, style: TextStyle) -> String {
        var text = Substring(text)
        while !text.isEmpty, style.width(of: String(text) + " …") > width { text = text.dropLast() }
        return text.trimmingCharacters(in: .whitespaces) + " …"
    }

    private mutating func drawInfoBlock(_ info: [(String, String)]) {
        var lineY = Double.mm(LetterLayout.infoY)
        let labelStyle = small.withSize(8)
        let valueStyle = body.withSize(9)
        // A value wraps within the block (a service period is wider than the 35 mm left of the right margin).
        let valueWidth = Double.mm(LetterLayout.rightEdge - LetterLayout.infoX - LetterLayout.infoLabelWidth)
        for (label, value) in info {
            let top = lineY
            let lines = TextLayout.lines(value, width: valueWidth, style: valueStyle)
            page { page in
                page.drawText(label, at: PDFPoint(x: .mm(LetterLayout.infoX), y: top + labelStyle.baselineOffset + 1), style: labelStyle)
                for (index, line) in lines.enumerated() {
                    let baseline = top + valueStyle.baselineOffset + Double(index) * 11
                    let x = Double.mm(LetterLayout.infoX + LetterLayout.infoLabelWidth)
                    page.drawText(line, at: PDFPoint(x: x, y: baseline), style: valueStyle)
                }
            }
            lineY += 12.5 + Double(max(lines.count - 1, 0)) * 11
        }
    }

    // MARK: - Body

    /// Runs `draw` on the current page.
    mutating func page(_ draw: (inout PDFPage) -> Void) {
        draw(&document.pages[pageIndex])
    }

    /// Starts a new page when `height` points do not fit any more.
    mutating func ensureSpace(_ height: Double) {
        if y + height > .mm(LetterLayout.bodyBottom) { newPage() }
    }

    /// Takes over a document that a layout helper extended, and continues below `position`.
    mutating func replaceDocument(_ document: PDFDocument, position: PDFTablePosition) {
        self.document = document
        y = position.y
    }

    mutating func newPage() {
        document.addPage()
        y = .mm(LetterLayout.continuationTop)
    }

    /// A paragraph of wrapped text in the body, breaking across pages line by line.
    mutating func paragraph(_ text: String, style: TextStyle? = nil, spacingAfter: Double = 7) {
        let style = style ?? body
        for line in TextLayout.lines(text, width: .mm(LetterLayout.textWidth), style: style) {
            ensureSpace(style.lineHeight)
            let top = y
            page { $0.drawLines([line], at: PDFPoint(x: .mm(LetterLayout.leftMargin), y: top), width: .mm(LetterLayout.textWidth), style: style) }
            y += style.lineHeight
        }
        y += spacingAfter
    }

    /// "Mit freundlichen Grüßen" and the name below it, kept together on one page: a name alone at the top of a
    /// page reads like a page of its own.
    mutating func closing(_ name: String) {
        ensureSpace(2 * body.lineHeight + 3)
        paragraph(texts.regards, spacingAfter: 3)
        paragraph(name)
    }

    /// A label on the left and an amount flush right, as in a totals block.
    mutating func totalLine(_ label: String, _ amount: String, style: TextStyle? = nil, rule: Bool = false) {
        let style = style ?? body
        ensureSpace(style.lineHeight + 8)
        if rule { y += 3 }
        let top = y
        page { page in
            if rule {
                page.drawLine(from: PDFPoint(x: .mm(110), y: top), to: PDFPoint(x: .mm(LetterLayout.rightEdge), y: top), lineWidth: 0.6)
            }
            page.drawText(label, at: PDFPoint(x: .mm(110), y: top + 2 + style.baselineOffset), style: style)
            page.drawText(amount, at: PDFPoint(x: .mm(LetterLayout.rightEdge) - 2, y: top + 2 + style.baselineOffset), style: style,
                          alignment: .right)
        }
        y += style.lineHeight + (rule ? 3 : 0)
    }

    /// The totals block of `taxes`. With tax: net, one line per group (exempt groups included, § 14 Abs. 4 Nr. 7
    /// UStG) and the total. Without (§ 19, reverse charge, outside the scope): only the total, since any rate or
    /// tax amount shown would be owed (§ 14c UStG).
    ///
    /// A `giroCode` goes left of the totals, beside the amount it pays, where the page is empty anyway: below
    /// them it would take 3 cm of height and push the closing of a short invoice onto a second page. Code and
    /// totals are kept together on one page.
    mutating func taxTotals(
        _ taxes: TaxBreakdown, totalLabel: String, language: Language, giroCode: (code: QRCode, caption: String)? = nil
    ) {
        var lines: [(label: String, amount: String)] = []
        if taxes.showsTax {
            lines.append((texts.netTotal, taxes.net.formatted(language)))
            for group in taxes.groups {
                let base = group.basis.formatted(language)
                let label = group.category.code == .standardRated
                    ? texts.vatLine(group.category.rate.percent, on: base) : texts.exemptLine(on: base)
                lines.append((label, group.tax.formatted(language)))
            }
        }
        // Each line takes its line height; the total adds 3 pt above and below its rule (see `totalLine`).
        let totalsHeight = Double(lines.count + 1) * body.lineHeight + 6
        let top: Double
        if let giroCode {
            let side = Self.giroCodeSide(giroCode.code)
            ensureSpace(max(totalsHeight, side + Self.giroCodeInset))
            top = y
            drawGiroCode(giroCode.code, caption: giroCode.caption, top: top)
        } else {
            top = y
        }
        for line in lines { totalLine(line.label, line.amount) }
        totalLine(totalLabel, taxes.gross.formatted(language), style: bold, rule: true)
        if let giroCode { y = max(y, top + Self.giroCodeSide(giroCode.code) + Self.giroCodeInset) }
        y += 8
    }

    /// The GiroCode's edge: 26 mm, modules at most 0.7 mm (0.63 mm for the usual version 6, 41 modules), which
    /// phones read from paper and a 150 dpi scan still resolves (see the documents tests); a longer payload gets
    /// smaller modules, not a larger code.
    static func giroCodeSide(_ code: QRCode) -> Double {
        min(Double.mm(0.7), Double.mm(26) / Double(code.size)) * Double(code.size)
    }

    /// The space above the code: with the 4 pt the table leaves below its last rule, 8 pt of white, the quiet
    /// zone of four modules a QR code needs.
    static let giroCodeInset = 4.0

    /// The GiroCode at the left margin with its caption beside it, left of the totals block (which starts at
    /// 110 mm).
    private mutating func drawGiroCode(_ code: QRCode, caption: String, top: Double) {
        let side = Self.giroCodeSide(code)
        let module = side / Double(code.size)
        let origin = PDFPoint(x: .mm(LetterLayout.leftMargin), y: top + Self.giroCodeInset)
        let captionStyle = small.withSize(8)
        let captionX = origin.x + side + .mm(4)
        let captionWidth = Double.mm(105) - captionX
        let captionLines = TextLayout.lines(caption, width: captionWidth, style: captionStyle)
        let captionTop = origin.y + (side - TextLayout.height(lineCount: captionLines.count, style: captionStyle)) / 2
        page { page in
            page.fillGrid(origin: origin, cellSize: module, rows: code.size, columns: code.size) {
                code.isDark(row: $0, column: $1)
            }
            page.drawLines(captionLines, at: PDFPoint(x: captionX, y: captionTop), width: captionWidth,
                           style: captionStyle)
        }
    }

    // MARK: - Finish

    /// Adds footer and page numbers to every page and returns the PDF.
    mutating func finish(attachments: [PDFAttachment] = [], xmp: [String] = []) -> PDFDocument {
        let footer = footerColumns()
        let texts = self.texts
        for index in document.pages.indices {
            if index > 0 {
                let header = "\(sender.name) · \(document.info.title)"
                document.pages[index].drawText(header, at: .mm(x: LetterLayout.leftMargin, y: 15), style: small.withSize(8))
                document.pages[index].drawLine(from: .mm(x: LetterLayout.leftMargin, y: 17), to: .mm(x: LetterLayout.rightEdge, y: 17),
                                               lineWidth: 0.3, color: .gray(0.6))
            }
            document.pages[index].drawPageNumber(
                at: .mm(x: LetterLayout.rightEdge, y: LetterLayout.pageNumberBaseline), style: small.withSize(8),
                alignment: .right) { page, count in "\(texts.page) \(page) \(texts.of) \(count)" }
            document.pages[index].drawLine(
                from: .mm(x: LetterLayout.leftMargin, y: LetterLayout.footerRule), to: .mm(x: LetterLayout.rightEdge, y: LetterLayout.footerRule),
                lineWidth: 0.3, color: .gray(0.6))
            let columnWidth = LetterLayout.textWidth / 3
            for (column, lines) in footer.enumerated() {
                document.pages[index].drawLines(
                    lines, at: .mm(x: LetterLayout.leftMargin + Double(column) * columnWidth, y: LetterLayout.footerTop),
                    width: .mm(columnWidth - 3), style: small.withColor(.gray(0.25)))
            }
        }
        for attachment in attachments { document.attach(attachment) }
        document.additionalXMPDescriptions.append(contentsOf: xmp)
        return document
    }

    private func footerColumns() -> [[String]] {
        var first = [sender.name]
        if let address = sender.address { first.append(contentsOf: address.lines) }
        var second: [String] = []
        if let phone = sender.phone { second.append("\(texts.phone) \(phone)") }
        if let email = sender.email { second.append(email) }
        if let taxNumber = sender.taxNumber { second.append("\(texts.taxNumber) \(taxNumber)") }
        if let vatId = sender.vatId { second.append("\(texts.vatId) \(vatId)") }
        var third: [String] = []
        if let iban = sender.iban {
            third.append(texts.bank)
            third.append("IBAN \(iban.description)")
            if let bic = sender.bic { third.append("BIC \(bic)") }
        }
        return [first, second, third]
    }
}
