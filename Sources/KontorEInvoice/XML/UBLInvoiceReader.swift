import KontorCore

/// Maps an OASIS UBL 2.1 `Invoice` or `CreditNote` (as profiled by EN 16931, XRechnung and
/// Peppol BIS) onto ``ReceivedInvoice``.
struct UBLInvoiceReader {
    let root: XMLTreeElement

    private var isCreditNoteDocument: Bool { root.name == "CreditNote" }
    private var lineName: String { isCreditNoteDocument ? "CreditNoteLine" : "InvoiceLine" }
    private var subLineName: String { isCreditNoteDocument ? "SubCreditNoteLine" : "SubInvoiceLine" }
    private var quantityName: String { isCreditNoteDocument ? "CreditedQuantity" : "InvoicedQuantity" }

    func read() throws(EInvoiceError) -> ReceivedInvoice {
        let number = try FieldReader.requiredText(root.child("ID"), "BT-1", "invoice number")
        let typeCode = try FieldReader.requiredText(
            root.child(isCreditNoteDocument ? "CreditNoteTypeCode" : "InvoiceTypeCode"), "BT-3", "invoice type code")
        guard let issueDate = try FieldReader.date(root.child("IssueDate"), "BT-2", "issue date") else {
            throw .missingElement(term: "BT-2", name: "issue date", context: nil)
        }
        let currency = try FieldReader.requiredText(root.child("DocumentCurrencyCode"), "BT-5", "currency")
        let taxCurrency = root.text("TaxCurrencyCode")
        let seller = try party(root.first("AccountingSupplierParty", "Party"), nameTerm: "BT-27", role: "seller name")
        let buyer = try party(root.first("AccountingCustomerParty", "Party"), nameTerm: "BT-44", role: "buyer name")

        let means = root.children("PaymentMeans")
        var dueDate = try FieldReader.date(root.child("DueDate"), "BT-9", "payment due date")
        for element in means where dueDate == nil {
            dueDate = try FieldReader.date(element.child("PaymentDueDate"), "BT-9", "payment due date")
        }
        let creditorID = root.first("AccountingSupplierParty", "Party")?.children("PartyIdentification")
            .compactMap { $0.child("ID") }.first { $0.attributes["schemeID"] == "SEPA" }?.nonEmptyText
            ?? root.first("PayeeParty")?.children("PartyIdentification")
            .compactMap { $0.child("ID") }.first { $0.attributes["schemeID"] == "SEPA" }?.nonEmptyText
        let paymentMeans = means.map { element in
            let code = element.child("PaymentMeansCode")
            return ReceivedInvoice.PaymentMeans(
                code: code?.nonEmptyText ?? "1", text: code?.attributes["name"],
                accountID: element.text("PayeeFinancialAccount", "ID"),
                accountName: element.text("PayeeFinancialAccount", "Name"),
                bic: element.text("PayeeFinancialAccount", "FinancialInstitutionBranch", "ID"),
                cardNumber: element.text("CardAccount", "PrimaryAccountNumberID"),
                mandateReference: element.text("PaymentMandate", "ID"),
                creditorID: element.child("PaymentMandate") == nil ? nil : creditorID,
                debitedAccountID: element.text("PaymentMandate", "PayerFinancialAccount", "ID"))
        }

        var precedingInvoices: [ReceivedInvoice.InvoiceReference] = []
        for reference in root.children("BillingReference") {
            guard let document = reference.child("InvoiceDocumentReference"), let id = document.text("ID") else {
                continue
            }
            let date = try FieldReader.date(document.child("IssueDate"), "BT-26", "preceding invoice date")
            precedingInvoices.append(ReceivedInvoice.InvoiceReference(number: id, issueDate: date))
        }

        var allowancesAndCharges: [ReceivedInvoice.AllowanceCharge] = []
        for element in root.children("AllowanceCharge") {
            allowancesAndCharges.append(try allowanceCharge(element, documentLevel: true))
        }

        // BG-23 lives in the TaxTotal in the document currency; a second one carries BT-111.
        let taxTotals = root.children("TaxTotal")
        let documentTax = taxTotals.first { $0.child("TaxAmount")?.attributes["currencyID"] == currency }
            ?? taxTotals.first { $0.child("TaxAmount")?.attributes["currencyID"] == nil }
            ?? (taxCurrency == nil || taxCurrency == currency ? taxTotals.first : nil)
        let accountingTax = taxCurrency.flatMap { code in
            code == currency ? nil : taxTotals.first { $0.child("TaxAmount")?.attributes["currencyID"] == code }
        }
        var vatBreakdown: [ReceivedInvoice.VATBreakdown] = []
        for subtotal in documentTax?.children("TaxSubtotal") ?? [] {
            let category = subtotal.child("TaxCategory")
            vatBreakdown.append(ReceivedInvoice.VATBreakdown(
                category: category?.text("ID") ?? "",
                rate: try FieldReader.amount(category?.child("Percent"), "BT-119", "VAT rate"),
                taxableAmount: try FieldReader.requiredAmount(
                    subtotal.child("TaxableAmount"), "BT-116", "VAT taxable amount"),
                taxAmount: try FieldReader.requiredAmount(subtotal.child("TaxAmount"), "BT-117", "VAT amount"),
                exemptionReason: category?.text("TaxExemptionReason"),
                exemptionReasonCode: category?.text("TaxExemptionReasonCode")))
        }

        let monetary = root.child("LegalMonetaryTotal")
        let totals = ReceivedInvoice.Totals(
            lineTotal: try FieldReader.requiredAmount(
                monetary?.child("LineExtensionAmount"), "BT-106", "sum of line net amounts"),
            allowanceTotal: try FieldReader.amount(monetary?.child("AllowanceTotalAmount"), "BT-107", "sum of allowances"),
            chargeTotal: try FieldReader.amount(monetary?.child("ChargeTotalAmount"), "BT-108", "sum of charges"),
            taxExclusive: try FieldReader.requiredAmount(
                monetary?.child("TaxExclusiveAmount"), "BT-109", "invoice total without VAT"),
            vatTotal: try FieldReader.amount(documentTax?.child("TaxAmount"), "BT-110", "invoice total VAT amount"),
            vatTotalInTaxCurrency: try FieldReader.amount(
                accountingTax?.child("TaxAmount"), "BT-111", "VAT amount in accounting currency"),
            grandTotal: try FieldReader.requiredAmount(
                monetary?.child("TaxInclusiveAmount"), "BT-112", "invoice total with VAT"),
            prepaid: try FieldReader.amount(monetary?.child("PrepaidAmount"), "BT-113", "paid amount"),
            rounding: try FieldReader.amount(monetary?.child("PayableRoundingAmount"), "BT-114", "rounding amount"),
            duePayable: try FieldReader.requiredAmount(
                monetary?.child("PayableAmount"), "BT-115", "amount due for payment"))

        var lines: [ReceivedInvoice.Line] = []
        for (index, element) in root.children(lineName).enumerated() {
            lines.append(try line(element, position: index + 1, depth: 0))
        }

        var thirdPartyPayments: [ReceivedInvoice.ThirdPartyPayment] = []
        for payment in root.children("PrepaidPayment") {
            thirdPartyPayments.append(ReceivedInvoice.ThirdPartyPayment(
                type: payment.text("ID"),
                amount: try FieldReader.requiredAmount(payment.child("PaidAmount"), "BT-DEX-002", "third party payment amount"),
                description: payment.text("InstructionID")))
        }

        // BG-24; type code 130 marks the invoiced object identifier (BT-18) instead.
        let documents = root.children("AdditionalDocumentReference").filter { $0.text("DocumentTypeCode") != "130" }
            .map { element in
                let file = FieldReader.attachment(element.first("Attachment", "EmbeddedDocumentBinaryObject"))
                return ReceivedInvoice.SupportingDocument(
                    reference: element.text("ID") ?? "", description: element.text("DocumentDescription"),
                    uri: element.text("Attachment", "ExternalReference", "URI"), fileName: file.fileName,
                    mimeType: file.mimeType, data: file.data)
            }

        let period = root.child("InvoicePeriod")
        let servicePeriod = ReceivedInvoice.Period(
            start: try FieldReader.date(period?.child("StartDate"), "BT-73", "invoicing period start date"),
            end: try FieldReader.date(period?.child("EndDate"), "BT-74", "invoicing period end date"))
        return ReceivedInvoice(
            syntax: .ubl, typeCode: typeCode,
            isCreditNote: isCreditNoteDocument || ReceivedInvoice.creditNoteTypeCodes.contains(typeCode),
            number: number, issueDate: issueDate, dueDate: dueDate, currency: currency,
            taxCurrency: taxCurrency == currency ? nil : taxCurrency, buyerReference: root.text("BuyerReference"),
            specificationID: root.text("CustomizationID"), businessProcess: root.text("ProfileID"),
            orderReference: root.text("OrderReference", "ID"),
            contractReference: root.text("ContractDocumentReference", "ID"),
            projectReference: root.text("ProjectReference", "ID"),
            seller: seller, buyer: buyer, payeeName: root.text("PayeeParty", "PartyName", "Name"),
            deliveryDate: try FieldReader.date(root.first("Delivery", "ActualDeliveryDate"), "BT-72", "delivery date"),
            servicePeriod: servicePeriod.start == nil && servicePeriod.end == nil ? nil : servicePeriod,
            paymentTerms: FieldReader.joined(root.children("PaymentTerms").compactMap { $0.child("Note") }),
            paymentReference: means.lazy.compactMap { $0.text("PaymentID") }.first,
            paymentMeans: paymentMeans, precedingInvoices: precedingInvoices,
            notes: root.children("Note").compactMap(\.nonEmptyText).map(FieldReader.note),
            lines: lines, allowancesAndCharges: allowancesAndCharges, vatBreakdown: vatBreakdown, totals: totals,
            thirdPartyPayments: thirdPartyPayments, supportingDocuments: documents)
    }

    // MARK: - Parts

    private func party(_ element: XMLTreeElement?, nameTerm: String, role: String) throws(EInvoiceError)
        -> ReceivedInvoice.Party
    {
        let tradingName = element?.text("PartyName", "Name")
        let legalName = element?.text("PartyLegalEntity", "RegistrationName")
        guard let name = legalName ?? tradingName else {
            throw .missingElement(term: nameTerm, name: role, context: nil)
        }
        let address = element?.child("PostalAddress")
        let schemes = element?.children("PartyTaxScheme") ?? []
        let vatID = schemes.first { $0.text("TaxScheme", "ID") == "VAT" }?.text("CompanyID")
        let taxNumber = schemes.first { $0.text("TaxScheme", "ID") != "VAT" }?.text("CompanyID")
        let contactElement = element?.child("Contact")
        let contact = ReceivedInvoice.Contact(
            name: contactElement?.text("Name"), phone: contactElement?.text("Telephone"),
            email: contactElement?.text("ElectronicMail"))
        let endpoint = element?.child("EndpointID")
        let identifier = element?.children("PartyIdentification").compactMap { $0.child("ID") }
            .first { $0.attributes["schemeID"] != "SEPA" }?.nonEmptyText
        var lines = ["StreetName", "AdditionalStreetName"].compactMap { address?.text($0) }
        lines += address?.children("AddressLine").compactMap { $0.text("Line") } ?? []
        return ReceivedInvoice.Party(
            name: name, tradingName: tradingName == name ? nil : tradingName, identifier: identifier,
            legalRegistrationID: element?.text("PartyLegalEntity", "CompanyID"),
            legalInformation: element?.text("PartyLegalEntity", "CompanyLegalForm"),
            addressLines: lines, postcode: address?.text("PostalZone"), city: address?.text("CityName"),
            countrySubdivision: address?.text("CountrySubentity"),
            countryCode: address?.text("Country", "IdentificationCode"), vatID: vatID, taxNumber: taxNumber,
            electronicAddress: endpoint?.nonEmptyText, electronicAddressScheme: endpoint?.attributes["schemeID"],
            contact: contact.isEmpty ? nil : contact)
    }

    private func line(_ element: XMLTreeElement, position: Int, depth: Int) throws(EInvoiceError)
        -> ReceivedInvoice.Line
    {
        let id = element.text("ID") ?? String(position)
        let context = "invoice line \(id)"
        let item = element.child("Item")
        let price = element.child("Price")
        let quantity = element.child(quantityName)
        let tax = item?.child("ClassifiedTaxCategory")
        var allowancesAndCharges: [ReceivedInvoice.AllowanceCharge] = []
        for charge in element.children("AllowanceCharge") {
            allowancesAndCharges.append(try allowanceCharge(charge, documentLevel: false))
        }
        var subLines: [ReceivedInvoice.Line] = []
        if depth < 16 {
            for (index, sub) in element.children(subLineName).enumerated() {
                subLines.append(try line(sub, position: index + 1, depth: depth + 1))
            }
        }
        let period = element.child("InvoicePeriod")
        let linePeriod = ReceivedInvoice.Period(
            start: try FieldReader.date(period?.child("StartDate"), "BT-134", "line period start date"),
            end: try FieldReader.date(period?.child("EndDate"), "BT-135", "line period end date"))
        // BT-148 is the base amount of the price discount in cac:Price/cac:AllowanceCharge.
        let grossPrice = try FieldReader.amount(price?.first("AllowanceCharge", "BaseAmount"), "BT-148", "item gross price")
        return ReceivedInvoice.Line(
            id: id, name: try FieldReader.requiredText(item?.child("Name"), "BT-153", "item name", context: context),
            description: item?.text("Description"), note: FieldReader.joined(element.children("Note")),
            sellerItemID: item?.text("SellersItemIdentification", "ID"),
            quantity: depth == 0
                ? try FieldReader.requiredAmount(quantity, "BT-129", "invoiced quantity", context: context)
                : try FieldReader.amount(quantity, "BT-129", "invoiced quantity"),
            unitCode: quantity?.attributes["unitCode"],
            netPrice: try FieldReader.amount(price?.child("PriceAmount"), "BT-146", "item net price"),
            grossPrice: grossPrice,
            priceBaseQuantity: try FieldReader.amount(price?.child("BaseQuantity"), "BT-149", "item price base quantity"),
            netAmount: try FieldReader.requiredAmount(
                element.child("LineExtensionAmount"), "BT-131", "invoice line net amount", context: context),
            vatCategory: tax?.text("ID"),
            vatRate: try FieldReader.amount(tax?.child("Percent"), "BT-152", "line VAT rate"),
            period: linePeriod.start == nil && linePeriod.end == nil ? nil : linePeriod,
            allowancesAndCharges: allowancesAndCharges, subLines: subLines)
    }

    private func allowanceCharge(_ element: XMLTreeElement, documentLevel: Bool) throws(EInvoiceError)
        -> ReceivedInvoice.AllowanceCharge
    {
        let isCharge = ["true", "1"].contains(element.text("ChargeIndicator"))
        let terms = documentLevel
            ? (isCharge ? ("BT-99", "BT-100", "BT-101") : ("BT-92", "BT-93", "BT-94"))
            : (isCharge ? ("BT-141", "BT-142", "BT-143") : ("BT-136", "BT-137", "BT-138"))
        let kind = isCharge ? "charge" : "allowance"
        let tax = element.child("TaxCategory")
        return ReceivedInvoice.AllowanceCharge(
            isCharge: isCharge,
            amount: try FieldReader.requiredAmount(element.child("Amount"), terms.0, "\(kind) amount"),
            baseAmount: try FieldReader.amount(element.child("BaseAmount"), terms.1, "\(kind) base amount"),
            percentage: try FieldReader.amount(element.child("MultiplierFactorNumeric"), terms.2, "\(kind) percentage"),
            reason: element.text("AllowanceChargeReason"), reasonCode: element.text("AllowanceChargeReasonCode"),
            vatCategory: tax?.text("ID"),
            vatRate: try FieldReader.amount(tax?.child("Percent"), "BT-96", "\(kind) VAT rate"))
    }
}
