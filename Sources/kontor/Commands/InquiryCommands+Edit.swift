import ArgumentParser
import KontorApp
import KontorCore

extension InquiryCommand {
    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit",
            abstract: "Change an inquiry that is not won or lost; only the options given change.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Inquiry id.") var id: Int64
        @Option(help: "What it is about.") var subject: String?
        @Option(help: "email, phone, form, referral or other.") var channel: String?
        @Option(help: "Expected size, e.g. 1500.") var size: String?
        @Option(help: "Unit of the size: word, line, page, hour.") var unit: String?
        @Option(help: "Wished deadline, YYYY-MM-DD.") var deadline: String?
        @Option(help: "Notes (an empty text removes them).") var note: String?
        @OptionGroup var person: InquiryContactOptions

        func run() async throws {
            let inquiry = try await global.kontor().editInquiry(id: id, InquiryEdit(
                subject: subject, channel: try channel.map { try InquiryChannel.named($0, what: .channel) },
                sizeQuantity: try size.map { try Quantity(parsing: $0) },
                sizeUnit: try unit.map { try BillingUnit.named($0, what: .unit) },
                wishedDeadline: try parseDay(deadline, what: .deadline), note: note,
                contact: try person.contactPerson()))
            let item = try await global.kontor().inquiry(id: inquiry.id)
            if global.json {
                return try Output.json(
                    InquiryJSON(item.inquiry, customerName: item.customerName, today: try global.day()))
            }
            print(global.say("Changed inquiry \(inquiry.id) from ", "Anfrage \(inquiry.id) geändert, von ")
                + "\(item.customerName): \(inquiry.subject) [\(inquiry.status.word(global.language))]")
        }
    }
}
