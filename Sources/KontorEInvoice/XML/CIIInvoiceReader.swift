import KontorCore

/// Maps a UN/CEFACT Cross Industry Invoice (D16B, as profiled by EN 16931, XRechnung and
/// ZUGFeRD/Factur-X) onto ``ReceivedInvoice``.
struct CIIInvoiceReader {
    let root: XMLTreeElement

    func read() throws(EInvoiceError) -> ReceivedInvoice {
        let document = root.child("ExchangedDocument")
        let context = root.child("ExchangedDocumentContext")
        let transaction = root.child("SupplyChainTradeTransaction")
        let agreement = transaction?.child("ApplicableHeaderTradeAgreement")
        let delivery = transaction?.child("ApplicableHeaderTradeDelivery")
        let settlement = transaction?.child("ApplicableHeaderTradeSettlement")

        let number = try FieldReader.requiredText(document?.child("ID"), "BT-1", "invoice number")
        let typeCode = try FieldReader.requiredText(document?.child("TypeCode"), "BT-3", "invoice type code")
        guard let issueDate = try Self.date(document?.child("IssueDateTime"), "BT-2", "issue date") else {
            throw .missingElement(term: "BT-2", name: "issue date", context: nil)
        }
        let currency = try FieldReader.requiredText(settlement?.child("InvoiceCurrencyCode"), "BT-5", "currency")
        let taxCurrency = settlement?.text("TaxCurrencyCode")

        let seller = try party(agreement?.child("SellerTradeParty"), nameTerm: "BT-27", role: "seller name")
        let buyer = try party(agreement?.child("BuyerTradeParty"), nameTerm: "BT-44", role: "buyer name")

        let terms = settlement?.children("SpecifiedTradePaymentTerms") ?? []
        var dueDate: Day?
        for term in terms where dueDate == nil {
            dueDate = try Self.date(term.child("DueDateDateTime"), "BT-9", "payment due date")
        }
        let mandate = terms.lazy.compactMap { $0.text("DirectDebitMandateID") }.first
        let creditorID = settlement?.text("CreditorReferenceID")
        let paymentMeans = (settlement?.children("SpecifiedTradeSettlementPaymentMeans") ?? []).map { means in
            ReceivedInvoice.PaymentMeans(
                code: means.text("TypeCode") ?? "1", text: means.text("Information"),
                accountID: means.text("PayeePartyCreditorFinancialAccount", "IBANID")
                    ?? means.text("PayeePartyCreditorFinancialAccount", "ProprietaryID"),
                accountName: means.text("PayeePartyCreditorFinancialAccount", "AccountName"),
                bic: means.text("PayeeSpecifiedCreditorFinancialInstitution", "BICID"),
                cardNumber: means.text("ApplicableTradeSettlementFinancialCard", "ID"),
                mandateReference: mandate, creditorID: creditorID,
                debitedAccountID: means.text("PayerPartyDebtorFinancialAccount", "IBANID"))
        }

        var precedingInvoices: [ReceivedInvoice.InvoiceReference] = []
        for reference in settlement?.children("InvoiceReferencedDocument") ?? [] {
            guard let id = reference.text("IssuerAssignedID") else { continue }
            let date = try Self.date(reference.child("FormattedIssueDateTime"), "BT-26", "preceding invoice date")
            precedingInvoices.append(ReceivedInvoice.InvoiceReference(number: id, issueDate: date))
        }

        var allowancesAndCharges: [ReceivedInvoice.AllowanceCharge] = []
        for element in settlement?.children("SpecifiedTradeAllowanceCharge") ?? [] {
            allowancesAndCharges.append(try allowanceCharge(element, documentLevel: true))
        }

        var vatBreakdown: [ReceivedInvoice.VATBreakdown] = []
        for tax in settlement?.children("ApplicableTradeTax") ?? [] {
            vatBreakdown.append(ReceivedInvoice.VATBreakdown(
                category: tax.text("CategoryCode") ?? "",
                rate: try FieldReader.amount(tax.child("RateApplicablePercent"), "BT-119", "VAT rate"),
                taxableAmount: try FieldReader.requiredAmount(tax.child("BasisAmount"), "BT-116", "VAT taxable amount"),
                taxAmount: try FieldReader.requiredAmount(tax.child("CalculatedAmount"), "BT-117", "VAT amount"),
                exemptionReason: tax.text("ExemptionReason"), exemptionReasonCode: tax.text("ExemptionReasonCode")))
        }

        let notes = (document?.children("IncludedNote") ?? []).compactMap { note -> ReceivedInvoice.Note? in
            guard let text = note.text("Content") else { return nil }
            return ReceivedInvoice.Note(subjectCode: note.text("SubjectCode"), text: text)
        }

        // BG-24 has type code 916; 50 (tender, BT-17) and 130 (invoiced object, BT-18) are not documents.
        let documents = (agreement?.children("AdditionalReferencedDocument") ?? []).filter {
            $0.text("TypeCode") == "916"
        }.map { element in
            let file = FieldReader.attachment(element.child("AttachmentBinaryObject"))
            return ReceivedInvoice.SupportingDocument(
                reference: element.text("IssuerAssignedID") ?? "", description: element.text("Name"),
                uri: element.text("URIID"), fileName: file.fileName, mimeType: file.mimeType, data: file.data)
        }

        let period = settlement?.child("BillingSpecifiedPeriod")
        return ReceivedInvoice(
            syntax: .cii, typeCode: typeCode, isCreditNote: ReceivedInvoice.creditNoteTypeCodes.contains(typeCode),
            number: number, issueDate: issueDate, dueDate: dueDate, currency: currency,
            taxCurrency: taxCurrency == currency ? nil : taxCurrency,
            buyerReference: agreement?.text("BuyerReference"),
            specificationID: context?.text("GuidelineSpecifiedDocumentContextParameter", "ID"),
            businessProcess: context?.text("BusinessProcessSpecifiedDocumentContextParameter", "ID"),
            orderReference: agreement?.text("BuyerOrderReferencedDocument", "IssuerAssignedID"),
            contractReference: agreement?.text("ContractReferencedDocument", "IssuerAssignedID"),
            projectReference: agreement?.text("SpecifiedProcuringProject", "ID"),
            seller: seller, buyer: buyer, payeeName: settlement?.text("PayeeTradeParty", "Name"),
            deliveryDate: try Self.date(
                delivery?.first("ActualDeliverySupplyChainEvent", "OccurrenceDateTime"), "BT-72", "delivery date"),
            servicePeriod: try Self.period(period, startTerm: "BT-73", endTerm: "BT-74"),
            paymentTerms: FieldReader.joined(terms.compactMap { $0.child("Description") }),
            paymentReference: settlement?.text("PaymentReference"), paymentMeans: paymentMeans,
            precedingInvoices: precedingInvoices, notes: notes, lines: try lines(transaction),
            allowancesAndCharges: allowancesAndCharges, vatBreakdown: vatBreakdown,
            totals: try totals(settlement?.child("SpecifiedTradeSettlementHeaderMonetarySummation"),
                               currency: currency, taxCurrency: taxCurrency),
            supportingDocuments: documents)
    }

    // MARK: - Parts

    private func party(_ element: XMLTreeElement?, nameTerm: String, role: String) throws(EInvoiceError)
        -> ReceivedInvoice.Party
    {
        let name = try FieldReader.requiredText(element?.child("Name"), nameTerm, role)
        let address = element?.child("PostalTradeAddress")
        let registrations = element?.children("SpecifiedTaxRegistration").compactMap(\.children.first) ?? []
        let contactElement = element?.child("DefinedTradeContact")
        let contact = ReceivedInvoice.Contact(
            name: contactElement?.text("PersonName") ?? contactElement?.text("DepartmentName"),
            phone: contactElement?.text("TelephoneUniversalCommunication", "CompleteNumber"),
            email: contactElement?.text("EmailURIUniversalCommunication", "URIID"))
        let uri = element?.first("URIUniversalCommunication", "URIID")
        return ReceivedInvoice.Party(
            name: name, tradingName: element?.text("SpecifiedLegalOrganization", "TradingBusinessName"),
            identifier: element?.text("ID") ?? element?.text("GlobalID"),
            legalRegistrationID: element?.text("SpecifiedLegalOrganization", "ID"),
            legalInformation: element?.text("Description"),
            addressLines: ["LineOne", "LineTwo", "LineThree"].compactMap { address?.text($0) },
            postcode: address?.text("PostcodeCode"), city: address?.text("CityName"),
            countrySubdivision: address?.text("CountrySubDivisionName"), countryCode: address?.text("CountryID"),
            vatID: registrations.first { $0.attributes["schemeID"] == "VA" }?.nonEmptyText,
            taxNumber: registrations.first { $0.attributes["schemeID"] == "FC" }?.nonEmptyText,
            electronicAddress: uri?.nonEmptyText, electronicAddressScheme: uri?.attributes["schemeID"],
            contact: contact.isEmpty ? nil : contact)
    }

    private func lines(_ transaction: XMLTreeElement?) throws(EInvoiceError) -> [ReceivedInvoice.Line] {
        var flat: [(line: ReceivedInvoice.Line, parent: String?)] = []
        for (index, item) in (transaction?.children("IncludedSupplyChainTradeLineItem") ?? []).enumerated() {
            flat.append(try line(item, position: index + 1))
        }
        return Self.nest(flat)
    }

    /// Hangs lines with a `ParentLineID` under their parent (XRechnung extension); a line whose
    /// parent does not exist stays at the top level.
    static func nest(_ flat: [(line: ReceivedInvoice.Line, parent: String?)]) -> [ReceivedInvoice.Line] {
        let ids = Set(flat.map(\.line.id))
        var children: [String: [ReceivedInvoice.Line]] = [:]
        for entry in flat {
            if let parent = entry.parent, ids.contains(parent), parent != entry.line.id {
                children[parent, default: []].append(entry.line)
            }
        }
        func attach(_ line: ReceivedInvoice.Line, depth: Int) -> ReceivedInvoice.Line {
            var line = line
            if depth < 16 { line.subLines = (children[line.id] ?? []).map { attach($0, depth: depth + 1) } }
            return line
        }
        return flat.filter { entry in
            guard let parent = entry.parent else { return true }
            return !ids.contains(parent) || parent == entry.line.id
        }.map { attach($0.line, depth: 0) }
    }

    private func line(_ item: XMLTreeElement, position: Int) throws(EInvoiceError)
        -> (line: ReceivedInvoice.Line, parent: String?)
    {
        let document = item.child("AssociatedDocumentLineDocument")
        let product = item.child("SpecifiedTradeProduct")
        let agreement = item.child("SpecifiedLineTradeAgreement")
        let settlement = item.child("SpecifiedLineTradeSettlement")
        let id = document?.text("LineID") ?? String(position)
        let context = "invoice line \(id)"
        let quantityElement = item.first("SpecifiedLineTradeDelivery", "BilledQuantity")
        let basis = agreement?.first("NetPriceProductTradePrice", "BasisQuantity")
            ?? agreement?.first("GrossPriceProductTradePrice", "BasisQuantity")
        var allowancesAndCharges: [ReceivedInvoice.AllowanceCharge] = []
        for element in settlement?.children("SpecifiedTradeAllowanceCharge") ?? [] {
            allowancesAndCharges.append(try allowanceCharge(element, documentLevel: false))
        }
        let tax = settlement?.child("ApplicableTradeTax")
        let line = ReceivedInvoice.Line(
            id: id, name: try FieldReader.requiredText(product?.child("Name"), "BT-153", "item name", context: context),
            description: product?.text("Description"),
            note: FieldReader.joined(document?.children("IncludedNote").compactMap { $0.child("Content") } ?? []),
            sellerItemID: product?.text("SellerAssignedID"),
            quantity: try FieldReader.requiredAmount(quantityElement, "BT-129", "invoiced quantity", context: context),
            unitCode: quantityElement?.attributes["unitCode"],
            netPrice: try FieldReader.amount(agreement?.first("NetPriceProductTradePrice", "ChargeAmount"),
                                             "BT-146", "item net price"),
            grossPrice: try FieldReader.amount(agreement?.first("GrossPriceProductTradePrice", "ChargeAmount"),
                                               "BT-148", "item gross price"),
            priceBaseQuantity: try FieldReader.amount(basis, "BT-149", "item price base quantity"),
            netAmount: try FieldReader.requiredAmount(
                settlement?.first("SpecifiedTradeSettlementLineMonetarySummation", "LineTotalAmount"),
                "BT-131", "invoice line net amount", context: context),
            vatCategory: tax?.text("CategoryCode"),
            vatRate: try FieldReader.amount(tax?.child("RateApplicablePercent"), "BT-152", "line VAT rate"),
            period: try Self.period(settlement?.child("BillingSpecifiedPeriod"), startTerm: "BT-134", endTerm: "BT-135"),
            allowancesAndCharges: allowancesAndCharges)
        return (line, document?.text("ParentLineID"))
    }

    private func allowanceCharge(_ element: XMLTreeElement, documentLevel: Bool) throws(EInvoiceError)
        -> ReceivedInvoice.AllowanceCharge
    {
        let isCharge = ["true", "1"].contains(element.text("ChargeIndicator", "Indicator"))
        let terms = documentLevel
            ? (isCharge ? ("BT-99", "BT-100", "BT-101") : ("BT-92", "BT-93", "BT-94"))
            : (isCharge ? ("BT-141", "BT-142", "BT-143") : ("BT-136", "BT-137", "BT-138"))
        let kind = isCharge ? "charge" : "allowance"
        let tax = element.child("CategoryTradeTax")
        return ReceivedInvoice.AllowanceCharge(
            isCharge: isCharge,
            amount: try FieldReader.requiredAmount(element.child("ActualAmount"), terms.0, "\(kind) amount"),
            baseAmount: try FieldReader.amount(element.child("BasisAmount"), terms.1, "\(kind) base amount"),
            percentage: try FieldReader.amount(element.child("CalculationPercent"), terms.2, "\(kind) percentage"),
            reason: element.text("Reason"), reasonCode: element.text("ReasonCode"),
            vatCategory: tax?.text("CategoryCode"),
            vatRate: try FieldReader.amount(tax?.child("RateApplicablePercent"), "BT-96", "\(kind) VAT rate"))
    }

    private func totals(_ summation: XMLTreeElement?, currency: String, taxCurrency: String?) throws(EInvoiceError)
        -> ReceivedInvoice.Totals
    {
        // BT-110 and BT-111 share the element name; the currencyID tells them apart.
        let taxTotals = summation?.children("TaxTotalAmount") ?? []
        let documentTax = taxTotals.first { $0.attributes["currencyID"] == currency }
            ?? taxTotals.first { $0.attributes["currencyID"] == nil }
            ?? (taxCurrency == nil || taxCurrency == currency ? taxTotals.first : nil)
        let accountingTax = taxCurrency.flatMap { code in
            code == currency ? nil : taxTotals.first { $0.attributes["currencyID"] == code }
        }
        return ReceivedInvoice.Totals(
            lineTotal: try FieldReader.requiredAmount(summation?.child("LineTotalAmount"), "BT-106", "sum of line net amounts"),
            allowanceTotal: try FieldReader.amount(summation?.child("AllowanceTotalAmount"), "BT-107", "sum of allowances"),
            chargeTotal: try FieldReader.amount(summation?.child("ChargeTotalAmount"), "BT-108", "sum of charges"),
            taxExclusive: try FieldReader.requiredAmount(
                summation?.child("TaxBasisTotalAmount"), "BT-109", "invoice total without VAT"),
            vatTotal: try FieldReader.amount(documentTax, "BT-110", "invoice total VAT amount"),
            vatTotalInTaxCurrency: try FieldReader.amount(accountingTax, "BT-111", "VAT amount in accounting currency"),
            grandTotal: try FieldReader.requiredAmount(
                summation?.child("GrandTotalAmount"), "BT-112", "invoice total with VAT"),
            prepaid: try FieldReader.amount(summation?.child("TotalPrepaidAmount"), "BT-113", "paid amount"),
            rounding: try FieldReader.amount(summation?.child("RoundingAmount"), "BT-114", "rounding amount"),
            duePayable: try FieldReader.requiredAmount(
                summation?.child("DuePayableAmount"), "BT-115", "amount due for payment"))
    }

    // MARK: - Dates

    /// A CII date-time element: its `DateTimeString` (udt or qdt) child, format 102.
    private static func date(_ element: XMLTreeElement?, _ term: String, _ name: String) throws(EInvoiceError) -> Day? {
        try FieldReader.date(element?.child("DateTimeString") ?? element?.child("DateString"), term, name)
    }

    private static func period(_ element: XMLTreeElement?, startTerm: String, endTerm: String) throws(EInvoiceError)
        -> ReceivedInvoice.Period?
    {
        guard let element else { return nil }
        let start = try date(element.child("StartDateTime"), startTerm, "period start date")
        let end = try date(element.child("EndDateTime"), endTerm, "period end date")
        return start == nil && end == nil ? nil : ReceivedInvoice.Period(start: start, end: end)
    }
}
