import Testing

@testable import KontorCore
import KontorTestTools

/// Lump sum, costs set-off and § 367 BGB allocation.
struct DunningTests {
    @Test func lumpSum() {
        #expect(LateFee.lumpSum(debtor: .business) == euros("40.00"))
        #expect(LateFee.lumpSum(debtor: .consumer) == .zero)
    }

    @Test func costsAreSetOffAgainstTheLumpSum() {
        // B2B: postage of 0.76 EUR is covered by the 40 EUR lump sum
        let business = DunningClaim(principal: euros("100"), interest: euros("1.00"), lumpSum: euros("40"),
                                    costs: euros("0.76"))
        #expect(business.creditedCosts == .zero)
        #expect(business.total == euros("141.00"))
        // Costs above the lump sum are claimed for the difference
        let lawyer = DunningClaim(principal: euros("100"), interest: .zero, lumpSum: euros("40"), costs: euros("90"))
        #expect(lawyer.creditedCosts == euros("50"))
        #expect(lawyer.damages == euros("90"))
        // Consumer: no lump sum, so the actual costs are claimed in full
        let consumer = DunningClaim(principal: euros("100"), interest: euros("0.50"), lumpSum: .zero,
                                    costs: euros("0.76"))
        #expect(consumer.total == euros("101.26"))
        #expect(consumer.vat == .zero)
    }

    @Test func allocationServesCostsThenInterestThenPrincipal() {
        let claim = OpenClaim(costs: euros("40"), interest: euros("16.41"), principal: euros("1190"))
        // A payment that covers costs and part of the interest
        let small = PaymentAllocation.apply(payment: euros("50"), to: claim)
        #expect(small.toCosts == euros("40") && small.toInterest == euros("10") && small.toPrincipal == .zero)
        #expect(small.remaining == OpenClaim(costs: .zero, interest: euros("6.41"), principal: euros("1190")))
        #expect(small.leftover == .zero)
        // A payment of the principal alone leaves part of the principal open
        let principalOnly = PaymentAllocation.apply(payment: euros("1190"), to: claim)
        #expect(principalOnly.toPrincipal == euros("1133.59"))
        #expect(principalOnly.remaining.principal == euros("56.41"))
        // An overpayment is returned as leftover
        let over = PaymentAllocation.apply(payment: euros("1300"), to: claim)
        #expect(over.remaining.total == .zero)
        #expect(over.leftover == euros("53.59"))
        // Nothing paid, nothing allocated
        let none = PaymentAllocation.apply(payment: .zero, to: claim)
        #expect(none.remaining == claim && none.leftover == .zero)
    }

    @Test func allocationConservesMoney() {
        var generator = SeededGenerator(seed: 367)
        for _ in 0..<5_000 {
            let claim = OpenClaim(costs: Money(cents: Int64.random(in: 0...10_000, using: &generator)),
                                  interest: Money(cents: Int64.random(in: 0...10_000, using: &generator)),
                                  principal: Money(cents: Int64.random(in: 0...500_000, using: &generator)))
            let payment = Money(cents: Int64.random(in: 0...600_000, using: &generator))
            let result = PaymentAllocation.apply(payment: payment, to: claim)
            #expect(result.toCosts + result.toInterest + result.toPrincipal + result.leftover == payment)
            #expect(result.remaining.total + payment - result.leftover == claim.total)
            // A later part is only served once the earlier ones are paid in full
            #expect(result.toInterest == .zero || result.remaining.costs == .zero)
            #expect(result.toPrincipal == .zero || result.remaining.interest == .zero)
            #expect(result.leftover == .zero || result.remaining.total == .zero)
        }
    }
}
