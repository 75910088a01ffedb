import Localization
/// The one reader of numbers in data files: CSV cells, XLSX cells (through their CSV text) and web forms.
///
/// It reads the UTF-8 bytes of a trimmed cell, in one ``DecimalStyle``:
///
/// | style | decimal mark | thousands separator | examples |
/// |---|---|---|---|
/// | ``DecimalStyle/point`` | `.` | `,` | `12.5`, `-3`, `.5`, `1,234,567.5`, `2e-06`, `1.5E+03` |
/// | ``DecimalStyle/comma`` | `,` | `.` or a space (also no-break) | `12,5`, `35.466`, `1 234,5`, `2,5E-06` |
///
/// A sign (`-`, `+` or `−`) may lead. Thousands groups have exactly 3 digits after a first group of
/// 1 to 3, with one separator throughout; a number with an exponent has no thousands separators. The
/// result is correctly rounded: the same double as C's `strtod` of the number written with a point.
/// Decimals of at most 19 significant digits whose scaled value m × 10ᵉ has m < 2⁵³ and |e| ≤ 22 are
/// computed with one exact multiplication or division (Clinger's fast path); any other number goes
/// through the standard library's `Double(_:)`, which is `strtod` in the C locale.
///
/// For example:
/// ```swift
/// "2,5E-06".utf8.withContiguousStorageIfAvailable { NumberReader.read($0, style: .comma) }
/// // .number(2.5e-06, grouped: false)
/// ```
enum NumberReader {
    /// What a cell's text is in a style.
    enum Reading: Equatable {
        /// A finite number; `grouped` when it was written with thousands separators.
        case number(Double, grouped: Bool)
        /// A number by its syntax whose value is not finite (`1e400`, a 400-digit integer).
        case notFinite
        /// Not a number in this style.
        case invalid
    }

    /// 10⁰ … 10²²: the powers of ten a double holds exactly.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17,
        1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    private static let zero = UInt8(ascii: "0")

    /// Reads trimmed cell bytes as a number in a style.
    ///
    /// - Parameters:
    ///   - s: the UTF-8 bytes of the cell, without surrounding spaces and without a `%`.
    ///   - style: the file's decimal style.
    /// - Returns: the number, or why it is none.
    static func read(_ s: UnsafeBufferPointer<UInt8>, style: DecimalStyle) -> Reading {
        let n = s.count
        var i = 0
        var negative = false
        if n > 0 {
            switch s[0] {
            case UInt8(ascii: "-"):
                negative = true
                i = 1
            case UInt8(ascii: "+"): i = 1
            case 0xE2 where n >= 3 && s[1] == 0x88 && s[2] == 0x92:
                negative = true
                i = 3  // U+2212 −
            default: break
            }
        }
        let mark = style == .point ? UInt8(ascii: ".") : UInt8(ascii: ",")
        // The significant digits (leading zeros skipped), at most 19 of them in `mantissa`.
        var mantissa: UInt64 = 0
        var significant = 0
        var truncated = false
        var integerDigits = 0
        var fractionDigits = 0
        // Thousands groups: the separator's first byte and length, the groups seen, the current group's length.
        var separator: UInt8 = 0
        var separatorLength = 0
        var separators = 0
        var groupLength = 0
        while i < n {
            let b = s[i]
            if b &- zero < 10 {
                if significant > 0 || b != zero {
                    if significant < 19 {
                        mantissa = mantissa &* 10 &+ UInt64(b &- zero)
                    } else {
                        truncated = true
                    }
                    significant += 1
                }
                integerDigits += 1
                groupLength += 1
                i += 1
                continue
            }
            let length = groupSeparatorLength(s, at: i, style: style)
            guard length > 0 else { break }
            if separators == 0 {
                guard (1...3).contains(groupLength) else { return .invalid }
                separator = b
                separatorLength = length
            } else {
                guard groupLength == 3, b == separator, length == separatorLength else { return .invalid }
            }
            separators += 1
            groupLength = 0
            i += length
        }
        if separators > 0 && groupLength != 3 { return .invalid }
        let integerSignificant = significant
        var leadingFractionZeros = 0
        if i < n && s[i] == mark {
            i += 1
            while i < n, s[i] &- zero < 10 {
                let b = s[i]
                if significant > 0 || b != zero {
                    if significant < 19 {
                        mantissa = mantissa &* 10 &+ UInt64(b &- zero)
                        fractionDigits += 1
                    } else {
                        truncated = true
                    }
                    significant += 1
                } else {
                    fractionDigits += 1
                    leadingFractionZeros += 1
                }
                i += 1
            }
            // "5." is not a number; ".5" is.
            if i == n || s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E") {
                if s[i - 1] == mark { return .invalid }
            }
        }
        if integerDigits == 0 && fractionDigits == 0 && significant == 0 {
            // No digit at all ("", "-", ".", "e5"); "0.000" has fraction digits and is fine.
            return .invalid
        }
        var exponent = 0
        if i < n && (s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E")) {
            guard separators == 0 else { return .invalid }
            i += 1
            var exponentNegative = false
            if i < n && (s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: "+")) {
                exponentNegative = s[i] == UInt8(ascii: "-")
                i += 1
            }
            let start = i
            while i < n, s[i] &- zero < 10 {
                // Saturate far beyond any double's range; the value is then 0 or infinite anyway.
                if exponent < 1_000_000_000 { exponent = exponent * 10 + Int(s[i] &- zero) }
                i += 1
            }
            guard i > start else { return .invalid }
            if exponentNegative { exponent = -exponent }
        }
        guard i == n else { return .invalid }
        let grouped = separators > 0
        if significant == 0 { return .number(negative ? -0.0 : 0.0, grouped: grouped) }
        let scale = exponent - fractionDigits
        if !truncated && mantissa < (1 << 53) && scale >= -22 && scale <= 22 {
            let m = Double(mantissa)
            let x = scale >= 0 ? m * exactPowersOfTen[scale] : m / exactPowersOfTen[-scale]
            return .number(negative ? -x : x, grouped: grouped)
        }
        // The power of ten of the first significant digit: 2 for 123.4, -3 for 0.00123, then the exponent.
        let magnitude =
            (integerSignificant > 0 ? integerSignificant - 1 : -(leadingFractionZeros + 1)) + exponent
        guard let x = slowPath(s, style: style, negative: negative) else {
            // `Double(_:)` gives nil where `strtod` sets ERANGE: below the smallest subnormal that is 0.
            return magnitude < 0 ? .number(negative ? -0.0 : 0.0, grouped: grouped) : .notFinite
        }
        guard x.isFinite else { return .notFinite }
        return .number(x, grouped: grouped)
    }

    /// The length of a thousands separator of the style at a position, or 0.
    private static func groupSeparatorLength(
        _ s: UnsafeBufferPointer<UInt8>, at i: Int, style: DecimalStyle
    ) -> Int {
        switch (style, s[i]) {
        case (.point, UInt8(ascii: ",")): return 1
        case (.comma, UInt8(ascii: ".")), (.comma, UInt8(ascii: " ")): return 1
        case (.comma, 0xC2) where i + 1 < s.count && s[i + 1] == 0xA0: return 2  // U+00A0 no-break space
        case (.comma, 0xE2) where i + 2 < s.count && s[i + 1] == 0x80 && s[i + 2] == 0xAF: return 3  // U+202F
        default: return 0
        }
    }

    /// The number through `strtod`: the digits, a point and the exponent as C writes them. The syntax has been
    /// checked, so only digits, the mark and the exponent are copied.
    private static func slowPath(_ s: UnsafeBufferPointer<UInt8>, style: DecimalStyle, negative: Bool)
        -> Double?
    {
        let mark = style == .point ? UInt8(ascii: ".") : UInt8(ascii: ",")
        var literal: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        literal.reserveCapacity(s.count + 1)
        var inExponent = false
        for b in s {
            if b &- zero < 10 {
                literal.append(b)
            } else if b == mark && !inExponent {
                literal.append(UInt8(ascii: "."))
            } else if b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
                inExponent = true
                literal.append(UInt8(ascii: "e"))
            } else if inExponent && (b == UInt8(ascii: "-") || b == UInt8(ascii: "+")) {
                literal.append(b)
            }
        }
        if literal.first == UInt8(ascii: ".")
            || literal.starts(with: [UInt8(ascii: "-"), UInt8(ascii: ".")])
        {
            literal.insert(zero, at: negative ? 1 : 0)
        }
        return Double(String(decoding: literal, as: UTF8.self))
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The bytes without leading and trailing cell spaces (space, tab, U+00A0, U+202F).
    func trimmingCellSpaces() -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = count
        while start < end {
            let b = self[start]
            if b == 0x20 || b == 0x09 {
                start += 1
            } else if b == 0xC2, start + 1 < end, self[start + 1] == 0xA0 {
                start += 2
            } else if b == 0xE2, start + 2 < end, self[start + 1] == 0x80, self[start + 2] == 0xAF {
                start += 3
            } else {
                break
            }
        }
        while end > start {
            let b = self[end - 1]
            if b == 0x20 || b == 0x09 {
                end -= 1
            } else if b == 0xA0, end - 2 >= start, self[end - 2] == 0xC2 {
                end -= 2
            } else if b == 0xAF, end - 3 >= start, self[end - 2] == 0x80, self[end - 3] == 0xE2 {
                end -= 3
            } else {
                break
            }
        }
        return UnsafeBufferPointer(rebasing: self[start..<end])
    }
}
