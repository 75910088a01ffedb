import Testing

@testable import ICTIndexCore

@Suite struct UnitsFileTests {
    /// The failure that `body` throws, or nil when it throws nothing.
    private func failure(_ body: () throws -> Void) throws -> ValidationFailure? {
        do {
            try body()
            return nil
        } catch let failure as ValidationFailure {
            return failure
        }
    }

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

    @Test("missing columns are reported together, in English and in Vietnamese")
    func missingColumns() throws {
        let failure = try failure {
            _ = try DataFileReader(framework: ImportFixtures.framework()).readUnits("unit\nSTTTT\n", file: "units.csv")
        }
        let rendered = failure?.diagnostics.map(\.description)
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
        #expect(
            failure?.report(.vi) == """
                units.csv:1: lỗi[D009]: tệp đơn vị không có cột 'code'
                  gợi ý: dòng tiêu đề phải ghi các cột code, name, group; hiện có: 'unit'
                units.csv:1: lỗi[D009]: tệp đơn vị không có cột 'name'
                  gợi ý: dòng tiêu đề phải ghi các cột code, name, group; hiện có: 'unit'
                units.csv:1: lỗi[D009]: tệp không có cột 'group', mà bộ tiêu chí 'test-agencies' xếp hạng đơn vị theo \
                khối ('department', 'commune')
                  gợi ý: hãy thêm cột 'group' ghi khối của từng đơn vị
                units.csv:1:1: lỗi[D002]: cột 'unit' không phải cột của tệp đơn vị
                  gợi ý: các cột của tệp đơn vị là code, name, group, parent, kind, valid_from, valid_to, successor
                4 lỗi
                """)
    }

    @Test("a header without units is an error")
    func noUnits() throws {
        let failure = try failure {
            _ = try DataFileReader(framework: ImportFixtures.framework()).readUnits("code,name,group", file: "u.csv")
        }
        #expect(
            failure?.diagnostics.map(\.description) == [
                "u.csv:1: error[D013]: the units file lists no units\n  hint: add one row per unit under the header"
            ])
        #expect(
            failure?.diagnostics.map { $0.text(.vi) } == [
                "u.csv:1: lỗi[D013]: tệp đơn vị không có đơn vị nào\n  gợi ý: hãy thêm một dòng cho mỗi đơn vị dưới "
                    + "dòng tiêu đề"
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
        let failure = try failure {
            _ = try DataFileReader(framework: ImportFixtures.framework()).readUnits(text, file: "units.csv")
        }
        let rendered = failure?.diagnostics.map(\.description)
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
        // And in Vietnamese, with the same codes and places
        #expect(
            failure?.report(.vi) == """
                units.csv:1:3: lỗi[D002]: cột 'grup' không phải cột của tệp đơn vị
                  gợi ý: có phải ý bạn là 'group'? Các cột của tệp đơn vị là code, name, group, parent, kind, \
                valid_from, valid_to, successor
                units.csv:2:4: lỗi[D010]: đơn vị 'STTTT': 'departmnet' không phải khối của bộ tiêu chí 'test-agencies'
                  gợi ý: có phải ý bạn là 'department'? Nếu không, hãy ghi một trong 'department', 'commune'
                units.csv:3:4: lỗi[D010]: đơn vị 'SYT' chưa ghi khối
                  gợi ý: bộ tiêu chí 'test-agencies' xếp hạng đơn vị theo khối; hãy ghi một trong 'department', \
                'commune'
                units.csv:4:1: lỗi[D012]: đơn vị 'STTTT' có hai dòng (dòng 2 và 4)
                  gợi ý: hãy giữ một dòng cho mỗi mã đơn vị
                units.csv:5:2: lỗi[D009]: đơn vị 'XA01' không có tên
                  gợi ý: hãy ghi tên đơn vị vào cột 'name'
                units.csv:5:5: lỗi[D014]: đơn vị 'XA01', cột 'valid_from': '32/01/2025' không phải ngày tháng
                  gợi ý: hãy viết ngày theo dạng YYYY-MM-DD (2025-07-01) hoặc DD/MM/YYYY (01/07/2025)
                units.csv:6:1: lỗi[D009]: dòng 6 không có mã đơn vị
                  gợi ý: hãy ghi mã đơn vị, hoặc xóa dòng này
                7 lỗi
                """)
    }

    @Test("a group is refused when the framework defines none")
    func groupWithoutGroups() throws {
        let failure = try failure {
            _ = try DataFileReader(framework: ImportFixtures.framework(groups: false))
                .readUnits("code,name,group\nA,Tỉnh A,north\n", file: "units.csv")
        }
        #expect(
            failure?.diagnostics.map(\.description) == [
                """
                units.csv:2:3: error[D010]: unit 'A': 'north' is not a group of framework 'test-agencies'
                  hint: framework 'test-agencies' defines no groups; leave the cell empty
                """
            ])
        #expect(
            failure?.diagnostics.map { $0.text(.vi) } == [
                """
                units.csv:2:3: lỗi[D010]: đơn vị 'A': 'north' không phải khối của bộ tiêu chí 'test-agencies'
                  gợi ý: bộ tiêu chí 'test-agencies' không chia khối; hãy để trống ô này
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
        // And in Vietnamese
        #expect(
            failure?.report(.vi) == """
                u.csv:2:6: lỗi[D020]: đơn vị 'S1' tự kế thừa chính nó
                  gợi ý: hãy để trống 'successor', hoặc ghi mã của đơn vị đã thay thế nó
                u.csv:3:6: lỗi[D020]: đơn vị 'S2': đơn vị kế thừa 'SKHCMM' không có trong danh sách đơn vị
                  gợi ý: có phải ý bạn là 'SKHCN'? Nếu không, hãy nhập cả đơn vị kế thừa, hoặc sửa lại mã của nó
                u.csv:4:5: lỗi[D020]: đơn vị 'S3' kết thúc (valid_to 2025-06-30) trước khi bắt đầu \
                (valid_from 2025-07-01)
                  gợi ý: hãy đổi chỗ hoặc sửa lại hai ngày; valid_to là ngày cuối cùng của đơn vị
                u.csv:5:6: lỗi[D020]: các đơn vị kế thừa nhau thành một vòng: 'A' → 'B' → 'C' → 'A'
                  gợi ý: đơn vị kế thừa thay hẳn đơn vị cũ; hãy bỏ 'successor' trỏ ngược lại
                u.csv:8:6: lỗi[D020]: đơn vị 'D' (đến 2025-06-30) có đơn vị kế thừa 'OLD' đã kết thúc sớm hơn \
                (2024-12-31)
                  gợi ý: hãy kiểm tra mã đơn vị kế thừa và ngày valid_to của cả hai đơn vị
                5 lỗi
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
