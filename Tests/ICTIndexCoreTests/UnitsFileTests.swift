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
        // When it is read, with the successor SKHCN already stored
        var reader = DataFileReader(framework: try ImportFixtures.framework())
        reader.storedUnits = [Unit(code: "SKHCN", name: "Sở Khoa học và Công nghệ", group: "department")]
        let units = try reader.readUnits(text, file: "units.csv")
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

    // MARK: - Lineage (D020)

    @Test(
        "lineage that is not a forest of dated successions: every problem at once, with row and column")
    func invalidLineage() throws {
        // Given a unit that succeeds itself (row 2), an unknown successor (row 3), an end before the start
        // (row 4), a cycle A → B → C → A (rows 5–7), and a successor that ended before its predecessor (row 8)
        let text = """
            code,name,group,valid_from,valid_to,successor
            S1,Sở 1,department,,,S1
            S2,Sở 2,department,,2025-06-30,SKHCMM
            S3,Sở 3,department,2025-07-01,2025-06-30,
            A,Sở A,department,,,B
            B,Sở B,department,,,C
            C,Sở C,department,,,A
            D,Sở D,department,,2025-06-30,OLD
            OLD,Sở cũ,department,,2024-12-31,
            """
        var reader = DataFileReader(framework: try ImportFixtures.framework())
        reader.storedUnits = [
            Unit(code: "SKHCN", name: "Sở Khoa học và Công nghệ", group: "department")
        ]
        // When it is read
        let failure = #expect(throws: ValidationFailure.self) {
            _ = try reader.readUnits(text, file: "u.csv")
        }
        // Then each problem is reported where it is
        #expect(
            failure?.description == """
                u.csv:2:6: error[D020]: unit 'S1' succeeds itself
                  hint: leave 'successor' empty, or write the code of the unit that replaced it
                u.csv:3:6: error[D020]: unit 'S2': successor 'SKHCMM' is not a known unit
                  hint: did you mean 'SKHCN'? Or import the successor too, or correct its code
                u.csv:4:5: error[D020]: unit 'S3' ends (valid_to 2025-06-30) before it starts (valid_from 2025-07-01)
                  hint: swap or correct the dates; valid_to is the unit's last day
                u.csv:5:6: error[D020]: the successors of units go round in a cycle: 'A' → 'B' → 'C' → 'A'
                  hint: a unit's successor replaces it for good; remove the successor that points back
                u.csv:8:6: error[D020]: unit 'D' (until 2025-06-30) is succeeded by 'OLD', which ended earlier (2024-12-31)
                  hint: check the successor's code and both units' valid_to dates
                5 errors
                """)
    }

    @Test("a cycle through a stored unit is found; successors may name stored units")
    func lineageWithStoredUnits() throws {
        // Given a stored unit X whose successor is Y, and a file that makes Y succeeded by X
        var reader = DataFileReader(framework: try ImportFixtures.framework())
        reader.storedUnits = [Unit(code: "X", name: "Sở X", group: "department", successor: "Y")]
        let failure = #expect(throws: ValidationFailure.self) {
            _ = try reader.readUnits("code,name,group,successor\nY,Sở Y,department,X\n", file: "u.csv")
        }
        #expect(
            failure?.description == """
                u.csv:2:4: error[D020]: the successors of units go round in a cycle: 'Y' → 'X' → 'Y'
                  hint: a unit's successor replaces it for good; remove the successor that points back
                1 error
                """)
        // And a file that merges into a stored unit, or changes the stored X to end the cycle, is accepted
        #expect(
            try reader.readUnits("code,name,group,successor\nZ,Sở Z,department,X\n", file: "u.csv").count
                == 1)
        let fixed = try reader.readUnits(
            "code,name,group,successor\nX,Sở X,department,\nY,Sở Y,department,X\n", file: "u.csv")
        #expect(fixed.map(\.successor) == [nil, "X"])
    }

    @Test("a chain of successions with dates is a valid forest")
    func validLineage() throws {
        // P1, P2 → P3 (merged on 2025-07-01), P3 → P4 (renamed later); P4 has no successor
        let text = """
            code,name,group,valid_from,valid_to,successor
            P1,Phường 1,commune,,2025-06-30,P3
            P2,Phường 2,commune,,2025-06-30,P3
            P3,Phường 3,commune,2025-07-01,2026-12-31,P4
            P4,Phường 4,commune,2027-01-01,,
            """
        let units = try DataFileReader(framework: try ImportFixtures.framework()).readUnits(
            text, file: "u.csv")
        #expect(units.map(\.successor) == ["P3", "P3", "P4", nil])
    }
}
