public import Foundation
public import KontorCore

/// Customers as vCard 4.0 (RFC 6350), the format address books exchange.
public enum VCard {
    /// The cards of `customers`, one after the other.
    public static func export(_ customers: [Customer]) -> String {
        customers.map(card).joined()
    }

    static func card(_ customer: Customer) -> String {
        var lines = ["BEGIN:VCARD", "VERSION:4.0", "UID:urn:kontor:customer:\(customer.id)"]
        lines.append("KIND:\(customer.kind == .business ? "org" : "individual")")
        lines.append("FN:\(ContentLines.escape(customer.name))")
        // N names the person (a consumer, or a business's contact); its honorific prefix carries salutation and
        // academic title ("Frau Dr."), the component address books use for them.
        let person = customer.kind == .business ? customer.contactPerson : customer.name
        if customer.kind == .business {
            lines.append("ORG:\(ContentLines.escape(customer.name))")
            if let contact = customer.contactPerson { lines.append("X-KONTOR-CONTACT:\(ContentLines.escape(contact))") }
        }
        if let person {
            let parts = person.split(separator: " ")
            let family = parts.count > 1 ? String(parts.last!) : person
            let given = parts.count > 1 ? parts.dropLast().joined(separator: " ") : ""
            let prefix = [customer.salutation.map { $0 == .frau ? "Frau" : "Herr" }, customer.academicTitle]
                .compactMap { $0 }.joined(separator: " ")
            lines.append("N:" + [family, given, "", prefix, ""].map(ContentLines.escape).joined(separator: ";"))
        }
        if let email = customer.email { lines.append("EMAIL;TYPE=work:\(ContentLines.escape(email))") }
        if let phone = customer.phone { lines.append("TEL;VALUE=text;TYPE=work:\(ContentLines.escape(phone))") }
        if let address = customer.address {
            let parts = ["", "", address.street, address.city, address.state?.rawValue ?? "", address.postalCode,
                         address.country]
            lines.append("ADR;TYPE=work:" + parts.map(ContentLines.escape).joined(separator: ";"))
        }
        if let vatId = customer.vatId { lines.append("X-KONTOR-VATID:\(ContentLines.escape(vatId))") }
        if let reference = customer.buyerReference {
            lines.append("X-KONTOR-BUYER-REFERENCE:\(ContentLines.escape(reference))")
        }
        lines.append("LANG:\(customer.language.rawValue)")
        if let notes = customer.notes { lines.append("NOTE:\(ContentLines.escape(notes))") }
        lines.append("END:VCARD")
        return lines.map(ContentLines.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A card read from a file: the customer's fields, and the Kontor id when it came from Kontor.
    public struct Imported: Sendable {
        public var customer: Customer
        public var kontorId: Int64?
    }

    private struct Field {
        let name: String
        let value: String
    }

    /// Reads every card of a .vcf file's bytes: UTF-8 (anything else is refused with the place it fails and a
    /// guess of the encoding) and within `InputLimits` (size, cards, properties, line length).
    /// - Throws: `VCardError` naming the file or the card that cannot be read.
    public static func parse(data: Data, fileName: String, today: Day) throws(VCardError) -> [Imported] {
        guard data.count <= InputLimits.vcardBytes else {
            throw .tooLarge(file: fileName, limit: .bytes(InputLimits.vcardBytes))
        }
        let text: String
        do {
            text = try UTF8Text.decode(data, file: fileName)
        } catch {
            throw .notUTF8(error)
        }
        return try parse(text, today: today)
    }

    /// Reads every card of a .vcf file (vCard 3.0 and 4.0).
    /// - Throws: `VCardError` naming the card that cannot be read.
    public static func parse(_ text: String, today: Day) throws(VCardError) -> [Imported] {
        var result: [Imported] = []
        var fields: [Field]?
        for line in ContentLines.unfold(text) {
            guard line.utf8.count <= InputLimits.vcardLineCharacters else {
                throw .tooLarge(file: "vCard \(result.count + 1)", limit: .lineLength(InputLimits.vcardLineCharacters))
            }
            let upper = line.uppercased()
            if upper == "BEGIN:VCARD" {
                fields = []
                continue
            }
            if upper == "END:VCARD" {
                guard let current = fields else { throw .unbalanced(card: result.count + 1) }
                guard result.count < InputLimits.vcards else {
                    throw .tooLarge(file: "", limit: .cards(InputLimits.vcards))
                }
                result.append(try make(current, index: result.count + 1, today: today))
                fields = nil
                continue
            }
            guard fields != nil, let colon = line.firstIndex(of: ":") else { continue }
            // The name ends at the first `;` (parameters follow); a line that starts with `:` or `;` has none
            // and is skipped like any other line that is not a property.
            let head = line[..<colon]
            var name = String(head[..<(head.firstIndex(of: ";") ?? head.endIndex)]).uppercased()
            if let dot = name.firstIndex(of: ".") { name = String(name[name.index(after: dot)...]) }  // group prefixes
            guard !name.isEmpty else { continue }
            guard fields!.count < InputLimits.vcardProperties else {
                throw .tooLarge(file: "vCard \(result.count + 1)", limit: .properties(InputLimits.vcardProperties))
            }
            fields!.append(Field(name: name, value: String(line[line.index(after: colon)...])))
        }
        if fields != nil { throw .unbalanced(card: result.count + 1) }
        if result.isEmpty { throw .noCards }
        return result
    }

    private static func make(_ fields: [Field], index: Int, today: Day) throws(VCardError) -> Imported {
        func first(_ name: String) -> String? { fields.first { $0.name == name }.map { ContentLines.unescape($0.value) } }
        let org = fields.first { $0.name == "ORG" }.map { splitStructured($0.value)[0] }
        guard let name = first("FN") ?? org, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .missingName(card: index)
        }
        let kindText = first("KIND")?.lowercased()
        let kind: CustomerKind = kindText == "org" || (kindText == nil && org != nil) ? .business : .consumer
        var customer = Customer(name: name, kind: kind, createdOn: today)
        customer.contactPerson = first("X-KONTOR-CONTACT")
        if let n = fields.first(where: { $0.name == "N" }) {
            let parts = splitStructured(n.value)
            // The honorific prefix: "Frau Dr." gives the salutation and, after it, the academic title.
            var words = (parts.count > 3 ? parts[3] : "").split(separator: " ").map(String.init)
            if let word = words.first, let salutation = Salutation.reading(word) {
                customer.salutation = salutation
                words.removeFirst()
            }
            customer.academicTitle = words.isEmpty ? nil : words.joined(separator: " ")
            if kind == .business, customer.contactPerson == nil {
                let person = [parts.count > 1 ? parts[1] : "", parts[0]].filter { !$0.isEmpty }.joined(separator: " ")
                customer.contactPerson = person.isEmpty ? nil : person
            }
        }
        customer.email = first("EMAIL")
        customer.phone = first("TEL").map { $0.hasPrefix("tel:") ? String($0.dropFirst(4)) : $0 }
        if let adr = fields.first(where: { $0.name == "ADR" }) {
            let parts = splitStructured(adr.value)
            if parts.count >= 7 {
                customer.address = PostalAddress(
                    street: parts[2], postalCode: parts[5], city: parts[3],
                    country: parts[6].count == 2 ? parts[6] : "DE", state: GermanState(rawValue: parts[4].uppercased()))
            }
        }
        customer.vatId = first("X-KONTOR-VATID")
        customer.buyerReference = first("X-KONTOR-BUYER-REFERENCE")
        customer.language = first("LANG").flatMap { Language(rawValue: String($0.prefix(2)).lowercased()) } ?? .de
        customer.notes = first("NOTE")
        let prefix = "urn:kontor:customer:"
        let kontorId = first("UID").flatMap { $0.hasPrefix(prefix) ? Int64($0.dropFirst(prefix.count)) : nil }
        return Imported(customer: customer, kontorId: kontorId)
    }

    /// Splits a structured value at unescaped semicolons and unescapes the parts.
    static func splitStructured(_ value: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var escaping = false
        for character in value {
            if escaping {
                current.append("\\")
                current.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == ";" {
                parts.append(ContentLines.unescape(current))
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(ContentLines.unescape(current))
        return parts
    }
}

/// A .vcf file that cannot be read.
public enum VCardError: Error, Sendable, Equatable, CustomStringConvertible, BilingualError {
    case noCards
    case unbalanced(card: Int)
    case missingName(card: Int)
    /// The file is not UTF-8.
    case notUTF8(NotUTF8Error)
    /// The file (or the card named in `file`; empty: the file) exceeds one of the `InputLimits`.
    case tooLarge(file: String, limit: InputLimit)

    public var description: String {
        switch self {
        case let .notUTF8(error): return error.description
        case let .tooLarge(file, limit):
            return "\(file.isEmpty ? "The file" : file) is beyond what Kontor reads (\(limit.wording(.en))). "
                + "Nothing was imported."
        case .noCards: return "The file holds no vCard (BEGIN:VCARD … END:VCARD). Nothing was imported."
        case let .unbalanced(card): return "vCard \(card) is not closed with END:VCARD. Nothing was imported."
        case let .missingName(card): return "vCard \(card) has no name (FN or ORG). Nothing was imported."
        }
    }

    /// The message in `language`; English is ``description``.
    public func message(_ language: Language) -> String {
        guard language == .de else { return description }
        switch self {
        case let .notUTF8(error): return error.message(.de)
        case let .tooLarge(file, limit):
            return "\(file.isEmpty ? "Die Datei" : file) übersteigt, was Kontor liest (\(limit.wording(.de))). "
                + "Es wurde nichts importiert."
        case .noCards:
            return "Die Datei enthält keine vCard (BEGIN:VCARD … END:VCARD). Es wurde nichts importiert."
        case let .unbalanced(card):
            return "vCard \(card) wird nicht mit END:VCARD abgeschlossen. Es wurde nichts importiert."
        case let .missingName(card):
            return "vCard \(card) hat keinen Namen (FN oder ORG). Es wurde nichts importiert."
        }
    }
}
