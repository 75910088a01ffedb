import Localization
import OrderedCollections

/// The aggregation kernels: combine children's values with their weights.
///
/// Every kernel takes only the children that count for a unit (not-applicable and skipped
/// children are already removed) and renormalises their weights, so a unit is scored out of
/// what applies ("quy đổi"). Children of weight 0 are shown but never change the result.
public enum Aggregation {
    /// Why a kernel could not combine the values.
    public enum Failure: Error, Equatable {
        /// A geometric or harmonic mean met a value ≤ 0 at this position.
        case nonPositive(index: Int)
    }

    /// Weighted arithmetic mean: Σ wᵢ xᵢ / Σ wᵢ over children with wᵢ > 0.
    ///
    /// - Returns: nil when no child has a positive weight.
    /// - Complexity: O(n).
    public static func weightedMean(_ values: [Double], weights: [Double]) -> Double? {
        var sum = 0.0
        var total = 0.0
        for (x, w) in zip(values, weights) where w > 0 {
            sum += w * x
            total += w
        }
        return total > 0 ? sum / total : nil
    }

    /// Weighted geometric mean: exp(Σ wᵢ ln xᵢ / Σ wᵢ); every xᵢ with wᵢ > 0 must be > 0.
    ///
    /// - Throws: ``Failure/nonPositive(index:)`` naming the first value ≤ 0.
    /// - Complexity: O(n).
    public static func weightedGeometricMean(_ values: [Double], weights: [Double]) throws(Failure) -> Double? {
        var logSum = 0.0
        var total = 0.0
        for (i, (x, w)) in zip(values, weights).enumerated() where w > 0 {
            guard x > 0 else { throw .nonPositive(index: i) }
            logSum += w * log(x)
            total += w
        }
        return total > 0 ? exp(logSum / total) : nil
    }

    /// Weighted harmonic mean: Σ wᵢ / Σ (wᵢ / xᵢ); every xᵢ with wᵢ > 0 must be > 0.
    ///
    /// - Throws: ``Failure/nonPositive(index:)`` naming the first value ≤ 0.
    /// - Complexity: O(n).
    public static func weightedHarmonicMean(_ values: [Double], weights: [Double]) throws(Failure) -> Double? {
        var inverse = 0.0
        var total = 0.0
        for (i, (x, w)) in zip(values, weights).enumerated() where w > 0 {
            guard x > 0 else { throw .nonPositive(index: i) }
            inverse += w / x
            total += w
        }
        return total > 0 ? total / inverse : nil
    }

    /// The position of the lowest (or highest) value among children with a positive weight.
    ///
    /// Ties go to the first child in tree order.
    public static func extremeIndex(_ values: [Double], weights: [Double], highest: Bool) -> Int? {
        var best: Int?
        for (i, (x, w)) in zip(values, weights).enumerated() where w > 0 {
            guard let b = best else {
                best = i
                continue
            }
            if highest ? x > values[b] : x < values[b] { best = i }
        }
        return best
    }
}

extension Aggregation {
    /// The highest case (*lấy trường hợp có điểm cao nhất*): each child is a case whose weight is its own
    /// maximum, so case i earns xᵢ × wᵢ out of wᵢ; the node keeps the highest, out of W = max wᵢ.
    ///
    /// value = max (xᵢ × wᵢ) ÷ W over children with wᵢ > 0; ties go to the first child in tree order.
    ///
    /// - Returns: The winning child's position and the node's value, or nil when no child has a positive weight.
    /// - Complexity: O(n).
    public static func bestOf(_ values: [Double], weights: [Double]) -> (index: Int, value: Double)? {
        var best: Int?
        var top = 0.0
        for (i, (x, w)) in zip(values, weights).enumerated() where w > 0 {
            top = Swift.max(top, w)
            if let b = best, x * w <= values[b] * weights[b] { continue }
            best = i
        }
        guard let best, top > 0 else { return nil }
        return (best, values[best] * weights[best] / top)
    }
}

// The natural logarithm and exponential without Foundation: Swift's stdlib exposes them through
// the platform C library only via Foundation/Glibc, which the pure core must not import. These
// are accurate to a few ulps, which is far below any published rounding (4 decimals).
@usableFromInline
func log(_ x: Double) -> Double {
    precondition(x > 0, "log of a non-positive number")
    // x = m · 2^e with m in [1, 2); ln x = e ln 2 + ln m, ln m by the atanh series.
    let e = x.exponent
    let m = x.significand
    let t = (m - 1) / (m + 1)
    let t2 = t * t
    var term = t
    var sum = 0.0
    var k = 1.0
    while true {
        let next = sum + term / k
        if next == sum { break }
        sum = next
        term *= t2
        k += 2
    }
    return Double(e) * 0.693_147_180_559_945_309_417_232_121_458 + 2 * sum
}

@usableFromInline
func exp(_ x: Double) -> Double {
    if x > 709.8 { return .infinity }
    if x < -745.2 { return 0 }
    // x = k ln 2 + r with |r| ≤ ln2/2; e^x = 2^k e^r, e^r by its Taylor series.
    let ln2 = 0.693_147_180_559_945_309_417_232_121_458
    let k = (x / ln2).rounded()
    let r = x - k * ln2
    var term = 1.0
    var sum = 1.0
    var n = 1.0
    while true {
        term *= r / n
        let next = sum + term
        if next == sum { break }
        sum = next
        n += 1
    }
    return Double(sign: .plus, exponent: Int(k), significand: 1) * sum
}
