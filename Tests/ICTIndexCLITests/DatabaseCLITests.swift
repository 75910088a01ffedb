import Foundation
import ICTIndexCore
import ICTIndexStorage
import ICTIndexTestSupport
import Testing

/// End-to-end tests of the database commands: the built `ictindex` on real files in a temporary folder.
@Suite struct DatabaseCLITests {
    let cli = CommandRunner()
    let root = CommandRunner.repositoryRoot.path
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ictindex-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var criteria: String { root + "/Criteria/vn-province-agencies.yaml" }
    func sample(_ file: String) -> String { root + "/Examples/sample-province/" + file }
    var tiny: String {
        CommandRunner.repositoryRoot.appendingPathComponent("Tests/ICTIndexCLITests/Fixtures/tiny.yaml").path
    }

    /// Runs the CLI in the test folder, with messages in English unless `language` says otherwise.
    func run(_ arguments: [String], language: Language = .en) throws -> CommandRunner.Output {
        try cli.run(arguments, in: directory, environment: ["ICTINDEX_LANG": language.rawValue])
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("the yearly workflow: init, units, values, run, publish, frozen period, changes following lineage")
    func workflow() throws {
        #expect(try run(["init"]).stdout == "ictindex.sqlite: created (schema v5-web-hardening)\n")
        #expect(try run(["init"]).stdout == "ictindex.sqlite: up to date (schema v5-web-hardening)\n")
        let units = try run(["units", "import", sample("units.csv"), "--framework", criteria])
        #expect(units.stdout == "\(sample("units.csv")): 101 units added, 0 changed, 0 unchanged\n")
        let v2024 = [
            "data", "import", sample("values-2024.csv"), "--period", "2024", "--source", "appraised", "--framework",
            criteria,
        ]
        #expect(try run(v2024).exitCode == 0)
        #expect(try run(["run", "--period", "2024", "--framework", criteria]).exitCode == 0)
        #expect(try run(["publish", "--run", "1"]).stdout.contains("run 1 published at "))
        // Importing the same file twice changes nothing the second time.
        let v2025self = [
            "data", "import", sample("values-2025-self.csv"), "--period", "2025", "--source", "self", "--framework",
            criteria,
        ]
        #expect(try run(v2025self).stdout.contains(": 1924 values added, 0 changed, 0 unchanged (self, period 2025)"))
        #expect(try run(v2025self).stdout.contains(": 0 values added, 0 changed, 1924 unchanged (self, period 2025)"))
        let v2025 = [
            "data", "import", sample("values-2025.csv"), "--period", "2025", "--source", "appraised", "--framework",
            criteria,
        ]
        #expect(try run(v2025).exitCode == 0)
        // The 2025 ranking shows mergers, renames and moves.
        let ranking = try run(["run", "--period", "2025", "--framework", criteria])
        #expect(ranking.exitCode == 0, "\(ranking.stderr)")
        #expect(ranking.stdout.contains("— kỳ 2025 (so với 2024)"))
        #expect(
            ranking.stdout.contains(
                "P25-HUNGVUONG  Phường Hùng Vương  75.91  Khá         sáp nhập từ P-HUNGVUONG (hạng 1, 93.64), "
                    + "P-LELOI (hạng 40, 53.06), P-TRANPHU (hạng 44, 51.46)"))
        // Change follows the score; a rank moves only in a group of the same size, else both ranks are given
        // (the departments went from 19 to 14 and the communes from 60 to 40 with the 2025 mergers).
        #expect(
            ranking.stdout.contains(
                "SDTTG    Sở Dân tộc và Tôn giáo           36.87  Yếu         đổi tên từ BDT; ↑ +6.23 (hạng 14/14, kỳ trước 19/19)"
            ))
        #expect(
            ranking.stdout.contains(
                "STC      Sở Tài chính                     81.62  Khá         ↑ +2.83 (hạng 6/14, kỳ trước 7/19); tiếp nhận SKHDT (hạng 2, 92.89)"
            ))
        #expect(
            ranking.stdout.contains(
                "X-KYSON        Xã Kỳ Sơn          21.94  Yếu         ↓ −1.03 (hạng 40/40, kỳ trước 59/60)"))
        #expect(
            ranking.stdout.contains(
                "X-YENHOA       Xã Yên Hòa         30.70  Yếu         ↓ −8.11 (hạng 38/40, kỳ trước 51/60)"))
        // A published period is frozen.
        let frozen = try run(v2024)
        #expect(frozen.exitCode == 64)
        #expect(
            frozen.stderr.hasPrefix(
                "error: ictindex.sqlite: importing appraised values for period 2024 from \(sample("values-2024.csv")): "
                    + "period 2024 is frozen: run 1 was published at "))
        #expect(
            frozen.stderr.hasSuffix(
                ", so its values can no longer change\n  hint: published results stand as published; record corrections in the next period\n"
            ))
        // A published run re-scores identically; results reuse the CSV renderer.
        #expect(
            try run(["results", "--run", "1", "--verify"]).stdout
                == "run 1: re-scored from its stored inputs: identical (81 units)\n")
        let csv = try run(["results", "--period", "2025", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("unit,name,group,score,rank,band,"))
        #expect(csv.stdout.contains("\nVPUB,Văn phòng UBND tỉnh,department,94.96,1,Tốt,"))
        // compare and audit.
        let compare = try run(["compare", "--period", "2025", "--lang", "en"])
        let line = compare.stdout.split(separator: "\n").first { $0.hasPrefix("≠  SNV ") && $0.contains(" computers ") }
        #expect(line?.split(separator: " ").suffix(2) == ["111", "105"])
        // export: the scoreboard plus the change and self-assessed vs appraised sheets.
        // The README's command: the year folder inside Reports/ is created.
        let xlsx = directory.appendingPathComponent("Reports/2025/province-scoreboard.xlsx")
        let exported = try run(["export", "--period", "2025", "--out", "Reports/2025/province-scoreboard.xlsx"])
        #expect(exported.exitCode == 0, "\(exported.stderr)")
        #expect(exported.stdout == "Bảng tính Excel: Reports/2025/province-scoreboard.xlsx\n")
        let sheets = try XLSXFile(url: xlsx).part("xl/workbook.xml")
        #expect(sheets.contains("<sheet name=\"Tổng hợp\"") && sheets.contains("<sheet name=\"Thay đổi\""))
        #expect(sheets.contains("<sheet name=\"Tự đánh giá - Thẩm định\""))
        let changeSheet = try XLSXFile(url: xlsx).cells(sheet: sheets.components(separatedBy: "<sheet ").count - 2)
        let kySon = try #require(changeSheet.first { $0.value.value == "X-KYSON" }?.key.dropFirst())
        #expect(changeSheet.values.contains { $0.value == "↓ −1.03 (hạng 40/40, kỳ trước 59/60)" })
        #expect(
            changeSheet.filter { $0.key.dropFirst() == kySon }.contains {
                $0.value.value == "↓ −1.03 (hạng 40/40, kỳ trước 59/60)"
            })
        // The 2025 run is not published: a draft, marked in the properties and on every sheet's page header. The
        // two extra sheets print like the others (A4, one page wide, header row repeated, numbered per sheet), and
        // their numbers are rounded to the criteria's 2 decimals.
        let file = try XLSXFile(url: xlsx)
        #expect(try file.part("docProps/core.xml").contains("<dc:title>DỰ THẢO: "))
        let count = sheets.components(separatedBy: "<sheet name=").count - 1
        for index in 1...count {
            let xml = try file.part("xl/worksheets/sheet\(index).xml")
            #expect(
                xml.contains("<oddHeader>&amp;C&amp;\"-,Bold\"DỰ THẢO — chưa công bố</oddHeader>"), "sheet \(index)")
            #expect(xml.contains("<pageSetup paperSize=\"9\""), "sheet \(index)")
        }
        for index in (count - 1)...count {
            let xml = try file.part("xl/worksheets/sheet\(index).xml")
            #expect(xml.contains("<oddFooter>&amp;L&amp;8&amp;A · 2025&amp;C&amp;8Trang &amp;P</oddFooter>"))
            #expect(xml.contains("<pageSetUpPr fitToPage=\"1\"/>"))
            // Every number is rounded to 2 decimals: the double nearest to its 2-decimal value (83.96 is written
            // 83.95999999999999, which is that double; a difference of two scores, -0.65000000000001, is not).
            let numbers = xml.components(separatedBy: "<v>").dropFirst().compactMap {
                Double($0.prefix { $0 != "<" })
            }
            #expect(!numbers.isEmpty)
            let unrounded = numbers.filter { $0 != ($0 * 100).rounded() / 100 }
            #expect(unrounded.isEmpty, "sheet \(index): \(unrounded.prefix(5))")
        }
        #expect(try file.part("xl/workbook.xml").contains("_xlnm.Print_Titles"))
        let audit = try run(["audit", "--unit", "SNV"])
        #expect(audit.stdout.contains("value.add  2025 SNV  (35 self values from \(sample("values-2025-self.csv")))"))
        // Filters combine; --last keeps the newest entries, oldest first.
        let runs = try run(["audit", "--action", "run.", "--period", "2024"])
        #expect(
            runs.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true)[2] }
                == ["run.record", "run.publish"])
        let last = try run(["audit", "--action", "run.", "--last", "1"])
        #expect(last.stdout.split(separator: "\n").count == 1)
        #expect(last.stdout.contains("run.record  2025"))
        let none = try run(["audit", "--by", "nobody"])
        #expect(none.stdout == "no audit entries\n")
        let zero = try run(["audit", "--last", "0"])
        #expect(zero.exitCode == 64)
        #expect(zero.stderr.hasPrefix("Error: --last must be at least 1, but it is 0\n"))
    }

    @Test("a bad values file: every problem at once (row, column, unit, variable, value, hint), nothing written")
    func badValues() throws {
        _ = try run(["init"])
        _ = try run(["units", "import", sample("units.csv"), "--framework", criteria])
        let bad = try write(
            "bad.csv",
            "unit,staff,computers,steering_chair,staff.evidence,steering_chair.evidence\n"
                + "SNV,abc,12,chair,bc.pdf,qd.pdf\nSNVV,10,5,boss,bc.pdf,qd.pdf\nSTP,12,-3,none,bc.pdf,qd.pdf\n")
        let out = try run(["data", "import", bad, "--period", "2025", "--source", "self", "--framework", criteria])
        #expect(out.exitCode == 64)
        #expect(out.stdout == "")
        #expect(
            out.stderr == """
                \(bad):2:2: error[D003]: unit 'SNV', variable 'staff': 'abc' is not a number
                  hint: write a number such as 1234.5, without units or other text
                \(bad):3:1: error[D001]: unit 'SNVV' is not in the units list
                  hint: did you mean 'SNV'? Otherwise add the unit to the units file
                \(bad):3:4: error[D007]: unit 'SNVV', variable 'steering_chair': 'boss' is not one of the options
                  hint: write one of: chair (Người đứng đầu (Giám đốc / Chủ tịch UBND)), deputy (Cấp phó (Phó Giám đốc / \
                Phó Chủ tịch UBND)), none (Chưa thành lập / không có)
                \(bad):4:3: error[D005]: unit 'STP', variable 'computers': value -3 is below the minimum 0
                  hint: check the value; the framework declares the bounds of 'computers'
                4 errors

                """)
        let database = try IndexDatabase(path: directory.appendingPathComponent("ictindex.sqlite").path)
        #expect(try database.periods().isEmpty)
        #expect(try database.auditEntries().allSatisfy { $0.action == "unit.add" })
    }

    @Test("a database command without a database says how to create one")
    func noDatabase() throws {
        let out = try run(["run", "--period", "2025", "--framework", criteria, "--db", "typo.sqlite"], language: .vi)
        #expect(out.exitCode == 64)
        #expect(
            out.stderr == """
                lỗi: typo.sqlite: mở cơ sở dữ liệu: tệp cơ sở dữ liệu không tồn tại
                  gợi ý: chạy 'ictindex init --db typo.sqlite' để tạo, hoặc chỉ --db tới đúng đường dẫn

                """)
    }

    /// A units file and a wide values file of `count` units for the tiny criteria.
    func bigFiles(count: Int) throws -> (units: String, values: String) {
        var units = "code,name,group\n"
        var values = "unit,staff,computers,bandwidth,meetings\n"
        for i in 1...count {
            units += "U\(i),Đơn vị \(i),dept\n"
            values += "U\(i),\(40 + i % 50),\(30 + i % 40),\(i % 300),\(i % 5)\n"
        }
        return (try write("big-units.csv", units), try write("big-values.csv", values))
    }

    /// Starts `ictindex` without waiting, with extra environment variables.
    func start(_ arguments: [String], environment: [String: String]) throws -> Process {
        let process = Process()
        process.executableURL = cli.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func waitFor(_ path: String, seconds: Double = 60) {
        let deadline = Date().addingTimeInterval(seconds)
        while !FileManager.default.fileExists(atPath: path) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    }

    @Test("an import killed with SIGKILL inside its transaction leaves the database as it was")
    func killedImport() throws {
        // Given a database with 5,000 units and one period of values
        let (units, values) = try bigFiles(count: 5000)
        _ = try run(["init"])
        #expect(try run(["units", "import", units, "--framework", tiny]).exitCode == 0)
        let first = try run(["data", "import", values, "--period", "2024", "--source", "self", "--framework", tiny])
        #expect(first.exitCode == 0, "\(first.stderr)")
        let path = directory.appendingPathComponent("ictindex.sqlite").path
        let before = try IndexDatabase(path: path).integers(sql: "SELECT COUNT(*) FROM submission")
        #expect(before == [20000])
        // When a second import of 20,000 values is killed after writing its rows, before it commits
        let marker = directory.appendingPathComponent("paused").path
        let process = try start(
            ["data", "import", values, "--period", "2025", "--source", "self", "--framework", tiny],
            environment: ["ICTINDEX_PAUSE_BEFORE_COMMIT": marker])
        waitFor(marker)
        #expect(FileManager.default.fileExists(atPath: marker))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        // Then the database is whole and holds exactly what it held before
        let database = try IndexDatabase(path: path)
        #expect(try database.integrityCheck() == ["ok"])
        #expect(try database.integers(sql: "SELECT COUNT(*) FROM submission") == [20000])
        #expect(try database.periods() == ["2024"])
        // And the same import then succeeds
        let again = try run(["data", "import", values, "--period", "2025", "--source", "self", "--framework", tiny])
        #expect(again.stdout.contains("20000 values added"))
    }

    @Test("a second import while another holds the database waits, then fails with 'database is busy'; never corrupts")
    func busyBetweenProcesses() throws {
        let (units, values) = try bigFiles(count: 200)
        _ = try run(["init"])
        _ = try run(["units", "import", units, "--framework", tiny])
        // Given one import paused inside its transaction
        let marker = directory.appendingPathComponent("holding").path
        let holder = try start(
            ["data", "import", values, "--period", "2024", "--source", "self", "--framework", tiny],
            environment: ["ICTINDEX_PAUSE_BEFORE_COMMIT": marker, "ICTINDEX_PAUSE_SECONDS": "4"])
        waitFor(marker)
        // When a second process imports with a 1 s busy timeout
        let second = try run(
            [
                "data", "import", values, "--period", "2025", "--source", "self", "--framework", tiny, "--busy-timeout",
                "1",
            ], language: .vi)
        // Then it gets a clear error (exit 1), and the first import finishes
        #expect(second.exitCode == 1)
        #expect(
            second.stderr.contains(
                "cơ sở dữ liệu đang bận: một tiến trình ictindex khác đang ghi vào, và sau 1 s vẫn chưa xong\n"
                    + "  gợi ý: hãy chạy lại khi lệnh nhập hoặc chấm điểm kia đã xong"))
        holder.waitUntilExit()
        #expect(holder.terminationStatus == 0)
        // And a retry with the default timeout succeeds in turn
        let retry = try run(["data", "import", values, "--period", "2025", "--source", "self", "--framework", tiny])
        #expect(retry.stdout.contains("800 values added"))
        let database = try IndexDatabase(path: directory.appendingPathComponent("ictindex.sqlite").path)
        #expect(try database.integrityCheck() == ["ok"])
        #expect(try database.integers(sql: "SELECT COUNT(*) FROM submission") == [1600])
    }

    @Test("the appraiser's reason is shown beside each adjusted value, in compare and in the exported comparison")
    func appraisalReasons() throws {
        _ = try run(["init"])
        _ = try run(["units", "import", sample("units.csv"), "--framework", criteria])
        let own = [
            "data", "import", sample("values-2025-self.csv"), "--period", "2025", "--source", "self", "--framework",
            criteria,
        ]
        #expect(try run(own).exitCode == 0)
        let decisions = try write(
            "d.csv",
            "unit,variable,decision,value,reason\nSNV,computers,adjust,100,Biên bản kiểm tra ngày 12/01: 100 máy\n"
                + "STP,staff,accept,,\n")
        let appraised = try run(["appraise", decisions, "--period", "2025", "--framework", criteria])
        #expect(appraised.exitCode == 0, "\(appraised.stderr)")
        let compare = try run(["compare", "--period", "2025", "--lang", "en", "--framework", criteria]).stdout
        let line = compare.split(separator: "\n").first { $0.hasPrefix("≠  SNV ") && $0.contains(" computers ") }
        #expect(line?.hasSuffix("100  Biên bản kiểm tra ngày 12/01: 100 máy") == true, "\(line ?? "")")
        #expect(compare.contains("Code  Variable"))
        _ = try run(["run", "--period", "2025", "--framework", criteria])
        #expect(try run(["export", "--period", "2025", "--out", "e.xlsx", "--lang", "en"]).exitCode == 0)
        let file = try XLSXFile(url: directory.appendingPathComponent("e.xlsx"))
        let sheets = try file.part("xl/workbook.xml")
        let count = sheets.components(separatedBy: "<sheet ").count - 1
        let cells = try file.cells(sheet: count)
        #expect(cells["E1"]?.value == "Reason")
        let row = try #require(cells.first { $0.value.value == "computers" }?.key.dropFirst())
        #expect(cells["E\(row)"]?.value == "Biên bản kiểm tra ngày 12/01: 100 máy")
    }

    @Test("appraise: every problem of a decisions file at once")
    func badDecisions() throws {
        _ = try run(["init"])
        _ = try run(["units", "import", sample("units.csv"), "--framework", criteria])
        let decisions = try write(
            "d.csv",
            "unit,variable,decision,value,reason\nSNV,computers,adjust,100,\nSTPP,staf,adjust,abc,x\nVPUB,staff,maybe,,\n"
        )
        let out = try run(["appraise", decisions, "--period", "2025", "--framework", criteria])
        #expect(out.exitCode == 64)
        #expect(
            out.stderr == """
                \(decisions):2:5: error[D009]: unit 'SNV', variable 'computers': adjusting '100' needs a reason
                  hint: write why the value was adjusted in the 'reason' column
                \(decisions):3:1: error[D001]: unit 'STPP' does not exist in period 2025
                  hint: did you mean 'STP'? Otherwise use the code of a unit that exists in the period
                \(decisions):3:2: error[D002]: unit 'STPP': 'staf' is not a reported variable of framework 'vn-province-agencies'
                  hint: did you mean 'staff'? Otherwise use the id of a reported variable of the criteria file
                \(decisions):4:3: error[D007]: unit 'VPUB', variable 'staff': 'maybe' is not a decision
                  hint: write 'accept' (take the self-assessed value) or 'adjust' (with value and reason)
                4 errors

                """)
    }
}
