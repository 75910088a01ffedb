public import Foundation
public import ICTIndexCore

/// Where each unit is drawn on the map page: a square of a tile grid, or the polygons of a GeoJSON file.
///
/// The server always knows the tile-grid cartogram of Vietnam's 34 provinces (``tileGrid34``, the layout of
/// `Examples/vn-34-provinces-tile-grid.csv`); `ictindex serve --map FILE.geojson` adds the department's own
/// boundaries, matched to units by code.
///
/// For example:
/// ```swift
/// let map = try WebMap(geoJSON: Data(contentsOf: URL(fileURLWithPath: "communes.geojson")), file: "communes.geojson")
/// let configuration = WebConfiguration(engineVersion: "0.1.0", map: map)
/// ```
public struct WebMap: Sendable {
    /// How a unit is drawn.
    enum Shape: Sendable {
        /// A square at a row and column of a grid.
        case tile(row: Int, column: Int)
        /// Rings of (x, y) points in the drawing's units (y downwards); the first ring of each polygon is its
        /// outline, the others its holes.
        case polygons([[(x: Double, y: Double)]])
    }

    /// Each unit's shape and the name the map file gives it, by code.
    let shapes: [UnitCode: (name: String, shape: Shape)]
    /// The drawing's width and height.
    let width: Double
    let height: Double
    /// What the map is: "lưới ô 34 tỉnh" or the GeoJSON file's name.
    let source: String

    /// The side of a tile, and the gap between tiles.
    static let tile = 46.0
    static let gap = 4.0

    init(tiles: [(code: UnitCode, name: String, row: Int, column: Int)], source: String) {
        var shapes: [UnitCode: (name: String, shape: Shape)] = [:]
        for t in tiles { shapes[t.code] = (t.name, .tile(row: t.row, column: t.column)) }
        self.shapes = shapes
        let rows = (tiles.map(\.row).max() ?? 0) + 1
        let columns = (tiles.map(\.column).max() ?? 0) + 1
        width = Double(columns) * (Self.tile + Self.gap)
        height = Double(rows) * (Self.tile + Self.gap)
        self.source = source
    }

    /// The tile grid of the 34 provinces (since 1 July 2025): one square per province at its approximate place.
    static let tileGrid34: WebMap = {
        var tiles: [(code: UnitCode, name: String, row: Int, column: Int)] = []
        for line in tileGrid34CSV.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 4, let row = Int(f[2]), let column = Int(f[3]) else { continue }
            tiles.append((UnitCode(f[0]), f[1], row, column))
        }
        return WebMap(tiles: tiles, source: "tile-grid-34")
    }()

    /// `Examples/vn-34-provinces-tile-grid.csv`, kept equal to it by a test: code, name, row, column.
    static let tileGrid34CSV = """
        code,name,row,column
        LCH,Lai Châu,0,1
        LCI,Lào Cai,0,2
        TQ,Tuyên Quang,0,3
        CB,Cao Bằng,0,4
        DB,Điện Biên,1,0
        SL,Sơn La,1,1
        PT,Phú Thọ,1,2
        TNG,Thái Nguyên,1,3
        LS,Lạng Sơn,1,4
        HN,Hà Nội,2,2
        BN,Bắc Ninh,2,3
        QNI,Quảng Ninh,2,4
        NB,Ninh Bình,3,2
        HY,Hưng Yên,3,3
        HP,Hải Phòng,3,4
        TH,Thanh Hóa,4,2
        NA,Nghệ An,5,2
        HT,Hà Tĩnh,6,2
        QT,Quảng Trị,7,2
        HUE,Huế,8,3
        DNG,Đà Nẵng,9,3
        QNG,Quảng Ngãi,10,4
        GL,Gia Lai,11,4
        DLK,Đắk Lắk,12,4
        LDG,Lâm Đồng,13,3
        KH,Khánh Hòa,13,4
        TNH,Tây Ninh,14,1
        DNI,Đồng Nai,14,2
        HCM,Thành phố Hồ Chí Minh,14,3
        AG,An Giang,15,0
        DTP,Đồng Tháp,15,1
        VL,Vĩnh Long,15,2
        CM,Cà Mau,16,0
        CT,Cần Thơ,16,1

        """

    /// The map of a GeoJSON FeatureCollection: each feature with a `Polygon` or `MultiPolygon` geometry and the
    /// unit's code in its properties (`code`, `ma`, `id` or `unit`), longitude and latitude projected with
    /// x = (lon − lon₀) × cos(mean latitude), y = lat₁ − lat, scaled to 600 wide.
    ///
    /// - Throws: ``WebMapError`` naming the file and what is wrong (not JSON, not a FeatureCollection, a
    ///   feature without a code or without polygons, no feature at all).
    public init(geoJSON data: Data, file: String) throws(WebMapError) {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw WebMapError(
                file: file, message: Words(vi: "không phải tệp JSON hợp lệ", en: "is not valid JSON"),
                hint: Words(vi: "xuất lại bản đồ dưới dạng GeoJSON (RFC 7946)", en: "export the map as GeoJSON (RFC 7946)"))
        }
        guard root["type"] as? String == "FeatureCollection", let features = root["features"] as? [[String: Any]] else {
            throw WebMapError(
                file: file, message: Words(vi: "không phải một FeatureCollection", en: "is not a FeatureCollection"),
                hint: Words(vi: "tệp cần có \"type\": \"FeatureCollection\" và danh sách \"features\"", en: "the file needs \"type\": \"FeatureCollection\" and a \"features\" list"))
        }
        var raw: [(code: UnitCode, name: String, polygons: [[[Double]]])] = []
        for (n, feature) in features.enumerated() {
            let properties = feature["properties"] as? [String: Any] ?? [:]
            let codeValue = ["code", "ma", "id", "unit", "CODE", "MA"].lazy.compactMap { properties[$0] }.first
            guard let code = codeValue.map({ "\($0)" }), !code.isEmpty else {
                throw WebMapError(
                file: file, message: Words(vi: "đối tượng thứ \(n + 1) không có mã đơn vị", en: "feature \(n + 1) has no unit code"),
                hint: Words(vi: "thêm thuộc tính \"code\" (mã đơn vị như trong danh sách đơn vị)", en: "add a \"code\" property (the unit's code as in the units file)"))
            }
            let geometry = feature["geometry"] as? [String: Any] ?? [:]
            var polygons: [[[Double]]] = []
            switch geometry["type"] as? String {
            case "Polygon":
                for ring in geometry["coordinates"] as? [[[Double]]] ?? [] { polygons.append(ring.map { $0 }) }
            case "MultiPolygon":
                for polygon in geometry["coordinates"] as? [[[[Double]]]] ?? [] {
                    for ring in polygon { polygons.append(ring.map { $0 }) }
                }
            default: break
            }
            let rings = polygons.map { $0.compactMap { $0.count >= 2 ? $0 : nil } }.filter { $0.count >= 3 }
            guard !rings.isEmpty else {
                throw WebMapError(
                file: file, message: Words(vi: "đơn vị '\(code)' không có hình Polygon hoặc MultiPolygon", en: "unit '\(code)' has no Polygon or MultiPolygon geometry"),
                hint: Words(vi: "mỗi đơn vị cần một vùng (Polygon hoặc MultiPolygon)", en: "each unit needs an area (Polygon or MultiPolygon)"))
            }
            let name = (properties["name"] ?? properties["ten"]).map { "\($0)" } ?? code
            raw.append((UnitCode(code), name, rings.map { $0.map { [$0[0], $0[1]] } }))
        }
        let points = raw.flatMap { $0.polygons.flatMap { $0 } }
        guard let minLon = points.map({ $0[0] }).min(), let maxLon = points.map({ $0[0] }).max(),
            let minLat = points.map({ $0[1] }).min(), let maxLat = points.map({ $0[1] }).max()
        else {
            throw WebMapError(
                file: file, message: Words(vi: "không có đối tượng nào", en: "has no feature"),
                hint: Words(vi: "tệp cần ít nhất một đơn vị", en: "the file needs at least one unit"))
        }
        let k = cos((minLat + maxLat) / 2 * .pi / 180)
        let spanX = max((maxLon - minLon) * k, 1e-9)
        let spanY = max(maxLat - minLat, 1e-9)
        let scale = 600 / spanX
        var shapes: [UnitCode: (name: String, shape: Shape)] = [:]
        for r in raw {
            let rings = r.polygons.map { ring in
                ring.map { p in (x: (p[0] - minLon) * k * scale, y: (maxLat - p[1]) * scale) }
            }
            if case .polygons(let existing)? = shapes[r.code]?.shape {
                shapes[r.code] = (r.name, .polygons(existing + rings))
            } else {
                shapes[r.code] = (r.name, .polygons(rings))
            }
        }
        self.shapes = shapes
        width = 600
        height = spanY * scale
        source = file
    }
}

/// A map file that cannot be read: the file, what is wrong, and what to do, in Vietnamese and English.
///
/// Choose the language with ``description(in:)``: `ictindex serve --map` prints it in the user's language.
public struct WebMapError: Error, CustomStringConvertible, Sendable {
    public let file: String
    /// What is wrong with the file.
    public let message: Words
    /// What to do.
    public let hint: Words

    init(file: String, message: Words, hint: Words) {
        self.file = file
        self.message = message
        self.hint = hint
    }

    /// `FILE: what is wrong`, then `  gợi ý: what to do` (`  hint: …` in English) on its own line.
    public func description(in language: Language) -> String {
        "\(file): \(message(language))\n  \(language.say(vi: "gợi ý", en: "hint")): \(hint(language))"
    }

    /// The Vietnamese text.
    public var description: String { description(in: .vi) }
}
