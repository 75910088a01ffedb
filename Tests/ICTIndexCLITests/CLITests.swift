import Foundation
import ICTIndexTestSupport
import Testing

/// End-to-end tests: run the built `ictindex` and check stdout, stderr and the exit code.
@Suite struct CLITests {
    let cli = CommandRunner()
    let fixtures: String

    init() throws {
        fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).path
    }

    func fixture(_ name: String) -> String { fixtures + "/" + name }

    @Test("--help lists the commands")
    func help() throws {
        let out = try cli.run(["--help"])
        #expect(out.exitCode == 0)
        #expect(out.stdout.contains("demo"))
        #expect(out.stdout.contains("criteria"))
        #expect(out.stdout.contains("score"))
    }

    @Test("criteria check accepts every shipped criteria file")
    func checkShipped() throws {
        let files = try FileManager.default.contentsOfDirectory(
            atPath: CommandRunner.repositoryRoot.appendingPathComponent("Criteria").path
        ).filter { $0.hasSuffix(".yaml") }.sorted().map { "Criteria/" + $0 }
        #expect(files.count >= 4)
        let out = try cli.run(["criteria", "check"] + files)
        #expect(out.exitCode == 0, "\(out.stderr)")
        #expect(out.stdout.split(separator: "\n").filter { $0.hasPrefix("ok: ") }.count == files.count)
    }

    @Test("criteria check says what it found in Vietnamese by default and in English with --lang en")
    func checkLanguage() throws {
        let vi = try cli.run(
            ["criteria", "check", "Criteria/vn-province-agencies.yaml"], environment: ["ICTINDEX_LANG": "vi"])
        #expect(vi.exitCode == 0, "\(vi.stderr)")
        #expect(
            vi.stdout
                == "ok: Criteria/vn-province-agencies.yaml: vn-province-agencies (2025), 5 nhóm tiêu chí, 29 tiêu chí, "
                + "41 số liệu, 3 khối, 4 mức xếp loại\n")
        let en = try cli.run(
            ["criteria", "check", "Criteria/vn-province-agencies.yaml", "--lang", "en"],
            environment: ["ICTINDEX_LANG": "vi"])
        #expect(
            en.stdout
                == "ok: Criteria/vn-province-agencies.yaml: vn-province-agencies (2025), 5 pillars, 29 indicators, "
                + "41 variables, 3 groups, 4 bands\n")
        // A broken file: the diagnostics follow --lang too.
        let broken = try cli.run(["criteria", "check", fixture("tiny.yaml"), "nope.yaml", "--lang", "vi"])
        #expect(broken.exitCode == 64)
        #expect(broken.stderr.hasSuffix("1 lỗi\n"), "\(broken.stderr)")
    }

    /// Values on 0–100, then (a points framework) the points of the table and the annex: A's gov is 93.33 of 100,
    /// 0.6 × 93.33 = 56.00 points; C's group has no portal, so its gov items are re-weighted over 50: meetings
    /// 0.6 × 20/50 × 25 = 6.00 points, and gov.portal:points is empty.
    @Test("score prints the hand-computed ranking as CSV, values then points")
    func scoreCSV() throws {
        let out = try cli.run([
            "score", fixture("tiny.yaml"), "--units", fixture("tiny-units.csv"), "--data", fixture("tiny-values.csv"),
            "--format", "csv",
        ])
        #expect(out.exitCode == 0, "\(out.stderr)")
        let header =
            "unit,name,group,score,rank,band,infra,infra.computers,infra.bandwidth,gov,gov.meetings,gov.chair,gov.portal,"
            + "gov.apps,infra:points,infra.computers:points,infra.bandwidth:points,gov:points,gov.meetings:points,"
            + "gov.chair:points,gov.portal:points,gov.apps:points"
        #expect(
            out.stdout == """
                \(header)
                A,Sở A,dept,93.00,1,Tốt,92.50,85.00,100.00,93.33,100.00,100.00,100.00,60.00,37.00,17.00,20.00,56.00,20.00,20.00,10.00,6.00
                B,"Sở B, mới",dept,65.00,2,Trung bình,75.00,100.00,50.00,58.33,75.00,50.00,0.00,100.00,30.00,20.00,10.00,35.00,15.00,10.00,0.00,10.00
                C,Xã C,commune,36.00,1,Yếu,75.00,50.00,100.00,10.00,25.00,0.00,,0.00,30.00,10.00,20.00,6.00,6.00,0.00,,0.00

                """)
        #expect(out.stderr == "")
    }

    @Test("a long, semicolon-separated file with a BOM and decimal commas gives the same scores")
    func longDecimalComma() throws {
        let out = try cli.run([
            "score", fixture("tiny.yaml"), "--units", fixture("tiny-units.csv"), "--data",
            fixture("tiny-long-comma.csv"), "--decimal-comma", "--format", "csv",
        ])
        #expect(out.exitCode == 0, "\(out.stderr)")
        #expect(out.stdout.contains("A,Sở A,dept,93.00,1,Tốt,"))
        #expect(out.stdout.contains("B,\"Sở B, mới\",dept,65.00,2,Trung bình,"))
        #expect(out.stdout.contains("C,Xã C,commune,36.00,1,Yếu,"))
    }

    @Test("the same file without --decimal-comma is refused: '100,0' could be read two ways")
    func decimalCommaRequired() throws {
        let out = try cli.run([
            "score", fixture("tiny.yaml"), "--units", fixture("tiny-units.csv"), "--data",
            fixture("tiny-long-comma.csv"),
        ])
        #expect(out.exitCode == 64)
        #expect(
            out.stderr.contains(
                "error[D004]: unit 'A', variable 'bandwidth': '100,0' is not a number in this file's style"))
    }

    @Test("score --format json carries scores, ranks, bands and every node")
    func json() throws {
        let out = try cli.run([
            "score", fixture("tiny.yaml"), "--units", fixture("tiny-units.csv"), "--data", fixture("tiny-values.csv"),
            "--format", "json",
        ])
        #expect(out.exitCode == 0, "\(out.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let units = try #require(object["units"] as? [[String: Any]])
        #expect(units.map { $0["unit"] as? String } == ["A", "B", "C"])
        #expect(units.map { $0["score"] as? Double } == [93, 65, 36])
        #expect(units.map { $0["rank"] as? Int } == [1, 2, 1])
        #expect(units.map { $0["band"] as? String } == ["good", "average", "weak"])
        let nodes = try #require(units[2]["nodes"] as? [String: Any])
        let portal = try #require(nodes["gov.portal"] as? [String: Any])
        #expect(portal["status"] as? String == "not_applicable")
        let meetings = try #require(nodes["gov.meetings"] as? [String: Any])
        #expect(meetings["points"] as? Double == 6)
    }

    @Test("score --explain shows every number of one unit")
    func explain() throws {
        let out = try cli.run([
            "score", fixture("tiny.yaml"), "--units", fixture("tiny-units.csv"), "--data", fixture("tiny-values.csv"),
            "--explain", "C", "--lang", "en",
        ])
        #expect(out.exitCode == 0, "\(out.stderr)")
        try assertSnapshot(out.stdout, named: "explain-C-en")
    }

    @Test("an unknown unit for --explain gets a suggestion and exit code 64")
    func explainUnknown() throws {
        let out = try cli.run([
            "score", fixture("tiny.yaml"), "--units", fixture("tiny-units.csv"), "--data", fixture("tiny-values.csv"),
            "--explain", "c",
        ])
        #expect(out.exitCode == 64)
        #expect(
            out.stderr == """
                error[D001]: unit 'c' is not in the data scored
                  hint: did you mean 'C'?
                1 error

                """)
    }

    @Test("a bad data file: every problem at once, exit code 64, nothing printed on stdout")
    func badData() throws {
        let out = try cli.run([
            "score", fixture("tiny.yaml"), "--units", fixture("tiny-units.csv"), "--data",
            fixture("tiny-bad-values.csv"),
        ])
        #expect(out.exitCode == 64)
        #expect(out.stdout == "")
        try assertSnapshot(out.stderr.replacingOccurrences(of: fixtures, with: "Fixtures"), named: "bad-values")
    }

    @Test("a missing file is exit code 64 with the path")
    func missingFile() throws {
        let out = try cli.run(["score", "Criteria/nope.yaml", "--data", "x.csv"])
        #expect(out.exitCode == 64)
        #expect(out.stderr.contains("Criteria/nope.yaml"))
    }

    @Test("criteria show prints the tree with effective weights and max points")
    func show() throws {
        let out = try cli.run(["criteria", "show", fixture("tiny.yaml"), "--lang", "en"])
        #expect(out.exitCode == 0, "\(out.stderr)")
        try assertSnapshot(out.stdout, named: "show-tiny-en")
    }

    @Test("demo scores the sample province and the 34 provinces")
    func demo() throws {
        let out = try cli.run(["demo"])
        #expect(out.exitCode == 0, "\(out.stderr)")
        #expect(out.stdout.contains("Sở, ban, ngành"))
        #expect(out.stdout.contains("UBND cấp xã"))
        #expect(out.stdout.contains("Đà Nẵng"))
    }
}
