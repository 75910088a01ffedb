import Foundation
public import ICTIndexCore
public import ICTIndexCriteria
public import ICTIndexStorage
import OrderedCollections

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
                        ? Words(
                            vi: "cơ sở dữ liệu không có đơn vị nào tồn tại trong kỳ \(period)",
                            en: "no unit of the database exists in period \(period)")
                        : Words(
                            vi: "kỳ \(period) chưa có số liệu nào trong cơ sở dữ liệu",
                            en: "period \(period) has no values in the database"),
                    hint: dataset.units.isEmpty
                        ? Words(
                            vi: "hãy nhập danh sách đơn vị trước (ictindex units import TỆP), hoặc kiểm tra --period",
                            en: "import the units first (ictindex units import FILE), or check --period")
                        : Words(
                            vi: "hãy nhập số liệu trước: ictindex data import TỆP --period \(period) "
                                + "--source self|appraised --framework \(label)",
                            en: "import them first: ictindex data import FILE --period \(period) "
                                + "--source self|appraised --framework \(label)"))
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
        return (
            summary,
            Loaded(framework: loaded.framework, warnings: loaded.warnings, scoreWarnings: scoreboard.diagnostics)
        )
    }
}

/// Re-scoring a stored run from its stored criteria and values.
public enum RunRescoring {
    /// A run that cannot be re-scored, or whose fresh results differ from the stored ones.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// Why, in both languages.
        public var message: Words
        /// The message in English.
        public var description: String { message.en }
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
            let period = inputs.summary.period
            throw Failure(
                message: Words(
                    vi: "lần chấm \(id) là bản nháp và số liệu kỳ \(period) đã thay đổi sau đó, nên không chấm lại "
                        + "được từ số liệu đã lưu; 'ictindex results --run \(id)' cho xem bảng xếp hạng đã lưu của nó, "
                        + "còn 'ictindex run --period \(period) …' chấm theo số liệu hiện tại",
                    en: "run \(id) is a draft and the values of period \(period) changed after it, so it cannot be "
                        + "re-scored from the stored values; 'ictindex results --run \(id)' shows its stored ranking, "
                        + "and 'ictindex run --period \(period) …' scores the current values"))
        }
        let framework = try CriteriaSource.load(inputs.framework)
        let scoreboard = try Engine(framework: framework).score(inputs.dataset)
        let differences = stored.differences(from: scoreboard)
        if !differences.isEmpty {
            let listed = differences.prefix(10).joined(separator: "\n  ")
            throw Failure(
                message: Words(
                    vi: "chấm lại lần chấm \(id) (phiên bản \(inputs.summary.engineVersion)) bằng ictindex "
                        + "\(engineVersion) không cho kết quả như đã lưu:\n  \(listed)",
                    en: "re-scoring run \(id) (engine \(inputs.summary.engineVersion)) with ictindex "
                        + "\(engineVersion) does not give the stored results:\n  \(listed)"))
        }
        return scoreboard
    }
}
