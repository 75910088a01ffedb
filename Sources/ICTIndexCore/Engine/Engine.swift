import Localization
import OrderedCollections

/// Scores a dataset with a framework: derived variables → imputation → rules → aggregation →
/// deductions → rounding → ranking → bands (DESIGN §3).
///
/// For example:
/// ```swift
/// let scoreboard = try Engine(framework: framework).score(dataset)
/// for (group, results) in scoreboard.rankings() { … }
/// ```
public struct Engine: Sendable {
    public let framework: Framework

    public init(framework: Framework) {
        self.framework = framework
    }

    /// Scores every unit of a dataset.
    ///
    /// - Throws: ``ValidationFailure`` listing every problem that prevents a run: a unit in a group
    ///   the framework lacks (D010), a missing value under `missing: error` (E002), a geometric or
    ///   harmonic mean over a value ≤ 0 (E003, E007). Warnings do not stop the run; they are in
    ///   ``Scoreboard/diagnostics``.
    /// - Complexity: O(U × (N + R)) for U units, N nodes and R variable references, plus
    ///   O(U log U) per peer-relative rule and per ranked node.
    public func score(_ dataset: Dataset) throws(ValidationFailure) -> Scoreboard {
        try score(dataset, concurrency: .automatic)
    }

    /// Scores every unit of a dataset, on one thread or on several as `concurrency` says; the
    /// scoreboard is the same either way.
    func score(
        _ dataset: Dataset, concurrency: ScoringRun.Concurrency
    ) throws(ValidationFailure) -> Scoreboard {
        var run = ScoringRun(framework: framework, dataset: dataset)
        run.concurrency = concurrency
        run.checkGroups()
        run.computeDerivedVariables()
        run.computeIndicators()
        run.aggregate()
        run.applyDeductionsAndRank()
        if run.diagnostics.hasErrors {
            throw ValidationFailure(diagnostics: run.diagnostics)
        }
        return run.scoreboard()
    }
}
