import Foundation
import ICTIndexCore
import ICTIndexCriteria
import ICTIndexTemplates
import ICTIndexTestSupport
import OrderedCollections

/// The repository's root folder, from this file's place in it.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Loads a criteria file of the repository.
func loadFramework(_ path: String) throws -> (framework: Framework, sha256: String) {
    let loaded = try FrameworkLoader().load(path: repositoryRoot.appendingPathComponent(path).path)
    return (loaded.framework, loaded.sha256)
}

/// The criteria files every template test runs over: the shipped ones and a fixture with every rule.
let templateFrameworks = [
    "Criteria/vn-province-agencies.yaml", "Criteria/vn-ict-index.yaml", "Criteria/vn-dti-2022-province.yaml",
    "Criteria/un-egdi.yaml", "Tests/ICTIndexTemplatesTests/Fixtures/every-rule.yaml",
]

/// A random value a unit could report for a variable; nil (blank) about one time in `blankOneIn`.
func randomValue(for variable: Variable, blankOneIn: Int, using generator: inout SplitMix64) -> Value? {
    if blankOneIn > 0 && Int.random(in: 0..<blankOneIn, using: &generator) == 0 { return nil }
    let bounds = variable.effectiveBounds
    let lo = bounds.min ?? 0
    let hi = bounds.max ?? Swift.max(lo + 1000, 1000)
    switch variable.kind {
    case .number:
        // Two decimals, as agencies type them.
        return .number((Double.random(in: lo...hi, using: &generator) * 100).rounded() / 100)
    case .percent:
        return .number((Double.random(in: lo...hi, using: &generator) * 10).rounded() / 10)
    case .integer:
        return .number(Double(Int.random(in: Int(lo.rounded(.up))...Int(hi.rounded(.down)), using: &generator)))
    case .boolean:
        return .number(Bool.random(using: &generator) ? 1 : 0)
    case .choice:
        return .option(variable.options.keys.randomElement(using: &generator)!)
    case .date:
        return .text("2025-0\(Int.random(in: 1...9, using: &generator))-1\(Int.random(in: 0...9, using: &generator))")
    case .text:
        return .text("Ghi chú \(Int.random(in: 1...99, using: &generator))")
    }
}

/// Units of every group of a framework, `perGroup` each.
func sampleUnits(_ framework: Framework, perGroup: Int) -> [ICTIndexCore.Unit] {
    framework.groups.keys.flatMap { group in
        (1...perGroup).map { Unit(code: UnitCode("\(group.rawValue.uppercased())-\($0)"), name: "Đơn vị \(group) \($0)", group: group) }
    }
}

/// A template's metadata for a unit, period 2025.
func metadata(_ framework: Framework, sha256: String, unit: ICTIndexCore.Unit, language: Language = .vi) -> TemplateMetadata {
    TemplateMetadata(
        unit: unit, period: "2025", frameworkID: framework.id, frameworkEdition: framework.edition,
        frameworkSHA256: sha256, deadline: "2026-01-15", language: language)
}
