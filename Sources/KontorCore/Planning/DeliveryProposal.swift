/// When an inquiry's work can honestly be delivered: never "no capacity", always a date.
public struct DeliveryProposal: Sendable, Hashable, Codable {
    /// The earliest realistic delivery day for the whole job.
    public var deliveryDate: Day
    /// Estimated effort in thousandths of an hour.
    public var hours: Int64
    /// Whether the job is small enough to fit in between the planned work.
    public var fitsInBetween: Bool
    /// For a date more than two weeks out: a small first piece that can be delivered sooner.
    public var firstPiece: FirstPiece?

    /// A first part of a larger job, delivered early.
    public struct FirstPiece: Sendable, Hashable, Codable {
        public var hours: Int64
        public var deliveryDate: Day
    }
}

/// Proposes delivery dates for new work against the current agenda.
public enum DeliveryPlanner {
    /// Jobs up to this many hours count as small (thousandths): they go into the next free gap.
    public static let smallJobHours: Int64 = 4000

    /// The proposal for `hours` of new work, requested on `today`, given the open work `items`.
    /// A small job is placed before planned work whenever that keeps every planned deadline; a larger one is
    /// planned after the work with deadlines. More than 14 days out, a first piece of up to 4 hours is offered
    /// sooner.
    public static func propose(
        hours: Int64, items: [PlanItem], capacity: WorkingCapacity, today: Day
    ) -> DeliveryProposal {
        let start = today.adding(days: 1)  // nobody promises today's delivery to a new customer
        let newId = Int64.min
        let current = CapacityPlanner.plan(items, capacity: capacity, from: start)
        func plan(deadline: Day?, priority: Int) -> AgendaPlan {
            CapacityPlanner.plan(
                items + [PlanItem(id: newId, title: "new", hours: hours, deadline: deadline, priority: priority)],
                capacity: capacity, from: start)
        }
        let afterPlannedWork = plan(deadline: nil, priority: 0).finishes[newId] ?? start.adding(days: 365)
        var delivery = afterPlannedWork
        let fitsInBetween = hours <= smallJobHours
        if fitsInBetween {
            // The earliest day by which it can be done first without any planned job missing its deadline, and
            // without delaying a job that is late already.
            var candidate = start
            while candidate < afterPlannedWork {
                let trial = plan(deadline: candidate, priority: 1)
                let harmless = items.allSatisfy { item in
                    guard let before = current.finishes[item.id] else { return true }
                    let after = trial.finishes[item.id] ?? start.adding(days: 365)
                    return after <= max(before, item.deadline ?? after)
                }
                if harmless, let done = trial.finishes[newId], done <= candidate {
                    delivery = done
                    break
                }
                candidate = candidate.adding(days: 1)
            }
        }
        var firstPiece: DeliveryProposal.FirstPiece?
        if today.days(until: delivery) > 14 && hours > smallJobHours {
            let pieceHours = smallJobHours
            let piece = propose(hours: pieceHours, items: items, capacity: capacity, today: today)
            if piece.deliveryDate < delivery {
                firstPiece = DeliveryProposal.FirstPiece(hours: pieceHours, deliveryDate: piece.deliveryDate)
            }
        }
        return DeliveryProposal(deliveryDate: delivery, hours: hours, fitsInBetween: fitsInBetween, firstPiece: firstPiece)
    }
}
