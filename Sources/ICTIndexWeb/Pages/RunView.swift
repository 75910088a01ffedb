import Foundation
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexService
import ICTIndexStorage
import OrderedCollections
import Synchronization

/// A run as the leader pages show it, read and prepared once: its results in every order the ranking offers,
/// its re-scored scoreboard (pillar points, explanations), its changes since the previous period, and the
/// rendered rows of its ranking table, per language.
///
/// A run's results never change. What else its pages show (which run is current in the previous period,
/// the units' lineage) is captured by ``IndexDatabase/resultsStamp()``: a view is reused while the stamp is
/// the one it was built with, so a ranking of 3,300 units is read, re-scored and rendered once, not on every
/// request.
final class RunView: Sendable {
    let id: Int
    let stamp: String
    let results: [StoredResult]
    /// The run re-scored from its stored inputs, or nil for a draft whose period changed since.
    let board: Scoreboard?
    let framework: Framework
    let changes: [UnitCode: UnitChange]
    /// Each result's position by unit code.
    let positions: [UnitCode: Int]
    /// Per result, per pillar of the framework: its points (or, without a board, its score).
    let pillarValues: [[Double?]]
    /// Result positions in ranking order (``StoredResult/rankOrder(_:_:)``), by name, and by code.
    let byRank: [Int]
    let byName: [Int]
    let byCode: [Int]
    /// Each result's place in `byRank`, to break ties of other orders.
    let rankPlace: [Int]
    /// Lowercased code and name per result, for the search box.
    let searchText: [String]
    /// Per result, its published score minus its own previous one (after a rename, its old code's), or nil.
    let scoreChange: [Double?]
    /// The bands in their colours.
    let bandColours: BandColours
    private let renderedRows = Mutex<[Language: [HTML]]>([:])

    init(
        id: Int, stamp: String, results: [StoredResult], board: Scoreboard?, framework: Framework,
        changes: [UnitCode: UnitChange]
    ) {
        self.id = id
        self.stamp = stamp
        self.results = results
        self.board = board
        self.framework = framework
        self.changes = changes
        positions = Dictionary(results.enumerated().map { ($1.unit.code, $0) }, uniquingKeysWith: { first, _ in first })
        let nodePositions = Dictionary(uniqueKeysWithValues: framework.nodes.keys.enumerated().map { ($1, $0) })
        let pillars = framework.pillars
        let boardColumns = pillars.map { p in board?.index(of: p.id) }
        pillarValues = results.map { r in
            if let board, let points = board.result(for: r.unit.code) {
                return boardColumns.map { column in column.flatMap { points.nodes[$0].points } }
            }
            return pillars.map { p in nodePositions[p.id].flatMap { r.nodeValues[$0] } }
        }
        let all = Array(results.indices)
        byRank = all.sorted { StoredResult.rankOrder(results[$0], results[$1]) }
        var place = [Int](repeating: 0, count: results.count)
        for (i, position) in byRank.enumerated() { place[position] = i }
        rankPlace = place
        byName = all.sorted {
            let order = results[$0].unit.name.localizedStandardCompare(results[$1].unit.name)
            return order != .orderedSame ? order == .orderedAscending : place[$0] < place[$1]
        }
        byCode = all.sorted { results[$0].unit.code < results[$1].unit.code }
        searchText = results.map { SearchFolding.fold($0.unit.code.rawValue + "\u{0}" + $0.unit.name) }
        scoreChange = results.map { r in
            guard let now = r.published, let before = changes[r.unit.code]?.own?.published else { return nil }
            return now - before
        }
        bandColours = BandColours(framework)
    }

    /// The result of a unit, if it was scored in this run.
    func result(_ code: UnitCode) -> StoredResult? { positions[code].map { results[$0] } }

    /// The `<tr>` of every result in a language (built on first use).
    func rows(_ language: Language, period: String) -> [HTML] {
        if let hit = renderedRows.withLock({ $0[language] }) { return hit }
        let w = language
        let wording = ChangeText(decimals: framework.decimals, language: language)
        let rows = results.indices.map { i -> HTML in
            let r = results[i]
            return Self.row(
                r, pillarValues: pillarValues[i], change: changes[r.unit.code].map { wording.text($0, for: r) } ?? "",
                bands: framework.bands.isEmpty ? nil : bandColours, period: period, decimals: framework.decimals,
                words: w)
        }
        renderedRows.withLock { $0[language] = rows }
        return rows
    }

    /// The mean of a node's value among the results of a group (nil when none has one).
    func groupMean(_ group: GroupID, node position: Int) -> Double? {
        var sum = 0.0
        var count = 0
        for r in results where r.unit.group == group {
            if position < r.nodeValues.count, let v = r.nodeValues[position] {
                sum += v
                count += 1
            }
        }
        return count == 0 ? nil : sum / Double(count)
    }
}

extension WebApp {
    /// The view of a run: from the cache while the database's ``IndexDatabase/resultsStamp()`` is unchanged,
    /// or else read and prepared now and kept (at most 8 runs, the oldest leaving first).
    ///
    /// A stale view's re-scored scoreboard is reused: the run's stored results, and so its scoreboard, never
    /// change; a draft whose period changed since it was scored cannot be re-scored and has none.
    func runView(_ id: Int) throws -> RunView {
        let stamp = try database.resultsStamp()
        let previous = runViews.withLock { $0[id] }
        if let previous, previous.stamp == stamp { return previous }
        let stored = try database.run(id)
        var board = previous?.board
        if previous == nil && stored.summary.isCurrent {
            board = try? RunRescoring.rescore(
                id, stored: stored, database: database, engineVersion: configuration.engineVersion)
        }
        let framework = try board?.framework ?? self.framework(forPeriod: stored.summary.period).0.framework
        let view = RunView(
            id: id, stamp: stamp, results: stored.results, board: board, framework: framework,
            changes: try database.changes(forRun: id))
        runViews.withLock { cache in
            cache[id] = view
            while cache.count > 8, let oldest = cache.keys.min() { cache[oldest] = nil }
        }
        return view
    }
}
