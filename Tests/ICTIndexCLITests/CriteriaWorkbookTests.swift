import Foundation
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexTestSupport
import OrderedCollections
import Testing
import XLSXWriter

/// `criteria export` and `criteria import`: the criteria as a workbook and back, through the built `ictindex`.
@Suite struct CriteriaWorkbookTests {
    let cli = CommandRunner()
    let root = CommandRunner.repositoryRoot.path
    /// Messages in Vietnamese, the users' default (the runner asks for English unless told).
    let vi = ["ICTINDEX_LANG": "vi"]

    /// The framework without where each part was written, which the YAML → workbook → YAML trip changes.
    func comparable(_ framework: Framework) -> Framework {
        var f = framework
        f.sourceFile = nil
        f.sourceText = nil
        for id in f.nodes.keys { f.nodes[id]?.source = nil }
        for id in f.variables.keys { f.variables[id]?.source = nil }
        for id in f.groups.keys { f.groups[id]?.source = nil }
        for i in f.bands.indices { f.bands[i].source = nil }
        for i in f.deductions.indices { f.deductions[i].source = nil }
        return f
    }

    @Test(
        "every shipped criteria file goes to a workbook and back to the same framework, in both languages",
        arguments: ["vn-province-agencies", "vn-ict-index", "vn-dti-2022-province", "un-egdi"], ["vi", "en"])
    func roundTrip(name: String, lang: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let original = root + "/Criteria/\(name).yaml"
        let export = try cli.run(["criteria", "export", original, "--out", "c.xlsx", "--lang", lang], in: dir.url)
        #expect(export.exitCode == 0, "\(export.stderr)")
        let back = try cli.run(["criteria", "import", "c.xlsx", "--out", "c.yaml", "--lang", lang], in: dir.url)
        #expect(back.exitCode == 0, "\(back.stderr)")
        #expect(back.stderr == "")
        let before = try FrameworkLoader().load(path: original).framework
        let after = try FrameworkLoader().load(path: dir.file("c.yaml").path).framework
        #expect(comparable(before) == comparable(after))
        let show = try cli.run(["criteria", "show", original]).stdout
        #expect(try cli.run(["criteria", "show", dir.file("c.yaml").path]).stdout == show)
    }

    @Test("the sample province scores the same, unit by unit, from the round-tripped file")
    func sameScores() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let original = root + "/Criteria/vn-province-agencies.yaml"
        _ = try cli.run(["criteria", "export", original, "--out", "c.xlsx"], in: dir.url)
        _ = try cli.run(["criteria", "import", "c.xlsx", "--out", "c.yaml"], in: dir.url)
        let data = [
            "--units", root + "/Examples/sample-province/units.csv", "--data",
            root + "/Examples/sample-province/values-2025.csv", "--period", "2025", "--format", "json",
        ]
        let a = try cli.run(["score", original] + data)
        let b = try cli.run(["score", dir.file("c.yaml").path] + data)
        #expect(a.exitCode == 0 && b.exitCode == 0)
        #expect(a.stdout == b.stdout)
    }

    @Test("the published table's columns: numbering, maximum points, the decision's wording, evidence, drop-downs")
    func publishedTable() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let original = root + "/Criteria/vn-province-agencies.yaml"
        let out = try cli.run(["criteria", "export", original, "--out", "c.xlsx"], in: dir.url, environment: vi)
        #expect(out.stdout == "c.xlsx: 29 tiêu chí, 41 số liệu của vn-province-agencies\n")
        let file = try XLSXFile(url: dir.file("c.xlsx"))
        let workbook = try file.part("xl/workbook.xml")
        for sheet in ["Thông tin chung", "Khối", "Xếp loại", "Số liệu", "Tiêu chí", "Điểm trừ"] {
            #expect(workbook.contains("<sheet name=\"\(sheet)\""), "\(sheet)")
        }
        let cells = try file.cells(sheet: 5)
        #expect(cells["A3"]?.value == "STT" && cells["D3"]?.value == "Điểm tối đa")
        // The total, then 1 Hạ tầng kỹ thuật (20 points), 1.1 … and the best-of case 1.6 with its cases.
        #expect(cells["A4"]?.value == nil && cells["B4"]?.value == "total")
        #expect(cells["A5"]?.value == "1" && cells["B5"]?.value == "infra" && cells["D5"]?.value == "20")
        #expect(cells["A6"]?.value == "1.1" && cells["J6"]?.value == "4")
        #expect(cells["E6"]?.value == "Tỷ lệ × 4 điểm.")
        #expect(
            cells["G6"]?.value
                == "bắt buộc: Tổng số cán bộ, công chức, viên chức (CBCCVC)\nnếu có: Số CBCCVC được trang bị máy tính phục vụ công việc"
        )
        #expect(cells["I6"]?.value == "Sở Khoa học và Công nghệ")
        #expect(cells["A11"]?.value == "1.6" && cells["K11"]?.value == "best_of" && cells["D11"]?.value == "2")
        #expect(cells["A12"]?.value == "1.6.1" && cells["M12"]?.value == "boolean")
        // Every indicator's wording from the decision is in the table.
        let framework = try FrameworkLoader().load(path: original).framework
        let texts = Set(cells.values.compactMap(\.value))
        for node in framework.nodes.values {
            if let description = node.description?.vi { #expect(texts.contains(description), "\(node.id)") }
        }
        // Drop-downs for the aggregate and the rule; the published table (A–I) is what prints.
        let sheet = try file.part("xl/worksheets/sheet5.xml")
        #expect(sheet.contains("<formula1>\"sum,mean,geometric,harmonic,min,max,best_of\"</formula1>"))
        #expect(
            sheet.contains(
                "<formula1>\"boolean,choice,distance_to_target,fraction_of_max,identity,linear,minmax,percentile,rank,ratio,steps,zscore\"</formula1>"
            ))
        #expect(
            workbook.contains(
                "<definedName name=\"_xlnm.Print_Area\" localSheetId=\"4\">'Tiêu chí'!$A$1:$I$39</definedName>"))
    }

    /// A workbook typed from scratch, as a department would: only the columns it needs, in its own order.
    func handTyped(weightCell: Cell = .number(60), rule: String = "ratio", outline: String = "1.2.2") -> Spreadsheet {
        Spreadsheet(sheets: [
            Sheet(
                name: "Thông tin chung",
                rows: [
                    [.text("Khóa"), .text("Giá trị")],
                    [.text("schema"), .text("ictindex/v1")],
                    [.text("id"), .text("huyen-x-2026")],
                    [.text("name.vi"), .text("Bộ tiêu chí chuyển đổi số huyện X")],
                    [.text("edition"), .number(2026)],
                    [.text("scale"), .number(100)],
                    [.text("publication.issuer.vi"), .text("Ủy ban nhân dân huyện X")],
                ]),
            Sheet(
                name: "Số liệu",
                rows: [
                    [.text("Mã"), .text("Tên số liệu"), .text("Kiểu"), .text("Nhỏ nhất")],
                    [.text("staff"), .text("Tổng số CBCCVC"), .text("integer"), .number(0)],
                    [.text("computers"), .text("Số CBCCVC có máy tính"), .text("integer"), .number(0)],
                    [.text("approved"), .text("Hồ sơ cấp độ được phê duyệt"), .text("boolean")],
                    [.text("submitted"), .text("Hồ sơ cấp độ đã trình"), .text("boolean")],
                ]),
            Sheet(
                name: "Tiêu chí",
                rows: [
                    [.text("BỘ TIÊU CHÍ (bản nhập tay)")],
                    [
                        .text("STT"), .text("Mã"), .text("Tiêu chí"), .text("Trọng số"), .text("Tổng hợp"),
                        .text("Giá trị (công thức)"), .text("Quy tắc chấm"), .text("Cách tính điểm (theo quyết định)"),
                    ],
                    [.empty, .text("total"), .text("Tổng điểm"), .empty, .text("sum")],
                    [.text("1"), .text("infra"), .text("Hạ tầng"), .number(100), .text("sum")],
                    [
                        .text("1.1"), .text("infra.computers"), .text("Tỷ lệ CBCCVC có máy tính"), weightCell, .empty,
                        .text("if(staff > 0, computers / staff, 0)"), .text(rule), .text("Tỷ lệ × 60 điểm."),
                    ],
                    [
                        .text("1.2"), .text("infra.security"), .text("An toàn thông tin theo cấp độ"), .empty,
                        .text("best_of"), .empty, .empty,
                        .text("Được phê duyệt: 40 điểm; đã trình: 20 điểm. Lấy trường hợp có điểm cao nhất."),
                    ],
                    [
                        .text("1.2.1"), .text("infra.security.approved"), .text("Được phê duyệt"), .number(40),
                        .empty, .text("approved"), .text("boolean"),
                    ],
                    [
                        .text(outline), .text("infra.security.submitted"), .text("Đã trình, chưa phê duyệt"),
                        .number(20), .empty, .text("submitted"), .text("boolean"),
                    ],
                ]),
        ])
    }

    @Test("a workbook typed from scratch becomes a criteria file that scores as the decision says, by hand")
    func fromScratch() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try XLSXWriter.write(handTyped(), to: dir.file("huyen.xlsx"))
        let back = try cli.run(
            ["criteria", "import", "huyen.xlsx", "--out", "huyen.yaml"], in: dir.url, environment: vi)
        #expect(back.exitCode == 0, "\(back.stderr)")
        #expect(back.stdout == "huyen.yaml: huyen-x-2026, 1 nhóm, 3 tiêu chí, 4 số liệu (đã kiểm tra)\n")
        let yaml = try String(contentsOf: dir.file("huyen.yaml"), encoding: .utf8)
        #expect(yaml.contains("\nedition: \"2026\"\n"))
        // A: 6 of 8 staff have a computer, plan submitted: 0.75 × 60 + max(0, 20) = 65.
        // B: 10 of 10, plan approved: 60 + max(40, 0) = 100.
        try "unit,staff,computers,approved,submitted\nA,8,6,0,1\nB,10,10,1,0\n"
            .write(to: dir.file("v.csv"), atomically: true, encoding: .utf8)
        let scored = try cli.run(["score", "huyen.yaml", "--data", "v.csv", "--format", "csv"], in: dir.url)
        #expect(scored.exitCode == 0, "\(scored.stderr)")
        let rows = scored.stdout.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        let score = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { (String($0[0]), String($0[3])) })
        #expect(score == ["A": "65.00", "B": "100.00"])
    }

    @Test("every problem of a workbook at once, each at its sheet and cell with the YAML checker's code and hint")
    func problemsAtCells() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try XLSXWriter.write(
            handTyped(weightCell: .text("sáu mươi"), rule: "ratioo", outline: "1.x"), to: dir.file("h.xlsx"))
        let out = try cli.run(["criteria", "import", "h.xlsx", "--out", "h.yaml", "--lang", "en"], in: dir.url)
        #expect(out.exitCode == 64)
        #expect(
            out.stderr == """
                h.xlsx[Tiêu chí]!A8: error[C021]: '1.x' is not a number such as 2 or 2.3 or 2.3.1
                  hint: the number gives the tree: 2.3 is the third item of 2
                h.xlsx[Tiêu chí]!D5: error[C004]: 'weight' of indicator 'infra.computers' must be a number, not 'sáu mươi'
                  hint: write a number such as 10 or 0.5
                h.xlsx[Tiêu chí]!G5: error[C020]: unknown rule 'ratioo' in indicator 'infra.computers'
                  hint: did you mean 'ratio'?
                3 errors

                """)
        #expect(!FileManager.default.fileExists(atPath: dir.file("h.yaml").path))
        // The same problems at the same cells, with the same codes, in Vietnamese: the workbook's own checks and
        // the YAML checker's alike.
        let inVietnamese = try cli.run(
            ["criteria", "import", "h.xlsx", "--out", "h.yaml"], in: dir.url, environment: vi)
        #expect(inVietnamese.exitCode == 64)
        #expect(
            inVietnamese.stderr == """
                h.xlsx[Tiêu chí]!A8: lỗi[C021]: '1.x' không phải STT dạng 2, 2.3 hay 2.3.1
                  gợi ý: STT cho biết cây tiêu chí: 2.3 là mục thứ ba của tiêu chí 2
                h.xlsx[Tiêu chí]!D5: lỗi[C004]: 'weight' của tiêu chí 'infra.computers' phải là một số, không phải 'sáu mươi'
                  gợi ý: ghi một số như 10 hay 0.5 (dấu chấm thập phân)
                h.xlsx[Tiêu chí]!G5: lỗi[C020]: không có quy tắc chấm 'ratioo' (ở tiêu chí 'infra.computers')
                  gợi ý: có phải ý bạn là 'ratio'?
                3 lỗi

                """)
    }

    /// A criteria sheet with a problem on each row that only the workbook has: its numbering, its cells of YAML.
    func badlyNumbered() -> Spreadsheet {
        var workbook = handTyped()
        workbook.sheets[2] = Sheet(
            name: "Tiêu chí",
            rows: [
                [
                    .text("STT"), .text("Mã"), .text("Tiêu chí"), .text("Trọng số"), .text("Tổng hợp"),
                    .text("Giá trị (công thức)"), .text("Quy tắc chấm"), .text("Tham số quy tắc"),
                    .text("Khác (YAML)"), .text("Ghi chú"),
                ],
                [.empty, .text("total"), .text("Tổng điểm"), .empty, .text("sum")],
                [.text("1"), .text("infra"), .text("Hạ tầng"), .number(100), .text("sum")],
                [
                    .text("1.1"), .text("infra.computers"), .text("Máy tính"), .number(60), .empty,
                    .text("computers"), .text("ratio"), .text("percent: ["),
                ],
                [.text("1.1"), .text("infra.copy"), .text("Bản sao"), .number(10)],
                [.text("3.1"), .text("orphan"), .text("Mồ côi"), .number(10)],
                [.empty, .text("total2"), .text("Tổng thứ hai")],
                [
                    .text("1.2"), .text("infra.approved"), .text("Phê duyệt"), .number(40), .empty,
                    .text("approved"), .text("boolean"), .empty, .text("[1, 2]"),
                ],
                [
                    .text("1.3"), .text("infra.submitted"), .text("Đã trình"), .number(0), .empty,
                    .text("submitted"), .text("ratio"), .text("[percent, true]"),
                ],
            ])
        return workbook
    }

    @Test("the workbook's own problems (numbering, cells of YAML, unknown columns) in Vietnamese and in English")
    func workbookProblems() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try XLSXWriter.write(badlyNumbered(), to: dir.file("b.xlsx"))
        let inVietnamese = try cli.run(
            ["criteria", "import", "b.xlsx", "--out", "b.yaml"], in: dir.url, environment: vi)
        #expect(inVietnamese.exitCode == 64)
        #expect(
            inVietnamese.stderr == """
                b.xlsx[Tiêu chí]!J1: cảnh báo[C002]: cột 'Ghi chú' không phải cột ictindex đọc; bỏ qua cột này
                  gợi ý: các cột: STT, Mã, Tiêu chí, Điểm tối đa, Cách tính điểm (theo quyết định), Diễn giải cách tính, Tài liệu kiểm chứng, Nguồn số liệu, Đơn vị thẩm định, Trọng số, Tổng hợp, Giá trị (công thức), Quy tắc chấm, Tham số quy tắc, Thiếu số liệu, Chiều, Áp dụng cho khối, Tên tiếng Anh, Cách tính điểm (tiếng Anh), Khác (YAML)
                b.xlsx[Tiêu chí]!A5: lỗi[C007]: STT 1.1 trùng với dòng 4
                  gợi ý: đánh lại STT của một trong hai dòng
                b.xlsx[Tiêu chí]!A6: lỗi[C021]: STT 3.1 không có tiêu chí cha: không có dòng STT 3 ở trên
                  gợi ý: thêm dòng 3 ở trên, hoặc đánh lại STT
                b.xlsx[Tiêu chí]!A7: lỗi[C021]: dòng thứ hai không có STT: chỉ dòng tổng điểm (dòng 2) để trống STT
                  gợi ý: ghi STT (1, 2.3, …) theo tiêu chí cha
                b.xlsx[Tiêu chí]!H4: lỗi[C001]: 'percent: [' không phải YAML dạng một dòng
                  gợi ý: ghi các cặp khóa: giá trị cách nhau bởi dấu phẩy, ví dụ `over: group, range: [0, 100]`; chữ có dấu phẩy đặt trong "…"
                b.xlsx[Tiêu chí]!B4: lỗi[C003]: tiêu chí 'infra.computers' chưa có cách chấm điểm 'score'
                  gợi ý: thêm `score: {rule: …}` cho tiêu chí, hoặc một `score:` mặc định trong `defaults:`
                b.xlsx[Tiêu chí]!I8: lỗi[C004]: mục 'infra.approved' có một khóa là một danh sách 2 mục, không phải một tên
                  gợi ý: khóa là một tên viết liền, như `id`
                b.xlsx[Tiêu chí]!G9: lỗi[C004]: quy tắc 'ratio' ở tiêu chí 'infra.submitted' có một khóa là một danh sách 2 mục, không phải một tên
                  gợi ý: khóa là một tên viết liền, như `id`
                7 lỗi, 1 cảnh báo

                """)
        let inEnglish = try cli.run(["criteria", "import", "b.xlsx", "--out", "b.yaml", "--lang", "en"], in: dir.url)
        #expect(inEnglish.exitCode == 64)
        #expect(
            inEnglish.stderr == """
                b.xlsx[Tiêu chí]!J1: warning[C002]: column 'Ghi chú' is not one ictindex reads; it is left out
                  hint: headers: No., Code, Criterion, Max points, Scoring, as the decision words it, Rule in words, Evidence, Data source, Appraised by, Weight, Aggregate, Value (formula), Rule, Rule parameters, Missing value, Direction, Applies to groups, Criterion (English), Scoring (English), Other (YAML)
                b.xlsx[Tiêu chí]!A5: error[C007]: number 1.1 is also on row 4
                  hint: renumber one of them
                b.xlsx[Tiêu chí]!A6: error[C021]: number 3.1 has no parent: no row numbered 3 above it
                  hint: add the row 3 above, or renumber
                b.xlsx[Tiêu chí]!A7: error[C021]: a second row without a number: only the total (row 2) has none
                  hint: number the row (1, 2.3, …) under its parent
                b.xlsx[Tiêu chí]!H4: error[C001]: 'percent: [' is not YAML in flow style
                  hint: write keys and values separated by commas, such as `over: group, range: [0, 100]`; quote text with commas in "…"
                b.xlsx[Tiêu chí]!B4: error[C003]: indicator 'infra.computers' has no 'score'
                  hint: add `score: {rule: …}` to the indicator, or a default `score:` under `defaults:`
                b.xlsx[Tiêu chí]!I8: error[C004]: node 'infra.approved' has a key that is a list of 2 items, not a name
                  hint: keys are plain names such as `id`
                b.xlsx[Tiêu chí]!G9: error[C004]: rule 'ratio' of indicator 'infra.submitted' has a key that is a list of 2 items, not a name
                  hint: keys are plain names such as `id`
                7 errors, 1 warning

                """)
        #expect(!FileManager.default.fileExists(atPath: dir.file("b.yaml").path))
    }

    @Test("a workbook without the criteria sheet, and a missing file, are refused with what to do")
    func missingParts() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try XLSXWriter.write(Spreadsheet(sheets: [Sheet(name: "Sheet1", rows: [[.text("x")]])]), to: dir.file("e.xlsx"))
        let out = try cli.run(["criteria", "import", "e.xlsx", "--out", "e.yaml", "--lang", "en"], in: dir.url)
        #expect(out.exitCode == 64)
        #expect(
            out.stderr == """
                e.xlsx: error[C003]: the workbook has no sheet 'General' (or 'Thông tin chung'); its sheets are 'Sheet1'
                  hint: make the layout with `ictindex criteria export FILE.yaml --out FILE.xlsx`, or see Criteria/README.md
                e.xlsx: error[C003]: the workbook has no sheet 'Variables' (or 'Số liệu'); its sheets are 'Sheet1'
                  hint: make the layout with `ictindex criteria export FILE.yaml --out FILE.xlsx`, or see Criteria/README.md
                e.xlsx: error[C003]: the workbook has no sheet 'Criteria' (or 'Tiêu chí'); its sheets are 'Sheet1'
                  hint: make the layout with `ictindex criteria export FILE.yaml --out FILE.xlsx`, or see Criteria/README.md
                e.xlsx: error[C003]: the criteria file is empty
                  hint: start it with `schema: ictindex/v1`
                4 errors

                """)
        let inVietnamese = try cli.run(
            ["criteria", "import", "e.xlsx", "--out", "e.yaml"], in: dir.url, environment: vi)
        #expect(inVietnamese.exitCode == 64)
        #expect(
            inVietnamese.stderr == """
                e.xlsx: lỗi[C003]: bảng tính không có trang 'Thông tin chung' (hay 'General'); các trang hiện có: 'Sheet1'
                  gợi ý: tạo mẫu bằng `ictindex criteria export TỆP.yaml --out TỆP.xlsx`, hoặc xem Criteria/README.md
                e.xlsx: lỗi[C003]: bảng tính không có trang 'Số liệu' (hay 'Variables'); các trang hiện có: 'Sheet1'
                  gợi ý: tạo mẫu bằng `ictindex criteria export TỆP.yaml --out TỆP.xlsx`, hoặc xem Criteria/README.md
                e.xlsx: lỗi[C003]: bảng tính không có trang 'Tiêu chí' (hay 'Criteria'); các trang hiện có: 'Sheet1'
                  gợi ý: tạo mẫu bằng `ictindex criteria export TỆP.yaml --out TỆP.xlsx`, hoặc xem Criteria/README.md
                e.xlsx: lỗi[C003]: tệp tiêu chí trống
                  gợi ý: bắt đầu tệp bằng dòng `schema: ictindex/v1`
                4 lỗi

                """)
        let none = try cli.run(["criteria", "import", "none.xlsx", "--out", "e.yaml"], in: dir.url, environment: vi)
        #expect(none.exitCode == 64)
        #expect(none.stderr.hasPrefix("none.xlsx: lỗi[D013]: không có bảng tiêu chí 'none.xlsx'\n"))
    }
}
