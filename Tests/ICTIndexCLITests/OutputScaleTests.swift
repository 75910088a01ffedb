import Foundation
import ICTIndexTestSupport
import Testing

/// Every output says which scale a number is on, and follows the criteria's `scale`: the tiny criteria at
/// `scale: 100` and the same criteria at `scale: 1000` (every weight, points and band edge × 10, as a department moving to a
/// 1,000-point decision would write them) give the same units, ranks and bands, and every value, point and maximum
/// × 10 in the table, the CSV and the JSON.
@Suite struct OutputScaleTests {
    let cli = CommandRunner()
    let fixtures: String

    init() throws {
        fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).path
    }

    /// The tiny criteria with `scale`, every `weight:`, every band `min:` and every step's or choice's `points:`
    /// multiplied by `factor`.
    func criteria(times factor: Int) throws -> String {
        let text = try String(contentsOfFile: fixtures + "/tiny.yaml", encoding: .utf8)
        let pattern = /(scale|weight|min|points): ([0-9]+)/
        return text.replacing(pattern) { match in
            // Variables' `min: 0` stay 0 either way.
            "\(match.output.1): \(Int(match.output.2)! * factor)"
        }
    }

    func run(_ factor: Int, _ format: String) throws -> String {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try criteria(times: factor).write(to: dir.file("c.yaml"), atomically: true, encoding: .utf8)
        let out = try cli.run(
            [
                "score", "c.yaml", "--units", fixtures + "/tiny-units.csv", "--data", fixtures + "/tiny-values.csv",
                "--format", format,
            ], in: dir.url)
        #expect(out.exitCode == 0, "\(out.stderr)")
        return out.stdout
    }

    @Test("the CSV at scale 1000: the same header, every number × 10 (to the rounding), the same ranks and bands")
    func csv() throws {
        let small = try run(1, "csv").split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        let large = try run(10, "csv").split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        #expect(small.first == large.first)
        #expect(large.first?.contains("gov:points") == true)
        #expect(small.count == 4 && large.count == 4)
        // B's name is quoted ("Sở B, mới"), so its cells are compared from the end.
        for (a, b) in zip(small.dropFirst(), large.dropFirst()) {
            #expect(a[0] == b[0])
            #expect(a.suffix(18).prefix(2) == b.suffix(18).prefix(2))  // rank, band
            for (x, y) in zip(a.suffix(17), b.suffix(17)) {
                #expect(x.isEmpty == y.isEmpty)
                if let x = Double(x), let y = Double(y) { #expect(abs(y - 10 * x) <= 0.05 + 1e-9, "\(x) → \(y)") }
            }
        }
        // A's score and gov points, exactly: 930.00 and 560.00 (93.00 and 56.00 at scale 100).
        #expect(large[1][3] == "930.00" && large[1][large[1].count - 5] == "560.00")
    }

    @Test("the JSON at scale 1000: scale 1000, every value, point and maximum × 10 exactly, the same ranks and bands")
    func json() throws {
        func units(_ text: String) throws -> (scale: Double, units: [[String: Any]]) {
            let object = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let framework = try #require(object["framework"] as? [String: Any])
            return (try #require(framework["scale"] as? Double), try #require(object["units"] as? [[String: Any]]))
        }
        let (scale100, small) = try units(try run(1, "json"))
        let (scale1000, large) = try units(try run(10, "json"))
        #expect(scale100 == 100 && scale1000 == 1000)
        #expect(small.count == 3 && large.count == 3)
        for (a, b) in zip(small, large) {
            #expect(a["unit"] as? String == b["unit"] as? String)
            #expect(a["rank"] as? Int == b["rank"] as? Int)
            #expect(a["band"] as? String == b["band"] as? String)
            let nodesA = try #require(a["nodes"] as? [String: [String: Any]])
            let nodesB = try #require(b["nodes"] as? [String: [String: Any]])
            #expect(nodesA.keys.sorted() == nodesB.keys.sorted())
            for (id, x) in nodesA {
                let y = try #require(nodesB[id])
                for field in ["value", "points", "max_points"] {
                    let p = x[field] as? Double
                    let q = y[field] as? Double
                    #expect((p == nil) == (q == nil), "\(id).\(field)")
                    if let p, let q { #expect(abs(q - 10 * p) <= 1e-9 * max(1, abs(q)), "\(id).\(field): \(p) → \(q)") }
                }
                #expect(x["effective_weight"] as? Double == y["effective_weight"] as? Double, "\(id)")
            }
        }
    }

    @Test("the table at scale 1000: pillar points × 10 and the legend's maxima 400 and 600 points")
    func table() throws {
        let large = try run(10, "table")
        #expect(large.contains("\n   1  A   Sở A        930.00  Tốt         370.00  560.00\n"), "\(large)")
        #expect(large.contains("  infra = Hạ tầng kỹ thuật (400 điểm tối đa)\n"))
        #expect(large.contains("  gov = Chỉ đạo, điều hành (600 điểm tối đa)"))
    }
}
