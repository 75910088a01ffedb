import ICTIndexCore
import ICTIndexTemplates
import ICTIndexTestSupport
import Testing
import XLSXWriter

/// The self-assessment workbook on paper: rows tall enough for their text, A4 with the sheet's name and its own
/// page numbers, the header row repeated, dates as dd/mm/yyyy.
@Suite struct TemplatePrintTests {
    func workbook() throws -> Spreadsheet {
        let (framework, sha) = try loadFramework("Criteria/vn-province-agencies.yaml")
        let unit = try #require(sampleUnits(framework, perGroup: 1).first)
        return SelfAssessmentTemplate(framework: framework, metadata: metadata(framework, sha256: sha, unit: unit))
            .spreadsheet()
    }

    @Test("every wrapped paragraph of 'Hướng dẫn' has a row tall enough for its lines")
    func instructionRows() throws {
        let sheet = try #require(try workbook().sheets.first)
        #expect(sheet.name == "Hướng dẫn")
        var checked = 0
        for (r, row) in sheet.rows.enumerated() {
            for (c, cell) in row.enumerated() where cell.style.wrapsText {
                guard case .text(let text, let style) = cell else { continue }
                // Column B is 100 characters wide; the font 11 points.
                #expect(c == 1)
                let lines = WrappedText.lines(text, columnWidth: 100, fontSize: style.fontSize ?? 11)
                if lines > 1 {
                    checked += 1
                    #expect(sheet.rowHeights[r] == WrappedText.height(lines: lines, fontSize: 11), "row \(r + 1)")
                }
            }
        }
        #expect(checked >= 3)
    }

    @Test("the printed sheets are A4, numbered per sheet, with the sheet's name, unit and period in the footer")
    func pageSetup() throws {
        let sheets = try workbook().sheets.filter { $0.visibility == .visible }
        #expect(sheets.map(\.name) == ["Hướng dẫn", "Tự đánh giá", "Điểm tạm tính"])
        for sheet in sheets {
            #expect(sheet.pageSetup.paperSize == .a4)
            #expect(sheet.pageSetup.fitToWidth == 1)
            #expect(sheet.pageSetup.firstPageNumber == 1)
            #expect(sheet.pageSetup.footer == "&L&8&A · DEPARTMENT-1 · 2025&C&8Trang &P", "\(sheet.name)")
        }
        #expect(sheets[1].pageSetup.repeatedRows == 4...4)
        #expect(sheets[2].pageSetup.repeatedRows == 3...3)
    }

    @Test("the deadline is written dd/mm/yyyy on the instructions and the input sheet")
    func deadline() throws {
        let sheets = try workbook().sheets
        let texts = sheets.prefix(2).flatMap { $0.rows.flatMap { $0 } }.compactMap { cell -> String? in
            if case .text(let text, _) = cell { return text }
            return nil
        }
        #expect(texts.contains("15/01/2026"))
        #expect(texts.contains("Hạn nộp: 15/01/2026"))
        #expect(!texts.contains { $0.contains("2026-01-15") })
    }

    @Test("the input sheet prints one landscape A4 page wide with its 11-point text at 8.7 points")
    func inputScale() throws {
        let sheet = try #require(try workbook().sheets.first { $0.name == "Tự đánh giá" })
        #expect(sheet.pageSetup.orientation == .landscape)
        #expect(sheet.pageSetup.fitToWidth == 1)
        // Given the visible columns' widths: a column of width w is 7w + 5 pixels of 3/4 point
        let visible = sheet.columns.filter { !$0.isHidden }
        #expect(visible.count == 13)
        let points = visible.reduce(0.0) { $0 + (7 * ($1.width ?? 8.43) + 5) * 0.75 }
        // Then 842 points less 2 × 0.4 inch of margins hold them at 79 % (4 + 34 + … + 12 = 179 characters:
        // 1,318 pixels, 988.5 points; 784.4 / 988.5 = 0.793), so 11-point text prints at 8.7 points
        let printable = 841.89 - 2 * 0.4 * 72
        let percent = min(100, Int((printable / points * 100).rounded(.down)))
        #expect(percent == 79)
        #expect(Double(percent) / 100 * 11 >= 8)
    }

    @Test("a long option fits its input cell: the cell wraps and the row is tall enough for the longest label")
    func longOption() throws {
        let (framework, sha) = try loadFramework("Criteria/vn-province-agencies.yaml")
        let unit = try #require(sampleUnits(framework, perGroup: 1).first)
        let template = SelfAssessmentTemplate(
            framework: framework, metadata: metadata(framework, sha256: sha, unit: unit))
        let sheet = try #require(template.spreadsheet().sheets.first { $0.name == "Tự đánh giá" })
        let address = try #require(template.inputCell("steering_chair"))
        let row = try #require(Int(address.dropFirst())) - 1
        // The longest option, "Cấp phó (Phó Giám đốc / Phó Chủ tịch UBND)" (42 characters), in the 18-character
        // input column: 3 lines
        let longest = "Cấp phó (Phó Giám đốc / Phó Chủ tịch UBND)"
        let lines = WrappedText.lines(longest, columnWidth: 18, fontSize: 11)
        #expect(lines == 3)
        #expect(sheet.columns.first { $0.columns.contains(3) }?.width == 18)
        #expect(sheet.rows[row][3].style.wrapsText)
        #expect((sheet.rowHeights[row] ?? 0) >= WrappedText.height(lines: lines, fontSize: 11))
    }

    @Test("the points sheet explains why a weight of 6 can sit beside a maximum of 6.52 points")
    func weightExplained() throws {
        let sheet = try #require(try workbook().sheets.first { $0.name == "Điểm tạm tính" })
        let header = sheet.rows[3].compactMap { cell -> String? in
            if case .text(let text, _) = cell { return text }
            return nil
        }
        #expect(header == ["Mã", "Tiêu chí, chỉ tiêu", "Trọng số (*)", "Điểm tối đa (*)", "Điểm tạm tính", "Ghi chú"])
        let note = try #require(sheet.merges.last)
        #expect(note.range.first.row == sheet.rows.count - 1)
        #expect(note.range.first.column == 1 && note.range.last.column == 5)
        #expect(
            note.value
                == .text(
                    "(*) Trọng số: theo bộ tiêu chí, so với các tiêu chí cùng nhóm. Điểm tối đa: số điểm đơn vị có thể "
                        + "đạt. Khi một tiêu chí không áp dụng cho khối của đơn vị, điểm của nó được chia cho các tiêu "
                        + "chí còn lại theo tỷ lệ trọng số, nên điểm tối đa có thể lớn hơn trọng số (ví dụ trọng số 6 "
                        + "→ tối đa 6.52 điểm).",
                    style: note.value.style))
        // A deduction's cap is said in words, not as a bare number under "Trọng số (*)"
        let deduction = try #require(
            sheet.rows.first { $0.first.map { $0 == .text("late_reports", style: $0.style) } ?? false })
        #expect(deduction[2] == .text("trừ tối đa 10", style: deduction[2].style))
        // Tall enough for its two lines across the merged columns (56 + 10 + 12 + 14 + 40 characters)
        #expect((sheet.rowHeights[note.range.first.row] ?? 0) >= WrappedText.height(lines: 2, fontSize: 11))
    }
}
