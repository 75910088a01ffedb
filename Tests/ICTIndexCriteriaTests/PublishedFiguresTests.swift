import Foundation
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexTestSupport
import Testing

/// The shipped frameworks reproduce published figures exactly.
@Suite struct PublishedFiguresTests {
    func load(_ name: String) throws -> Framework {
        try FrameworkLoader().load(path: CommandRunner.repositoryRoot.appendingPathComponent("Criteria/\(name)").path)
            .framework
    }

    func score(_ framework: Framework, _ values: [String: Double], code: String = "X") throws -> UnitResult {
        let dataset = ExampleIndex.dataset([(code, "all", values.mapValues { Value.number($0) })])
        return try #require(try Engine(framework: framework).score(dataset).result(for: UnitCode(code)))
    }

    @Test("Vietnam ICT Index 2023, Đà Nẵng: mean of 0.7908, 0.7892, 0.9655 = 0.8485")
    func ictIndexDaNang() throws {
        let result = try score(
            try load("vn-ict-index.yaml"), ["infra_index": 0.7908, "hr_index": 0.7892, "app_index": 0.9655])
        #expect(result.published == 0.8485)
    }

    @Test("DTI 2022 provinces, Đà Nẵng: Σ points/1000 × index = 0.8002, smart city weighs 0")
    func dtiDaNang() throws {
        // 0.1 × (1 + 0.9 + 0.8253 + 0.8487 + 0.7578) + 0.2 × 0.8575 + 0.15 × (0.7836 + 0.5197)
        //   = 0.43318 + 0.1715 + 0.195495 = 0.800175 → 0.8002
        let framework = try load("vn-dti-2022-province.yaml")
        let values: [String: Double] = [
            "awareness": 1.0000, "institutions": 0.9000, "infrastructure": 0.8253, "data": 0.8487,
            "security": 0.7578, "digital_government": 0.8575, "digital_economy": 0.7836, "digital_society": 0.5197,
        ]
        let result = try score(framework, values)
        #expect(result.published == 0.8002)
        #expect(abs(try #require(result.score) - 0.800_175) < 1e-12)
        // With a smart-city value given, the overall index does not move.
        #expect(try score(framework, values.merging(["smart_city": 0.3]) { $1 }).published == 0.8002)
    }

    @Test("UN EGDI 2022, Viet Nam: mean of OSI 0.6484, HCI 0.6903, TII 0.6973 = 0.6787, band High")
    func egdiVietNam() throws {
        let result = try score(try load("un-egdi.yaml"), ["osi": 0.6484, "hci": 0.6903, "tii": 0.6973])
        #expect(result.published == 0.6787)
        #expect(result.band?.id == "high")
    }

    @Test("EGDI band edges: 0.75 is High, not Very High; 0.7501 is Very High; 0.25 is Middle")
    func egdiBands() throws {
        let framework = try load("un-egdi.yaml")
        func band(_ x: Double) throws -> String? {
            try score(framework, ["osi": x, "hci": x, "tii": x]).band?.id.rawValue
        }
        #expect(try band(0.75) == "high")
        #expect(try band(0.7501) == "very-high")
        #expect(try band(0.5) == "high")
        #expect(try band(0.4999) == "middle")
        #expect(try band(0.25) == "middle")
        #expect(try band(0.2499) == "low")
    }

    static let referenceFolder = CommandRunner.repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/reference/un-egdi")

    @Test(
        "UN EGDI 2012–2024: every country's EGDI is the mean of its published OSI, HCI, TII (±0.0001)",
        .enabled(if: FileManager.default.fileExists(atPath: referenceFolder.path), "../shared/reference is not beside the clone"),
        arguments: [2012, 2014, 2016, 2018, 2022, 2024])
    func egdiReference(year: Int) throws {
        let text = try String(
            contentsOf: Self.referenceFolder.appendingPathComponent("un_egdi_\(year).csv"), encoding: .utf8)
        let rows = ReferenceCSV.rows(text)
        let header = rows[0].map { $0.lowercased() }
        // The editions name their columns differently (see shared/reference/README.md).
        func column(_ names: String...) throws -> Int {
            try #require(header.firstIndex { names.contains($0) }, "\(names) in \(header)")
        }
        let egdi = try column("e-government index", "e_index", "e-gov-index")
        let osi = try column("online service index", "online_service", "osi")
        let hci = try column("human capital index", "human_capital", "hci")
        let tii = try column("telecommunication infrastructure index", "tele_infra", "tii")
        let framework = try load("un-egdi.yaml")
        var values: [(String, String, [String: Value])] = []
        var published: [String: Double] = [:]
        for (i, row) in rows.dropFirst().enumerated() where row.count > max(egdi, osi, hci, tii) {
            guard let e = Double(row[egdi]), e > 0, let o = Double(row[osi]), let h = Double(row[hci]),
                let t = Double(row[tii])
            else { continue }
            values.append(("C\(i)", "all", ["osi": .number(o), "hci": .number(h), "tii": .number(t)]))
            published["C\(i)"] = e
        }
        #expect(values.count > 150)
        let board = try Engine(framework: framework).score(ExampleIndex.dataset(values))
        for result in board.units {
            let expected = try #require(published[result.unit.code.rawValue])
            #expect(abs(try #require(result.score) - expected) <= 0.0001 + 1e-9, "\(result.unit.code) \(year)")
        }
    }
}

/// A small CSV reader for the reference tables (quoted fields, commas).
enum ReferenceCSV {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var previousWasQuote = false
        for ch in text {
            if quoted {
                if ch == "\"" { quoted = false; previousWasQuote = true } else { field.append(ch) }
                continue
            }
            switch ch {
            case "\"":
                if previousWasQuote { field.append("\"") }
                quoted = true
            case ",": row.append(field.trimmingCharacters(in: .whitespaces)); field = ""
            case "\n", "\r\n":
                row.append(field.trimmingCharacters(in: .whitespaces)); field = ""
                rows.append(row); row = []
            default: field.append(ch)
            }
            previousWasQuote = false
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
