import Foundation
@testable import KontorApp
import Testing

/// The hand-over between the thread that reads a statement and the transaction that stores it.
struct ChunkHandoffTests {
    @Test func chunksArriveInOrderWithTheOutcomeAndNeverMoreThanTheCapacityWait() {
        let handoff = ChunkHandoff<Int, String>(capacity: 2)
        let waitingMost = Highest()
        let maker = Thread {
            for chunk in 0..<500 { _ = handoff.put(chunk) }
            handoff.finish("done")
        }
        maker.start()
        var taken: [Int] = []
        while let chunk = handoff.take() {
            waitingMost.note(handoff.waiting)
            taken.append(chunk)
        }
        #expect(taken == Array(0..<500))
        #expect(handoff.outcome() == "done")
        #expect(waitingMost.value <= 2)
    }

    @Test func aUserThatGivesUpStopsTheMakerAtItsNextPut() {
        let handoff = ChunkHandoff<Int, Int>(capacity: 1)
        let maker = Thread {
            var put = 0
            while handoff.put(put) { put += 1 }
            handoff.finish(put)
        }
        maker.start()
        #expect(handoff.take() == 0)
        handoff.cancel()
        // The maker stopped after at most the chunk it was putting and the one that filled the queue.
        #expect(handoff.outcome() <= 2)
    }
}

/// The largest value noted.
private final class Highest: @unchecked Sendable {
    private(set) var value = 0
    func note(_ next: Int) { value = max(value, next) }
}
