import KontorCore

/// The default wording of each dunning step, as Mustache templates (the user may replace any of them).
/// Friendly and personal at first, rising in firmness step by step, never rude.
enum DunningTemplates {
    /// The key under which a template is stored, e.g. `dunning.notice-1.de.body`.
    static func key(_ step: DunningStep, _ language: Language, _ part: Part) -> String {
        "dunning.\(step.rawValue).\(language.rawValue).\(part.rawValue)"
    }

    enum Part: String, CaseIterable {
        case subject
        case body
    }

    static func standard(_ step: DunningStep, _ language: Language, _ part: Part) -> String {
        switch (step, language, part) {
        case (.inquiry, .de, .subject): "Kurze Nachfrage zu meiner Rechnung {{invoiceNumber}}"
        case (.inquiry, .de, .body):
            """
            ich hoffe, bei Ihnen ist alles in Ordnung.{{#objectionSettled}} Schön, dass wir Ihre Einwände zu dieser \
            Rechnung am {{objectionSettledOn}} klären konnten.{{/objectionSettled}} Beim Blick in meine Unterlagen ist mir aufgefallen, dass \
            meine Rechnung {{invoiceNumber}} vom {{invoiceDate}} über {{invoiceAmount}} noch offen ist\
            {{#partiallyPaid}} (offen sind noch {{openAmount}}){{/partiallyPaid}}. Sie war am {{dueDate}} fällig.\
            {{#received}} {{line}}{{/received}}

            Gut möglich, dass sie im Alltag untergegangen ist oder noch in der Buchhaltung liegt. Ich habe sie \
            Ihnen der Einfachheit halber noch einmal angehängt.

            Würden Sie kurz nachsehen und den offenen Betrag von {{openAmount}} bis zum {{deadline}} auf das unten \
            genannte Konto überweisen? Falls etwas dagegen spricht, genügt mir eine kurze Antwort. Falls sich Ihre \
            Überweisung mit dieser Nachricht gekreuzt hat, betrachten Sie sie bitte als \
            erledigt – und vielen Dank!
            """
        case (.firstNotice, .de, .subject): "1. Mahnung: Rechnung {{invoiceNumber}}"
        case (.firstNotice, .de, .body):
            """
            {{#objectionSettled}}wir haben Ihre Einwände zu meiner Rechnung {{invoiceNumber}} am \
            {{objectionSettledOn}} \
            geklärt – vielen Dank dafür. Der Rechnungsbetrag ist damit zu zahlen. {{/objectionSettled}}\
            {{#nothingReceived}}{{^objectionSettled}}auf meine Nachfrage vom {{inquiryDate}} ist leider noch keine \
            Zahlung bei mir eingegangen. {{/objectionSettled}}{{/nothingReceived}}\
            {{^nothingReceived}}{{^objectionSettled}}vielen Dank für Ihre Zahlung seit meiner Nachfrage vom \
            {{inquiryDate}}. {{/objectionSettled}}{{/nothingReceived}}{{#received}}{{line}} {{/received}}Meine \
            Rechnung {{invoiceNumber}} vom {{invoiceDate}} war am {{dueDate}} fällig; offen sind noch {{openAmount}}.

            Bitte überweisen Sie den offenen Betrag bis zum {{deadline}} auf das unten genannte Konto.

            Zur Erinnerung: Unser Auftrag ist auch ohne unterschriebenen Vertrag verbindlich. Eine mündlich oder \
            per E-Mail getroffene Vereinbarung verpflichtet genauso zur Zahlung wie eine schriftliche.\
            {{#neverObjected}} Die vereinbarte Leistung haben Sie erhalten und bis heute nicht beanstandet.{{/neverObjected}}

            Sollte es einen Grund geben, weshalb Sie die Rechnung nicht oder noch nicht begleichen können, sprechen \
            Sie mich bitte an – wir finden sicher eine Lösung.
            """
        case (.secondNotice, .de, .subject): "2. Mahnung: Rechnung {{invoiceNumber}} – letzte Zahlungsfrist"
        case (.secondNotice, .de, .body):
            """
            {{#objectionSettled}}Ihre Einwände zu meiner Rechnung {{invoiceNumber}} haben wir am \
            {{objectionSettledOn}} geklärt. {{/objectionSettled}}\
            {{#nothingReceived}}leider ist auch nach meiner Mahnung vom {{noticeDate}} keine Zahlung eingegangen. \
            {{/nothingReceived}}{{^nothingReceived}}vielen Dank für Ihre Zahlung seit meiner Mahnung vom \
            {{noticeDate}}. {{#received}}{{line}} {{/received}}Vollständig beglichen ist die Forderung damit aber \
            noch nicht. {{/nothingReceived}}Sie befinden sich seit dem {{defaultFrom}} in Zahlungsverzug \
            ({{defaultRule}}).

            Offener Rechnungsbetrag: {{openAmount}}
            Verzugszinsen ({{interestRate}}) vom {{defaultFrom}} bis {{letterDate}}: {{interest}}
            {{#hasLumpSum}}Verzugspauschale nach § 288 Abs. 5 BGB: {{lumpSum}}
            {{/hasLumpSum}}{{#hasCosts}}Mahnkosten (Porto und Druck): {{costs}}
            {{/hasCosts}}Gesamtbetrag: {{claimTotal}}

            Zinsen{{#hasLumpSum}}{{#hasCosts}}, Pauschale{{/hasCosts}}{{^hasCosts}} und Pauschale{{/hasCosts}}\
            {{/hasLumpSum}}{{#hasCosts}} und Kosten{{/hasCosts}} sind Schadensersatz und daher ohne Umsatzsteuer \
            berechnet.{{#business}} Weitere Kosten der Rechtsverfolgung werden auf die \
            Pauschale angerechnet (§ 288 Abs. 5 Satz 3 BGB).{{/business}}

            Bitte überweisen Sie den Gesamtbetrag bis spätestens {{deadline}}. Geht bis dahin keine Zahlung ein, \
            werde ich das gerichtliche Mahnverfahren einleiten; die Kosten dafür gehen zu Ihren Lasten.

            Eine einvernehmliche Lösung ist mir lieber. Wenn Sie Fragen haben oder eine Ratenzahlung vereinbaren \
            möchten, melden Sie sich bitte vor Ablauf der Frist.
            """
        case (.handover, .de, .subject): "Übergabe an das gerichtliche Mahnverfahren: Rechnung {{invoiceNumber}}"
        case (.handover, .de, .body):
            """
            Die Frist aus der 2. Mahnung vom {{noticeDate}} ist abgelaufen, ohne dass {{customerName}} gezahlt hat.

            Forderung: {{openAmount}} aus Rechnung {{invoiceNumber}} vom {{invoiceDate}}, dazu Verzugszinsen \
            ({{interestRate}}) seit dem {{defaultFrom}}, bis heute {{interest}}{{#hasLumpSum}}, und die \
            Verzugspauschale von {{lumpSum}}{{/hasLumpSum}}{{#hasCosts}}, und Mahnkosten von {{costs}}{{/hasCosts}}.

            Der Mahnantrag kann online unter www.online-mahnantrag.de gestellt werden. Die Angaben dafür und der \
            Verlauf mit allen Belegen stehen im beigefügten Dossier.
            """
        case (.inquiry, .en, .subject): "A quick question about my invoice {{invoiceNumber}}"
        case (.inquiry, .en, .body):
            """
            I hope all is well with you.{{#objectionSettled}} I am glad we could settle your concerns about this \
            invoice on {{objectionSettledOn}}.{{/objectionSettled}} Going through my records I noticed that my invoice {{invoiceNumber}} of \
            {{invoiceDate}} for {{invoiceAmount}} is still open{{#partiallyPaid}} ({{openAmount}} outstanding)\
            {{/partiallyPaid}}. It was due on {{dueDate}}.{{#received}} {{line}}{{/received}}

            It may simply have slipped through or be waiting in accounts. For convenience I have attached it again.

            Could you have a quick look and transfer the outstanding {{openAmount}} to the account below by \
            {{deadline}}? If anything stands in the way, a short reply is enough. If your payment has crossed with \
            this message, please disregard it – and thank you!
            """
        case (.firstNotice, .en, .subject): "Reminder: invoice {{invoiceNumber}}"
        case (.firstNotice, .en, .body):
            """
            {{#objectionSettled}}We settled your concerns about my invoice {{invoiceNumber}} on \
            {{objectionSettledOn}} – thank you for that. The invoice is therefore to be paid. {{/objectionSettled}}\
            {{#nothingReceived}}{{^objectionSettled}}Following my inquiry of {{inquiryDate}} I have unfortunately not \
            yet received payment. {{/objectionSettled}}{{/nothingReceived}}\
            {{^nothingReceived}}{{^objectionSettled}}Thank you for your payment since my inquiry of {{inquiryDate}}. \
            {{/objectionSettled}}{{/nothingReceived}}{{#received}}{{line}} {{/received}}My invoice {{invoiceNumber}} \
            of {{invoiceDate}} was due on {{dueDate}}; {{openAmount}} is still outstanding.

            Please transfer the outstanding amount to the account below by {{deadline}}.

            As a reminder: our agreement is binding without a signed contract. An agreement made orally or by \
            e-mail obliges payment just as a written one does.\
            {{#neverObjected}} You received the agreed work and have not raised any objection to it.{{/neverObjected}}

            If there is a reason why you cannot pay the invoice yet, please get in touch – I am sure we can find a \
            solution.
            """
        case (.secondNotice, .en, .subject): "Final reminder: invoice {{invoiceNumber}}"
        case (.secondNotice, .en, .body):
            """
            {{#objectionSettled}}We settled your concerns about my invoice {{invoiceNumber}} on \
            {{objectionSettledOn}}. {{/objectionSettled}}\
            {{#nothingReceived}}Unfortunately no payment has arrived since my reminder of {{noticeDate}}. \
            {{/nothingReceived}}{{^nothingReceived}}Thank you for your payment since my reminder of {{noticeDate}}. \
            {{#received}}{{line}} {{/received}}It does not settle the claim in full, though. {{/nothingReceived}}\
            You have been in default since {{defaultFrom}} ({{defaultRule}}).

            Outstanding amount: {{openAmount}}
            Default interest ({{interestRate}}) from {{defaultFrom}} to {{letterDate}}: {{interest}}
            {{#hasLumpSum}}Lump sum under § 288 (5) BGB: {{lumpSum}}
            {{/hasLumpSum}}{{#hasCosts}}Reminder costs (postage and printing): {{costs}}
            {{/hasCosts}}Total: {{claimTotal}}

            No VAT is charged on the interest{{#hasLumpSum}}{{#hasCosts}}, lump sum{{/hasCosts}}{{^hasCosts}} and \
            lump sum{{/hasCosts}}{{/hasLumpSum}}{{#hasCosts}} and costs{{/hasCosts}}: they are damages.{{#business}} \
            Further costs of pursuing the claim are set off against the lump sum \
            (§ 288 (5) sentence 3 BGB).{{/business}}

            Please transfer the total by {{deadline}} at the latest. If no payment arrives by then, I will start \
            court dunning proceedings (gerichtliches Mahnverfahren), whose costs will also be yours.

            I would much prefer an amicable solution. If you have questions or would like to agree on instalments, \
            please contact me before the deadline.
            """
        case (.handover, .en, .subject): "Hand-over to court dunning: invoice {{invoiceNumber}}"
        case (.handover, .en, .body):
            """
            The deadline of the final reminder of {{noticeDate}} has passed without payment by {{customerName}}.

            Claim: {{openAmount}} from invoice {{invoiceNumber}} of {{invoiceDate}}, plus default interest \
            ({{interestRate}}) since {{defaultFrom}}, to date {{interest}}{{#hasLumpSum}}, and the lump sum of \
            {{lumpSum}}{{/hasLumpSum}}{{#hasCosts}}, and reminder costs of {{costs}}{{/hasCosts}}.

            The application can be filed online at www.online-mahnantrag.de. The details it asks for and the whole \
            history with its evidence are in the attached dossier.
            """
        }
    }
}
