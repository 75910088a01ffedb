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
}
