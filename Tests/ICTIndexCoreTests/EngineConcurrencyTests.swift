import ICTIndexTestSupport
import Localization
import OrderedCollections
import Testing

@testable import ICTIndexCore

/// A run large enough to score its indicators and rank its pillars on several threads gives the same
/// scoreboard, to the bit and to the order of its diagnostics, as the same run on one thread.
@Suite struct EngineConcurrencyTests {
    static let unitCount = 4_000

    /// 14 indicators over every kind of rule, with each warning the indicator stage can give: division by zero
    /// (an expression and a derived variable), missing evidence, imputation over all units and over the group,
    /// nothing to impute, and peers that all have the same value. Two groups, one of them not ranked.
    static var framework: Framework {
        var chair = Variable(id: "chair", name: "Chủ trì", kind: .choice)
        chair.options = ["chair": "Chủ tịch", "deputy": "Phó Chủ tịch", "none": "Không"]
        var staff = Variable(id: "staff", name: "Cán bộ")
        staff.evidence = .required
        var perStaff = Variable(id: "per_staff", name: "Máy trên người")
        perStaff.formula = ExampleIndex.expr("computers / staff")
        let v = ExampleIndex.v
        let indicator = ExampleIndex.indicator
        var framework = ExampleIndex.framework(
            id: "concurrency",
            groups: [Group(id: "dept", name: "Sở"), Group(id: "commune", name: "Xã", ranked: false)],
            bands: ExampleIndex.provincialBands,
            variables: [staff, chair, perStaff]
                + ExampleIndex.numbers("computers", "bandwidth", "meetings", "x1", "x2", "cost", "flat", "empty"),
            pillars: [
                ExampleIndex.pillar(
                    "infra", weight: 40,
                    children: [
                        indicator(
                            "infra.computers", 2, ExampleIndex.expr("computers / staff"), .higher, .zero,
                            [.ratio(percent: false)], nil),
                        indicator(
                            "infra.bandwidth", 1, v("bandwidth"), .higher, .skip, [.fractionOfMax(over: .group)], nil),
                        indicator(
                            "infra.per_staff", 1, v("per_staff"), .higher, .zero, [.linear(from: 0, to: 1.2)], nil),
                        indicator("infra.flat", 1, v("flat"), .higher, .zero, [.minmax(over: .group, range: nil)], nil),
                    ]),
                ExampleIndex.pillar(
                    "gov", weight: 30, aggregate: .min,
                    children: [
                        indicator(
                            "gov.meetings", 1, v("meetings"), .higher, .zero,
                            [.steps([.init(atLeast: 4, award: .score(1)), .init(atLeast: 2, award: .score(0.5))])], nil),
                        indicator(
                            "gov.chair", 1, v("chair"), .higher, .zero,
                            [.choice(["chair": .score(1), "deputy": .score(0.5), "none": .score(0)])], nil),
                        indicator("gov.x1", 1, v("x1"), .higher, .imputeMean, [.minmax(over: .all, range: nil)], nil),
                        indicator(
                            "gov.x1z", 1, v("x1"), .lower, .imputeGroupMean,
                            [.zscore(over: .group, mean: 50, sd: 10, sdOf: .sample)], nil),
                        indicator("gov.empty", 1, v("empty"), .higher, .imputeMean, [.ratio(percent: true)], nil),
                    ]),
                ExampleIndex.pillar(
                    "services", weight: 30,
                    children: [
                        indicator("services.rank", 1, v("x2"), .higher, .zero, [.rank(over: .group)], ["dept"]),
                        indicator("services.percentile", 1, v("x2"), .higher, .skip, [.percentile(over: .all)], nil),
                        indicator(
                            "services.cost", 1, v("cost"), .lower, .zero, [.distanceToTarget(target: -10, over: .all)],
                            nil),
                        indicator(
                            "services.egdi", 1, v("x1"), .higher, .zero,
                            [
                                .zscore(over: .all, mean: 0, sd: 1, sdOf: .population),
                                .minmax(over: .all, range: 0...1),
                            ], nil),
                        indicator(
                            "services.sum", 1, ExampleIndex.expr("(x1 + x2) / 2"), .higher, .zero,
                            [.ratio(percent: true)], nil),
                    ]),
            ])
        framework.evidencePolicy = .zero
        return framework
    }

    /// `unitCount` units drawn from a fixed seed: every 97th unit has no staff (division by zero), every 89th
    /// gives its staff without evidence, about 1 value in 20 is missing, `flat` is 7 everywhere and `empty` is
    /// never given.
    static var dataset: Dataset {
        var random = SplitMix64(state: 15)
        var dataset = Dataset(
            period: "2025",
            units: (0..<unitCount).map { u in
                let code = UnitCode("U\(u)")
                return Unit(code: code, name: "Đơn vị \(u)", group: u % 3 == 0 ? "commune" : "dept")
            })
        let chairs = ["chair", "deputy", "none"]
        let staffColumn = dataset.column(for: "staff")
        for u in 0..<unitCount {
            let code = UnitCode("U\(u)")
            let staff = u % 97 == 5 ? 0 : 20 + Double(u % 50)
            let evidence = u % 89 == 3 ? nil : "QĐ \(u)/2025"
            dataset.setEntry(Dataset.Entry(value: .number(staff), evidence: evidence), unitAt: u, column: staffColumn)
            dataset.set(code, "flat", .number(7))
            for id in ["computers", "bandwidth", "meetings", "x1", "x2", "cost"] {
                let x = random.unit()
                guard x >= 0.05 else { continue }
                let value: Double =
                    switch id {
                    case "computers": (staff * (0.5 + x)).rounded()
                    case "meetings": (x * 6).rounded(.down)
                    default: (x * 1000).rounded() / 10
                    }
                dataset.set(code, VariableID(id), .number(value))
            }
            if random.unit() >= 0.05 { dataset.set(code, "chair", .option(chairs[u % 3])) }
        }
        return dataset
    }

    @Test("indicators and pillars scored on several threads give the scoreboard of one thread")
    func parallelEqualsSequential() throws {
        // Given a run past the threshold, so that `.automatic` takes the parallel path
        let framework = Self.framework
        let dataset = Self.dataset
        let indicators = framework.nodes.values.filter(\.isIndicator).count
        #expect(Self.unitCount * indicators >= ScoringRun.parallelWork)
        let engine = Engine(framework: framework)

        // When it is scored on one thread, on several, and as the engine decides (three times, so that an
        // unlucky interleaving of the threads has more than one chance to show)
        let sequential = try engine.score(dataset, concurrency: .sequential)
        let runs = [
            try engine.score(dataset, concurrency: .parallel), try engine.score(dataset, concurrency: .automatic),
            try engine.score(dataset, concurrency: .parallel),
        ]

        // Then every unit's results, the diagnostics in their order and the peer statistics are the same
        for run in runs {
            #expect(run.units == sequential.units)
            #expect(run.diagnostics == sequential.diagnostics)
            #expect(run.peerStatistics == sequential.peerStatistics)
        }
        // …and the run did give the warnings that each indicator adds on its own
        let codes = sequential.diagnostics.map(\.code.rawValue)
        #expect(Set(codes) == ["E001", "D021", "E004", "E005"])
        let imputed = sequential.units.flatMap { unit in
            unit.nodes.filter { node in if case .imputed = node.status { true } else { false } }
        }
        #expect(!imputed.isEmpty)
        #expect(sequential.peerStatistics.count == 12)
        let empty = try #require(sequential.diagnostics.first { $0.code == .nothingToImpute })
        #expect(
            empty.text(.en) == """
                warning[E005]: indicator 'gov.empty': no unit reported a value to impute from for 4000 units: \
                'U0', 'U1', 'U2', 'U3', 'U4' and 3995 more; the value scores 0
                  hint: collect the value from at least one unit of the group, or use missing: zero or skip
                """)
    }

    @Test("a run refused on several threads lists the errors of one thread, in the same order")
    func parallelRefusalEqualsSequential() throws {
        // Given the run above with x2 required (missing: error), so that about 200 units refuse it
        var framework = Self.framework
        let id: NodeID = "services.percentile"
        guard case .indicator(var indicator)? = framework.nodes[id]?.kind else {
            Issue.record("no indicator \(id)")
            return
        }
        indicator.missing = .error
        framework.nodes[id]?.kind = .indicator(indicator)
        let engine = Engine(framework: framework)

        // When it is scored on one thread and on several
        func failure(_ concurrency: ScoringRun.Concurrency) -> [Diagnostic] {
            do {
                _ = try engine.score(Self.dataset, concurrency: concurrency)
                return []
            } catch {
                return error.diagnostics
            }
        }
        let sequential = failure(.sequential)

        // Then both refuse it with the same diagnostics, in the same order
        #expect(failure(.parallel) == sequential)
        let refused = sequential.filter { $0.code == .missingValue }
        #expect(refused.count > 100)
        #expect(
            refused.first?.text(.en) == """
                error[E002]: unit 'U\(Self.firstMissingX2)', indicator 'services.percentile': the value is missing \
                and the indicator says missing: error
                  hint: report 'x2' for unit 'U\(Self.firstMissingX2)', or change the indicator's missing policy
                """)
    }

    /// The first unit without x2, found by replaying the draws of ``dataset``.
    static var firstMissingX2: Int {
        var random = SplitMix64(state: 15)
        for u in 0..<unitCount {
            var missing = false
            for id in ["computers", "bandwidth", "meetings", "x1", "x2", "cost"] where random.unit() < 0.05 {
                missing = missing || id == "x2"
            }
            _ = random.unit()
            if missing { return u }
        }
        return -1
    }
}
