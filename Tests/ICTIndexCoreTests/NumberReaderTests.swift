import Glibc
import ICTIndexTestSupport
import Testing

@testable import ICTIndexCore

@Suite struct NumberReaderTests {
    private func read(_ text: String, _ style: DecimalStyle = .point) -> NumberReader.Reading {
        var text = text
        return text.withUTF8 { NumberReader.read($0, style: style) }
    }

    /// C's `strtod` of a text written with a decimal point: the reference every reading must equal.
    private func strtodValue(_ text: String) -> Double {
        text.withCString { strtod($0, nil) }
    }

    /// Whether a reading is exactly `strtod`'s double (same bits, so the sign of zero counts), or
    /// `.notFinite` where `strtod` overflows.
    private func agrees(_ reading: NumberReader.Reading, with expected: Double) -> Bool {
        switch reading {
        case .number(let x, _): return expected.isFinite && x.bitPattern == expected.bitPattern
        case .notFinite: return expected.isInfinite
        case .invalid: return false
        }
    }

    // MARK: - Edge cases

    @Test(
        "edge cases read as strtod reads them",
        arguments: [
            "0", "-0", "-0.0", "+0", "7", "12.5", ".5", "-.5", "0.1", "0.30000000000000004",
            "9007199254740991",
            "9007199254740993", "123456789012345678", "1.7976931348623157e308", "1e308",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308", "4.9406564584124654e-324", "5e-324", "2.4703282292062328e-324",
            "1e-400",
            "-1e-400", "2e-06", "3.6E-05", "3e+05", "1.5E+03", "0.000000000000000000000000000001", "1E0",
            "0.1e1", "100e-2", "12345678901234567890123", "0.12345678901234567890123e5",
        ])
    func edgeCases(text: String) {
        #expect(agrees(read(text), with: strtodValue(text)), "\(text)")
    }

    @Test("-0 keeps its sign")
    func negativeZero() {
        #expect(read("-0") == .number(-0.0, grouped: false))
        guard case .number(let x, _) = read("-0") else { return }
        #expect(x.sign == .minus)
    }

    @Test("a 400-digit integer, 1e400 and 1.8e308 are not finite; 1e308 is")
    func overflow() {
        #expect(read(String(repeating: "9", count: 400)) == .notFinite)
        #expect(read("1" + String(repeating: "0", count: 399)) == .notFinite)
        #expect(read("1e400") == .notFinite)
        #expect(read("-1.8e308") == .notFinite)
        #expect(read("1.7976931348623159e308") == .notFinite)  // rounds up past the largest double
        #expect(read("1e308") == .number(1e308, grouped: false))
        #expect(read("1e-99999999999") == .number(0, grouped: false))
    }

    @Test(
        "exponents with a decimal comma",
        arguments: [("2,5E-06", 2.5e-06), ("1,5e3", 1500), ("-3,25E+02", -325)])
    func commaExponents(text: String, expected: Double) {
        #expect(read(text, .comma) == .number(expected, grouped: false))
    }

    @Test(
        "thousands separators of each style, in groups of three",
        arguments: [
            ("1,234,567.5", DecimalStyle.point, 1_234_567.5), ("1,234", .point, 1234),
            ("-12,345,678", .point, -12_345_678),
            ("1.234.567,5", .comma, 1_234_567.5), ("35.466", .comma, 35466), ("1 234,5", .comma, 1234.5),
            ("1\u{00A0}234", .comma, 1234), ("1\u{202F}234\u{202F}567", .comma, 1_234_567),
        ])
    func grouped(text: String, style: DecimalStyle, expected: Double) {
        #expect(read(text, style) == .number(expected, grouped: true))
    }

    @Test(
        "not numbers",
        arguments: [
            ("", DecimalStyle.point), ("-", .point), (".", .point), ("5.", .point), ("e5", .point),
            ("1e", .point),
            ("1e+", .point), ("1,23", .point), ("1234,567", .point), ("1,234e5", .point),
            ("1 234", .point),
            ("1.2.3", .point), ("inf", .point), ("nan", .point), ("0x1p3", .point), ("1_000", .point),
            ("12.5", .comma), ("1.23", .comma), ("1.234 567", .comma), ("1,2,3", .comma), ("--1", .point),
        ])
    func invalid(text: String, style: DecimalStyle) {
        #expect(read(text, style) == .invalid, "\(text)")
    }

    // MARK: - A million random strings of each shape

    /// The shapes real files write, each as (the text in its style, the same number written for `strtod`).
    enum Shape: String, CaseIterable, Sendable {
        case integer, decimal, exponent, commaExponent, grouped, commaGrouped
    }

    @Test(
        "a million random strings of each shape read as strtod reads them", arguments: Shape.allCases)
    func randomStrings(shape: Shape) {
        var random = SplitMix64(state: 0x15 &+ UInt64(Shape.allCases.firstIndex(of: shape) ?? 0))
        var mismatches: [String] = []
        var buffer: [UInt8] = []
        var reference: [UInt8] = []
        func digits(_ count: Int, into bytes: inout [UInt8], leadingNonZero: Bool = false) {
            for k in 0..<count {
                let d = UInt8(truncatingIfNeeded: random.next() % 10)
                bytes.append(UInt8(ascii: "0") + (k == 0 && leadingNonZero ? max(d, 1) : d))
            }
        }
        for _ in 0..<1_000_000 {
            buffer.removeAll(keepingCapacity: true)
            if random.next() % 4 == 0 { buffer.append(UInt8(ascii: "-")) }
            let style: DecimalStyle
            switch shape {
            case .integer:
                style = .point
                digits(1 + Int(random.next() % 25), into: &buffer)
                reference = buffer
            case .decimal, .exponent, .commaExponent:
                style = shape == .commaExponent ? .comma : .point
                digits(1 + Int(random.next() % 12), into: &buffer)
                buffer.append(style == .comma ? UInt8(ascii: ",") : UInt8(ascii: "."))
                digits(1 + Int(random.next() % 20), into: &buffer)
                if shape != .decimal {
                    buffer.append(random.next() % 2 == 0 ? UInt8(ascii: "e") : UInt8(ascii: "E"))
                    switch random.next() % 3 {
                    case 0: buffer.append(UInt8(ascii: "-"))
                    case 1: buffer.append(UInt8(ascii: "+"))
                    default: break
                    }
                    buffer.append(contentsOf: String(random.next() % 340).utf8)
                }
                reference = buffer.map { $0 == UInt8(ascii: ",") ? UInt8(ascii: ".") : $0 }
            case .grouped, .commaGrouped:
                style = shape == .grouped ? .point : .comma
                let separator: [UInt8] =
                    shape == .grouped
                    ? [UInt8(ascii: ",")]
                    : [[UInt8(ascii: ".")], [0x20], [0xC2, 0xA0]][Int(random.next() % 3)]
                reference = buffer
                var group: [UInt8] = []
                digits(1 + Int(random.next() % 3), into: &group, leadingNonZero: true)
                buffer += group
                reference += group
                for _ in 0..<(1 + Int(random.next() % 5)) {
                    group.removeAll()
                    digits(3, into: &group)
                    buffer += separator + group
                    reference += group
                }
                if random.next() % 2 == 0 {
                    group = [UInt8(ascii: ".")]
                    digits(1 + Int(random.next() % 15), into: &group)
                    buffer += style == .point ? group : [UInt8(ascii: ",")] + group.dropFirst()
                    reference += group
                }
            }
            let reading = buffer.withUnsafeBufferPointer { NumberReader.read($0, style: style) }
            let expected = strtodValue(String(decoding: reference, as: UTF8.self))
            if !agrees(reading, with: expected) && mismatches.count < 10 {
                mismatches.append(
                    "\(String(decoding: buffer, as: UTF8.self)) → \(reading), strtod \(expected)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }
}
