import Foundation
import GRDB
import GRDBSQLite
public import ICTIndexCore

extension IndexDatabase {
    // MARK: - Reads

    /// The runs of a period (or of every period), newest first.
    public func runs(forPeriod period: String? = nil) throws(StorageError) -> [RunSummary] {
        try read(Words(vi: "đọc các lần chấm", en: "reading runs")) { db in
            var request = RunRecord.order(RunRecord.Columns.id.desc)
            if let period { request = request.filter(RunRecord.Columns.period == period) }
            return try request.fetchAll(db).map { try Self.summary(db, $0) }
        }
    }

    /// A run without its results.
    ///
    /// - Throws: ``StorageError`` `notFound` when there is no such run.
    public func runSummary(_ id: Int) throws(StorageError) -> RunSummary {
        try read(Words(vi: "đọc lần chấm \(id)", en: "reading run \(id)")) { db in
            guard let record = try RunRecord.fetchOne(db, key: id) else { throw notFound(run: id, db) }
            return try Self.summary(db, record)
        }
    }

    /// The periods that have a run, oldest first.
    public func periodsWithRuns() throws(StorageError) -> [String] {
        try read(Words(vi: "đọc các lần chấm", en: "reading runs")) { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT period FROM run ORDER BY period")
        }
    }

    /// What the shown results of every run depend on besides the run itself: the runs recorded and published
    /// (which run is current in each period) and the units' lineage (the changes from the previous period).
    /// Equal stamps mean that a run's ranking, changes included, reads the same; a cache compares them.
    public func resultsStamp() throws(StorageError) -> String {
        try read(Words(vi: "đọc các lần chấm", en: "reading runs")) { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT (SELECT IFNULL(MAX(id), 0) FROM run),
                           (SELECT COUNT(*) FROM run WHERE status = 'published'),
                           (SELECT IFNULL(group_concat(link, ','), '') FROM
                               (SELECT predecessor || '>' || successor AS link FROM unitLineage
                                ORDER BY predecessor, successor))
                    """)
            return row.map { "\($0[0] as Int)/\($0[1] as Int)/\($0[2] as String)" } ?? ""
        }
    }

    /// One unit's result in a run, or nil when the unit was not scored in it.
    public func result(of unit: UnitCode, inRun id: Int) throws(StorageError) -> StoredResult? {
        try read(Words(vi: "đọc lần chấm \(id)", en: "reading run \(id)")) { db in
            try RunResultRecord.filter(
                RunResultRecord.Columns.run == id && RunResultRecord.Columns.unit == unit.rawValue
            )
            .fetchOne(db).map(Self.result)
        }
    }

    /// A run with its results.
    ///
    /// - Throws: ``StorageError`` `notFound` when there is no such run.
    public func run(_ id: Int) throws(StorageError) -> StoredRun {
        try read(Words(vi: "đọc lần chấm \(id)", en: "reading run \(id)")) { db in
            guard let record = try RunRecord.fetchOne(db, key: id) else { throw notFound(run: id, db) }
            return StoredRun(summary: try Self.summary(db, record), results: try Self.results(db, run: id))
        }
    }

    /// The run to show for a period: its published run, or else its latest run.
    ///
    /// - Throws: ``StorageError`` `notFound` when the period has no run.
    public func currentRun(forPeriod period: String) throws(StorageError) -> Int {
        try read(Words(vi: "đọc các lần chấm của kỳ \(period)", en: "reading the runs of period \(period)")) { db in
            guard let id = try Self.currentRun(db, period: period) else {
                let periods = try String.fetchAll(db, sql: "SELECT DISTINCT period FROM run ORDER BY period")
                throw StorageError(
                    .notFound,
                    operation: Words(vi: "tìm lần chấm của kỳ \(period)", en: "finding the run of period \(period)"),
                    subject: name,
                    Words(
                        vi: "kỳ \(period) chưa được chấm lần nào"
                            + (periods.isEmpty ? "" : "; các kỳ đã chấm: \(periods.joined(separator: ", "))"),
                        en: "period \(period) has no run"
                            + (periods.isEmpty ? "" : "; periods with runs: \(periods.joined(separator: ", "))")),
                    hint: Words(
                        vi: "hãy chấm kỳ này trước: ictindex run --period \(period) --framework TỆP",
                        en: "score it first: ictindex run --period \(period) --framework FILE"))
            }
            return id
        }
    }

    /// What re-scores a run: its framework's text and the period's stored values over the units as scored.
    ///
    /// For a published run (and any run whose period has not changed since, ``RunSummary/isCurrent``), scoring
    /// this data set with this framework gives the stored results bit for bit.
    public func runInputs(_ id: Int) throws(StorageError) -> (
        summary: RunSummary, framework: FrameworkSource, dataset: Dataset
    ) {
        try read(Words(vi: "đọc số liệu đầu vào của lần chấm \(id)", en: "reading the inputs of run \(id)")) { db in
            guard let record = try RunRecord.fetchOne(db, key: id) else { throw notFound(run: id, db) }
            guard let framework = try FrameworkRecord.fetchOne(db, key: record.frameworkSHA256) else {
                throw StorageError(
                    .notFound, operation: Words(vi: "đọc lần chấm \(id)", en: "reading run \(id)"), subject: name,
                    Words(vi: "thiếu tệp tiêu chí của nó", en: "its criteria file is missing"))
            }
            let units = try Self.results(db, run: id).map(\.unit)
            let dataset = try Self.dataset(db, period: record.period, units: units, sources: Self.precedence)
            return (
                try Self.summary(db, record),
                FrameworkSource(
                    id: framework.frameworkID, edition: framework.edition, yaml: framework.yaml,
                    sha256: framework.sha256),
                dataset
            )
        }
    }

    /// The latest criteria file used to score a period, if any.
    public func latestFramework(forPeriod period: String) throws(StorageError) -> FrameworkSource? {
        try read(Words(vi: "đọc bộ tiêu chí của kỳ \(period)", en: "reading the criteria of period \(period)")) { db in
            guard
                let sha = try String.fetchOne(
                    db, sql: "SELECT frameworkSHA256 FROM run WHERE period = ? ORDER BY id DESC LIMIT 1",
                    arguments: [period]),
                let f = try FrameworkRecord.fetchOne(db, key: sha)
            else { return nil }
            return FrameworkSource(id: f.frameworkID, edition: f.edition, yaml: f.yaml, sha256: f.sha256)
        }
    }

    static func currentRun(_ db: Database, period: String) throws -> Int? {
        try Int.fetchOne(
            db, sql: "SELECT id FROM run WHERE period = ? ORDER BY status = 'published' DESC, id DESC LIMIT 1",
            arguments: [period])
    }

    static func summary(_ db: Database, _ r: RunRecord) throws -> RunSummary {
        // The criteria's id and edition, not their text.
        let framework = try Row.fetchOne(
            db, sql: "SELECT frameworkID, edition FROM framework WHERE sha256 = ?", arguments: [r.frameworkSHA256])
        let revision = try Int.fetchOne(db, sql: "SELECT revision FROM period WHERE id = ?", arguments: [r.period]) ?? 0
        return RunSummary(
            id: Int(r.id ?? 0), period: r.period, frameworkID: framework?["frameworkID"] ?? "?",
            edition: framework?["edition"],
            frameworkSHA256: r.frameworkSHA256, parameters: r.parameters, engineVersion: r.engineVersion,
            status: RunSummary.Status(rawValue: r.status) ?? .draft, who: r.who, at: r.at, publishedAt: r.publishedAt,
            isCurrent: r.status == "published" || revision == r.periodRevision)
    }

    static func results(_ db: Database, run: Int) throws -> [StoredResult] {
        try RunResultRecord.filter(RunResultRecord.Columns.run == run).order(RunResultRecord.Columns.position)
            .fetchAll(db).map(result)
    }

    static func result(_ r: RunResultRecord) -> StoredResult {
        let (values, ranks) = RunResultRecord.decodeNodes(r.nodes)
        return StoredResult(
            unit: Unit(
                code: UnitCode(r.unit), name: r.name, group: GroupID(r.group), parent: r.parent.map(UnitCode.init),
                kind: r.kind),
            score: r.score, published: r.published, rank: r.rank, rankedCount: r.rankedCount,
            band: r.band.map(BandID.init), nodeValues: values, nodeRanks: ranks)
    }

    func notFound(run id: Int, _ db: Database) -> StorageError {
        let ids = (try? Int.fetchAll(db, sql: "SELECT id FROM run ORDER BY id DESC LIMIT 10")) ?? []
        return StorageError(
            .notFound, operation: Words(vi: "đọc lần chấm \(id)", en: "reading run \(id)"), subject: name,
            Words(vi: "không có lần chấm \(id)", en: "there is no run \(id)"),
            hint: ids.isEmpty
                ? Words(
                    vi: "chưa có lần chấm nào: ictindex run --period P --framework TỆP",
                    en: "no run has been recorded yet: ictindex run --period P --framework FILE")
                : Words(
                    vi: "các lần chấm gần đây: \(ids.map(String.init).joined(separator: ", ")) ('ictindex results "
                        + "--period P' cho xem lần chấm của một kỳ)",
                    en: "recent runs: \(ids.map(String.init).joined(separator: ", ")) ('ictindex results --period P' "
                        + "shows a period's)"))
    }

    // MARK: - Writes

    /// Records a run and its full results, and the criteria file it used.
    ///
    /// - Parameters:
    ///   - scoreboard: the results; its period names the run's period.
    ///   - framework: the criteria file's text and SHA-256.
    ///   - revision: the period's revision when its values were read (``dataset(forPeriod:sources:)``); if the
    ///     values changed since, the run is refused (`conflict`), since it would not match them.
    ///   - parameters: the run's parameters as JSON.
    ///   - engineVersion: the ictindex version.
    ///   - who: who ran it.
    /// - Returns: the stored run's summary.
    public func recordRun(
        _ scoreboard: Scoreboard, framework: FrameworkSource, revision: Int, parameters: String, engineVersion: String,
        who: String
    ) throws(StorageError) -> RunSummary {
        let at = clock()
        let period = scoreboard.period ?? ""
        let operation = Words(vi: "ghi lần chấm của kỳ \(period)", en: "recording a run of period \(period)")
        return try write(operation) { db in
            try Self.ensurePeriod(db, period, at: at)
            let current =
                try Int.fetchOne(db, sql: "SELECT revision FROM period WHERE id = ?", arguments: [period]) ?? 0
            if current != revision {
                throw StorageError(
                    .conflict, operation: operation, subject: name,
                    Words(
                        vi: "số liệu kỳ \(period) đã thay đổi trong lúc đang chấm",
                        en: "the values of period \(period) changed while the run was being scored"),
                    hint: Words(vi: "hãy chấm lại", en: "run it again"))
            }
            if try FrameworkRecord.fetchOne(db, key: framework.sha256) == nil {
                try FrameworkRecord(
                    sha256: framework.sha256, frameworkID: framework.id, edition: framework.edition,
                    yaml: framework.yaml,
                    firstUsed: at
                ).insert(db)
            }
            var run = RunRecord(
                period: period, frameworkSHA256: framework.sha256, parameters: parameters, engineVersion: engineVersion,
                periodRevision: revision, status: "draft", who: who, at: at)
            try run.insert(db)
            let id = run.id ?? 0
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO runResult (run, position, unit, name, "group", parent, kind, score, published, rank,
                    rankedCount, band, nodes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            // Bound through SQLite's C API with one buffer for every unit's nodes: a StatementArguments array of
            // 13 existentials, a NodeResult per node and a Data per unit cost more than SQLite's insert of the row.
            // GRDB checks that arguments were set (as SubmissionInserter does: placeholders once, then the C API).
            insert.setUncheckedArguments(StatementArguments([Int?](repeating: nil, count: 13)))
            let s = insert.sqliteStatement
            var nodes: [UInt8] = []
            for (position, result) in scoreboard.units.enumerated() {
                let u = result.unit
                RunResultRecord.encodeNodes(result.nodes, into: &nodes)
                sqlite3_reset(s)
                SQLiteBinding.bind(s, 1, Int(id))
                SQLiteBinding.bind(s, 2, position)
                SQLiteBinding.bind(s, 3, u.code.rawValue)
                SQLiteBinding.bind(s, 4, u.name)
                SQLiteBinding.bind(s, 5, u.group.rawValue)
                SQLiteBinding.bind(s, 6, u.parent?.rawValue)
                SQLiteBinding.bind(s, 7, u.kind)
                SQLiteBinding.bind(s, 8, result.score)
                SQLiteBinding.bind(s, 9, result.published)
                SQLiteBinding.bind(s, 10, result.rank)
                SQLiteBinding.bind(s, 11, result.rankedCount)
                SQLiteBinding.bind(s, 12, result.band?.id.rawValue)
                // Copied by SQLite, so the buffer is reused for the next unit.
                SQLiteBinding.bind(s, 13, blob: nodes)
                // GRDB's execute: its checks and transaction observers see the statement.
                try insert.execute()
            }
            var entry = AuditEntryRecord(
                at: at, who: who, action: "run.record", period: period, newValue: "run \(id)",
                detail:
                    "\(framework.id) \(framework.sha256.prefix(12)), \(scoreboard.units.count) units, engine \(engineVersion)"
            )
            try entry.insert(db)
            return try Self.summary(db, run)
        }
    }

    /// Publishes a run: its period's values are frozen from then on (no import or appraisal can change them).
    ///
    /// - Throws: ``StorageError`` `notFound`; `conflict` when the period's values changed since the run
    ///   (publish a fresh run instead) or another run of the period is already published.
    public func publish(run id: Int, who: String) throws(StorageError) -> RunSummary {
        let at = clock()
        let operation = Words(vi: "công bố lần chấm \(id)", en: "publishing run \(id)")
        return try write(operation) { db in
            guard var run = try RunRecord.fetchOne(db, key: id) else { throw notFound(run: id, db) }
            if run.status == "published" { return try Self.summary(db, run) }
            if let other = try Self.publishedRun(db, period: run.period) {
                throw StorageError(
                    .conflict, operation: operation, subject: name,
                    Words(
                        vi: "kỳ \(run.period) đã có lần chấm được công bố (\(other))",
                        en: "period \(run.period) already has a published run (\(other))"),
                    hint: Words(
                        vi: "mỗi kỳ chỉ công bố một lần chấm; 'ictindex results --run \(other)' cho xem lần chấm đó",
                        en: "a period has one published run; 'ictindex results --run \(other)' shows it"))
            }
            let revision =
                try Int.fetchOne(db, sql: "SELECT revision FROM period WHERE id = ?", arguments: [run.period]) ?? 0
            if revision != run.periodRevision {
                throw StorageError(
                    .conflict, operation: operation, subject: name,
                    Words(
                        vi: "số liệu kỳ \(run.period) đã thay đổi sau lần chấm \(id), nên lần chấm đó không còn khớp",
                        en: "the values of period \(run.period) changed after run \(id) was scored, so it no longer "
                            + "matches them"),
                    hint: Words(
                        vi: "hãy chấm lại kỳ này (ictindex run --period \(run.period) --framework TỆP) rồi công bố lần "
                            + "chấm mới",
                        en: "score the period again (ictindex run --period \(run.period) --framework FILE) and publish "
                            + "that run"))
            }
            run.status = "published"
            run.publishedAt = at
            try run.update(db)
            var entry = AuditEntryRecord(
                at: at, who: who, action: "run.publish", period: run.period, oldValue: "draft", newValue: "published",
                detail: "run \(id)")
            try entry.insert(db)
            return try Self.summary(db, run)
        }
    }
}
