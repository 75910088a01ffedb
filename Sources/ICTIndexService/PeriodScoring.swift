import Foundation
import OrderedCollections
public import ICTIndexCore
public import ICTIndexCriteria
public import ICTIndexStorage

/// Scoring a period from the database and recording the run, shared by `ictindex run`, `demo` and the web
/// application's "run" button.
public enum PeriodScoring {
    /// What was loaded and found on the way.
    public struct Loaded: Sendable {
        public var framework: Framework
        public var warnings: [Diagnostic]
        public var scoreWarnings: [Diagnostic]
    }

    /// Reads the period's values, scores them with the criteria file at `frameworkPath` and records the run.
    ///
    /// - Throws: ``ValidationFailure`` for invalid criteria or a period without units or values;
    ///   ``StorageError``.
    public static func score(
        period: String, frameworkPath: String, database: IndexDatabase, who: String, engineVersion: String
    ) throws -> (RunSummary, Loaded) {
        let (loaded, source) = try CriteriaSource.load(path: frameworkPath)
        return try score(
            period: period, framework: loaded, source: source, label: frameworkPath, database: database, who: who,
            engineVersion: engineVersion)
    }

    /// Scores the period with loaded criteria (`label` names them in messages and the run's parameters).
    public static func score(
        period: String, framework loaded: LoadedFramework, source: FrameworkSource, label: String,
        database: IndexDatabase, who: String, engineVersion: String
    ) throws -> (RunSummary, Loaded) {
        let (dataset, revision) = try database.dataset(forPeriod: period)
        if dataset.units.isEmpty || dataset.isEmpty {
            throw ValidationFailure(diagnostics: [
                .error(
                    .emptyFile, at: SourceLocation(file: database.name),
                    dataset.units.isEmpty
                        ? "no unit of the database exists in period \(period)"
                        : "period \(period) has no values in the database",
                    hint: dataset.units.isEmpty
                        ? "import the units first (ictindex units import FILE), or check --period"
                        : "import them first: ictindex data import FILE --period \(period) --source self|appraised "
                            + "--framework \(label)")
            ])
        }
        let scoreboard = try Engine(framework: loaded.framework).score(dataset)
        let object: [String: Any] = [
            "framework_file": label, "precedence": IndexDatabase.precedence.map(\.rawValue),
            "units": scoreboard.units.count,
        ]
        let json = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        let summary = try database.recordRun(
            scoreboard, framework: source, revision: revision, parameters: String(decoding: json, as: UTF8.self),
            engineVersion: engineVersion, who: who)
        return (summary, Loaded(framework: loaded.framework, warnings: loaded.warnings, scoreWarnings: scoreboard.diagnostics))
    }
}

/// Re-scoring a stored run from its stored criteria and values.
public enum RunRescoring {
    /// A run that cannot be re-scored, or whose fresh results differ from the stored ones.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Re-scores a run from its stored criteria and values, and checks the result against the stored one.
    ///
    /// - Throws: ``Failure`` when the period's values changed since a draft run, or the results differ;
    ///   ``ValidationFailure``, ``StorageError``.
    public static func rescore(
        _ id: Int, stored: StoredRun, database: IndexDatabase, engineVersion: String
    ) throws -> Scoreboard {
        let inputs = try database.runInputs(id)
        guard inputs.summary.isCurrent else {
            throw Failure(
                message: "run \(id) is a draft and the values of period \(inputs.summary.period) changed after it, "
                    + "so it cannot be re-scored from the stored values; 'ictindex results --run \(id)' shows its "
                    + "stored ranking, and 'ictindex run --period \(inputs.summary.period) …' scores the current values")
        }
        let framework = try CriteriaSource.load(inputs.framework)
        let scoreboard = try Engine(framework: framework).score(inputs.dataset)
        let differences = stored.differences(from: scoreboard)
        if !differences.isEmpty {
            throw Failure(
                message: "re-scoring run \(id) (engine \(inputs.summary.engineVersion)) with ictindex "
                    + "\(engineVersion) does not give the stored results:\n  "
                    + differences.prefix(10).joined(separator: "\n  "))
        }
        return scoreboard
    }
}
