import KontorCore

/// Kontor's own wording of the e-mails that carry a quote, an invoice or a cancellation invoice, as Mustache
/// templates the user may replace (stored under `RecordMail.templateKey`). Only the middle is a template: the
/// greeting and the closing come from the one greeting function every letter and e-mail uses.
enum RecordMailTemplates {
    static func standard(_ kind: RecordMail.Kind, _ language: Language, _ part: RecordMail.Part) -> String {
        switch (kind, language, part) {
        case (.quote, .de, .subject): "Angebot {{quoteNumber}}: {{title}}"
        case (.quote, .de, .body):
            """
            vielen Dank für Ihr Interesse. Anbei erhalten Sie mein Angebot „{{title}}“; es gilt bis zum \
            {{validUntil}}.{{#deliveryDate}} Den fertigen Text kann ich Ihnen bis zum {{deliveryDate}} liefern.\
            {{/deliveryDate}}

            Wenn es für Sie passt, genügt eine kurze Antwort auf diese E-Mail, und ich lege los. Bei Fragen melden \
            Sie sich gern.
            """
        case (.quote, .en, .subject): "Quote {{quoteNumber}}: {{title}}"
        case (.quote, .en, .body):
            """
            thank you for your interest. Please find attached my quote “{{title}}”, valid until {{validUntil}}.\
            {{#deliveryDate}} I can deliver the finished text by {{deliveryDate}}.{{/deliveryDate}}

            If it suits you, a short reply to this e-mail is all I need to get started. If you have any questions, \
            just let me know.
            """
        case (.invoice, .de, .subject): "Rechnung {{invoiceNumber}}"
        case (.invoice, .de, .body):
            """
            anbei erhalten Sie meine Rechnung {{invoiceNumber}} vom {{invoiceDate}} über {{amount}}. Bitte \
            überweisen Sie den Betrag bis zum {{dueDate}} auf das in der Rechnung genannte Konto.\
            {{#zugferd}} Die Rechnung ist eine E-Rechnung (ZUGFeRD): Ihre Buchhaltung findet die Daten in der \
            PDF-Datei.{{/zugferd}}{{#xrechnung}} Die E-Rechnung (XRechnung) liegt als XML-Datei bei; die PDF-Datei \
            dient zur Ansicht.{{/xrechnung}}

            Vielen Dank für die gute Zusammenarbeit!
            """
        case (.invoice, .en, .subject): "Invoice {{invoiceNumber}}"
        case (.invoice, .en, .body):
            """
            please find attached my invoice {{invoiceNumber}} of {{invoiceDate}} for {{amount}}. Please transfer \
            the amount by {{dueDate}} to the account named in the invoice.{{#zugferd}} The invoice is an e-invoice \
            (ZUGFeRD): your accounts department finds the data inside the PDF file.{{/zugferd}}{{#xrechnung}} The \
            e-invoice (XRechnung) is attached as an XML file; the PDF file is for reading.{{/xrechnung}}

            Thank you for working with me!
            """
        case (.cancellation, .de, .subject): "Stornorechnung {{invoiceNumber}} zu Rechnung {{cancelsNumber}}"
        case (.cancellation, .de, .body):
            """
            anbei erhalten Sie die Stornorechnung {{invoiceNumber}}. Sie hebt meine Rechnung {{cancelsNumber}} \
            auf; bitte betrachten Sie diese als erledigt. Falls Sie sie schon bezahlt haben, melde ich mich wegen \
            der Erstattung bei Ihnen.
            """
        case (.cancellation, .en, .subject): "Cancellation invoice {{invoiceNumber}} for invoice {{cancelsNumber}}"
        case (.cancellation, .en, .body):
            """
            please find attached the cancellation invoice {{invoiceNumber}}. It cancels my invoice \
            {{cancelsNumber}}; please consider that invoice settled. If you have already paid it, I will be in \
            touch about the refund.
            """
        }
    }
}
