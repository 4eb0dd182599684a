/// Work to place in the agenda: the hours still needed, and the deadline.
public struct PlanItem: Sendable, Hashable {
    public var id: Int64
    public var title: String
    /// Hours still needed, in thousandths.
    public var hours: Int64
    public var deadline: Day?
    /// Higher goes first among equal deadlines.
    public var priority: Int

    /// Creates an item.
    public init(id: Int64, title: String, hours: Int64, deadline: Day?, priority: Int = 0) {
        self.id = id
        self.title = title
        self.hours = hours
        self.deadline = deadline
        self.priority = priority
    }
}

/// Hours of one item on one day.
public struct PlanSlot: Sendable, Hashable, Codable {
    public var day: Day
    public var itemId: Int64
    /// In thousandths of an hour.
    public var hours: Int64

    /// Creates a slot.
    public init(day: Day, itemId: Int64, hours: Int64) {
        self.day = day
        self.itemId = itemId
        self.hours = hours
    }
}

/// The agenda: which work happens on which day, when each item is finished, and which deadlines are at risk.
public struct AgendaPlan: Sendable, Hashable {
    public var slots: [PlanSlot]
    /// The day each item is finished (nil: not within the horizon).
    public var finishes: [Int64: Day]
    /// Items that finish after their deadline (or not within the horizon).
    public var atRisk: [Int64]
    public var start: Day
    public var horizon: Int
    /// The capacity used to plan the items without a writer (the book's own writing hours).
    public var capacity: WorkingCapacity
    /// The writers whose own capacity planned their items (`TeamPlanner`), by login name.
    public var writers: [String: WorkingCapacity] = [:]
    /// The writer of each item planned with a writer's capacity.
    public var itemWriters: [Int64: String] = [:]

    /// Hours planned on `day` (thousandths).
    public func plannedHours(on day: Day) -> Int64 { slots.filter { $0.day == day }.map(\.hours).reduce(0, +) }

    /// Writing hours on `day` (thousandths): the book's and every planned writer's.
    public func availableHours(on day: Day) -> Int64 {
        writers.values.reduce(capacity.hours(on: day)) { $0 + $1.hours(on: day) }
    }

    /// Hours still free on `day` (thousandths).
    public func freeHours(on day: Day) -> Int64 { availableHours(on: day) - plannedHours(on: day) }
}

/// Plans a team: each writer's items within that writer's own hours, vacations and days off, the items without a
/// writer within the book's, each group earliest deadline first (`CapacityPlanner`), in one plan.
public enum TeamPlanner {
    /// Plans `items`; `writers` names the writer of the items that have one, `capacities` each writer's own
    /// capacity (a writer without one plans with the book's `capacity`).
    public static func plan(
        _ items: [PlanItem], writers: [Int64: String], capacities: [String: WorkingCapacity],
        capacity: WorkingCapacity, from start: Day, horizon: Int = 365
    ) -> AgendaPlan {
        let groups = Dictionary(grouping: items) { writers[$0.id] }
        var plan = CapacityPlanner.plan(groups[nil] ?? [], capacity: capacity, from: start, horizon: horizon)
        let named = groups.compactMap { writer, items in writer.map { (writer: $0, items: items) } }
        guard !named.isEmpty else { return plan }
        for (writer, items) in named.sorted(by: { $0.writer < $1.writer }) {
            let own = capacities[writer] ?? capacity
            let part = CapacityPlanner.plan(items, capacity: own, from: start, horizon: horizon)
            plan.slots += part.slots
            plan.finishes.merge(part.finishes) { first, _ in first }
            plan.atRisk += part.atRisk
            plan.writers[writer] = own
            for item in items { plan.itemWriters[item.id] = writer }
        }
        // By day, the book's own work first, then the writers by name, each in its planned order.
        let order = Dictionary(uniqueKeysWithValues: plan.writers.keys.sorted().enumerated().map { ($1, $0 + 1) })
        let itemWriters = plan.itemWriters
        func rank(_ slot: PlanSlot) -> Int { itemWriters[slot.itemId].flatMap { order[$0] } ?? 0 }
        plan.slots = plan.slots.enumerated().sorted { lhs, rhs in
            (lhs.element.day, rank(lhs.element), lhs.offset) < (rhs.element.day, rank(rhs.element), rhs.offset)
        }.map(\.element)
        return plan
    }
}

/// Places work into the days: earliest deadline first, splitting an item over several days, never above a day's
/// capacity and never on a day off. Earliest-deadline-first is optimal here: if it misses a deadline, no order
/// of the same work meets them all.
public enum CapacityPlanner {
    /// Plans `items` from `start` for `horizon` days.
    public static func plan(_ items: [PlanItem], capacity: WorkingCapacity, from start: Day, horizon: Int = 365)
        -> AgendaPlan
    {
        let ordered = items.filter { $0.hours > 0 }.sorted(by: edfOrder)
        var slots: [PlanSlot] = []
        var finishes: [Int64: Day] = [:]
        var index = 0
        var remaining = ordered.first?.hours ?? 0
        var day = start
        let end = start.adding(days: horizon)
        while index < ordered.count && day < end {
            var free = capacity.hours(on: day)
            while free > 0 && index < ordered.count {
                let used = min(free, remaining)
                slots.append(PlanSlot(day: day, itemId: ordered[index].id, hours: used))
                free -= used
                remaining -= used
                if remaining == 0 {
                    finishes[ordered[index].id] = day
                    index += 1
                    remaining = index < ordered.count ? ordered[index].hours : 0
                }
            }
            day = day.adding(days: 1)
        }
        for item in items where item.hours <= 0 { finishes[item.id] = start }
        let atRisk = ordered.filter { item in
            guard let deadline = item.deadline else { return finishes[item.id] == nil }
            return (finishes[item.id] ?? end) > deadline
        }.map(\.id)
        return AgendaPlan(slots: slots, finishes: finishes, atRisk: atRisk, start: start, horizon: horizon, capacity: capacity)
    }

    static func edfOrder(_ lhs: PlanItem, _ rhs: PlanItem) -> Bool {
        let l = lhs.deadline?.ordinal ?? Int.max
        let r = rhs.deadline?.ordinal ?? Int.max
        if l != r { return l < r }
        if lhs.priority != rhs.priority { return lhs.priority > rhs.priority }
        return lhs.id < rhs.id
    }
}
