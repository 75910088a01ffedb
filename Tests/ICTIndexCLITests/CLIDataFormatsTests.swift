import Foundation
import ICTIndexTestSupport
import Testing

/// Data files as R, Python and spreadsheets write them, read end to end; CSV output a spreadsheet opens safely.
@Suite struct CLIDataFormatsTests {
    let cli = CommandRunner()
    let fixtures: String

    init() throws {
        fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).path
    }

    static let asemData = CommandRunner.repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/reference/coinr-asem/asem_idata.csv")

    @Test(
        "COINr's ASEM data file scores unchanged: uCode/uName, NA, exponents (2e-06, 3.6e-05, 3e+05)",
        .enabled(
            if: FileManager.default.fileExists(atPath: asemData.path), "../shared/reference is not beside the clone"))
    func coinrASEM() throws {
        // Given COINr's iData as its package ships it (51 countries, 64 NA cells, extra group and denominator
        // columns declared as variables) and its tree (min–max 0–100, arithmetic means, missing skipped)
        let out = try cli.run([
            "score", fixtures + "/coinr-asem.yaml", "--data", Self.asemData.path, "--format", "csv",
        ])
        #expect(out.exitCode == 0, "\(out.stderr)")
        #expect(out.stderr == "")
        let lines = out.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = lines[0].map(String.init)
        #expect(lines.count == 52)
        func cell(_ unit: String, _ column: String) throws -> String {
            let row = try #require(lines.first { $0.first.map(String.init) == unit })
            return String(row[try #require(header.firstIndex(of: column))])
        }
        // LPI of Austria: (4.097985 − 2.067254) / (4.225967 − 2.067254) × 100 = 2.030731 / 2.158713 × 100
        //   = 94.0713749350 (the smallest and largest LPI of the 51 countries)
        #expect(try cell("AUT", "lpi") == "94.0713749350")
        // Elec of Indonesia, written 2e-06: (0.000002 − 0) / (110.179562833333 − 0) × 100 = 0.0000018152
        #expect(try cell("IDN", "elec") == "0.0000018152")
        // Tariff (lower is better) of Austria: (10.53 − 1.6) / (10.53 − 0) × 100 = 84.8053181387; 3 countries NA
        #expect(try cell("AUT", "tariff") == "84.8053181387")
        #expect(try cell("AUT", "name") == "Austria")
    }

    @Test("--format csv writes formula-like names as text and control characters escaped; numbers stay numbers")
    func csvOutputSafety() throws {
        // Given units whose names a spreadsheet would run as formulas, or that carry ESC and BEL
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ictindex-csv-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let units = folder.appendingPathComponent("units.csv")
        try "code,name,group\nA,=SUM(A1),dept\nB,\"+cmd|' /C calc'!A0\",dept\nC,@x \u{1B}[31mred\u{07},commune\n"
            .write(to: units, atomically: true, encoding: .utf8)
        let out = try cli.run([
            "score", fixtures + "/tiny.yaml", "--units", units.path, "--data", fixtures + "/tiny-values.csv",
            "--format", "csv",
        ])
        #expect(out.exitCode == 0, "\(out.stderr)")
        // Then each such name is quoted with a leading ' and ESC/BEL are written as \x1B and \x07
        #expect(out.stdout.split(separator: "\n").count == 4)
        #expect(out.stdout.contains("\nA,\"'=SUM(A1)\",dept,93.00,1,"))
        #expect(out.stdout.contains("\nB,\"'+cmd|' /C calc'!A0\",dept,"))
        #expect(out.stdout.contains("\nC,\"'@x \\x1B[31mred\\x07\",commune,"))
        #expect(!out.stdout.contains("\u{1B}"))
    }
}
