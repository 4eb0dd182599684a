public import KontorCore

/// Writes an issued invoice or cancellation invoice as UN/CEFACT Cross Industry Invoice (D16B) following
/// EN 16931 and, for `.xrechnung`, the XRechnung 3.0 CIUS. Totals follow the EN 16931 calculation: line nets,
/// the loyalty discount as document-level allowances per VAT rate, VAT per category on the sum.
///
/// The XML is written as UTF-8 bytes into one buffer (`XMLBuilder`), amounts and dates as digits; the tests hold
/// it byte for byte to what the earlier string writer wrote (`CIIGoldenTests`).
public enum CIIWriter {
    /// The XML of `invoice` (which must be issued and carry its buyer and seller snapshots).
    /// - Parameter precedingIssueDate: for a cancellation invoice, the issue date of the cancelled invoice (BT-26).
    public static func xml(
        for invoice: Invoice, profile: EInvoiceProfile, precedingIssueDate: Day? = nil
    ) throws(EInvoiceExportError) -> String {
        guard let number = invoice.number, let issueDate = invoice.issueDate, let buyer = invoice.buyer,
              let seller = invoice.seller
        else { throw .notIssued }
        if profile == .xrechnung { try checkXRechnungFields(seller: seller, buyer: buyer) }
        // A cancellation invoice is a credit note (381) with positive amounts: the type code carries the sign.
        let lines = invoice.kind == .cancellation
            ? invoice.lines.map { line -> DocumentLine in
                var line = line
                line.unitPrice.tenThousandths.negate()
                return line
            }
            : invoice.lines
        // The one breakdown the PDF prints too: categories, rates, bases and exemption texts.
        let taxes = TaxBreakdown(lines: lines, treatment: invoice.treatment)
        var lineTotal = Money.zero
        var allowanceTotal = Money.zero
        var hasAllowances = false
        for line in lines {
            if line.isDiscount {
                allowanceTotal -= line.net
                hasAllowances = true
            } else {
                lineTotal += line.net
            }
        }
        // Each sum once: `TaxBreakdown.gross` adds up `net` and `tax` again.
        let taxBasis = taxes.net
        let taxTotal = taxes.tax
        let grandTotal = taxBasis + taxTotal
        let language = invoice.language

        var xml = XMLBuilder()
        xml.element("rsm:CrossIndustryInvoice", namespaces) { xml in
            xml.element("rsm:ExchangedDocumentContext") { xml in
                xml.element("ram:BusinessProcessSpecifiedDocumentContextParameter") {
                    $0.leaf("ram:ID", profile.businessProcess)
                }
                xml.element("ram:GuidelineSpecifiedDocumentContextParameter") {
                    $0.leaf("ram:ID", profile.guideline)
                }
            }
            xml.element("rsm:ExchangedDocument") { xml in
                xml.leaf("ram:ID", number)
                xml.leaf("ram:TypeCode", constant: invoice.kind == .cancellation ? "381" : "380")
                xml.element("ram:IssueDateTime") { date(&$0, issueDate, qualified: false) }
                for note in taxes.notes(language) {
                    xml.element("ram:IncludedNote") { $0.leaf("ram:Content", note) }
                }
            }
            xml.element("rsm:SupplyChainTradeTransaction") { xml in
                var position: Int64 = 0
                for line in lines where !line.isDiscount {
                    position += 1
                    writeLine(&xml, line, position: position, category: taxes.category(of: line))
                }
                xml.element("ram:ApplicableHeaderTradeAgreement") { xml in
                    if let reference = buyer.buyerReference {
                        xml.optionalLeaf("ram:BuyerReference", reference)
                    } else if profile == .xrechnung {
                        xml.leaf("ram:BuyerReference") { $0.appendInteger(buyer.id) }
                    }
                    writeSeller(&xml, seller, treatment: invoice.treatment)
                    writeBuyer(&xml, buyer, treatment: invoice.treatment)
                }
                xml.element("ram:ApplicableHeaderTradeDelivery") { xml in
                    if let from = invoice.serviceFrom, invoice.serviceTo == nil || invoice.serviceTo == from {
                        xml.element("ram:ActualDeliverySupplyChainEvent") { xml in
                            xml.element("ram:OccurrenceDateTime") { date(&$0, from, qualified: false) }
                        }
                    }
                }
                xml.element("ram:ApplicableHeaderTradeSettlement") { xml in
                    xml.leaf("ram:PaymentReference", number)
                    xml.leaf("ram:InvoiceCurrencyCode", constant: "EUR")
                    if let iban = seller.iban {
                        xml.element("ram:SpecifiedTradeSettlementPaymentMeans") { xml in
                            xml.leaf("ram:TypeCode", constant: "58")
                            xml.element("ram:PayeePartyCreditorFinancialAccount") { xml in
                                xml.leaf("ram:IBANID", iban.electronic)
                                xml.leaf("ram:AccountName", seller.name)
                            }
                            if let bic = seller.bic {
                                xml.element("ram:PayeeSpecifiedCreditorFinancialInstitution") { $0.leaf("ram:BICID", bic) }
                            }
                        }
                    }
                    for group in taxes.groups {
                        let category = group.category
                        xml.element("ram:ApplicableTradeTax") { xml in
                            xml.leaf("ram:CalculatedAmount", cents: group.tax.cents)
                            xml.leaf("ram:TypeCode", constant: "VAT")
                            xml.optionalLeaf("ram:ExemptionReason", category.exemptionReason(language))
                            xml.leaf("ram:BasisAmount", cents: group.basis.cents)
                            xml.leaf("ram:CategoryCode", category.code.rawValue)
                            xml.optionalLeaf("ram:ExemptionReasonCode", category.exemptionReasonCode)
                            // BR-DE-14 wants the rate in every group, category O included (0); EN 16931 forbids
                            // it only on O lines and allowances (BR-O-05, BR-O-06).
                            xml.leaf("ram:RateApplicablePercent", integer: category.rate.percent)
                        }
                    }
                    if let from = invoice.serviceFrom, let to = invoice.serviceTo, to != from {
                        xml.element("ram:BillingSpecifiedPeriod") { xml in
                            xml.element("ram:StartDateTime") { date(&$0, from, qualified: false) }
                            xml.element("ram:EndDateTime") { date(&$0, to, qualified: false) }
                        }
                    }
                    for allowance in lines where allowance.isDiscount {
                        xml.element("ram:SpecifiedTradeAllowanceCharge") { xml in
                            xml.element("ram:ChargeIndicator") { $0.leaf("udt:Indicator", constant: "false") }
                            xml.leaf("ram:ActualAmount", cents: -allowance.net.cents)
                            xml.leaf("ram:ReasonCode", constant: "95")
                            xml.leaf("ram:Reason", allowance.description)
                            taxes.category(of: allowance).writeShort(&xml, element: .allowance)
                        }
                    }
                    xml.element("ram:SpecifiedTradePaymentTerms") { xml in
                        if invoice.kind == .invoice, let due = invoice.dueDate {
                            xml.leaf("ram:Description") { xml in
                                if language == .de {
                                    xml.append("Zahlbar bis ")
                                    formatted(&xml, due, language)
                                    xml.append(" ohne Abzug.")
                                } else {
                                    xml.append("Payable by ")
                                    formatted(&xml, due, language)
                                    xml.append(" without deduction.")
                                }
                            }
                            xml.element("ram:DueDateDateTime") { date(&$0, due, qualified: false) }
                        } else {
                            // A Storno is no "Gutschrift": that word means self-billing (§ 14 Abs. 4 Nr. 10 UStG).
                            xml.leaf("ram:Description") { xml in
                                xml.append(
                                    language == .de ? "Stornorechnung zur Rechnung " : "Cancellation of invoice ")
                                xml.appendEscaped(invoice.cancelsNumber ?? "")
                                xml.append(".")
                            }
                        }
                    }
                    xml.element("ram:SpecifiedTradeSettlementHeaderMonetarySummation") { xml in
                        xml.leaf("ram:LineTotalAmount", cents: lineTotal.cents)
                        if hasAllowances { xml.leaf("ram:AllowanceTotalAmount", cents: allowanceTotal.cents) }
                        xml.leaf("ram:TaxBasisTotalAmount", cents: taxBasis.cents)
                        xml.leaf("ram:TaxTotalAmount", cents: taxTotal.cents, " currencyID=\"EUR\"")
                        xml.leaf("ram:GrandTotalAmount", cents: grandTotal.cents)
                        xml.leaf("ram:DuePayableAmount", cents: grandTotal.cents)
                    }
                    if invoice.kind == .cancellation, let preceding = invoice.cancelsNumber {
                        xml.element("ram:InvoiceReferencedDocument") { xml in
                            xml.leaf("ram:IssuerAssignedID", preceding)
                            if let precedingIssueDate {
                                xml.element("ram:FormattedIssueDateTime") { date(&$0, precedingIssueDate, qualified: true) }
                            }
                        }
                    }
                }
            }
        }
        return xml.text
    }

    /// The root element's namespace declarations, as attributes.
    static let namespaces: StaticString = """
         xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"\
         xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"\
         xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100"\
         xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
        """

    /// A date in format 102 (`YYYYMMDD`).
    static func date(_ xml: inout XMLBuilder, _ day: Day, qualified: Bool) {
        let (y, m, d) = day.components
        let write = { (xml: inout XMLBuilder) in
            xml.appendInteger(Int64(y))
            if m < 10 { xml.append("0") }
            xml.appendInteger(Int64(m))
            if d < 10 { xml.append("0") }
            xml.appendInteger(Int64(d))
        }
        if qualified {
            xml.leaf("qdt:DateTimeString", " format=\"102\"", content: write)
        } else {
            xml.leaf("udt:DateTimeString", " format=\"102\"", content: write)
        }
    }

    /// `day` as `Day.formatted(language)` prints it (`16.03.2026`, `16 Mar 2026`), written as digits.
    static func formatted(_ xml: inout XMLBuilder, _ day: Day, _ language: Language) {
        let (y, m, d) = day.components
        switch language {
        case .de:
            guard (0...9999).contains(y) else {
                xml.appendEscaped(day.formatted(language))
                return
            }
            xml.appendTwoDigits(d)
            xml.append(".")
            xml.appendTwoDigits(m)
            xml.append(".")
            xml.appendTwoDigits(y / 100)
            xml.appendTwoDigits(y % 100)
        case .en:
            xml.appendInteger(Int64(d))
            xml.append(" ")
            xml.append(monthNames[m - 1])
            xml.append(" ")
            xml.appendInteger(Int64(y))
        }
    }

    static let monthNames: [StaticString] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    static func writeLine(_ xml: inout XMLBuilder, _ line: DocumentLine, position: Int64, category: TaxCategory) {
        xml.element("ram:IncludedSupplyChainTradeLineItem") { xml in
            xml.element("ram:AssociatedDocumentLineDocument") { $0.leaf("ram:LineID", integer: position) }
            xml.element("ram:SpecifiedTradeProduct") { $0.leaf("ram:Name", line.description) }
            xml.element("ram:SpecifiedLineTradeAgreement") { xml in
                xml.element("ram:NetPriceProductTradePrice") { xml in
                    // `UnitPrice.description`: at least two decimals, up to four.
                    xml.leaf("ram:ChargeAmount") {
                        $0.appendFixed(line.unitPrice.tenThousandths, scale: 4, minimumFraction: 2)
                    }
                }
            }
            xml.element("ram:SpecifiedLineTradeDelivery") { xml in
                // `Quantity.description`: no trailing zeros.
                xml.leaf("ram:BilledQuantity", line.unit.unitCodeAttribute) {
                    $0.appendFixed(line.quantity.thousandths, scale: 3, minimumFraction: 0)
                }
            }
            xml.element("ram:SpecifiedLineTradeSettlement") { xml in
                category.writeShort(&xml, element: .line)
                xml.element("ram:SpecifiedTradeSettlementLineMonetarySummation") { xml in
                    xml.leaf("ram:LineTotalAmount", cents: line.net.cents)
                }
            }
        }
    }

    static func writeSeller(_ xml: inout XMLBuilder, _ seller: BusinessProfile, treatment: TaxTreatment) {
        xml.element("ram:SellerTradeParty") { xml in
            // BR-CO-26 wants an identifier for the seller; a freelancer without a VAT ID has the tax number.
            let writesVATId = seller.vatId != nil && (treatment != .outsideScope || seller.taxNumber == nil)
            if !writesVATId, let taxNumber = seller.taxNumber { xml.leaf("ram:ID", taxNumber) }
            xml.leaf("ram:Name", seller.name)
            if seller.phone != nil || seller.email != nil {
                xml.element("ram:DefinedTradeContact") { xml in
                    xml.leaf("ram:PersonName", seller.name)
                    if let phone = seller.phone {
                        xml.element("ram:TelephoneUniversalCommunication") { $0.leaf("ram:CompleteNumber", phone) }
                    }
                    if let email = seller.email {
                        xml.element("ram:EmailURIUniversalCommunication") { $0.leaf("ram:URIID", email) }
                    }
                }
            }
            if let address = seller.address { writeAddress(&xml, address) }
            if let email = seller.email {
                xml.element("ram:URIUniversalCommunication") { $0.leaf("ram:URIID", email, " schemeID=\"EM\"") }
            }
            if let taxNumber = seller.taxNumber {
                xml.element("ram:SpecifiedTaxRegistration") { $0.leaf("ram:ID", taxNumber, " schemeID=\"FC\"") }
            }
            // Outside the scope of VAT (category O) the rules forbid VAT identifiers.
            if let vatId = seller.vatId, writesVATId {
                xml.element("ram:SpecifiedTaxRegistration") { $0.leaf("ram:ID", vatId, " schemeID=\"VA\"") }
            }
        }
    }

    static func writeBuyer(_ xml: inout XMLBuilder, _ buyer: Customer, treatment: TaxTreatment) {
        xml.element("ram:BuyerTradeParty") { xml in
            xml.leaf("ram:Name", buyer.name)
            if let contact = buyer.contactPerson {
                xml.element("ram:DefinedTradeContact") { $0.leaf("ram:PersonName", contact) }
            }
            if let address = buyer.address { writeAddress(&xml, address) }
            if let email = buyer.email {
                xml.element("ram:URIUniversalCommunication") { $0.leaf("ram:URIID", email, " schemeID=\"EM\"") }
            }
            if let vatId = buyer.vatId, treatment != .outsideScope {
                xml.element("ram:SpecifiedTaxRegistration") { $0.leaf("ram:ID", vatId, " schemeID=\"VA\"") }
            }
        }
    }

    static func writeAddress(_ xml: inout XMLBuilder, _ address: PostalAddress) {
        xml.element("ram:PostalTradeAddress") { xml in
            xml.leaf("ram:PostcodeCode", address.postalCode)
            xml.leaf("ram:LineOne", address.street)
            xml.leaf("ram:CityName", address.city)
            xml.leaf("ram:CountryID", address.country)
        }
    }

    /// XRechnung makes the seller's contact (BR-DE-2, -5, -6, -7), both electronic addresses (BT-34, BT-49)
    /// and the postal details mandatory.
    static func checkXRechnungFields(seller: BusinessProfile, buyer: Customer) throws(EInvoiceExportError) {
        if seller.phone == nil { throw .missingSellerField("phone number (--phone)") }
        if seller.email == nil { throw .missingSellerField("e-mail address (--email)") }
        if seller.iban == nil { throw .missingSellerField("IBAN (--iban)") }
        if buyer.email == nil { throw .missingBuyerField("e-mail address (--email)", customerId: buyer.id) }
    }
}
