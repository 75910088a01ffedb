import GRDB
public import ICTIndexCore

extension IndexDatabase {
    // MARK: - Reads

    /// Each unit's change since the previous period that has a run, following lineage.
    ///
    /// The previous period is the latest period before the run's that has a run (its published run, or else
    /// its latest). A unit with a result there is compared with it; a unit with one predecessor and no
    /// result of its own was renamed and keeps the predecessor's history; a unit with several predecessors
    /// was formed by a merger and shows theirs ("sáp nhập từ A (hạng 3), B (hạng 17)"). Predecessors
    /// without a result of their own are followed further back.
    ///
    /// - Returns: a change for every unit of the run, or an empty dictionary when there is no previous period.
    public func changes(forRun id: Int) throws(StorageError) -> [UnitCode: UnitChange] {
        try read(Words(vi: "so sánh lần chấm \(id) với kỳ trước", en: "comparing run \(id) with the previous period")) {
            db in
            guard let run = try RunRecord.fetchOne(db, key: id) else { throw notFound(run: id, db) }
            guard
                let previousPeriod = try String.fetchOne(
                    db, sql: "SELECT period FROM run WHERE period < ? ORDER BY period DESC LIMIT 1",
                    arguments: [run.period]),
                let previousRun = try Self.currentRun(db, period: previousPeriod)
            else { return [:] }
            var previous: [String: UnitChange.PreviousResult] = [:]
            for r in try Self.results(db, run: previousRun) {
                previous[r.unit.code.rawValue] = UnitChange.PreviousResult(
                    unit: r.unit.code, name: r.unit.name, rank: r.rank, published: r.published,
                    rankedCount: r.rankedCount)
            }
            var predecessors: [String: [String]] = [:]
            for link in try UnitLineageRecord.order(UnitLineageRecord.Columns.predecessor).fetchAll(db) {
                predecessors[link.successor, default: []].append(link.predecessor)
            }
            /// The previous results a unit's predecessors stand for, following units without results further back.
            func ancestors(of code: String, seen: inout Set<String>) -> [UnitChange.PreviousResult] {
                var found: [UnitChange.PreviousResult] = []
                for p in predecessors[code] ?? [] where seen.insert(p).inserted {
                    if let result = previous[p] { found.append(result) } else { found += ancestors(of: p, seen: &seen) }
                }
                return found
            }
            var changes: [UnitCode: UnitChange] = [:]
            for r in try Self.results(db, run: id) {
                let code = r.unit.code.rawValue
                var seen: Set<String> = [code]
                var change = UnitChange(
                    previousPeriod: previousPeriod, previousRun: previousRun, own: previous[code], renamedFrom: nil,
                    predecessors: ancestors(of: code, seen: &seen))
                if change.own == nil, change.predecessors.count == 1, (predecessors[code]?.count ?? 0) == 1 {
                    change.own = change.predecessors[0]
                    change.renamedFrom = change.predecessors[0].unit
                    change.predecessors = []
                }
                changes[r.unit.code] = change
            }
            return changes
        }
    }

    /// Every unit's direct predecessors (the units whose successor it is), by code, each list in code order.
    public func predecessorLinks() throws(StorageError) -> [UnitCode: [UnitCode]] {
        try read(Words(vi: "đọc quan hệ kế thừa của các đơn vị", en: "reading the units' lineage")) { db in
            var links: [UnitCode: [UnitCode]] = [:]
            for link in try UnitLineageRecord.order(UnitLineageRecord.Columns.predecessor).fetchAll(db) {
                links[UnitCode(link.successor), default: []].append(UnitCode(link.predecessor))
            }
            return links
        }
    }
}
