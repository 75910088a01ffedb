import Localization

/// Sorting positions by a `Double` key in linear time, for ranking whole peer groups at once.
enum RadixSort {
    /// The key as an unsigned integer in the same order as the doubles (−∞ < … < −0 = 0 < … < +∞).
    ///
    /// Positive doubles keep their bits with the sign bit set; negative ones have every bit flipped.
    @inline(__always)
    static func orderedBits(_ x: Double) -> UInt64 {
        let bits = (x == 0 ? 0.0 : x).bitPattern  // −0 and +0 are equal
        return bits & (1 << 63) == 0 ? bits | (1 << 63) : ~bits
    }

    /// The positions of `keys` in ascending key order; equal keys keep their input order (stable).
    ///
    /// An LSD radix sort on 11-bit digits (6 passes), so O(n) for any n; NaN must not occur.
    /// - Complexity: O(n).
    static func ascendingOrder(of keys: [Double]) -> [Int] {
        ascendingOrder(ofBits: keys.map(orderedBits))
    }

    /// The positions of `bits` in ascending order; equal values keep their input order (stable).
    ///
    /// An LSD radix sort on 11-bit digits, as many passes as the largest value has digits (6 at most).
    /// - Complexity: O(n).
    static func ascendingOrder(ofBits keys: [UInt64]) -> [Int] {
        let n = keys.count
        guard n > 1 else { return Array(0..<n) }
        let width = 64 - keys.reduce(0, |).leadingZeroBitCount
        var bits = keys
        var order = Array(0..<n)
        var nextBits = [UInt64](repeating: 0, count: n)
        var nextOrder = [Int](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 2049)
        for pass in 0..<(width + 10) / 11 {
            let shift = UInt64(pass * 11)
            for i in 0..<2049 { counts[i] = 0 }
            for b in bits { counts[Int((b >> shift) & 0x7FF) + 1] += 1 }
            if counts[1...].contains(n) { continue }  // every key has the same digit: nothing moves
            for i in 1..<2049 { counts[i] += counts[i - 1] }
            for i in 0..<n {
                let digit = Int((bits[i] >> shift) & 0x7FF)
                let target = counts[digit]
                counts[digit] += 1
                nextBits[target] = bits[i]
                nextOrder[target] = order[i]
            }
            swap(&bits, &nextBits)
            swap(&order, &nextOrder)
        }
        return order
    }
}
