import Foundation
import Testing
import ICTIndexTestSupport

@testable import XLSXReader

/// Workbooks written by other applications: openpyxl (Python) and LibreOffice Calc.
@Suite struct InteroperabilityTests {
    static var openpyxl: Result<[String: String], ExternalTools.ToolMissing> { ExternalTools.openpyxl }

    @Test("a workbook written by openpyxl")
    func openpyxlWorkbook() throws {
        let environment: [String: String]
        switch Self.openpyxl {
        case .success(let found): environment = found
        case .failure(let reason):
            #expect(!ExternalTools.areRequired, "openpyxl is required here: \(reason.text)")
            print("SKIPPED openpyxl interoperability: \(reason.text)")
            return
        }
        // Given a workbook with Vietnamese text, numbers, booleans, a date, a formula, a hidden sheet,
        // an unlocked cell, a merge, a defined name, and rows that skip
        let folder = try TemporaryFolder()
        let script = """
            import datetime, openpyxl
            from openpyxl.styles import Protection
            from openpyxl.workbook.defined_name import DefinedName
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.title = "Tự đánh giá"
            ws.append(["unit", "egov.portal", "tên", "ok"])
            ws.append(["HN", 87.5, "Sở Nội vụ – Hà Nội", True])
            ws.append(["ĐN", 0.1, "Ủy ban \\"Đà Nẵng\\" & <x>", False])
            ws["B7"] = "=SUM(B2:B3)"
            ws["C7"] = datetime.date(2025, 3, 1)
            ws["D7"] = 12345678901234
            ws["E2"].protection = Protection(locked=False)
            ws.merge_cells("F1:G1")
            hidden = wb.create_sheet("Ẩn")
            hidden.sheet_state = "hidden"
            hidden["A1"] = "bí mật"
            wb.defined_names["Diem"] = DefinedName("Diem", attr_text="'Tự đánh giá'!$B$2:$B$3")
            wb.save("openpyxl.xlsx")
            """
        try script.write(to: folder.file("make.py"), atomically: true, encoding: .utf8)
        let (status, errors) = try run("python3", ["make.py"], in: folder.url, environment: environment)
        try #require(status == 0, "python failed: \(errors)")

        // When
        let document = try XLSXDocument(contentsOf: folder.file("openpyxl.xlsx"))
        let sheet = try document.sheet(named: "Tự đánh giá")

        // Then
        #expect(document.sheetNames == ["Tự đánh giá", "Ẩn"])
        #expect(document.sheets.map(\.visibility) == [.visible, .hidden])
        #expect(document.definedNames.map(\.name) == ["Diem"])
        #expect(sheet.rows.map(\.number) == [1, 2, 3, 7])
        #expect(sheet.rows[0].texts == ["unit", "egov.portal", "tên", "ok"])
        #expect(sheet["A2"]?.value == .text("HN"))
        #expect(sheet["B2"]?.value == .number(87.5))
        #expect(sheet["C2"]?.value == .text("Sở Nội vụ – Hà Nội"))
        #expect(sheet["D2"]?.value == .boolean(true))
        #expect(sheet["A3"]?.value == .text("ĐN"))
        #expect(sheet["B3"]?.value == .number(0.1))
        #expect(sheet["C3"]?.value == .text("Ủy ban \"Đà Nẵng\" & <x>"))
        #expect(sheet["D3"]?.value == .boolean(false))
        // openpyxl stores no cached result for formulas.
        #expect(sheet["B7"]?.formula == "SUM(B2:B3)")
        #expect(sheet["B7"]?.value == .empty)
        #expect(sheet["C7"]?.value == .number(45717))
        #expect(sheet["C7"]?.hasDateFormat == true)
        #expect(sheet["D7"]?.value == .number(12_345_678_901_234))
        #expect(sheet["A2"]?.isLocked == true)
        #expect(sheet.mergedRanges == [XLSXCellRange("F1:G1")])
        #expect(try document.sheet(named: "Ẩn")["A1"]?.value == .text("bí mật"))
    }

    @Test("a workbook converted by LibreOffice from a CSV with Vietnamese text")
    func libreOfficeWorkbook() throws {
        guard isInstalled("soffice") else {
            #expect(!ExternalTools.areRequired, "LibreOffice is required here (make test installs it)")
            print("SKIPPED LibreOffice interoperability: 'soffice' is not installed (make test installs it)")
            return
        }
        // Given a UTF-8 CSV converted by LibreOffice Calc, with a private profile so no user settings interfere
        let folder = try TemporaryFolder()
        let csv = """
            code,name,group,score
            HN,Sở Thông tin và Truyền thông,so-nganh,87.25
            QN,"Ủy ban nhân dân, tỉnh Quảng Ninh",ubnd-huyen,-3
            ĐB,Điện Biên,,1000000

            """
        try csv.write(to: folder.file("units.csv"), atomically: true, encoding: .utf8)
        let profile = folder.file("profile").absoluteString
        let (status, errors) = try run(
            "soffice",
            ["-env:UserInstallation=\(profile)", "--headless", "--infilter=CSV:44,34,76,1",
             "--convert-to", "xlsx", "--outdir", folder.url.path, folder.file("units.csv").path],
            in: folder.url)
        try #require(status == 0, "soffice failed: \(errors)")

        // When
        let document = try XLSXDocument(contentsOf: folder.file("units.xlsx"))
        let sheet = try document.sheet(named: try #require(document.firstVisibleSheet?.name))

        // Then
        #expect(sheet.rows.map(\.texts) == [
            ["code", "name", "group", "score"],
            ["HN", "Sở Thông tin và Truyền thông", "so-nganh", "87.25"],
            ["QN", "Ủy ban nhân dân, tỉnh Quảng Ninh", "ubnd-huyen", "-3"],
            ["ĐB", "Điện Biên", "", "1000000"],
        ])
        #expect(sheet["D2"]?.value == .number(87.25))
    }
}
