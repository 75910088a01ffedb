import Localization
import OrderedCollections

/// Rounding and plain number formatting that do not depend on Foundation.
public enum Rounding {
    /// Rounds half away from zero to a number of decimals, on the decimal value as printed.
    ///
    /// Binary doubles such as 0.8485 × 10⁴ = 8484.999999… would round down with a naive
    /// `(x * 10^d).rounded() / 10^d`. The value is nudged by a few ulps first, so a score that
    /// prints as …5 at full precision rounds up, as a person checking by hand expects.
    public static func round(_ value: Double, decimals: Int) -> Double {
        guard value.isFinite else { return value }
        let factor = powerOfTen(decimals)
        let scaled = value * factor
        // From 2⁵² on, a double has no fraction left to round; nudging would only change it.
        guard scaled.magnitude < 4_503_599_627_370_496 else { return value }
        let nudged = scaled + (scaled >= 0 ? 1 : -1) * scaled.magnitude.ulp * 8
        return nudged.rounded(.toNearestOrAwayFromZero) / factor
    }
}

extension Rounding {
    private static let powersOfTen: [Double] = (0...22).map { k in
        var x = 1.0
        for _ in 0..<k { x *= 10 }
        return x
    }

    /// 10ᵏ for k ≥ 0 (exact up to 10²²), 1 for k < 0.
    @inline(__always)
    static func powerOfTen(_ k: Int) -> Double {
        if k <= 0 { return 1 }
        if k < powersOfTen.count { return powersOfTen[k] }
        var x = powersOfTen[powersOfTen.count - 1]
        for _ in (powersOfTen.count - 1)..<k { x *= 10 }
        return x
    }

    /// A published score (already rounded to `decimals`) as the integer score × 10^decimals, for
    /// ranking by counting.
    static func key(_ published: Double, decimals: Int) -> Int64 {
        let scaled = (published * powerOfTen(decimals)).rounded()
        return scaled.magnitude < 9e18 ? Int64(scaled) : (scaled < 0 ? Int64.min / 2 : Int64.max / 2)
    }
}

/// Number formatting for messages and explanations (reports do their own).
public enum NumberFormatting {
    /// The shortest text that reads back as the same number: `5`, `0.85`, `12.5`.
    public static func plain(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "∞" : "−∞" }
        if x == x.rounded(), x.magnitude < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    /// A number with exactly `decimals` decimals, `.` as decimal point: `85.00`, `0.8485`.
    public static func fixed(_ x: Double, decimals: Int, decimalSeparator: Character = ".") -> String {
        var bytes: [UInt8] = []
        appendFixed(
            x, decimals: decimals, decimalSeparator: decimalSeparator.asciiValue ?? UInt8(ascii: "."), to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``fixed(_:decimals:decimalSeparator:)``'s text of a number to a byte buffer, as UTF-8.
    ///
    /// For output written as bytes (the CSV of `score`: 640,000 numbers for 10,000 units × 64 nodes): with 10
    /// decimals a number is longer than a small string (15 bytes), so making a `String` of each allocated once
    /// per cell.
    public static func appendFixed(
        _ x: Double, decimals: Int, decimalSeparator: UInt8 = UInt8(ascii: "."), to out: inout [UInt8]
    ) {
        guard x.isFinite else {
            out += plain(x).utf8
            return
        }
        // Fast path: `Rounding.round`'s integer N = x × 10^decimals, nudged and rounded half away from zero, is
        // the digits to print, written backwards into a small buffer. (Rounding to the double N / 10^decimals and
        // scaling that back, as before, gives the same N below 2⁵²; this does it once.)
        let scaled = x * Rounding.powerOfTen(decimals)
        if decimals >= 0, decimals <= 15, scaled.magnitude < 4_503_599_627_370_496 {
            let nudged = scaled + (scaled >= 0 ? 1 : -1) * scaled.magnitude.ulp * 8
            let n = nudged.rounded(.toNearestOrAwayFromZero)
            if n.magnitude < 1e15 {
                appendDigits(
                    of: UInt64(n.magnitude), negative: n < 0, decimals: decimals,
                    separator: decimalSeparator, to: &out)
                return
            }
        }
        let rounded = Rounding.round(x, decimals: decimals)
        // Beyond 15 significant digits a double has no exact decimals to show: print it as Swift does.
        out += "\(rounded)".utf8
    }

    /// Appends `units` / 10^decimals with exactly `decimals` decimals and at least one digit before the
    /// separator; a minus sign when `negative` and not 0. Digits are made two at a time from a table of the
    /// pairs "00" to "99", written backwards into a buffer on the stack.
    private static func appendDigits(
        of units: UInt64, negative: Bool, decimals: Int, separator: UInt8, to out: inout [UInt8]
    ) {
        var units = units
        let negative = negative && units != 0
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
            digitPairs.withUnsafeBufferPointer { pairs in
                var i = buffer.count
                @inline(__always) func write(pair n: UInt64) {
                    let k = Int(n) &* 2
                    i &-= 2
                    buffer[i] = pairs[k]
                    buffer[i &+ 1] = pairs[k &+ 1]
                }
                @inline(__always) func write(digit n: UInt64) {
                    i &-= 1
                    buffer[i] = UInt8(ascii: "0") &+ UInt8(n)
                }
                var fraction = decimals
                while fraction >= 2 {
                    write(pair: units % 100)
                    units /= 100
                    fraction &-= 2
                }
                if fraction == 1 {
                    write(digit: units % 10)
                    units /= 10
                }
                if decimals > 0 {
                    i &-= 1
                    buffer[i] = separator
                }
                while units >= 100 {
                    write(pair: units % 100)
                    units /= 100
                }
                // The first one or two digits: "0" for a number below 1.
                if units >= 10 { write(pair: units) } else { write(digit: units) }
                if negative {
                    i &-= 1
                    buffer[i] = UInt8(ascii: "-")
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[i...]))
            }
        }
    }

    /// "00", "01", … "99", as the ASCII bytes of two digits each.
    private static let digitPairs: [UInt8] = (0..<100).flatMap {
        [UInt8(ascii: "0") + UInt8($0 / 10), UInt8(ascii: "0") + UInt8($0 % 10)]
    }

    /// A number rounded to at most `maxDecimals`, without trailing zeros: `4.25`, `0.85`, `20`.
    public static func short(_ x: Double, maxDecimals: Int = 4) -> String {
        guard x.isFinite else { return plain(x) }
        var text = fixed(x, decimals: maxDecimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
