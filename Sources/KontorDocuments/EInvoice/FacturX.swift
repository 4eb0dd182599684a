import Foundation
import KontorPDF

/// What makes a PDF/A-3 a ZUGFeRD 2.3 / Factur-X 1.07 invoice (profile EN 16931): the CII XML embedded as
/// `factur-x.xml` with relationship Alternative, and the Factur-X XMP extension schema describing it.
enum FacturX {
    static let fileName = "factur-x.xml"
    static let namespace = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#"

    static func attachment(xml: String, date: Date) -> PDFAttachment {
        PDFAttachment(
            fileName: fileName, data: Data(xml.utf8), mimeType: "text/xml",
            description: "Factur-X/ZUGFeRD invoice (EN 16931)", relationship: .alternative, modificationDate: date)
    }

    /// The fx: properties and the PDF/A extension schema that declares them (PDF/A forbids undeclared XMP).
    static let xmpDescriptions: [String] = [
        """
        <rdf:Description rdf:about="" xmlns:fx="\(namespace)">
          <fx:DocumentType>INVOICE</fx:DocumentType>
          <fx:DocumentFileName>\(fileName)</fx:DocumentFileName>
          <fx:Version>1.0</fx:Version>
          <fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>
        </rdf:Description>
        """,
        """
        <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" \
        xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
          <pdfaExtension:schemas>
            <rdf:Bag>
              <rdf:li rdf:parseType="Resource">
                <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
                <pdfaSchema:namespaceURI>\(namespace)</pdfaSchema:namespaceURI>
                <pdfaSchema:prefix>fx</pdfaSchema:prefix>
                <pdfaSchema:property>
                  <rdf:Seq>
        \(["DocumentFileName": "The name of the embedded XML document",
           "DocumentType": "The type of the hybrid document in capital letters, e.g. INVOICE or ORDER",
           "Version": "The actual version of the standard applying to the embedded XML document",
           "ConformanceLevel": "The conformance level of the embedded XML document"]
            .sorted { $0.key < $1.key }
            .map { """
                            <rdf:li rdf:parseType="Resource">
                              <pdfaProperty:name>\($0.key)</pdfaProperty:name>
                              <pdfaProperty:valueType>Text</pdfaProperty:valueType>
                              <pdfaProperty:category>external</pdfaProperty:category>
                              <pdfaProperty:description>\($0.value)</pdfaProperty:description>
                            </rdf:li>
                """ }.joined(separator: "\n"))
                  </rdf:Seq>
                </pdfaSchema:property>
              </rdf:li>
            </rdf:Bag>
          </pdfaExtension:schemas>
        </rdf:Description>
        """,
    ]
}
