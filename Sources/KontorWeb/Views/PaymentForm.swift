import Foundation
import KontorApp
import KontorCore

/// Recording a payment, from the invoice page and from Zahlungen.
enum PaymentForm {
    enum Outcome: Sendable {
        case recorded(message: String, path: String)
        case invalid(FormState)
    }

    static let errorFields: [Field: String] = [
        .paymentAmount: "amount", .amount: "amount", .paymentDate: "date", .invoice: "invoice",
    ]

    /// Reads amount, date and note, calls the use case, and says what happened.
    static func record(reference: String, form: FormData, services: AppServices, texts: Texts) async throws -> Outcome {
        var reader = FormReader(form, texts: texts)
        let amount = reader.parse("amount", required: true) { try Money(parsingNonNegative: $0, what: .paymentAmount) }
        let day = reader.day("date") ?? services.today()
        let note = reader.text("note")
        let confirmed = form.flag("confirmOverpayment")
        var state = reader.state
        if !reader.hasErrors, let amount {
            do {
                let receipt = try await services.kontor.addPayment(
                    invoice: reference, amount: amount, on: day, note: note, confirmOverpayment: confirmed)
                var message = texts.format("flash_payment_added", texts.money(amount), receipt.invoice.number ?? reference)
                if receipt.overpayment.cents > 0 {
                    message += " " + texts.format("flash_overpayment", texts.money(receipt.overpayment))
                }
                if receipt.becameRegular {
                    let name = receipt.invoice.buyer?.name ?? ""
                    message += " " + texts.format("flash_payment_regular", name)
                }
                return .recorded(message: message, path: InvoicePaths.show(receipt.invoice))
            } catch let error as WorkflowError {
                // More than is owed is a question, not a mistake: the form comes back with a box to confirm it.
                if case .overpayment = error { state.values[askToConfirm] = "1" }
                try ErrorText(texts).place(error, into: &state, fields: errorFields)
            } catch {
                try ErrorText(texts).place(error, into: &state, fields: errorFields)
            }
        }
        return .invalid(state)
    }

    /// The amount as people type it in the language (1190,00 or 1190.00).
    static func typed(_ amount: Money, _ language: Language) -> String {
        language == .de ? amount.decimalString.replacingOccurrences(of: ".", with: ",") : amount.decimalString
    }

    /// Set in the form state when the use case asked to confirm an overpayment.
    static let askToConfirm = "_askOverpayment"

    static func fields(_ state: FormState, texts: Texts, idPrefix: String = "pay-") -> [FieldView] {
        let make = FieldFactory(state: state, texts: texts, idPrefix: idPrefix)
        var fields = [
            make.amount("amount", "f_amount", required: true, hint: texts["h_amount"]),
            make.date("date", "f_date"),
            make.text("note", "f_note", wide: true),
        ]
        if state.values[askToConfirm] == "1" { fields.append(make.checkbox("confirmOverpayment", "f_confirm_overpayment")) }
        return fields
    }
}
