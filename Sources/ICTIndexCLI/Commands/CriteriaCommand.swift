import ArgumentParser
import ICTIndexCore
import OrderedCollections
import ICTIndexCriteria

/// `ictindex criteria check|show`.
struct CriteriaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "criteria",
        abstract: "Kiểm tra, hiển thị bộ tiêu chí / Check and show criteria files.",
        subcommands: [Check.self, Show.self]
    )

    /// `ictindex criteria check FILE…`: validates every file, reports every problem.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check criteria files; print every problem (exit 64 if any file is invalid).")

        @Argument(help: "Criteria files (YAML).")
        var files: [String]

        func run() throws {
            var diagnostics: [Diagnostic] = []
            var summaries: [String] = []
            for file in files {
                do {
                    let loaded = try FrameworkLoader().load(path: file)
                    diagnostics += loaded.warnings
                    let f = loaded.framework
                    summaries.append(
                        "ok: \(file): \(f.id)\(f.edition.map { " (\($0))" } ?? ""), \(f.pillars.count) pillars, "
                            + "\(f.indicators.count) indicators, \(f.variables.count) variables, "
                            + "\(f.groups.count) groups, \(f.bands.count) bands")
                } catch {
                    diagnostics += error.diagnostics
                }
            }
            if !summaries.isEmpty { Console.out(summaries.joined(separator: "\n")) }
            Console.report(diagnostics)
            if diagnostics.hasErrors { throw ExitCode.validationFailure }
        }
    }

    /// `ictindex criteria show FILE`: the tree with rules, effective weights and max points.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a criteria file as a tree with effective weights and max points.")

        @Argument(help: "A criteria file (YAML).")
        var file: String

        @Option(help: "Language of names: vi or en.")
        var lang: OutputLanguage = .vi

        func run() throws {
            try Console.run {
                let loaded = try FrameworkLoader().load(path: file)
                Console.out(FrameworkTree(framework: loaded.framework, language: lang.language).render())
                Console.report(loaded.warnings)
            }
        }
    }
}

/// The framework as an indented tree: id, name, weight, effective weight, max points, rule.
struct FrameworkTree {
    let framework: Framework
    let language: Language

    func render() -> String {
        let f = framework
        let nominal = f.nominalWeights()
        let en = language == .en
        var lines = [
            "\(f.name.text(language)) [\(f.id)\(f.edition.map { " \($0)" } ?? "")]",
            (en ? "scale " : "thang điểm ") + NumberFormatting.plain(f.scale) + ", "
                + (en ? "decimals " : "số chữ số thập phân ") + "\(f.decimals), "
                + (en ? "rank on " : "xếp hạng theo điểm ") + f.rankOn.rawValue,
        ]
        let groups = f.groups.values.map { $0.id.rawValue + ($0.ranked ? "" : en ? " (not ranked)" : " (không xếp hạng)") }
        lines.append((en ? "groups: " : "khối: ") + groups.joined(separator: ", "))
        if !f.bands.isEmpty {
            lines.append((en ? "bands: " : "xếp loại: ") + f.bands.map { band in
                switch band.bound {
                case .atLeast(let x): "\(band.name.text(language)) ≥ \(NumberFormatting.plain(x))"
                case .above(let x): "\(band.name.text(language)) > \(NumberFormatting.plain(x))"
                case .any: band.name.text(language)
                }
            }.joined(separator: ", "))
        }
        lines.append("")
        var rows: [[String]] = [[
            en ? "node" : "mục", en ? "weight" : "trọng số", en ? "effective" : "hiệu dụng",
            en ? "max points" : "điểm tối đa", en ? "rule" : "quy tắc",
        ]]
        for node in f.nodes.values {
            let indent = String(repeating: "  ", count: node.level)
            let eff = nominal[node.id] ?? 0
            var rule = ""
            switch node.kind {
            case .pillar(let aggregate, _): rule = aggregate.rawValue
            case .indicator(let indicator):
                rule = indicator.rules.map(\.summary).joined(separator: " → ")
                if indicator.value.isSingleVariable == nil { rule = "\(indicator.value.source) ⇒ " + rule }
                if indicator.direction == .lower { rule += en ? " (lower is better)" : " (càng thấp càng tốt)" }
                if indicator.missing != .zero { rule += " [missing: \(indicator.missing.rawValue)]" }
            }
            if let groups = node.appliesTo {
                rule += " {" + groups.map(\.rawValue).sorted().joined(separator: ", ") + "}"
            }
            rows.append([
                indent + node.id.rawValue + " " + node.name.text(language),
                NumberFormatting.short(node.weight), NumberFormatting.short(eff, maxDecimals: 4),
                NumberFormatting.short(eff * f.scale, maxDecimals: 4), rule,
            ])
        }
        // Under each node, the rule as the decision words it (`description`), verbatim.
        var table = TableRenderer.align(rows, rightAligned: [1, 2, 3]).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        for (offset, node) in f.nodes.values.enumerated().reversed() {
            guard let description = node.description?.text(language), offset + 1 < table.count else { continue }
            let indent = String(repeating: "  ", count: node.level + 1)
            table.insert(indent + "“" + description + "”", at: offset + 2)
        }
        lines.append(table.joined(separator: "\n"))
        if !f.deductions.isEmpty {
            lines.append("")
            lines.append(en ? "deductions:" : "điểm trừ:")
            for d in f.deductions {
                lines.append(
                    "  \(d.id) \(d.name.text(language)): \(d.points.source)"
                        + (d.cap.map { ", " + (en ? "cap " : "tối đa ") + NumberFormatting.plain($0) } ?? ""))
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension ScoringRule {
    /// The rule and its parameters, as written in criteria files.
    var summary: String {
        let p = NumberFormatting.short
        switch self {
        case .ratio(let percent): return percent ? "ratio (percent)" : "ratio"
        case .linear(let from, let to): return "linear \(p(from, 4))→\(p(to, 4))"
        case .steps(let steps):
            return "steps " + steps.map { "≥\(p($0.atLeast, 4)):\(Self.award($0.award))" }.joined(separator: " ")
        case .choice(let choices):
            return "choice " + choices.map { "\($0.key):\(Self.award($0.value))" }.joined(separator: " ")
        case .boolean(let truePoints): return "boolean" + (truePoints.map { " (\(p($0, 4)) pts)" } ?? "")
        case .identity: return "identity"
        case .fractionOfMax(let over): return "fraction_of_max over \(over.rawValue)"
        case .minmax(let over, let range):
            return "minmax over \(over.rawValue)" + (range.map { " [\(p($0.lowerBound, 4)), \(p($0.upperBound, 4))]" } ?? "")
        case .zscore(let over, let mean, let sd, let sdOf):
            return "zscore over \(over.rawValue) (mean \(p(mean, 4)), sd \(p(sd, 4)), \(sdOf.rawValue))"
        case .rank(let over): return "rank over \(over.rawValue)"
        case .percentile(let over): return "percentile over \(over.rawValue)"
        case .distanceToTarget(let target, let over): return "distance_to_target \(p(target, 4)) over \(over.rawValue)"
        }
    }

    private static func award(_ award: Award) -> String {
        switch award {
        case .points(let x): NumberFormatting.short(x) + "pts"
        case .score(let f): NumberFormatting.short(f)
        }
    }
}
