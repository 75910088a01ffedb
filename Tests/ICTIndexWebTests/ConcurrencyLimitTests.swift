@testable import ICTIndexWeb
import Synchronization
import Testing

@Suite struct ConcurrencyLimitTests {
    /// What the bodies saw: how many ran at once (now and at most) and how many finished.
    final class Counters: Sendable {
        let state = Mutex((running: 0, most: 0, done: 0))
    }

    struct Failure: Error {}

    @Test("no more than the limit run at once, every body runs, and a body that throws gives its place back")
    func limit() async throws {
        let limit = ConcurrencyLimit(2)
        let counters = Counters()
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<20 {
                group.addTask {
                    _ = try? await limit.run {
                        counters.state.withLock { $0.running += 1; $0.most = max($0.most, $0.running) }
                        try await Task.sleep(nanoseconds: 2_000_000)
                        counters.state.withLock { $0.running -= 1; $0.done += 1 }
                        if i % 3 == 0 { throw Failure() }
                    }
                }
            }
        }
        let (running, most, done) = counters.state.withLock { ($0.running, $0.most, $0.done) }
        #expect(running == 0 && done == 20)
        #expect(most == 2)
        // Every place was given back: two more bodies run side by side.
        let again = Counters()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<2 {
                group.addTask {
                    _ = try? await limit.run {
                        again.state.withLock { $0.running += 1; $0.most = max($0.most, $0.running) }
                        try await Task.sleep(nanoseconds: 20_000_000)
                        again.state.withLock { $0.running -= 1 }
                    }
                }
            }
        }
        #expect(again.state.withLock { $0.most } == 2)
    }
}
