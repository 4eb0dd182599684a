import KontorCore
import Testing

/// The one table of who may do what, written out in full: a change to `Role.may` must change this table too.
struct RolePermissionTests {
    /// Every action with the roles that may do it (o: owner, w: writer, a: assistant).
    static let table: [Action: String] = [
        .viewBook: "owa", .editCustomers: "owa", .workOnInquiries: "ow", .workOnQuotes: "ow", .workOnJobs: "ow",
        .editInvoiceDrafts: "ow", .issueInvoice: "o", .bookPayments: "oa", .importStatements: "oa",
        .draftDunning: "oa", .approveDunning: "o", .sendMail: "owa", .importMail: "owa", .changeSettings: "o",
        .manageUsers: "o", .backUpBook: "o",
    ]

    @Test func theTableCoversEveryAction() {
        #expect(Set(RolePermissionTests.table.keys) == Set(Action.allCases))
    }

    @Test(arguments: Role.allCases, Action.allCases)
    func eachRoleMayExactlyWhatTheTableSays(role: Role, action: Action) throws {
        let letter: Character = switch role {
        case .owner: "o"
        case .writer: "w"
        case .assistant: "a"
        }
        let allowed = try #require(RolePermissionTests.table[action])
        #expect(role.may(action) == allowed.contains(letter), "\(role) \(action)")
    }

    @Test func theRulesTheIssueNames() {
        // Only the owner issues invoices and approves Mahnungen; a writer never books money.
        for role in [Role.writer, .assistant] {
            #expect(!role.may(.issueInvoice) && !role.may(.approveDunning) && !role.may(.changeSettings))
            #expect(!role.may(.manageUsers))
        }
        #expect(!Role.writer.may(.bookPayments) && Role.assistant.may(.bookPayments))
        #expect(Role.writer.may(.editInvoiceDrafts) && !Role.assistant.may(.editInvoiceDrafts))
        #expect(Action.allCases.allSatisfy(Role.owner.may))
    }

    @Test func refusalsAreWordedInBothLanguages() throws {
        let refusal = AccessError.notAllowed(.approveDunning, role: .assistant)
        #expect(refusal.message(.de) == "Als Assistenz dürfen Sie das nicht: Mahnungen freigeben oder versenden. "
            + "Bitten Sie die Inhaberin oder den Inhaber des Kontors.")
        #expect(refusal.message(.en)
            == "As assistant you may not do this: approve or send Mahnungen. Ask the owner of the book.")
        #expect(AccessError.lastOwner(name: "ines").message(.de).contains("einzige Inhaberin"))
        for action in Action.allCases { #expect(action.word(.de) != action.word(.en)) }
        #expect(try Role.named("Writer", what: .role) == .writer)
        #expect(throws: InputError.self) { try Role.named("admin", what: .role) }
    }
}
