import Foundation
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexService
import ICTIndexStorage
import ICTIndexTestSupport
import NIOCore
import Testing

@testable import ICTIndexWeb

/// The map page: the 34 provinces' tile grid (the layout in `Examples/`), the department's GeoJSON boundaries
/// (`serve --map`), colours by band or by a pillar, unplaced units listed.
@Suite struct MapTests {
    @Test("the server's tile grid is the layout written down in Examples/, 34 provinces on distinct squares")
    func tileGrid() throws {
        let file = CommandRunner.repositoryRoot.appendingPathComponent("Examples/vn-34-provinces-tile-grid.csv")
        #expect(try String(contentsOf: file, encoding: .utf8) == WebMap.tileGrid34CSV)
        let grid = WebMap.tileGrid34
        #expect(grid.shapes.count == 34)
        var squares = Set<String>()
        for (_, entry) in grid.shapes {
            guard case .tile(let row, let column) = entry.shape else { continue }
            squares.insert("\(row),\(column)")
        }
        #expect(squares.count == 34)
        let units = try String(
            contentsOf: CommandRunner.repositoryRoot.appendingPathComponent("Examples/sample-provinces/units.csv"),
            encoding: .utf8)
        let codes = units.split(separator: "\n").dropFirst().map { UnitCode(String($0.split(separator: ",")[0])) }
        #expect(Set(codes) == Set(grid.shapes.keys))
    }

    /// The sample provinces (Vietnam ICT Index, 2025) scored, and a leader.
    static func provinces() throws -> (IndexDatabase, WebConfiguration) {
        let database = try IndexDatabase.inMemory()
        let criteria = CommandRunner.repositoryRoot.appendingPathComponent("Criteria/vn-ict-index.yaml").path
        let (loaded, _) = try CriteriaSource.load(path: criteria)
        let reader = DataFileReader(framework: loaded.framework)
        let folder = CommandRunner.repositoryRoot.appendingPathComponent("Examples/sample-provinces")
        func text(_ name: String) throws -> String {
            try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        let units = try reader.readUnits(text("units.csv"), file: "units.csv")
        _ = try database.importUnits(units, file: "units.csv", who: "test")
        let values = try reader.readValues(
            text("values-2025.csv"), file: "values-2025.csv", units: units, period: "2025")
        _ = try database.importValues(values, period: "2025", source: .appraised, file: "values-2025.csv", who: "test")
        _ = try PeriodScoring.score(
            period: "2025", frameworkPath: criteria, database: database, who: "test", engineVersion: "test")
        try database.addUser(
            name: "leader", role: .leader, unit: nil, passwordHash: Bcrypt.hash(WebFixture.password, cost: 4),
            who: "test")
        let configuration = WebConfiguration(
            host: "127.0.0.1", port: 0, bcryptCost: 4, frameworkPath: criteria, engineVersion: "test",
            cleanupInterval: 0)
        return (database, configuration)
    }

    @Test("the 34 provinces on the tile grid, each a link coloured by its score's class, and by a pillar when asked")
    func provincesMap() async throws {
        let (database, configuration) = try Self.provinces()
        let results = try database.run(try database.currentRun(forPeriod: "2025")).results
        let scores = results.compactMap(\.published)
        let (low, high) = (try #require(scores.min()), try #require(scores.max()))
        let hn = try #require(results.first { $0.unit.code == "HN" })
        let ramp = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]
        let hnClass = min(4, Int((try #require(hn.published) - low) / (high - low) * 5))
        try await buildApplication(database: database, configuration: configuration).test(.live) { client in
            let leader = try await Browser.login(client, "leader")
            let html = String(buffer: try await leader.get(client, "/map?period=2025").body)
            #expect(html.components(separatedBy: "<a href=\"/units/").count == 35)
            // Hà Nội: row 2, column 2 of the grid (50-unit pitch), its class's colour, its score, a link.
            let score = NumberFormatting.fixed(try #require(hn.published), decimals: 4)
            #expect(
                html.contains(
                    "<a href=\"/units/HN?period=2025\"><rect x=\"100.0\" y=\"100.0\" width=\"46.0\" height=\"46.0\" rx=\"4\" fill=\"\(ramp[hnClass])\""
                ))
            #expect(html.contains("<title>Hà Nội (HN): \(score) — Hạng \(hn.rank ?? 0)</title>"))
            #expect(!html.contains("Không có trên bản đồ"))
            // The key comes first, in a column beside the map (above it on a phone): read with the first screen.
            let side = try #require(
                html.components(separatedBy: "<div class=\"mapwrap\"><div class=\"mapside\">").dropFirst().first?
                    .components(separatedBy: "</div>").first)
            #expect(side.contains("<p class=\"legend\"><span class=\"band\" style=\"background:#deebf7;color:#1b1f24\">"))
            #expect(side.hasSuffix("không có điểm</span></p>"))
            #expect(html.contains("</p></div><div class=\"map\"><svg role=\"img\""))
            // By a pillar: the legend spans the pillar's values.
            let byPillar = String(buffer: try await leader.get(client, "/map?period=2025&node=infra").body)
            #expect(byPillar.contains("<option value=\"infra\" selected>"))
            #expect(byPillar.components(separatedBy: "<a href=\"/units/").count == 35)
        }
    }

    @Test(
        "agencies are not provinces: without a map file the page says what to do; with one, the units it draws and those it does not"
    )
    func geoJSON() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let leader = try await Browser.login(client, "leader")
            let html = String(buffer: try await leader.get(client, "/map?period=2025").body)
            #expect(
                html.contains(
                    "Hãy chạy “ictindex serve --map TỆP.geojson” với tệp ranh giới có thuộc tính “code” là mã đơn vị."))
        }
        // Two squares: VPUB and SNV, side by side (longitude 105–106 and 106–107, latitude 20–21).
        let geojson = """
            {"type": "FeatureCollection", "features": [
             {"type": "Feature", "properties": {"code": "VPUB", "name": "Văn phòng"},
              "geometry": {"type": "Polygon", "coordinates": [[[105, 20], [106, 20], [106, 21], [105, 21], [105, 20]]]}},
             {"type": "Feature", "properties": {"ma": "SNV"},
              "geometry": {"type": "MultiPolygon", "coordinates": [[[[106, 20], [107, 20], [107, 21], [106, 21], [106, 20]]]]}}
            ]}
            """
        var configuration = fixture.configuration
        configuration.map = try WebMap(geoJSON: Data(geojson.utf8), file: "units.geojson")
        let results = try fixture.database.run(try fixture.database.currentRun(forPeriod: "2025")).results
        try await buildApplication(database: fixture.database, configuration: configuration).test(.live) { client in
            let leader = try await Browser.login(client, "leader")
            let html = String(buffer: try await leader.get(client, "/map?period=2025").body)
            // x = (lon − 105) × cos(20.5°) × s with s = 600 / (2 × cos(20.5°)): VPUB spans 0–300, SNV 300–600;
            // y = (21 − lat) × s, one degree of latitude = 300 / 0.93667 = 320.28.
            #expect(
                html.contains(
                    "<a href=\"/units/VPUB?period=2025\"><path d=\"M0.0 320.3L300.0 320.3L300.0 0.0L0.0 0.0L0.0 320.3Z\""
                ))
            #expect(
                html.contains(
                    "<a href=\"/units/SNV?period=2025\"><path d=\"M300.0 320.3L600.0 320.3L600.0 0.0L300.0 0.0L300.0 320.3Z\""
                ))
            #expect(html.contains("viewBox=\"0 0 600 321\""))
            #expect(html.contains("<p class=\"muted\">Không có trên bản đồ (\(results.count - 2)): "))
            #expect(html.contains("Sở Tư pháp (STP)"))
            // Coloured by band: VPUB's band fill.
            let vpub = try #require(results.first { $0.unit.code == "VPUB" }?.band)
            let fill = OverviewTests.bandStyles[vpub]?.components(separatedBy: ";")[0].replacingOccurrences(
                of: "background:", with: "")
            #expect(
                html.contains(
                    "<a href=\"/units/VPUB?period=2025\"><path d=\"M0.0 320.3L300.0 320.3L300.0 0.0L0.0 0.0L0.0 320.3Z\" fill=\"\(fill ?? "")\""
                ))
        }
    }

    @Test(
        "a map file that cannot be used is refused with the file, what is wrong and what to do",
        arguments: [
            (
                "not json",
                "m.geojson: không phải tệp JSON hợp lệ\n  gợi ý: xuất lại bản đồ dưới dạng GeoJSON (RFC 7946)",
                "m.geojson: is not valid JSON\n  hint: export the map as GeoJSON (RFC 7946)"
            ),
            (
                "{\"type\": \"Feature\"}",
                "m.geojson: không phải một FeatureCollection\n  gợi ý: tệp cần có \"type\": \"FeatureCollection\" và danh sách \"features\"",
                "m.geojson: is not a FeatureCollection\n  hint: the file needs \"type\": \"FeatureCollection\" and a \"features\" list"
            ),
            (
                "{\"type\": \"FeatureCollection\", \"features\": [{\"properties\": {}}]}",
                "m.geojson: đối tượng thứ 1 không có mã đơn vị\n  gợi ý: thêm thuộc tính \"code\" (mã đơn vị như trong danh sách đơn vị)",
                "m.geojson: feature 1 has no unit code\n  hint: add a \"code\" property (the unit's code as in the units file)"
            ),
            (
                "{\"type\": \"FeatureCollection\", \"features\": [{\"properties\": {\"code\": \"HN\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [105, 21]}}]}",
                "m.geojson: đơn vị 'HN' không có hình Polygon hoặc MultiPolygon\n  gợi ý: mỗi đơn vị cần một vùng (Polygon hoặc MultiPolygon)",
                "m.geojson: unit 'HN' has no Polygon or MultiPolygon geometry\n  hint: each unit needs an area (Polygon or MultiPolygon)"
            ),
            (
                "{\"type\": \"FeatureCollection\", \"features\": []}",
                "m.geojson: không có đối tượng nào\n  gợi ý: tệp cần ít nhất một đơn vị",
                "m.geojson: has no feature\n  hint: the file needs at least one unit"
            ),
        ])
    func badFiles(text: String, vi: String, en: String) {
        #expect(throws: WebMapError.self) { _ = try WebMap(geoJSON: Data(text.utf8), file: "m.geojson") }
        do {
            _ = try WebMap(geoJSON: Data(text.utf8), file: "m.geojson")
        } catch {
            #expect(error.description(in: .vi) == vi)
            #expect(error.description(in: .en) == en)
            #expect(error.description == vi)
        }
    }
}
