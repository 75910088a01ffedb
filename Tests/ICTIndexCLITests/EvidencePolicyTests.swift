import Foundation
import ICTIndexTestSupport
import Testing

/// `evidence: required` on every route data takes (CSV into `score` and `data import`), by the criteria's
/// `evidence_policy`: refuse, zero or warn.
@Suite struct EvidencePolicyTests {
    let cli = CommandRunner()

    /// Two indicators out of 100: computers per staff (60 points; `staff` needs evidence) and meetings (40).
    func criteria(_ policy: String?) -> String {
        """
        schema: ictindex/v1
        id: evidence-test
        name: Evidence test
        \(policy.map { "evidence_policy: \($0)" } ?? "")
        variables:
          - {id: staff, name: Staff, type: integer, min: 0, evidence: required}
          - {id: computers, name: Computers, type: integer, min: 0}
          - {id: meetings, name: Meetings, type: integer, min: 0}
        index:
          id: total
          name: Total
          aggregate: sum
          children:
            - {id: computers, name: Computers per staff, weight: 60, value: "if(staff > 0, computers / staff, 0)", score: {rule: ratio}}
            - {id: meetings, name: Meetings, weight: 40, value: meetings, score: {rule: linear, from: 0, to: 4}}

        """
    }

    func setUp(_ policy: String?, data: String) throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        try criteria(policy).write(to: dir.file("c.yaml"), atomically: true, encoding: .utf8)
        try data.write(to: dir.file("v.csv"), atomically: true, encoding: .utf8)
        return dir
    }

    /// A: 5 of 10 staff have a computer, 2 meetings: 0.5 × 60 + 2/4 × 40 = 50. B: 8 of 8, 4 meetings: 100.
    let noColumn = "unit,staff,computers,meetings\nA,10,5,2\nB,8,8,4\n"
    let oneEmpty = "unit,staff,computers,meetings,staff.evidence\nA,10,5,2,\nB,8,8,4,QĐ 12/QĐ-B.pdf\n"

    func scores(_ stdout: String) -> [String: String] {
        let rows = stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        return Dictionary(uniqueKeysWithValues: rows.dropFirst().map { (String($0[0]), String($0[3])) })
    }

    @Test(
        "refuse (the default): a file without the evidence column gets one error per variable; an empty cell, one per unit and row"
    )
    func refuse() throws {
        let dir = try setUp(nil, data: noColumn)
        defer { dir.remove() }
        let out = try cli.run(["score", "c.yaml", "--data", "v.csv", "--format", "csv"], in: dir.url)
        #expect(out.exitCode == 64)
        #expect(out.stdout == "")
        #expect(
            out.stderr == """
                v.csv:1: error[D021]: variable 'staff' requires evidence (evidence: required), and the file has no column 'staff.evidence': 2 values without it (units 'A', 'B')
                  hint: add the column 'staff.evidence' with the evidence of each value (a document number, file or link), or set `evidence_policy: warn` or `zero` in the criteria
                1 error

                """)
        try oneEmpty.write(to: dir.file("v.csv"), atomically: true, encoding: .utf8)
        let empty = try cli.run(["score", "c.yaml", "--data", "v.csv"], in: dir.url)
        #expect(empty.exitCode == 64)
        #expect(
            empty.stderr == """
                v.csv:2:2: error[D021]: unit 'A', variable 'staff': the value has no evidence, and the criteria require it (evidence: required)
                  hint: write the evidence of the value (a document number, file or link) in its evidence cell, or set `evidence_policy: warn` or `zero` in the criteria
                1 error

                """)
    }

    @Test(
        "refuse: data import of self-assessed values is refused with the unit and row, and the database keeps nothing")
    func refuseImport() throws {
        let dir = try setUp("refuse", data: oneEmpty)
        defer { dir.remove() }
        #expect(try cli.run(["init"], in: dir.url).exitCode == 0)
        try "code,name\nA,Unit A\nB,Unit B\n".write(to: dir.file("u.csv"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["units", "import", "u.csv", "--framework", "c.yaml"], in: dir.url).exitCode == 0)
        let args = ["data", "import", "v.csv", "--period", "2025", "--source", "self", "--framework", "c.yaml"]
        let out = try cli.run(args, in: dir.url)
        #expect(out.exitCode == 64)
        #expect(out.stderr.contains("v.csv:2:2: error[D021]: unit 'A', variable 'staff': the value has no evidence"))
        let audit = try cli.run(["audit", "--action", "value."], in: dir.url)
        #expect(audit.stdout == "no audit entries\n")
    }

    @Test("warn: scored as reported, with a warning naming the unit, the variable and the row")
    func warn() throws {
        let dir = try setUp("warn", data: oneEmpty)
        defer { dir.remove() }
        let out = try cli.run(["score", "c.yaml", "--data", "v.csv", "--format", "csv"], in: dir.url)
        #expect(out.exitCode == 0, "\(out.stderr)")
        #expect(scores(out.stdout) == ["A": "50.00", "B": "100.00"])
        #expect(
            out.stderr == """
                v.csv:2:2: warning[D021]: unit 'A', variable 'staff': the value has no evidence, and the criteria require it (evidence: required); it is scored anyway (evidence_policy: warn)
                  hint: write the evidence of the value (a document number, file or link) in its evidence cell
                1 warning

                """)
    }

    @Test("--explain shows each value's evidence, and says when a required one is missing")
    func explainEvidence() throws {
        let dir = try setUp("warn", data: oneEmpty)
        defer { dir.remove() }
        let a = try cli.run(["score", "c.yaml", "--data", "v.csv", "--explain", "A"], in: dir.url)
        #expect(a.stdout.contains("\n      staff (Staff) = 10; chưa có minh chứng (bắt buộc)\n"))
        let b = try cli.run(["score", "c.yaml", "--data", "v.csv", "--explain", "B", "--lang", "en"], in: dir.url)
        #expect(b.stdout.contains("\n      staff (Staff) = 8; evidence: QĐ 12/QĐ-B.pdf\n"))
        #expect(b.stdout.contains("\n      computers (Computers) = 8\n"))
    }

    @Test("zero: every indicator computed from the value scores 0 for that unit, by hand: A 0 + 20 = 20, B 100")
    func zero() throws {
        let dir = try setUp("zero", data: oneEmpty)
        defer { dir.remove() }
        let out = try cli.run(["score", "c.yaml", "--data", "v.csv", "--format", "csv"], in: dir.url)
        #expect(out.exitCode == 0, "\(out.stderr)")
        #expect(scores(out.stdout) == ["A": "20.00", "B": "100.00"])
        #expect(
            out.stderr.hasPrefix(
                "c.yaml:14:7: warning[D021]: indicator 'computers' scores 0 for unit 'A': 'staff' came without the evidence "
                    + "the criteria require (evidence_policy: zero)\n"
                    + "  hint: attach the evidence of those values and import them again\n"))
    }
}
