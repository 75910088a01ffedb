import Foundation
import ICTIndexCore
import ICTIndexStorage
import ICTIndexTestSupport
import Testing

/// End-to-end tests of the edges: arguments checked before any work, the database's file-system failures as
/// messages that say what to do, read-only commands that leave the file as it was, and output that control
/// characters cannot forge.
@Suite struct EdgeCLITests {
    let cli = CommandRunner()
    let root = CommandRunner.repositoryRoot.path
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ictindex-edge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Readable by the unprivileged user the read-only tests run as.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
    }

    var criteria: String { root + "/Criteria/vn-province-agencies.yaml" }
    func sample(_ file: String) -> String { root + "/Examples/sample-province/" + file }
    var database: String { directory.appendingPathComponent("ictindex.sqlite").path }

    /// Runs the CLI in the test folder, with messages in English unless `language` says otherwise.
    func run(_ arguments: [String], language: Language = .en) throws -> CommandRunner.Output {
        try cli.run(arguments, in: directory, environment: ["ICTINDEX_LANG": language.rawValue])
    }

    /// Runs `/bin/sh -c script` in the test folder, with `$ICTINDEX` naming the binary.
    func shell(_ script: String) throws -> (stdout: String, stderr: String, exitCode: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging([
            "ICTINDEX": cli.executable.path
        ]) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self),
            process.terminationStatus
        )
    }

    /// A database with the sample units, the 2025 appraised values and one run.
    func scoredDatabase() throws {
        #expect(try run(["init"]).exitCode == 0)
        #expect(
            try run(["units", "import", sample("units.csv"), "--framework", criteria]).exitCode == 0)
        let values = [
            "data", "import", sample("values-2025.csv"), "--period", "2025", "--source", "appraised",
            "--framework", criteria,
        ]
        #expect(try run(values).exitCode == 0)
        #expect(try run(["run", "--period", "2025", "--framework", criteria]).exitCode == 0)
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    // MARK: - Arguments

    @Test(
        "--period must be a four-digit year, on every command that takes it; nothing is created for a refused one",
        arguments: ["2025-13", "2025abc", "２０２５", "năm 2025", "0", "1", "20251", "0999"])
    func badPeriod(_ period: String) throws {
        try scoredDatabase()
        let before = try bytes(database)
        let commands: [[String]] = [
            [
                "data", "import", sample("values-2025.csv"), "--source", "appraised", "--framework",
                criteria,
            ],
            ["run", "--framework", criteria], ["template", "--all", "--out", "forms"], ["results"],
            ["audit"],
            ["compare"], ["export", "--out", "x.xlsx"], ["appraise", "d.csv"],
            ["score", criteria, "--data", sample("values-2025.csv"), "--units", sample("units.csv")],
        ]
        for command in commands {
            let out = try run(command + ["--period", period], language: .vi)
            #expect(out.exitCode == 64, "\(command)")
            #expect(out.stdout == "")
            #expect(
                out.stderr.hasPrefix(
                    "Error: The value '\(period)' is invalid for '--period <period>': "
                        + "kỳ đánh giá là một năm gồm bốn chữ số, ví dụ --period 2025\n"), "\(command)")
        }
        #expect(try bytes(database) == before)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("forms").path))
        // The same message in English on request
        let english = try run(["results", "--period", period, "--lang", "en"])
        #expect(
            english.stderr.hasPrefix(
                "Error: The value '\(period)' is invalid for '--period <period>': "
                    + "a period is a year of four digits, for example --period 2025\n"))
    }

    @Test("a negative --period is refused too (it reads as an option)")
    func negativePeriod() throws {
        let out = try run(["results", "--period", "-1"])
        #expect(out.exitCode == 64)
        #expect(out.stderr.hasPrefix("Error: Missing value for '--period <period>'\n"))
    }

    @Test(
        "--busy-timeout outside 0…3600 s is refused with exit 64, not a crash",
        arguments: ["nan", "inf", "1e300", "2147484", "3601", "-0.5", "5s"])
    func badBusyTimeout(_ value: String) throws {
        let out = try run(["init", "--busy-timeout=\(value)"], language: .vi)
        #expect(out.exitCode == 64)
        #expect(
            out.stderr.hasPrefix(
                "Error: The value '\(value)' is invalid for '--busy-timeout <seconds>': "
                    + "hãy ghi số giây từ 0 đến 3600, ví dụ --busy-timeout 5\n"))
        #expect(!FileManager.default.fileExists(atPath: database))
        #expect(try run(["init", "--busy-timeout", "0.5"]).exitCode == 0)
    }

    @Test("units import refuses a lineage that is not a forest, and writes nothing")
    func badLineage() throws {
        #expect(try run(["init"]).exitCode == 0)
        let file = directory.appendingPathComponent("u.csv").path
        try "code,name,successor\nA,Sở A,B\nB,Sở B,A\nC,Sở C,C\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        let out = try run(["units", "import", file])
        #expect(out.exitCode == 64)
        #expect(
            out.stderr == """
                \(file):2:3: error[D020]: the successors of units go round in a cycle: 'A' → 'B' → 'A'
                  hint: a unit's successor replaces it for good; remove the successor that points back
                \(file):4:3: error[D020]: unit 'C' succeeds itself
                  hint: leave 'successor' empty, or write the code of the unit that replaced it
                2 errors

                """)
        let stored = try IndexDatabase(path: database)
        #expect(try stored.units().isEmpty)
        #expect(try stored.auditEntries().isEmpty)
    }

    // MARK: - The database file

    @Test("a folder given as --db, an empty file and a missing file are refused with exit 64")
    func wrongDatabasePath() throws {
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("folder"), withIntermediateDirectories: false)
        let folder = try run(["audit", "--db", "folder"], language: .vi)
        #expect(folder.exitCode == 64)
        #expect(
            folder.stderr == """
                lỗi: folder: mở cơ sở dữ liệu: 'folder' là một thư mục, không phải tệp cơ sở dữ liệu
                  gợi ý: chỉ --db tới tệp cơ sở dữ liệu, ví dụ folder/ictindex.sqlite

                """)
        let english = try run(["results", "--period", "2025", "--db", "folder", "--lang", "en"])
        #expect(
            english.stderr == """
                error: folder: opening the database: 'folder' is a folder, not a database file
                  hint: pass --db with the path of the database file, such as folder/ictindex.sqlite

                """)
        // An empty file is not given a schema by a command that expects a database
        FileManager.default.createFile(atPath: database, contents: Data())
        for command in [
            ["results", "--period", "2025"], ["audit"], ["units", "import", sample("units.csv")],
        ] {
            let out = try run(command, language: .vi)
            #expect(out.exitCode == 64)
            #expect(
                out.stderr == """
                    lỗi: ictindex.sqlite: mở cơ sở dữ liệu: tệp cơ sở dữ liệu rỗng (0 byte): chưa phải là cơ sở dữ liệu
                      gợi ý: chạy 'ictindex init --db ictindex.sqlite' để tạo cơ sở dữ liệu trong tệp này, hoặc chỉ --db tới \
                    đúng đường dẫn

                    """)
        }
        #expect(try bytes(database).isEmpty)
        // init creates the database in it
        #expect(try run(["init"]).stdout == "ictindex.sqlite: created (schema v5-web-hardening)\n")
    }

    @Test("results, audit, compare and export only read: the file's bytes do not change")
    func readOnlyCommandsKeepBytes() throws {
        try scoredDatabase()
        let before = try bytes(database)
        #expect(try run(["results", "--period", "2025"]).exitCode == 0)
        #expect(try run(["results", "--run", "1", "--verify"]).exitCode == 0)
        #expect(try run(["audit"]).exitCode == 0)
        #expect(try run(["compare", "--period", "2025"]).exitCode == 0)
        #expect(try run(["export", "--period", "2025", "--out", "x.xlsx"]).exitCode == 0)
        #expect(try bytes(database) == before)
    }

    @Test(
        "on a read-only folder and file, reading commands work and writing ones say what to do (exit 1)"
    )
    func readOnlyFiles() throws {
        try scoredDatabase()
        let before = try bytes(database)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: database)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.path)
        defer {
            try? FileManager.default.setAttributes(
                [.posixPermissions: 0o755], ofItemAtPath: directory.path)
        }
        // root may write anywhere: run as an unprivileged user then, so the permissions bite
        let asUser = geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : ""
        let audit = try shell(asUser + "\"$ICTINDEX\" audit --last 1")
        #expect(audit.exitCode == 0, "\(audit.stderr)")
        #expect(audit.stdout.contains("  run.record  2025: ∅ → run 1  (vn-province-agencies "))
        let results = try shell(asUser + "\"$ICTINDEX\" results --period 2025")
        #expect(results.exitCode == 0, "\(results.stderr)")
        let write = try shell(asUser + "\"$ICTINDEX\" run --period 2025 --framework '\(criteria)'")
        #expect(write.exitCode == 1)
        #expect(
            write.stderr == """
                lỗi: ictindex.sqlite: mở cơ sở dữ liệu: không ghi được vào cơ sở dữ liệu: tệp, thư mục chứa nó \
                hoặc ổ đĩa chỉ cho phép đọc
                  gợi ý: chép cơ sở dữ liệu sang thư mục có quyền ghi rồi chỉ --db tới bản chép, hoặc xin quyền ghi; các \
                lệnh chỉ đọc (results, audit, compare, export) vẫn dùng được trên tệp chỉ đọc

                """)
        #expect(try bytes(database) == before)
    }

    @Test(
        "a write that the file system refuses (file size limit, as on a full disk) is a clear error, nothing changed"
    )
    func fullDisk() throws {
        // Given a database of 101 units (about 170 KB)
        #expect(try run(["init"]).exitCode == 0)
        #expect(
            try run(["units", "import", sample("units.csv"), "--framework", criteria]).exitCode == 0)
        // When an import runs with files limited to 180 KB (`ulimit -f`, with SIGXFSZ ignored so write(2) fails
        // with EFBIG, as it fails with ENOSPC on a full disk)
        let out = try shell(
            "trap '' XFSZ; ulimit -f 180; exec \"$ICTINDEX\" data import '\(sample("values-2025.csv"))' --period 2025 "
                + "--source appraised --framework '\(criteria)'")
        // Then it says what happened and what to do, exit 1
        #expect(out.exitCode == 1)
        #expect(
            out.stderr.hasSuffix(
                """
                ổ đĩa không đọc hoặc ghi được tệp cơ sở dữ liệu (SQLite: disk I/O error); không có gì bị thay đổi
                  gợi ý: kiểm tra ổ đĩa còn chỗ trống và vẫn đang được gắn, rồi chạy lại lệnh

                """))
        #expect(!out.stderr.contains("probably a bug"))
        // And the database holds what it held before
        let stored = try IndexDatabase(path: database)
        #expect(try stored.integrityCheck() == ["ok"])
        #expect(try stored.periods().isEmpty)
    }

    @Test("init refuses a damaged database and leaves its bytes as they were")
    func initOnCorruptFile() throws {
        try scoredDatabase()
        var data = try bytes(database)
        // Overwrite the fourth page (bytes 12288…16383) with 0xAB
        data.replaceSubrange(12288..<16384, with: Data(repeating: 0xAB, count: 4096))
        try data.write(to: URL(fileURLWithPath: database))
        let out = try run(["init"], language: .vi)
        #expect(out.exitCode == 1)
        #expect(out.stdout == "")
        #expect(
            out.stderr == """
                lỗi: ictindex.sqlite: kiểm tra cơ sở dữ liệu: tệp cơ sở dữ liệu bị hỏng (SQLite: database disk image is \
                malformed)
                  gợi ý: khôi phục tệp từ bản sao lưu; đừng chạy init trên tệp này, và giữ lại một bản của tệp hỏng

                """)
        #expect(try bytes(database) == data)
    }

    // MARK: - Output safety

    @Test("audit prints a --who with a newline and ESC visibly, on one line")
    func auditEscapes() throws {
        #expect(try run(["init"]).exitCode == 0)
        // (NUL cannot pass through argv; the table test covers it)
        let who = "mallory\n2026-01-01T00:00:00Z  admin  run.publish\u{1B}[2K\u{07}"
        #expect(try run(["units", "import", sample("units.csv"), "--who", who]).exitCode == 0)
        let out = try run(["audit", "--last", "1"])
        #expect(out.exitCode == 0)
        let lines = out.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[1].isEmpty)
        #expect(
            out.stdout.contains(
                "  mallory\\n2026-01-01T00:00:00Z  admin  run.publish\\e[2K\\a  unit.add  "))
        #expect(!out.stdout.contains("\u{1B}") && !out.stdout.contains("\u{07}"))
    }

    @Test(
        "a unit name with ESC, BEL, NUL and a newline stays on its row of the table, written visibly")
    func tableEscapes() throws {
        let tiny = root + "/Tests/ICTIndexCLITests/Fixtures/tiny.yaml"
        let units = directory.appendingPathComponent("u.csv").path
        try "code,name,group\nA,\"Sở \u{1B}[31mA\u{07}\u{00}\nB\",dept\n".write(
            toFile: units, atomically: true, encoding: .utf8)
        let values = directory.appendingPathComponent("v.csv").path
        try "unit,staff,computers,bandwidth,meetings,chair,portal,apps\nA,10,5,100,4,chair,1,5\n"
            .write(toFile: values, atomically: true, encoding: .utf8)
        let out = try run(["score", tiny, "--data", values, "--units", units])
        #expect(out.exitCode == 0, "\(out.stderr)")
        #expect(out.stdout.contains("Sở \\e[31mA\\a\\0\\nB"))
        #expect(
            !out.stdout.contains("\u{1B}") && !out.stdout.contains("\u{07}")
                && !out.stdout.contains("\u{00}"))
    }

    @Test(
        "template on a disk without room: one clear message, no folder, none of libxlsxwriter's own text",
        .enabled(if: geteuid() == 0, "mounting a small tmpfs needs root"))
    func templateOnFullDisk() throws {
        try scoredDatabase()
        // Given a 64 KB file system with 4 KB left
        let small = directory.appendingPathComponent("small").path
        try FileManager.default.createDirectory(atPath: small, withIntermediateDirectories: false)
        let mounted = try shell("mount -t tmpfs -o size=64k tmpfs small && head -c 61440 /dev/zero > small/fill")
        #expect(mounted.exitCode == 0, "\(mounted.stderr)")
        defer { _ = try? shell("umount small") }
        // When workbooks for the 56 units of 2025 are asked for there
        let out = try run(["template", "--period", "2025", "--all", "--out", "small/forms"], language: .vi)
        // Then one message says why, and no folder is left behind
        #expect(out.exitCode == 1)
        #expect(
            out.stderr.hasPrefix("lỗi: small/forms: không đủ chỗ trống: 56 phiếu cần khoảng 3.5 MB, ổ đĩa chỉ còn "))
        #expect(
            out.stderr.hasSuffix(
                "; chưa ghi gì\n  gợi ý: giải phóng dung lượng hoặc chọn thư mục khác với --out\n"))
        #expect(!out.stderr.contains("[ERROR]"))
        #expect(!FileManager.default.fileExists(atPath: small + "/forms"))
    }

    @Test("serve --map refuses a map file in the user's language only, before serving", arguments: Language.allCases)
    func serveMapErrors(language: Language) throws {
        // Given a file that is not JSON, and a path that does not exist.
        try Data("not json".utf8).write(to: directory.appendingPathComponent("m.geojson"))
        #expect(try run(["init"]).exitCode == 0)
        // When the server is started with each, then it prints one line and its hint in one language, exit 64.
        let bad = try run(["serve", "--map", "m.geojson", "--port", "18087"], language: language)
        #expect(bad.exitCode == 64)
        #expect(bad.stdout == "")
        #expect(
            bad.stderr
                == language.say(
                    vi: "lỗi: m.geojson: không phải tệp JSON hợp lệ\n  gợi ý: xuất lại bản đồ dưới dạng GeoJSON (RFC 7946)\n",
                    en: "error: m.geojson: is not valid JSON\n  hint: export the map as GeoJSON (RFC 7946)\n"))
        let missing = try run(["serve", "--map", "none.geojson", "--port", "18087"], language: language)
        #expect(missing.exitCode == 64)
        #expect(
            missing.stderr
                == language.say(
                    vi: "lỗi: none.geojson: không đọc được tệp bản đồ\n  gợi ý: kiểm tra đường dẫn và quyền đọc tệp\n",
                    en: "error: none.geojson: the map file cannot be read\n  hint: check the path and that the file is readable\n"
                ))
    }
}
