import Testing
@testable import ICTIndexCore

@Suite struct UnitsFileTests {
    @Test("reads units with every optional column, groups by id or by name")
    func fullUnits() throws {
        // Given a units file with all columns, a group written by its Vietnamese name, and Vietnamese dates
        let text = """
            code;name;group;parent;kind;valid_from;valid_to;successor
            STTTT;Sở Thông tin và Truyền thông;department;BN;so;2008-01-01;30/06/2025;SKHCN
            XA01;"UBND xã An Bình; tỉnh Bắc Ninh";UBND cấp xã;BN;xa;01/07/2025;;
            """
        // When it is read
        let units = try DataFileReader(framework: ImportFixtures.framework()).readUnits(text, file: "units.csv")
        // Then every field is kept and dates are ISO
        #expect(
            units == [
                Unit(
                    code: "STTTT", name: "Sở Thông tin và Truyền thông", group: "department", parent: "BN", kind: "so",
                    validFrom: "2008-01-01", validTo: "2025-06-30", successor: "SKHCN"),
                Unit(
                    code: "XA01", name: "UBND xã An Bình; tỉnh Bắc Ninh", group: "commune", parent: "BN", kind: "xa",
                    validFrom: "2025-07-01"),
            ])
    }

    @Test("an empty group means 'all' when the framework defines no groups")
    func emptyGroupWithoutGroups() throws {
        let reader = DataFileReader(framework: try ImportFixtures.framework(groups: false))
        let units = try reader.readUnits("Code,Name,Group\nA,Tỉnh A,\nB,Tỉnh B,all\n", file: "units.csv")
        #expect(units.map(\.group) == [.all, .all])
        let noColumn = try reader.readUnits("code,name\nA,Tỉnh A\n", file: "units.csv")
        #expect(noColumn == [Unit(code: "A", name: "Tỉnh A")])
    }

    @Test("a single unit is a valid units list")
    func singleUnit() throws {
        let units = try DataFileReader(framework: ImportFixtures.framework())
            .readUnits("code,name,group\nSTTTT,Sở TT&TT,department", file: "units.csv")
        #expect(units.count == 1)
    }

    @Test("missing columns are reported together")
    func missingColumns() throws {
        let rendered = try ImportFixtures.rendered {
            _ = try DataFileReader(framework: ImportFixtures.framework()).readUnits("unit\nSTTTT\n", file: "units.csv")
        }
        #expect(
            rendered == [
                """
                units.csv:1: error[D009]: the units file has no 'code' column
                  hint: the header must name the columns code, name, group; it has: 'unit'
                """,
                """
                units.csv:1: error[D009]: the units file has no 'name' column
                  hint: the header must name the columns code, name, group; it has: 'unit'
                """,
                """
                units.csv:1: error[D009]: the file has no 'group' column, and framework 'test-agencies' ranks units \
                in groups ('department', 'commune')
                  hint: add a 'group' column naming each unit's group
                """,
                """
                units.csv:1:1: error[D002]: unknown column 'unit' in the units file
                  hint: the columns of a units file are code, name, group, parent, kind, valid_from, valid_to, successor
                """,
            ])
    }

    @Test("a header without units is an error")
    func noUnits() throws {
        let rendered = try ImportFixtures.rendered {
            _ = try DataFileReader(framework: ImportFixtures.framework()).readUnits("code,name,group", file: "u.csv")
        }
        #expect(
            rendered == [
                "u.csv:1: error[D013]: the units file lists no units\n  hint: add one row per unit under the header"
            ])
    }

    @Test("every problem of a units file is reported at once, in file order")
    func allProblems() throws {
        // Given a file with an unknown column, unknown and empty groups, a duplicate, a bad date and a missing name
        let text = """
            code,name,grup,group,valid_from
            STTTT,Sở TT&TT,,departmnet,2025-01-01
            SYT,Sở Y tế,,,
            STTTT,Sở TT&TT (bis),,department,
            XA01,,,commune,32/01/2025
            ,Không mã,,commune,
            XA02,UBND xã Hòa,,Communes,
            """
        // When it is read, then nothing is returned and every problem is listed
        let rendered = try ImportFixtures.rendered {
            _ = try DataFileReader(framework: ImportFixtures.framework()).readUnits(text, file: "units.csv")
        }
        #expect(
            rendered == [
                """
                units.csv:1:3: error[D002]: unknown column 'grup' in the units file
                  hint: did you mean 'group'? The columns of a units file are code, name, group, parent, kind, \
                valid_from, valid_to, successor
                """,
                """
                units.csv:2:4: error[D010]: unit 'STTTT': 'departmnet' is not a group of framework 'test-agencies'
                  hint: did you mean 'department'? Or write one of 'department', 'commune'
                """,
                """
                units.csv:3:4: error[D010]: unit 'SYT' has no group
                  hint: framework 'test-agencies' ranks units in groups; write one of 'department', 'commune'
                """,
                """
                units.csv:4:1: error[D012]: unit 'STTTT' is listed twice (rows 2 and 4)
                  hint: keep one row per unit code
                """,
                """
                units.csv:5:2: error[D009]: unit 'XA01' has no name
                  hint: write the unit's name in the 'name' column
                """,
                """
                units.csv:5:5: error[D014]: unit 'XA01', column 'valid_from': '32/01/2025' is not a date
                  hint: write the date as YYYY-MM-DD (2025-07-01) or DD/MM/YYYY (01/07/2025)
                """,
                """
                units.csv:6:1: error[D009]: row 6 has no unit code
                  hint: write the unit's code, or delete the row
                """,
            ])
    }

    @Test("a group is refused when the framework defines none")
    func groupWithoutGroups() throws {
        let rendered = try ImportFixtures.rendered {
            _ = try DataFileReader(framework: ImportFixtures.framework(groups: false))
                .readUnits("code,name,group\nA,Tỉnh A,north\n", file: "units.csv")
        }
        #expect(
            rendered == [
                """
                units.csv:2:3: error[D010]: unit 'A': 'north' is not a group of framework 'test-agencies'
                  hint: framework 'test-agencies' defines no groups; leave the cell empty
                """
            ])
    }

    @Test("CSV problems are reported together with the units' problems")
    func csvAndUnitProblems() throws {
        let rendered = try ImportFixtures.rendered {
            _ = try DataFileReader(framework: ImportFixtures.framework())
                .readUnits("code,name,group\nA,Sở A,department,extra\nB,Sở B,nowhere\n", file: "units.csv")
        }
        #expect(
            rendered?.map { $0.split(separator: "\n")[0] } == [
                "units.csv:2:4: error[D015]: row 2 has 4 cells but the header has 3 columns; cell 4 is 'extra'",
                "units.csv:3:3: error[D010]: unit 'B': 'nowhere' is not a group of framework 'test-agencies'",
            ])
    }
}
