import GRDB
import ICTIndexCore

extension IndexDatabase {
    /// The one migrator of the evaluation database (GRDB's `DatabaseMigrator`).
    ///
    /// Migrations are only ever appended: an older database is migrated on open, and a database that
    /// has a migration this list does not know was written by a newer ictindex and is refused.
    /// The schema is described in `Documentation.docc/DatabaseSchema.md`.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-evaluation") { db in
            try createUnits(db)
            try createPeriodsAndFrameworks(db)
            try createSubmissions(db)
            try createRuns(db)
            try createAuditLog(db)
        }
        // v1's CHECKs on submission.source and .kind were `IN (…)` lists, for which SQLite builds a temporary
        // B-tree on every row inserted: two thirds of a million-value import. v2 states the same constraints as
        // `=` … `OR` chains (same values allowed, same rows refused) and copies the rows over.
        migrator.registerMigration("v2-submission-checks") { db in
            try db.execute(sql: "ALTER TABLE submission RENAME TO submission_v1")
            try createSubmissionTable(db)
            try db.execute(sql: "INSERT INTO submission SELECT * FROM submission_v1 ORDER BY period, unit, variable, source")
            try db.execute(sql: "DROP TABLE submission_v1")
        }
        // v2's submission was keyed by four TEXT columns, which SQLite binds, copies and compares on every row of a
        // million-value import and of a run's read. v3 numbers the codes (period.key, unitKey, variableKey; source
        // and kind as small integers), keys submission by those integers, keeps who and when once per import or
        // appraisal (submissionBatch) instead of on every row, and shows the rows as v2 did in a view.
        migrator.registerMigration("v3-integer-keys") { db in
            try createIntegerKeys(db)
            try db.execute(
                sql: """
                    UPDATE period SET key = (SELECT COUNT(*) FROM period AS p WHERE p.id <= period.id);
                    INSERT INTO unitKey (code) SELECT DISTINCT unit FROM submission ORDER BY unit;
                    INSERT INTO variableKey (code) SELECT DISTINCT variable FROM submission ORDER BY variable;
                    ALTER TABLE submission RENAME TO submission_v2;
                    """)
            try createIntegerKeyedSubmissionTable(db)
            let source = SubmissionCodes.sources.map { "WHEN '\($0.source.rawValue)' THEN \($0.code)" }
            let kind = SubmissionCodes.kinds.map { "WHEN '\($0.rawValue)' THEN \($0.code)" }
            // A source or kind v2 did not know cannot be there (its CHECKs); ELSE NULL would fail NOT NULL anyway.
            // One batch per distinct (who, at): every import or appraisal wrote one of each.
            try db.execute(
                sql: """
                    INSERT INTO submissionBatch (who, at) SELECT DISTINCT who, at FROM submission_v2 ORDER BY at, who;
                    CREATE INDEX submissionBatch_v2 ON submissionBatch(who, at);
                    INSERT INTO submission
                    SELECT p.key, u.id, v.id, CASE s.source \(source.joined(separator: " ")) END,
                      CASE s.kind \(kind.joined(separator: " ")) END, s.text, s.number, s.evidence, s.note, b.id
                    FROM submission_v2 AS s JOIN period AS p ON p.id = s.period
                    JOIN unitKey AS u ON u.code = s.unit JOIN variableKey AS v ON v.code = s.variable
                    JOIN submissionBatch AS b ON b.who = s.who AND b.at = s.at
                    ORDER BY 1, 2, 3, 4;
                    DROP INDEX submissionBatch_v2;
                    DROP TABLE submission_v2;
                    """)
            try createSubmissionView(db)
        }
        // The web application's accounts, sessions, submission status and uploaded evidence (IndexDatabase+Users).
        migrator.registerMigration("v4-web") { db in try createWebTables(db) }
        migrator.registerMigration("v5-web-hardening") { db in try hardenWebTables(db) }
        return migrator
    }

    private static func createUnits(_ db: Database) throws {
        try db.create(table: "unit") { t in
            t.primaryKey("code", .text)
            t.column("name", .text).notNull()
            t.column("group", .text).notNull()
            t.column("parent", .text)
            t.column("kind", .text)
            t.column("validFrom", .text)
            t.column("validTo", .text)
            t.column("successor", .text)
        }
        // One row per predecessor → successor link: a merger has several rows with one successor, a rename one.
        try db.create(table: "unitLineage") { t in
            t.column("predecessor", .text).notNull().references("unit", onDelete: .cascade)
            t.column("successor", .text).notNull()
            t.column("effective", .text)
            t.primaryKey(["predecessor", "successor"])
        }
        try db.create(index: "unitLineage_successor", on: "unitLineage", columns: ["successor"])
    }

    private static func createPeriodsAndFrameworks(_ db: Database) throws {
        try db.create(table: "period") { t in
            t.primaryKey("id", .text)
            // Bumped by every change to the period's submissions, so a run knows whether its inputs changed.
            t.column("revision", .integer).notNull().defaults(to: 0)
            t.column("createdAt", .text).notNull()
        }
        try db.create(table: "framework") { t in
            t.primaryKey("sha256", .text)
            t.column("frameworkID", .text).notNull()
            t.column("edition", .text)
            t.column("yaml", .text).notNull()
            t.column("firstUsed", .text).notNull()
        }
    }

    private static func createSubmissions(_ db: Database) throws {
        try createSubmissionTable(db, v1: true)
        try db.create(table: "appraisalDecision") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("period", .text).notNull().references("period")
            t.column("unit", .text).notNull()
            t.column("variable", .text).notNull()
            t.column("decision", .text).notNull().check { ["accepted", "adjusted"].contains($0) }
            t.column("oldValue", .text)
            t.column("newValue", .text).notNull()
            t.column("reason", .text)
            t.column("who", .text).notNull()
            t.column("at", .text).notNull()
        }
        try db.create(
            index: "appraisalDecision_unit", on: "appraisalDecision", columns: ["period", "unit", "variable"])
    }

    /// `submission` as of v1 (`IN` checks) or v2 (the same checks as `OR` chains, see the migrator), keyed by text.
    private static func createSubmissionTable(_ db: Database, v1: Bool = false) throws {
        // WITHOUT ROWID: the key is the only B-tree, which halves the work of a million-value import.
        try db.create(table: "submission", options: [.withoutRowID]) { t in
            t.column("period", .text).notNull().references("period")
            t.column("unit", .text).notNull()
            t.column("variable", .text).notNull()
            let sources = ["self", "appraised", "imported", "automatic"]
            let kinds = ["number", "option", "text"]
            if v1 {
                t.column("source", .text).notNull().check { sources.contains($0) }
                t.column("kind", .text).notNull().check { kinds.contains($0) }
            } else {
                t.column("source", .text).notNull().check(sql: anyOf("source", sources))
                t.column("kind", .text).notNull().check(sql: anyOf("kind", kinds))
            }
            valueColumns(t)
            t.column("who", .text).notNull()
            t.column("at", .text).notNull()
            t.primaryKey(["period", "unit", "variable", "source"])
        }
    }

    /// The columns of `submission` after period, unit, variable, source and kind: the same in every version.
    private static func valueColumns(_ t: TableDefinition) {
        t.column("text", .text).notNull()
        t.column("number", .double)
        t.column("evidence", .text)
        t.column("note", .text)
    }

    /// `kind = 'number' OR kind = 'option' OR …`: cheap for SQLite to check per row, unlike `kind IN (…)`.
    static func anyOf(_ column: String, _ values: [String]) -> String {
        values.map { "\(column) = '\($0)'" }.joined(separator: " OR ")
    }

    /// v3's numbering of the codes in `submission`: `period.key`, one table each for unit and variable codes, and
    /// `submissionBatch` for who stored values and when.
    ///
    /// A code gets its number the first time an import or appraisal names it, and keeps it. `unitKey` is kept apart
    /// from `unit` because `unit` is keyed by its code (and referenced by it), and a value may name any code.
    private static func createIntegerKeys(_ db: Database) throws {
        // ALTER TABLE cannot add a UNIQUE column; the unique index makes `key` a parent key for submission.period.
        try db.execute(
            sql: """
                ALTER TABLE period ADD COLUMN key INTEGER;
                CREATE UNIQUE INDEX period_key ON period(key);
                """)
        for table in ["unitKey", "variableKey"] {
            try db.create(table: table) { t in
                t.primaryKey("id", .integer)
                t.column("code", .text).notNull().unique()
            }
        }
        // Who stored values and when: one row per import or appraisal that wrote any, instead of 21 bytes or so on
        // each of a million rows.
        try db.create(table: "submissionBatch") { t in
            t.primaryKey("id", .integer)
            t.column("who", .text).notNull()
            t.column("at", .text).notNull()
        }
    }

    /// `submission` as of v3: keyed by integers (``SubmissionCodes`` numbers sources and kinds).
    private static func createIntegerKeyedSubmissionTable(_ db: Database) throws {
        // `=` … `OR` chains, not `IN (…)`, for the reason v2 gives; `=` also refuses 1.5 (and '1.5'), which
        // `BETWEEN 0 AND 3` would let through.
        let sources = SubmissionCodes.sources.map { "source = \($0.code)" }.joined(separator: " OR ")
        let kinds = SubmissionCodes.kinds.map { "kind = \($0.code)" }.joined(separator: " OR ")
        try db.create(table: "submission", options: [.withoutRowID]) { t in
            t.column("period", .integer).notNull().references("period", column: "key")
            t.column("unit", .integer).notNull().references("unitKey")
            t.column("variable", .integer).notNull().references("variableKey")
            t.column("source", .integer).notNull().check(sql: sources)
            t.column("kind", .integer).notNull().check(sql: kinds)
            valueColumns(t)
            t.column("batch", .integer).notNull().references("submissionBatch")
            t.primaryKey(["period", "unit", "variable", "source"])
        }
    }

    /// `submissionByCode`: `submission` with its codes spelled out, as v1 and v2 stored it, for people who read the
    /// file with other tools and for reads off the hot paths.
    private static func createSubmissionView(_ db: Database) throws {
        let source = SubmissionCodes.sources.map { "WHEN \($0.code) THEN '\($0.source.rawValue)'" }
        let kind = SubmissionCodes.kinds.map { "WHEN \($0.code) THEN '\($0.rawValue)'" }
        try db.execute(
            sql: """
                CREATE VIEW submissionByCode AS
                SELECT p.id AS period, u.code AS unit, v.code AS variable,
                  CASE s.source \(source.joined(separator: " ")) END AS source,
                  CASE s.kind \(kind.joined(separator: " ")) END AS kind,
                  s.text, s.number, s.evidence, s.note, b.who, b.at
                FROM submission AS s JOIN period AS p ON p.key = s.period
                JOIN unitKey AS u ON u.id = s.unit JOIN variableKey AS v ON v.id = s.variable
                JOIN submissionBatch AS b ON b.id = s.batch
                """)
    }

    private static func createRuns(_ db: Database) throws {
        try db.create(table: "run") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("period", .text).notNull().references("period")
            t.column("frameworkSHA256", .text).notNull().references("framework")
            t.column("parameters", .text).notNull()
            t.column("engineVersion", .text).notNull()
            t.column("periodRevision", .integer).notNull()
            t.column("status", .text).notNull().check { ["draft", "published"].contains($0) }
            t.column("who", .text).notNull()
            t.column("at", .text).notNull()
            t.column("publishedAt", .text)
        }
        try db.create(index: "run_period", on: "run", columns: ["period"])
        // One row per unit scored; nodes holds every node's value and rank (see RunResultRecord).
        try db.create(table: "runResult", options: [.withoutRowID]) { t in
            t.column("run", .integer).notNull().references("run", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("unit", .text).notNull()
            t.column("name", .text).notNull()
            t.column("group", .text).notNull()
            t.column("parent", .text)
            t.column("kind", .text)
            t.column("score", .double)
            t.column("published", .double)
            t.column("rank", .integer)
            t.column("rankedCount", .integer).notNull()
            t.column("band", .text)
            t.column("nodes", .blob).notNull()
            t.primaryKey(["run", "position"])
        }
    }

    private static func createAuditLog(_ db: Database) throws {
        try db.create(table: "auditEntry") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("at", .text).notNull()
            t.column("who", .text).notNull()
            t.column("action", .text).notNull()
            t.column("period", .text)
            t.column("unit", .text)
            t.column("variable", .text)
            t.column("oldValue", .text)
            t.column("newValue", .text)
            t.column("detail", .text)
        }
        try db.create(index: "auditEntry_unit", on: "auditEntry", columns: ["unit"])
        // Append-only: SQLite itself refuses to change or delete an entry, whatever the client.
        try db.execute(
            sql: """
                CREATE TRIGGER auditEntry_noUpdate BEFORE UPDATE ON auditEntry
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be changed'); END;
                CREATE TRIGGER auditEntry_noDelete BEFORE DELETE ON auditEntry
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be deleted'); END;
                """)
    }
}
