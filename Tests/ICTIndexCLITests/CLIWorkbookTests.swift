import Foundation
import ICTIndexTestSupport
import Testing

/// `score --out` and `demo`: the Excel scoreboard written by the built `ictindex`.
@Suite struct CLIWorkbookTests {
    let cli = CommandRunner()
    let fixtures: String

    init() throws {
        fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).path
    }

    func tinyArguments() -> [String] {
        [
            "score", fixtures + "/tiny.yaml", "--units", fixtures + "/tiny-units.csv", "--data",
            fixtures + "/tiny-values.csv",
        ]
    }

    @Test("score --out writes the workbook, then prints its path after the table")
    func scoreOut() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("tiny.xlsx").path
        let out = try cli.run(tinyArguments() + ["--out", path])
        #expect(out.exitCode == 0, "\(out.stderr)")
        #expect(out.stdout.hasSuffix("Bảng tính Excel: \(path)\n"))
        let cells = try XLSXFile(url: dir.file("tiny.xlsx")).cells(sheet: 1)
        #expect(cells["B8"]?.value == "A")
        #expect(cells["C9"]?.value == "Sở B, mới")
        #expect(cells["E8"]?.value == "93")
        #expect(cells["G9"]?.value == "Trung bình")
    }

    @Test("with --format csv, stdout stays the CSV and the path goes to stderr")
    func csvStaysClean() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let plain = try cli.run(tinyArguments() + ["--format", "csv"])
        let out = try cli.run(tinyArguments() + ["--format", "csv", "--out", dir.file("x.xlsx").path, "--lang", "en"])
        #expect(out.exitCode == 0)
        #expect(out.stdout == plain.stdout)
        #expect(out.stderr == "Excel scoreboard: \(dir.file("x.xlsx").path)\n")
    }

    @Test("SOURCE_DATE_EPOCH fixes the run time, so two runs give the same bytes")
    func reproducible() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        setenv("SOURCE_DATE_EPOCH", "1767225600", 1)
        defer { unsetenv("SOURCE_DATE_EPOCH") }
        _ = try cli.run(tinyArguments() + ["--out", dir.file("a.xlsx").path])
        _ = try cli.run(tinyArguments() + ["--out", dir.file("b.xlsx").path])
        let a = try Data(contentsOf: dir.file("a.xlsx"))
        #expect(!a.isEmpty)
        #expect(a == (try Data(contentsOf: dir.file("b.xlsx"))))
    }

    @Test("a missing folder is exit code 1 with the writer's message, and nothing on stdout")
    func missingFolder() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("nope/x.xlsx").path
        let out = try cli.run(tinyArguments() + ["--out", path])
        #expect(out.exitCode == 1)
        #expect(out.stdout == "")
        #expect(
            out.stderr == """
                error: \(path): output directory '\(dir.file("nope").path)' does not exist
                  hint: create it first, for example with `mkdir -p '\(dir.file("nope").path)'`

                """)
    }

    @Test("Reports/ is created when it is the folder of --out")
    func createsReports() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let out = try cli.run(tinyArguments() + ["--out", "Reports/tiny.xlsx"], in: dir.url)
        #expect(out.exitCode == 0, "\(out.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.file("Reports/tiny.xlsx").path))
    }

    @Test("Reports/2025/ is created, Reports/ with it, as the README's yearly folders; other folders are not")
    func createsYearFolderInsideReports() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let out = try cli.run(tinyArguments() + ["--out", "Reports/2025/tiny.xlsx"], in: dir.url)
        #expect(out.exitCode == 0, "\(out.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.file("Reports/2025/tiny.xlsx").path))
        let typo = try cli.run(tinyArguments() + ["--out", "Reprots/2025/tiny.xlsx"], in: dir.url)
        #expect(typo.exitCode == 1)
        #expect(!FileManager.default.fileExists(atPath: dir.file("Reprots").path))
    }

    @Test("--pdf prints the workbook with LibreOffice beside it; without LibreOffice the message names the package")
    func pdf() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        guard ExternalTools.isInstalled("soffice") else {
            #expect(!ExternalTools.areRequired, "LibreOffice is required here (make test installs it)")
            return
        }
        let out = try cli.run(tinyArguments() + ["--out", "Reports/tiny.xlsx", "--pdf"], in: dir.url)
        #expect(out.exitCode == 0, "\(out.stderr)")
        #expect(out.stdout.hasSuffix("Bảng tính Excel: Reports/tiny.xlsx\nPDF: Reports/tiny.pdf\n"))
        let bytes = try Data(contentsOf: dir.file("Reports/tiny.pdf"))
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
        // Without LibreOffice on PATH: the workbook is written, the PDF is not, and the message says what to install.
        let missing = try cli.run(
            tinyArguments() + ["--out", "Reports/other.xlsx", "--pdf"], in: dir.url,
            environment: ["PATH": "/nonexistent", "ICTINDEX_LANG": "vi"])
        #expect(missing.exitCode == 1)
        #expect(
            missing.stderr == """
                lỗi: Reports/other.pdf: không tạo được PDF vì máy chưa cài LibreOffice; bảng tính Reports/other.xlsx đã được ghi
                  gợi ý: cài gói libreoffice-calc-nogui (sudo apt-get install libreoffice-calc-nogui) rồi chạy lại lệnh với --pdf

                """)
        #expect(FileManager.default.fileExists(atPath: dir.file("Reports/other.xlsx").path))
        #expect(!FileManager.default.fileExists(atPath: dir.file("Reports/other.pdf").path))
    }

    @Test("--out that is not .xlsx is an argument error (exit 64)")
    func notXLSX() throws {
        let out = try cli.run(tinyArguments() + ["--out", "scores.csv"])
        #expect(out.exitCode == 64)
        #expect(out.stderr.contains("--out 'scores.csv' is not an .xlsx file"))
    }

    @Test("demo writes Reports/demo-scoreboard.xlsx and prints its path")
    func demoWorkbook() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let root = CommandRunner.repositoryRoot.path
        let out = try cli.run(["demo", "--root", root], in: dir.url)
        #expect(out.exitCode == 0, "\(out.stderr)")
        #expect(out.stdout.contains("Bảng tính Excel: \(root)/Reports/demo-scoreboard.xlsx\n"))
        #expect(out.stdout.contains("\nPhiếu tự đánh giá kỳ 2026: \(root)/Reports/templates/SKHCN.xlsx\n"))
        let file = XLSXFile(url: URL(fileURLWithPath: root + "/Reports/demo-scoreboard.xlsx"))
        let workbook = try file.part("xl/workbook.xml")
        #expect(workbook.contains("<sheet name=\"Tổng hợp\""))
        #expect(workbook.contains("<sheet name=\"Phương pháp\""))
        let summary = try file.cells(sheet: 1)
        #expect(summary["C5"]?.value == "Tên đơn vị")
        // The annex ends with the issuer's signature block from the criteria's publication block; under each group,
        // the units per band and the average: (94.96 + 91.67 + … + 36.87) / 14 = 999.46 / 14 = 71.39.
        let texts = summary.values.compactMap(\.value)
        #expect(texts.contains("TM. ỦY BAN NHÂN DÂN TỈNH"))
        #expect(texts.contains("CHỦ TỊCH"))
        #expect(texts.contains("(Ký, ghi rõ họ tên, đóng dấu)"))
        #expect(texts.contains("Tốt: 2 · Khá: 8 · Trung bình: 1 · Yếu: 3; điểm bình quân của khối: 71.39"))
    }
}
