import OrderedCollections
import Testing

@testable import ICTIndexCore

@Suite struct ValuesFileTests {
    private func reader(_ style: DecimalStyle = .point, groups: Bool = true) throws -> DataFileReader {
        DataFileReader(framework: try ImportFixtures.framework(groups: groups), decimalStyle: style)
    }

    // MARK: - Wide

    @Test("reads a wide file against a units list")
    func wideWithUnits() throws {
        // Given a wide file that names two of the three known units, one cell left empty
        let text = """
            unit,staff,computers,coverage,has_portal,chair,decided_on,remark
            STTTT,40,38,85%,x,Phó Chủ tịch,31/03/2025,"Đủ, đúng hạn"
            SYT,"1,234.5",,,no,none,2025-04-02,
            """
        // Then the values are read by their variables' kinds, the empty cells are missing,
        // and the data set lists every known unit
        let dataset = try reader().readValues(
            text, file: "data.csv", units: ImportFixtures.units, period: "2025")
        #expect(dataset.period == "2025")
        #expect(Array(dataset.units.keys) == ["STTTT", "SYT", "XA01"])
        #expect(
            dataset.entries(of: "STTTT") == [
                "staff": Dataset.Entry(value: .number(40)),
                "computers": Dataset.Entry(value: .number(38)),
                "coverage": Dataset.Entry(value: .number(85)),
                "has_portal": Dataset.Entry(value: .number(1)),
                "chair": Dataset.Entry(value: .option("deputy")),
                "decided_on": Dataset.Entry(value: .text("2025-03-31")),
                "remark": Dataset.Entry(value: .text("Đủ, đúng hạn")),
            ])
        #expect(
            dataset.entries(of: "SYT") == [
                "staff": Dataset.Entry(value: .number(1234.5)),
                "has_portal": Dataset.Entry(value: .number(0)),
                "chair": Dataset.Entry(value: .option("none")),
                "decided_on": Dataset.Entry(value: .text("2025-04-02")),
            ])
        #expect(dataset.entries(of: "XA01").isEmpty)
        #expect(
            dataset.units.keys.flatMap { dataset.entries(of: $0).values }.allSatisfy {
                $0.source == .imported
            })
    }

    @Test("reads a Vietnamese-style file: BOM, ';' separator and decimal comma")
    func wideVietnameseStyle() throws {
        let text = "\u{FEFF}Đơn vị;unit;staff;coverage\r\n;STTTT;35.466;12,5\r\n;SYT;1.234,5;100\r\n"
        // The unnamed first column holds no values in any row, so "Đơn vị" is its only problem
        let failure = try ImportFixtures.rendered {
            _ = try reader(.comma).readValues(
                text, file: "data.csv", units: ImportFixtures.units, period: nil)
        }
        #expect(
            failure?.map { $0.split(separator: "\n")[0] } == [
                "data.csv:1:1: error[D002]: column 'Đơn vị' is not a variable of framework 'test-agencies'"
            ])
        let clean = "\u{FEFF}unit;staff;coverage\r\nSTTTT;35.466;12,5\r\nSYT;1.234,5;100\r\n"
        let dataset = try reader(.comma).readValues(
            clean, file: "data.csv", units: ImportFixtures.units, period: nil)
        #expect(dataset.value("STTTT", "staff") == .number(35466))
        #expect(dataset.value("STTTT", "coverage") == .number(12.5))
        #expect(dataset.value("SYT", "staff") == .number(1234.5))
    }

    @Test("a wide file with name and group columns defines the units")
    func wideDefinesUnits() throws {
        let text = """
            code,name,group,staff
            STTTT,Sở TT&TT,department,40
            XA01,UBND xã An Bình,UBND cấp xã,12
            """
        let dataset = try reader().readValues(text, file: "data.csv", units: nil, period: nil)
        #expect(
            Array(dataset.units.values) == [
                Unit(code: "STTTT", name: "Sở TT&TT", group: "department"),
                Unit(code: "XA01", name: "UBND xã An Bình", group: "commune"),
            ])
        #expect(dataset.value("XA01", "staff") == .number(12))
    }

    @Test("without groups in the framework, a bare wide file defines units named by their codes")
    func wideBareUnits() throws {
        let dataset = try reader(groups: false).readValues(
            "unit,staff\nA,1\n", file: "d.csv", units: nil, period: nil)
        #expect(Array(dataset.units.values) == [Unit(code: "A", name: "A", group: .all)])
    }

    @Test("a file whose cells are all empty gives units without values")
    func allMissing() throws {
        let dataset = try reader().readValues(
            "unit,staff,coverage\nSTTTT,,\nSYT, , \n", file: "d.csv", units: ImportFixtures.units,
            period: nil)
        #expect(dataset.isEmpty)
        #expect(dataset.units.count == 3)
    }

    @Test("name and group columns are ignored when a units list is given")
    func wideIgnoresNameWithUnits() throws {
        let dataset = try reader().readValues(
            "unit,name,group,staff\nSTTTT,Tên khác,khối lạ,3\n", file: "d.csv",
            units: ImportFixtures.units,
            period: nil)
        #expect(dataset.units["STTTT"]?.name == "Sở Thông tin và Truyền thông")
    }

    // MARK: - Long

    @Test("reads a long file with evidence and notes")
    func long() throws {
        let text = """
            unit,variable,value,evidence,note
            STTTT,staff,40,Báo cáo 12/BC-STTTT,
            STTTT,chair,Chủ tịch,Quyết định 5/QĐ-UBND,họp 4 lần
            XA01,coverage,"85,5%",,
            """
        let dataset = try reader(.comma).readValues(
            text, file: "long.csv", units: ImportFixtures.units, period: "2025")
        #expect(
            dataset["STTTT", "staff"]
                == Dataset.Entry(value: .number(40), evidence: "Báo cáo 12/BC-STTTT"))
        #expect(
            dataset["STTTT", "chair"]
                == Dataset.Entry(
                    value: .option("chair"), evidence: "Quyết định 5/QĐ-UBND", note: "họp 4 lần"))
        #expect(dataset.value("XA01", "coverage") == .number(85.5))
    }

    @Test("a long file without a units list needs a framework without groups")
    func longDefinesUnits() throws {
        let text = "unit,variable,value\nB,staff,1\nA,staff,2\nB,coverage,3\n"
        let dataset = try reader(groups: false).readValues(
            text, file: "long.csv", units: nil, period: nil)
        #expect(Array(dataset.units.keys) == ["B", "A"])
        let rendered = try ImportFixtures.rendered {
            _ = try reader().readValues(text, file: "long.csv", units: nil, period: nil)
        }
        #expect(
            rendered == [
                """
                long.csv:1: error[D009]: a long values file does not say which group each unit is in, and no units \
                list was given
                  hint: pass the units file (--units)
                """
            ])
    }

    @Test("a long file reports unknown variables, derived variables, duplicates and bad columns")
    func longProblems() throws {
        let text = """
            unit;variable;value;source
            STTTT;staf;40;
            STTTT;ratio;0,5;
            STTTT;staff;40;
            STTTT;staff;41;
            SYTE;coverage;12,5;
            SYT;;1;
            """
        let rendered = try ImportFixtures.rendered {
            _ = try reader().readValues(text, file: "long.csv", units: ImportFixtures.units, period: nil)
        }
        #expect(
            rendered == [
                """
                long.csv:1:4: error[D002]: unknown column 'source' in the long values file
                  hint: the columns of a long values file are unit, variable, value, evidence, note
                """,
                """
                long.csv:2:2: error[D002]: unit 'STTTT': 'staf' is not a variable of framework 'test-agencies'
                  hint: did you mean 'staff'? Otherwise remove the row, or add the variable to the framework
                """,
                """
                long.csv:3:2: error[D011]: unit 'STTTT', variable 'ratio': a derived variable, computed from its \
                formula 'computers / staff', not imported
                  hint: remove the row; ictindex computes 'ratio' from its formula
                """,
                """
                long.csv:5:2: error[D008]: unit 'STTTT', variable 'staff' is given twice (rows 4 and 5)
                  hint: keep one row per unit and variable
                """,
                """
                long.csv:6:1: error[D001]: unit 'SYTE' is not in the units list
                  hint: did you mean 'SYT'? Otherwise add the unit to the units file
                """,
                """
                long.csv:6:3: error[D004]: unit 'SYTE', variable 'coverage': '12,5' is not a number in this file's style
                  hint: this looks like a decimal comma; pass --decimal-comma if the file uses Vietnamese number \
                style, or write 12.5
                """,
                """
                long.csv:7:2: error[D009]: unit 'SYT': row 7 names no variable
                  hint: write the variable id in the 'variable' column
                """,
            ])
    }

    // MARK: - Problems

    @Test("an unknown unit gets the nearest known code as a suggestion")
    func unknownUnit() throws {
        let rendered = try ImportFixtures.rendered {
            _ = try reader().readValues(
                "unit,staff\nSTTT,40\nHN,1\n", file: "data.csv", units: ImportFixtures.units, period: nil)
        }
        #expect(
            rendered == [
                """
                data.csv:2:1: error[D001]: unit 'STTT' is not in the units list
                  hint: did you mean 'STTTT'? Otherwise add the unit to the units file
                """,
                """
                data.csv:3:1: error[D001]: unit 'HN' is not in the units list
                  hint: add the unit to the units file, or fix the code
                """,
            ])
    }

    @Test("a header without rows is an error")
    func headerOnly() throws {
        let rendered = try ImportFixtures.rendered {
            _ = try reader().readValues(
                "unit,staff\n", file: "data.csv", units: ImportFixtures.units, period: nil)
        }
        #expect(
            rendered == [
                """
                data.csv:1: error[D013]: the values file has a header but no rows
                  hint: add one row per unit (wide) or per unit and variable (long)
                """
            ])
    }

    @Test("a wide file without a unit column or variable columns is an error")
    func missingUnitColumn() throws {
        let rendered = try ImportFixtures.rendered {
            _ = try reader().readValues(
                "don_vi,staff\nSTTTT,4\n", file: "data.csv", units: ImportFixtures.units,
                period: nil)
        }
        #expect(
            rendered == [
                """
                data.csv:1: error[D009]: the values file has no 'unit' column
                  hint: name the column of unit codes 'unit', and each value column by its variable id, or use the \
                long form 'unit, variable, value'; the header has: 'don_vi', 'staff'
                """,
                """
                data.csv:1:1: error[D002]: column 'don_vi' is not a variable of framework 'test-agencies'
                  hint: remove the column, or add the variable to the framework
                """,
            ])
    }

    @Test("every problem of a wide file is reported at once, in file order")
    func allProblemsAtOnce() throws {
        // Given a wide file with header problems and bad cells of every kind
        let text = """
            unit,staff,ratio,coverage,has_portal,chair,decided_on,computers,remarks
            STTTT,"12,5",1,134%,maybe,Pho Chu tich,31/02/2025,2.5,ok
            SYTT,40,,-1,có,chair,2025-03-31,3,
            STTTT,1,,,,,,,
            XA01,1,2,3
            """
        // When it is read, then nothing is returned and every problem is listed
        let rendered = try ImportFixtures.rendered {
            _ = try reader().readValues(
                text, file: "data.csv", units: ImportFixtures.units, period: "2025")
        }
        #expect(
            rendered == [
                """
                data.csv:1:3: error[D011]: column 'ratio' is the derived variable 'ratio', computed from its formula \
                'computers / staff', not imported
                  hint: remove the column; ictindex computes 'ratio' from its formula
                """,
                """
                data.csv:1:9: error[D002]: column 'remarks' is not a variable of framework 'test-agencies'
                  hint: did you mean 'remark'? Otherwise remove the column, or add the variable to the framework
                """,
                """
                data.csv:2:2: error[D004]: unit 'STTTT', variable 'staff': '12,5' is not a number in this file's style
                  hint: this looks like a decimal comma; pass --decimal-comma if the file uses Vietnamese number \
                style, or write 12.5
                """,
                """
                data.csv:2:4: error[D005]: unit 'STTTT', variable 'coverage': value '134%' (134) is outside 0…100
                  hint: check the value; the framework declares the bounds of 'coverage'
                """,
                """
                data.csv:2:5: error[D006]: unit 'STTTT', variable 'has_portal': 'maybe' is not a yes/no value
                  hint: write 1 or 0, có or không, yes or no, true or false, or x for yes
                """,
                """
                data.csv:2:6: error[D007]: unit 'STTTT', variable 'chair': 'Pho Chu tich' is not one of the options
                  hint: did you mean 'deputy' (Phó Chủ tịch)? Or write one of: chair (Chủ tịch), \
                deputy (Phó Chủ tịch), none (Không)
                """,
                """
                data.csv:2:7: error[D014]: unit 'STTTT', variable 'decided_on': '31/02/2025' is not a date
                  hint: write the date as YYYY-MM-DD (2025-03-31) or DD/MM/YYYY (31/03/2025)
                """,
                """
                data.csv:2:8: error[D003]: unit 'STTTT', variable 'computers': '2.5' is not a whole number
                  hint: write a whole number such as 2
                """,
                """
                data.csv:3:1: error[D001]: unit 'SYTT' is not in the units list
                  hint: did you mean 'SYT'? Otherwise add the unit to the units file
                """,
                """
                data.csv:3:4: error[D005]: unit 'SYTT', variable 'coverage': value -1 is outside 0…100
                  hint: check the value; the framework declares the bounds of 'coverage'
                """,
                """
                data.csv:4:1: error[D012]: unit 'STTTT' has two rows (2 and 4)
                  hint: keep one row per unit, with all its values
                """,
                """
                data.csv:5:5: error[D015]: row 5 has 4 cells but the header has 9 columns; no cell for \
                'has_portal', 'chair', 'decided_on' and 2 more
                  hint: write every cell of the row, an empty one as nothing between two separators (A,,5)
                """,
            ])
    }

    @Test("the staff cell of the design's example names unit, variable and cell")
    func ambiguousStaff() throws {
        let rendered = try ImportFixtures.rendered {
            _ = try reader().readValues(
                "unit;staff\nSTTTT;12,5\n", file: "data.csv", units: ImportFixtures.units, period: nil)
        }
        #expect(
            rendered == [
                """
                data.csv:2:2: error[D004]: unit 'STTTT', variable 'staff': '12,5' is not a number in this file's style
                  hint: this looks like a decimal comma; pass --decimal-comma if the file uses Vietnamese number \
                style, or write 12.5
                """
            ])
    }

    @Test("a wide file defining units checks their groups")
    func wideGroupProblems() throws {
        let rendered = try ImportFixtures.rendered {
            _ = try reader().readValues(
                "unit,group,staff\nA,departmen,1\nB,,2\n", file: "data.csv", units: nil, period: nil)
        }
        #expect(
            rendered == [
                """
                data.csv:2:2: error[D010]: unit 'A': 'departmen' is not a group of framework 'test-agencies'
                  hint: did you mean 'department'? Or write one of 'department', 'commune'
                """,
                """
                data.csv:3:2: error[D010]: unit 'B' has no group
                  hint: framework 'test-agencies' ranks units in groups; write one of 'department', 'commune'
                """,
            ])
        let noGroup = try ImportFixtures.rendered {
            _ = try reader().readValues("unit,staff\nA,1\n", file: "data.csv", units: nil, period: nil)
        }
        #expect(
            noGroup == [
                """
                data.csv:1: error[D009]: no units list was given and the values file has no 'group' column, so the \
                groups of its units are unknown
                  hint: pass the units file (--units), or add a 'group' column
                """
            ])
    }

    @Test("a wide file's VAR.evidence column fills the evidence of that unit's value")
    func evidenceColumns() throws {
        let text = "unit,staff,staff.evidence\nSTTTT,40,QĐ 12/2025\nSYT,50,\n"
        let dataset = try reader().readValues(text, file: "data.csv", units: ImportFixtures.units, period: nil)
        #expect(dataset.entries(of: "STTTT") == ["staff": Dataset.Entry(value: .number(40), evidence: "QĐ 12/2025")])
        #expect(dataset.entries(of: "SYT") == ["staff": Dataset.Entry(value: .number(50))])
    }

    @Test("many decimal commas read without --decimal-comma give one error with the count and the flag")
    func manyDecimalCommas() throws {
        let text = "unit;staff;computers\nSTTTT;12,5;3\nSYT;1,5;2\nXA01;7,25;1\n"
        let rendered = try ImportFixtures.rendered {
            _ = try reader().readValues(text, file: "data.csv", units: ImportFixtures.units, period: nil)
        }
        #expect(
            rendered == [
                """
                data.csv:2:2: error[D004]: 3 numbers are not in this file's number style; the first is unit 'STTTT', \
                variable 'staff': '12,5' is not a number in this file's style
                  hint: the file seems to use Vietnamese number style (decimal comma): pass --decimal-comma, or write \
                the numbers with a decimal point and no thousands separator
                """
            ])
    }
}
