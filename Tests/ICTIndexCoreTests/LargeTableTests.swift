import OrderedCollections
import Testing

@testable import ICTIndexCore

/// Tables large enough to be read on every core (``CSVScanner`` in pieces, ``ValuesFile``'s column-wise reading
/// of numeric wide tables), checked against what the generator wrote, and their problems against the messages of
/// the one-by-one reading.
@Suite struct LargeTableTests {
    /// A wide file of `rows` units with name and group columns and the three numeric variables of
    /// ``ImportFixtures/framework(groups:)``, some cells empty or `NA`; and the data set it holds, built value by
    /// value in file order.
    private static func wideFile(rows: Int, units: [Unit]? = nil) -> (text: String, expected: Dataset) {
        var text = "unit,name,group,staff,computers,coverage\n"
        var fileUnits: [Unit] = []
        var values: [(UnitCode, VariableID, Double)] = []
        for r in 0..<rows {
            let code = UnitCode("U\(r)")
            let group: GroupID = r % 3 == 0 ? "commune" : "department"
            fileUnits.append(Unit(code: code, name: "Đơn vị \(r)", group: group))
            // Row 0 has no staff and no computers, so the first column made is coverage's.
            let staff = r % 97 == 0 ? "" : "\(r).5"
            let computers = r % 13 == 0 ? "NA" : "\(r % 50)"
            let coverage = "\(r % 100)%"
            text += "\(code),Đơn vị \(r),\(group),\(staff),\(computers),\(coverage)\n"
            if !staff.isEmpty { values.append((code, "staff", Double(r) + 0.5)) }
            if computers != "NA" { values.append((code, "computers", Double(r % 50))) }
            values.append((code, "coverage", Double(r % 100)))
        }
        var expected = Dataset(period: nil, units: units ?? fileUnits)
        for (unit, variable, x) in values where expected.units[unit] != nil {
            expected.set(unit, variable, .number(x))
        }
        return (text, expected)
    }

    private func reader() throws -> DataFileReader {
        DataFileReader(framework: try ImportFixtures.framework(), decimalStyle: .point)
    }

    @Test("a large numeric wide file is read to the same data set as value by value, numbers included")
    func largeWideFile() throws {
        let (text, expected) = Self.wideFile(rows: 40_000)
        #expect(text.utf8.count > CSVScanner.minimumPieceBytes)
        let dataset = try reader().readValues(text, file: "data.csv", units: nil, period: nil)
        #expect(dataset == expected)
        #expect(Array(dataset.variableIDs.keys) == ["coverage", "staff", "computers"])
        for variable in ["staff", "computers", "coverage"] as [VariableID] {
            #expect(
                dataset.numbers(of: variable).map(\.bitPattern) == expected.numbers(of: variable).map(\.bitPattern))
        }
        #expect(dataset.value("U1", "staff") == .number(1.5))
        #expect(dataset.value("U13", "computers") == nil)
        #expect(dataset.value("U39999", "coverage") == .number(99))
    }

    @Test("a large wide file read against a units list in another order puts each row at its unit")
    func largeWideFileWithUnits() throws {
        // The list has the rows' units backwards, without the first 100, and one unit the file has no row for
        var units = (100..<30_000).reversed().map {
            Unit(code: UnitCode("U\($0)"), name: "Đơn vị \($0)", group: $0 % 3 == 0 ? "commune" : "department")
        }
        units.insert(Unit(code: "MOI", name: "Đơn vị mới", group: "department"), at: 5)
        let (text, expected) = Self.wideFile(rows: 30_000, units: units)
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false)
        let kept = ([rows[0]] + rows[101...]).joined(separator: "\n")
        let dataset = try reader().readValues(kept, file: "data.csv", units: units, period: nil)
        #expect(dataset == expected)
        #expect(dataset.numbers(of: "staff").count == units.count)
        #expect(dataset.value("MOI", "staff") == nil)
        #expect(dataset.value("U29999", "coverage") == .number(99))
        #expect(Array(dataset.units.keys.prefix(2)) == ["U29999", "U29998"])
    }

    @Test("problems deep in a large file get the messages, lines and order of a one-by-one reading")
    func largeFileProblems() throws {
        var lines = Self.wideFile(rows: 40_000).text.split(separator: "\n").map(String.init)
        lines[30_001] = "U30000,Đơn vị 30000,department,12,3.5,40%"
        lines[35_001] = "U35000,Đơn vị 35000,department,12,3"
        lines[2] = "U1,Đơn vị 1,department,-4,1,1%"
        let rendered = try ImportFixtures.rendered {
            _ = try reader().readValues(
                lines.joined(separator: "\n") + "\n", file: "data.csv", units: nil, period: nil)
        }
        #expect(
            rendered == [
                """
                data.csv:3:4: error[D005]: unit 'U1', variable 'staff': value -4 is below the minimum 0
                  hint: check the value; the framework declares the bounds of 'staff'
                """,
                """
                data.csv:30002:5: error[D003]: unit 'U30000', variable 'computers': '3.5' is not a whole number
                  hint: write a whole number such as 3
                """,
                """
                data.csv:35002:6: error[D015]: row 35002 has 5 cells but the header has 6 columns; no cell for \
                'coverage'
                  hint: write every cell of the row, an empty one as nothing between two separators (A,,5)
                """,
            ])
    }

    @Test("a large file is cut into pieces at line breaks, and every row keeps its cells and its line")
    func largeTableLines() throws {
        // LF, CRLF and CR line ends, blank lines and rows of empty cells, which are skipped but counted
        var text = "a,b,c\n"
        var expected: [CSVTable.Row] = []
        var line = 2
        for r in 0..<60_000 {
            let ending = ["\n", "\r\n", "\r"][r % 3]
            if r % 1_000 == 7 {
                text += ",,\n\n"
                line += 2
            }
            text += "x\(r), \(r * 7) ,\(r % 11)\(ending)"
            expected.append(CSVTable.Row(line: line, cells: ["x\(r)", "\(r * 7)", "\(r % 11)"]))
            line += 1
        }
        #expect(text.utf8.count > CSVScanner.minimumPieceBytes)
        let table = try CSVTable.parse(text, file: "big.csv")
        #expect(table.rowCount == expected.count)
        #expect(table.rows == expected)
    }

    @Test("a data set's number column reads as values, compares and hashes as one set value by value")
    func numberColumns() {
        let units = (0..<4).map { Unit(code: UnitCode("U\($0)"), name: "U\($0)", group: .all) }
        var fast = Dataset(units: units)
        fast.setNumbers([1, .nan, 3, -0.5], column: fast.column(for: "x"))
        var slow = Dataset(units: units)
        for (u, x) in [(0, 1.0), (2, 3), (3, -0.5)] { slow.set(UnitCode("U\(u)"), "x", .number(x)) }
        #expect(fast == slow)
        #expect(fast.hashValue == slow.hashValue)
        #expect(fast.values(of: "x") == [.number(1), nil, .number(3), .number(-0.5)])
        #expect(fast.value("U1", "x") == nil)
        #expect(!fast.isEmpty)
        // Setting a value that is not a number keeps the others
        fast.set("U1", "x", .text("n/a"))
        slow.set("U1", "x", .text("n/a"))
        #expect(fast == slow)
        #expect(fast.values(of: "x") == [.number(1), .text("n/a"), .number(3), .number(-0.5)])
        #expect(fast.numbers(of: "x").map(\.bitPattern) == slow.numbers(of: "x").map(\.bitPattern))
        // A column without any number stays empty
        var none = Dataset(units: units)
        none.setNumbers([.nan, .nan, .nan, .nan], column: none.column(for: "y"))
        #expect(none.isEmpty && none.values(of: "y").isEmpty)
    }
}
