import Testing

@testable import ICTIndexCore

@Suite struct RadixSortTests {
    @Test("orders doubles like < does: negatives, zeros of both signs, infinities, ties kept stable")
    func order() {
        let keys: [Double] = [3.5, -0.0, 2, -7.25, .infinity, 0, -.infinity, 2, 1e-300, -1e300, 3.5]
        let order = RadixSort.ascendingOrder(of: keys)
        #expect(order.map { keys[$0] } == keys.sorted())
        // Equal keys keep their input order: the two 2s (positions 2, 7), the two 3.5s (0, 10), ±0 (1, 5).
        #expect(order.filter { keys[$0] == 2 } == [2, 7])
        #expect(order.filter { keys[$0] == 3.5 } == [0, 10])
        #expect(order.filter { keys[$0] == 0 } == [1, 5])
    }

    @Test("agrees with the standard sort on a large pseudo-random set", arguments: [0, 1, 2, 1000, 10_007])
    func matchesSort(count: Int) {
        var state: UInt64 = 42
        let keys: [Double] = (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (Double(state >> 11) / Double(1 << 53) - 0.3) * 1000
        }
        let order = RadixSort.ascendingOrder(of: keys)
        #expect(order.map { keys[$0] } == keys.sorted())
        #expect(Set(order).count == count)
    }

    @Test("orders integers of any width, as many passes as the largest needs", arguments: [1, 11, 12, 40, 64])
    func integers(width: Int) {
        var state: UInt64 = 7
        let mask: UInt64 = width == 64 ? .max : (1 << UInt64(width)) - 1
        let keys: [UInt64] = (0..<3_000).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (state >> 7) & mask
        }
        let order = RadixSort.ascendingOrder(ofBits: keys)
        #expect(order.map { keys[$0] } == keys.sorted())
        // Stable: equal keys keep their input order.
        #expect(zip(order, order.dropFirst()).allSatisfy { keys[$0] < keys[$1] || $0 < $1 })
    }
}
